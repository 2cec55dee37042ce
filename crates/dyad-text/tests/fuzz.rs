//! Fuzz-style invariant checks (no proptest): random bytes and random mixes of
//! tricky fragments go through `sentences` + `analyze`; spans must be inside
//! the text, on char boundaries, ordered, non-overlapping and non-empty.

use dyad_core::Span;
use dyad_text::{sentences, Lexicon};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const PIECES: &[&str] = &[
    "U.S.",
    "u.n.",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\n    ",
    "\t",
    ".",
    "...",
    "?",
    "!",
    "\"",
    "'",
    "’",
    "”",
    "“",
    "(",
    ")",
    "-",
    "–",
    "—",
    "Gen.",
    "Mr.",
    "Jan.",
    "5",
    "1,200",
    "3.5",
    "2/27",
    "n't",
    "'s",
    "don't",
    "Côte",
    "d’Ivoire",
    "al-Shabaab",
    "e\u{301}",
    "\u{301}",
    "🙂",
    "👩‍👩‍👧",
    "שלום",
    "مرحبا",
    "\u{200d}",
    "\u{a0}",
    "\u{2028}",
    "\u{3000}",
    "İ",
    "ß",
    "The",
    "talks",
    "held",
    "Police",
    "arrested",
    "A.",
    "- ",
    "* ",
    "1. ",
    "• ",
    "x",
    "ALL CAPS",
    "Inc.",
    "a.m.",
    "no.",
    "\r\n",
    "'",
    "s",
    "'d",
    "cannot",
];

fn check(lex: &Lexicon, text: &str) {
    let spans = sentences(text);
    let mut last = 0;
    for s in &spans {
        assert!(s.start >= last, "ordered / non-overlapping: {s:?} in {text:?}");
        assert!(s.start < s.end, "non-empty: {s:?} in {text:?}");
        assert!(s.end <= text.len());
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        let body = s.slice(text);
        assert_eq!(body, body.trim(), "trimmed: {s:?} in {text:?}");
        assert!(s.len() <= dyad_text::MAX_SENTENCE_BYTES);
        last = s.end;
        let toks = lex.analyze(text, *s);
        let mut tl = s.start;
        for t in &toks {
            assert!(t.span.start >= tl && t.span.start < t.span.end && t.span.end <= s.end, "{t:?} in {text:?}");
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            assert!(!t.norm.is_empty() && !t.lemma.is_empty());
            tl = t.span.end;
        }
    }
    // Every non-whitespace byte of the text is in some sentence.
    let covered: usize = spans.iter().map(|s| s.slice(text).split_whitespace().map(str::len).sum::<usize>()).sum();
    let total: usize = text.split_whitespace().map(str::len).sum();
    assert_eq!(covered, total, "lost text in {text:?}");
}

#[test]
fn random_bytes() {
    let lex = Lexicon::english();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..3000 {
        let n = rng.below(200);
        let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
        check(&lex, &String::from_utf8_lossy(&bytes));
        let mut s = String::new();
        for _ in 0..rng.below(60) {
            s.push_str(PIECES[rng.below(PIECES.len())]);
        }
        check(&lex, &s);
    }
}

#[test]
fn bad_sentence_spans_do_not_panic() {
    let lex = Lexicon::english();
    let text = "Côte d’Ivoire";
    assert!(lex.analyze(text, Span::new(2, 3)).is_empty()); // inside 'ô'
    assert!(lex.analyze(text, Span::new(5, 500)).is_empty());
    assert!(lex.analyze("", Span::new(0, 0)).is_empty());
}

#[test]
fn big_inputs_are_linear() {
    // 4 MB with no punctuation, and a 2M-char line with no whitespace.
    let lex = Lexicon::english();
    let text = "word ".repeat(800_000);
    let spans = sentences(&text);
    assert!(spans.len() >= 4_000_000 / dyad_text::MAX_SENTENCE_BYTES);
    for s in spans.iter().take(50) {
        assert!(!lex.analyze(&text, *s).is_empty());
    }
    let line = "é.".repeat(700_000);
    let spans = sentences(&line);
    assert!(spans.iter().all(|s| line.is_char_boundary(s.start) && line.is_char_boundary(s.end)));
    let blank = " \n ".repeat(1_000_000);
    assert!(sentences(&blank).is_empty());
}
