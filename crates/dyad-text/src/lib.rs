//! dyad's text pipeline: sentence segmentation for news prose, tokens with
//! byte offsets into the original text, lemmas and coarse part-of-speech
//! tags. No external parser, no model files, no regexes: a rule-based
//! segmenter, a hand-written tokeniser and a lexicon-plus-rules tagger.
//!
//! ```
//! use dyad_text::{sentences, Lexicon, Tag, VerbForm};
//!
//! let text = "NAIROBI, March 3 (Reuters) - Police arrested two journalists. \
//!             Gen. Smith met U.N. officials on Jan. 5 in the U.S. The talks broke down.";
//! let lex = Lexicon::english();
//! let spans = sentences(text);
//! assert_eq!(spans.len(), 3);
//! let toks = lex.analyze(text, spans[0]);
//! let arrested = toks.iter().find(|t| t.norm == "arrested").unwrap();
//! assert_eq!(arrested.tag, Tag::Verb(VerbForm::Past));
//! assert_eq!(arrested.lemma, "arrest");
//! assert_eq!(arrested.span.slice(text), "arrested");
//! assert_eq!(lex.lemma("held"), "hold");
//! ```
//!
//! # Segmentation ([`sentences`])
//! * `.`, `!`, `?`, `…` end a sentence when followed by whitespace and a
//!   word that does not start lower case; closing quotes/brackets right
//!   after the terminator stay with the sentence (`He said "No." Then…`).
//! * After a title abbreviation (Mr., Gen., Dr., St., …) a period never
//!   ends a sentence; after a month (Jan.), an abbreviation that may end a
//!   sentence (Inc., Corp., Co., Ltd., Jr., etc.), a dotted one (U.S., a.m.)
//!   or an initial (John F. Kennedy) it does only when the next word is a
//!   typical sentence starter (The, He, In, …), never before a digit.
//! * A single newline is a space (hard-wrapped wire text). A blank line, a
//!   newline followed by indentation, or a newline followed by a bullet
//!   (`- `, `* `, `• `, `1. `, `2) `) ends a paragraph, so a headline line
//!   without final punctuation followed by a blank line is its own sentence.
//! * Sentences longer than [`MAX_SENTENCE_BYTES`] are cut at the last
//!   whitespace before the cap (or at a char boundary when there is none).
//! * Spans are trimmed, never empty, on char boundaries, in order.
//!
//! # Tokens ([`Lexicon::analyze`])
//! * Words keep inner hyphens and apostrophes (`al-Shabaab`,
//!   `Secretary-General`, `d'Ivoire`); numbers keep inner `,` `.` `/` `:`
//!   (`1,200`, `3.5`, `2/27`).
//! * Dotted abbreviations keep their periods as one token (`U.S.`, `a.m.`),
//!   and so do listed abbreviations (`Gen.`, `Feb.`, `Inc.`) and initials
//!   (`F.`). A hyphen after an abbreviation's final period splits:
//!   `U.S.-backed` is `U.S.` `-` `backed`, so actor dictionaries see `U.S.`.
//! * `norm` is lower case with typographic quotes, apostrophes and dashes
//!   folded to ASCII; periods are kept (`u.s.`), so dictionaries list both
//!   `u.s.` and `us` spellings where they want both. The upper-case word `US`
//!   in ordinary text is tagged [`Tag::ProperNoun`] (the country), not a
//!   pronoun.
//! * Clitics split off: `'s` ([`Tag::Possessive`], or `Aux` "be"/"have"
//!   after a pronoun), `n't` ([`Tag::Neg`], lemma "not"; `can't` is `ca` +
//!   `n't`, lemma "can"), `'re` `'ve` `'ll` `'d` `'m`, and `cannot`. A
//!   plural possessive apostrophe (`officials'`) is its own Possessive token.
//!
//! # Lemmas and tags
//! Lemmas come from a table generated from LemmInflect (MIT) / the NIH
//! SPECIALIST Lexicon by `scripts/gen_lexicon.py` (`data/lexicon.tsv`), so
//! irregulars work (held→hold, struck→strike, sought→seek). A token's
//! lemma is the one for its tag in context ("the saw" → saw, "he saw" →
//! see); [`Lexicon::lemma`] without context prefers verb readings. Names
//! (tag [`Tag::ProperNoun`]) and unknown words keep their norm as lemma.
//! The tagger is a single left-to-right pass of context rules; see
//! `tagger.rs`.
#![deny(missing_docs)]

mod closed;
mod lexicon;
mod segment;
mod tagger;
mod tokenize;

use dyad_core::Span;
use std::sync::Arc;

/// The string type of [`Token::norm`] and [`Token::lemma`]: derefs to `str`
/// and compares with `&str`, but keeps strings of up to 24 bytes inline and
/// lexicon lemmas by reference, so analysing a token allocates nothing.
pub use compact_str::CompactString;
pub use segment::{sentences, MAX_SENTENCE_BYTES};

use lexicon::{Word, Words};
use tokenize::{Kind, Raw};

/// Coarse part of speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tag {
    /// Common noun.
    Noun,
    /// Capitalised name word.
    ProperNoun,
    /// Lexical verb, with its form.
    Verb(VerbForm),
    /// be / have / do used as auxiliaries (any form).
    Aux(VerbForm),
    /// will, would, can, could, may, might, shall, should, must.
    Modal,
    /// Adjective.
    Adj,
    /// Adverb.
    Adv,
    /// Determiner / article / possessive determiner.
    Det,
    /// Preposition.
    Prep,
    /// Coordinating conjunction (and, or, but).
    Conj,
    /// Subordinating conjunction or complementiser (that, if, because, while).
    Sconj,
    /// Pronoun.
    Pron,
    /// Number.
    Num,
    /// Infinitival "to".
    To,
    /// not, n't, never, no.
    Neg,
    /// Possessive 's.
    Possessive,
    /// Punctuation.
    Punct,
    /// Anything else.
    Other,
}

impl Tag {
    /// Short name used in test fixtures and debug output ("VBD", "NN", ...).
    pub fn short(self) -> &'static str {
        use VerbForm::*;
        match self {
            Tag::Noun => "NN",
            Tag::ProperNoun => "NNP",
            Tag::Verb(Base) => "VB",
            Tag::Verb(Present3) => "VBZ",
            Tag::Verb(Past) => "VBD",
            Tag::Verb(PastParticiple) => "VBN",
            Tag::Verb(Gerund) => "VBG",
            Tag::Aux(Base) => "AUX",
            Tag::Aux(Present3) => "AUXZ",
            Tag::Aux(Past) => "AUXD",
            Tag::Aux(PastParticiple) => "AUXN",
            Tag::Aux(Gerund) => "AUXG",
            Tag::Modal => "MD",
            Tag::Adj => "JJ",
            Tag::Adv => "RB",
            Tag::Det => "DT",
            Tag::Prep => "IN",
            Tag::Conj => "CC",
            Tag::Sconj => "SC",
            Tag::Pron => "PRP",
            Tag::Num => "CD",
            Tag::To => "TO",
            Tag::Neg => "NEG",
            Tag::Possessive => "POS",
            Tag::Punct => "PUNCT",
            Tag::Other => "X",
        }
    }

    /// True for lexical verbs (not auxiliaries or modals).
    pub fn is_verb(self) -> bool {
        matches!(self, Tag::Verb(_))
    }
}

/// Verb form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum VerbForm {
    /// meet
    Base,
    /// meets
    Present3,
    /// met (simple past)
    Past,
    /// met (participle)
    PastParticiple,
    /// meeting
    Gerund,
}

/// Letter case of a token as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Case {
    /// all lower case
    Lower,
    /// First letter upper case
    Title,
    /// ALL CAPS (two letters or more)
    Upper,
    /// no letters, or mixed
    Other,
}

impl Case {
    /// Case of `s` as written: Upper needs two or more letters, all upper;
    /// Title is a first letter upper case that is not all caps; Lower is all
    /// lower case; anything else (no letters, "iPhone", "al-Shabaab") Other.
    pub fn of(s: &str) -> Case {
        if let Some((case, ..)) = Case::of_ascii(s.as_bytes()) {
            return case;
        }
        let mut letters = 0usize;
        let mut upper = 0usize;
        let mut first_upper = None;
        for c in s.chars() {
            if c.is_alphabetic() {
                letters += 1;
                let u = c.is_uppercase();
                upper += usize::from(u);
                first_upper.get_or_insert(u);
            }
        }
        Case::classify(letters, upper, first_upper)
    }

    /// [`Case::of`] for ASCII bytes, whether any is upper case and whether
    /// any is a letter; `None` when a byte is not ASCII.
    #[inline]
    fn of_ascii(s: &[u8]) -> Option<(Case, bool, bool)> {
        // One table load a byte (this runs for every token): counting with
        // range tests made the compiler vectorise a loop that runs over a
        // few bytes, at about 70 instructions a token.
        let mut seen = 0u8;
        for &c in s {
            seen |= BYTE_CLASS[usize::from(c)];
        }
        if seen & HIGH != 0 {
            return None;
        }
        let upper = seen & UPPER != 0;
        // The first letter is nearly always the first byte.
        let first = s.iter().find(|c| c.is_ascii_alphabetic()).map(u8::is_ascii_uppercase);
        // As `classify`: all letters upper means no lower-case one.
        let case = match first {
            None => Case::Other,
            Some(_) if !upper => Case::Lower,
            // No lower-case letter: count the letters (all upper) only here,
            // which is rare, rather than for every token.
            Some(_) if seen & LOWER == 0 && s.iter().filter(|c| c.is_ascii_uppercase()).nth(1).is_some() => Case::Upper,
            Some(true) => Case::Title,
            Some(false) => Case::Other,
        };
        Some((case, upper, seen & (UPPER | LOWER) != 0))
    }

    #[inline]
    fn classify(letters: usize, upper: usize, first_upper: Option<bool>) -> Case {
        match first_upper {
            None => Case::Other,
            Some(_) if upper == 0 => Case::Lower,
            Some(_) if upper == letters && letters >= 2 => Case::Upper,
            Some(true) => Case::Title,
            Some(false) => Case::Other,
        }
    }
}

// Byte classes for `Case::of_ascii`.
const UPPER: u8 = 1;
const LOWER: u8 = 2;
const HIGH: u8 = 4;
static BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        t[i] = if c.is_ascii_uppercase() {
            UPPER
        } else if c.is_ascii_lowercase() {
            LOWER
        } else if !c.is_ascii() {
            HIGH
        } else {
            0
        };
        i += 1;
    }
    t
};

/// One token with its span in the original text.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    /// Byte span in the original document text.
    pub span: Span,
    /// Normalised form: lower case, curly quotes and dashes made ASCII.
    pub norm: CompactString,
    /// Lemma of `norm` (itself when unknown).
    pub lemma: CompactString,
    /// Coarse part of speech in context.
    pub tag: Tag,
    /// Letter case as written.
    pub case: Case,
}

/// The English lexicon: lemmas and word classes. Immutable once built;
/// share it behind an `Arc`.
pub struct Lexicon {
    words: Words,
    /// Forms in the generated table (`words` also holds closed-class words).
    forms: usize,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon").field("forms", &self.forms).field("words", &self.words.len()).finish()
    }
}

impl Default for Lexicon {
    fn default() -> Lexicon {
        Lexicon::english()
    }
}

impl Lexicon {
    /// The built-in English lexicon (parses the embedded table; a few ms).
    pub fn english() -> Lexicon {
        let (words, forms) = lexicon::build();
        Lexicon { words, forms }
    }

    /// Number of word forms in the table.
    pub fn len(&self) -> usize {
        self.forms
    }

    /// True when the table is empty (never, for [`Lexicon::english`]).
    pub fn is_empty(&self) -> bool {
        self.forms == 0
    }

    /// Lemma of a normalised (lower-case) word; the word itself when unknown.
    /// Without context, verb readings win ("saw" → "see", "talks" → "talk").
    pub fn lemma<'a>(&'a self, norm: &'a str) -> &'a str {
        self.lemma_static(norm).unwrap_or(norm)
    }

    /// The lemma of a word the lexicon knows, as a string that lives as long
    /// as the program (no allocation); `None` for unknown words.
    pub fn lemma_static(&self, norm: &str) -> Option<&'static str> {
        self.words.get(norm).and_then(|w| w.lemma(&self.words.entries))
    }

    /// Number of word ids: the lexicon's forms (those of the table and the
    /// closed-class words) are numbered `0..word_count()`.
    pub fn word_count(&self) -> usize {
        self.words.len()
    }

    /// The form with word id `id` (see [`Scratch::word`]), `None` past
    /// [`Lexicon::word_count`]. Ids follow the embedded table, so every
    /// [`Lexicon::english`] numbers its words alike: a table built by word
    /// id with one serves another.
    pub fn form(&self, id: u32) -> Option<&'static str> {
        self.words.form(id)
    }

    /// The word id of `norm` (see [`Lexicon::form`]), `None` when the
    /// lexicon does not know it.
    pub fn word_id(&self, norm: &str) -> Option<u32> {
        self.words.get(norm).map(|w| w.id)
    }

    /// True when `norm` is in the table as a common (non-name) word.
    pub fn is_common_word(&self, norm: &str) -> bool {
        self.words.get(norm).is_some_and(Word::is_common)
    }

    /// Tokenise, lemmatise and tag one sentence of `text`. Spans in the
    /// result are absolute offsets into `text`. An invalid `sentence` span
    /// (out of range or not on char boundaries) yields no tokens.
    pub fn analyze(&self, text: &str, sentence: Span) -> Vec<Token> {
        let mut out = Vec::new();
        self.analyze_into(text, sentence, &mut Scratch::default(), &mut out);
        out
    }

    /// [`Lexicon::analyze`] into `out` (cleared first), reusing the buffers
    /// of `scratch`: a worker that keeps both across sentences allocates
    /// nothing per sentence once they have grown. Afterwards `scratch` also
    /// knows each token's context-free lemma ([`Scratch::lemma`]).
    pub fn analyze_into(&self, text: &str, sentence: Span, scratch: &mut Scratch, out: &mut Vec<Token>) {
        self.lex_into(text, sentence, scratch);
        self.tag_into(sentence, scratch, out);
    }

    /// The first half of [`Lexicon::analyze_into`]: tokenises the sentence
    /// and looks every token up in the lexicon, without tagging. Afterwards
    /// [`Scratch::len`], [`Scratch::norm`], [`Scratch::lemma`] and
    /// [`Scratch::readings`] describe the tokens, so that a caller can tell
    /// from them whether the sentence is worth tagging at all; then
    /// [`Lexicon::tag_into`] finishes the analysis.
    pub fn lex_into(&self, text: &str, sentence: Span, scratch: &mut Scratch) {
        let Scratch { raws, tokens, lexes, choices, buf, entries, lettered, capitals } = scratch;
        if !Arc::ptr_eq(&entries.0, &self.words.entries) {
            entries.0 = Arc::clone(&self.words.entries);
        }
        raws.clear();
        tokens.clear();
        lexes.clear();
        choices.clear();
        // Counted in registers, stored once (the pushes below may alias
        // the scratch's fields as far as the compiler knows).
        let (mut with_letters, mut in_capitals) = (0, 0);
        let s = sentence.slice(text);
        raws.reserve(s.len() / 5 + 4);
        tokenize::tokenize(s, raws);
        let n = raws.len();
        tokens.reserve(n);
        lexes.reserve(n);
        choices.reserve(n);
        for r in raws.iter() {
            let src = &s[r.start..r.end];
            let punct = matches!(r.kind, Kind::Punct | Kind::Symbol);
            // A plain token's norm is its text: no second look at its case.
            let folded = match r.plain {
                0 => lexicon::Folded::new(src.as_bytes()),
                p => lexicon::Folded::plain(src.as_bytes(), p == tokenize::PLAIN_LOWER),
            };
            // A short ASCII token's case comes with its key; a longer one's from one pass.
            let ascii = folded.map(|f| (f.case, f.upper, f.letters)).or_else(|| Case::of_ascii(src.as_bytes()));
            let (owned, case, letters) = if let Some((case, upper, letters)) = ascii {
                // A copy that needs lowering only when a letter is upper
                // case (most words are lower case).
                let mut n = CompactString::new(src);
                if upper {
                    n.make_ascii_lowercase();
                }
                (n, case, letters)
            } else {
                tokenize::normalize(src, buf);
                let case = if punct { Case::Other } else { Case::of(src) };
                // A case other than `Other` needs letters.
                let letters = case != Case::Other || buf.chars().any(char::is_alphabetic);
                (CompactString::new(buf.as_str()), case, letters)
            };
            let case = if punct { Case::Other } else { case };
            with_letters += usize::from(letters);
            in_capitals += usize::from(case == Case::Upper);
            let norm = owned.as_str();
            let mut prefix = 0;
            // One probe of the lexicon per token; the context-free reading
            // (what `Lexicon::lemma` and `is_common_word` would say) comes
            // from the same probe, its lemma read from the entry only when
            // asked for.
            let word = match &folded {
                Some(f) => self.words.get_folded(f),
                None => self.words.get(norm),
            };
            let word = *word.unwrap_or(&lexicon::UNKNOWN);
            let (closed, entry, mask) = match r.kind {
                Kind::Word | Kind::Clitic if word.is_closed() => (word.closed_class(), lexicon::NO_ENTRY, 0),
                Kind::Word | Kind::Clitic if word.entry != lexicon::NO_ENTRY => (None, word.entry, word.mask()),
                Kind::Word | Kind::Clitic => {
                    let head = norm.rfind('-').and_then(|h| {
                        let w = self.words.get(&norm[h + 1..])?;
                        (w.entry != lexicon::NO_ENTRY && w.mask() & !lexicon::NNP != 0).then_some((h + 1, w))
                    });
                    match head {
                        Some((h, w)) => {
                            prefix = h;
                            (None, w.entry, w.mask())
                        }
                        None => (None, lexicon::NO_ENTRY, 0),
                    }
                }
                _ => (None, lexicon::NO_ENTRY, 0),
            };
            // One record per token for the tagger and for the probe's facts.
            lexes.push(tagger::Lex {
                word,
                prefix: prefix as u32,
                entry,
                mask,
                closed,
                kind: r.kind,
                case,
                in_context: LemmaKind::Norm,
            });
            // The token as far as it is known before tagging: `tag_into`
            // fills in the tag, and the lemma in place where the tagger
            // chose one other than the norm (most tokens keep this copy).
            tokens.push(Token {
                span: Span::new(sentence.start + r.start, sentence.start + r.end),
                lemma: owned.clone(),
                norm: owned,
                tag: Tag::Other,
                case,
            });
        }
        (*lettered, *capitals) = (with_letters, in_capitals);
    }

    /// The second half of [`Lexicon::analyze_into`]: tags the tokens that
    /// [`Lexicon::lex_into`] left in `scratch` for `sentence` and writes them
    /// to `out` (cleared first).
    pub fn tag_into(&self, sentence: Span, scratch: &mut Scratch, out: &mut Vec<Token>) {
        debug_assert!(scratch.tokens.iter().all(|t| sentence.start <= t.span.start && t.span.end <= sentence.end));
        let Scratch { tokens, lexes, choices, .. } = scratch;
        tagger::tag(&self.words.entries, lexes, tokens, choices);
        // The tokens move to `out` whole (the vectors swap: `out`'s memory
        // serves the next sentence's tokens) and are finished in place.
        out.clear();
        std::mem::swap(out, tokens);
        let entries = &self.words.entries;
        for ((t, &(tag, lemma)), lex) in out.iter_mut().zip(choices.iter()).zip(lexes.iter_mut()) {
            let look = lex;
            t.tag = tag;
            // No lemma chosen: the norm, as `lex_into` noted and copied.
            let Some(l) = lemma else {
                continue;
            };
            let prefix = look.prefix as usize;
            // The very string of the table that the context-free lemma is
            // (same place, same length): what it is was noted with the
            // word, so no string is compared.
            let free = prefix == 0 && look.word.lemma(entries).is_some_and(|c| std::ptr::eq(c, l));
            if free && look.word.lemma_is_form() {
                // The norm itself, which `lex_into` copied already.
                continue;
            }
            if prefix > 0 {
                let mut s = CompactString::with_capacity(prefix + l.len());
                s.push_str(&t.norm[..prefix]);
                s.push_str(l);
                t.lemma = s;
            } else if l.len() <= 24 {
                // Short lemmas inline with word loads (`const_new` copies a
                // byte at a time), long ones borrow the lexicon's string.
                t.lemma = CompactString::new(l);
            } else {
                t.lemma = CompactString::const_new(l);
            }
            look.in_context = if free {
                LemmaKind::ContextFree
            } else if t.lemma == t.norm {
                LemmaKind::Norm
            } else {
                LemmaKind::Other
            };
        }
    }
}

/// What a token's lemma in context ([`Token::lemma`]) is, as
/// [`Scratch::lemma_kind`] tells it after [`Lexicon::tag_into`]: a caller
/// that keeps facts by the norm and the context-free lemma reuses them
/// without comparing strings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LemmaKind {
    /// The token's norm.
    Norm,
    /// The context-free lemma ([`Scratch::lemma`]), which is not the norm.
    ContextFree,
    /// Another string than the norm (which may still equal the
    /// context-free lemma, or a lemma a caller derives otherwise).
    Other,
}

/// The lexicon's entries, shared with it (the debug output only counts them).
#[derive(Default)]
struct Entries(Arc<[lexicon::Entry]>);

impl std::fmt::Debug for Entries {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Entries({})", self.0.len())
    }
}

/// Reusable buffers for [`Lexicon::analyze_into`]: keep one per thread.
#[derive(Debug, Default)]
pub struct Scratch {
    raws: Vec<Raw>,
    /// The tokens of the sentence given to [`Lexicon::lex_into`], untagged
    /// until [`Lexicon::tag_into`] finishes them (and moves them out).
    tokens: Vec<Token>,
    lexes: Vec<tagger::Lex>,
    choices: Vec<tagger::Choice>,
    buf: String,
    /// Those of the lexicon last given to [`Lexicon::lex_into`].
    entries: Entries,
    /// Tokens of that sentence with a letter, and those in capitals.
    lettered: usize,
    capitals: usize,
}

impl Scratch {
    /// The context-free lemma of token `i` of the last analysed sentence, as
    /// [`Lexicon::lemma_static`] gives it for the token's `norm`.
    pub fn lemma(&self, i: usize) -> Option<&'static str> {
        self.lexes.get(i).and_then(|l| l.word.lemma(&self.entries.0))
    }

    /// The word id of token `i`'s `norm` (see [`Lexicon::form`]), when the
    /// lexicon knows the word: a caller may keep facts about each word in a
    /// table by id rather than hashing the norm again.
    pub fn word(&self, i: usize) -> Option<u32> {
        self.lexes.get(i).map(|l| l.word.id).filter(|&w| w != lexicon::NO_WORD)
    }

    /// After [`Lexicon::tag_into`]: whether the tagger chose a lemma for
    /// token `i`. When it did not, the token's [`Token::lemma`] is its
    /// `norm` (when it did, the lemma may still be the norm).
    pub fn has_lemma(&self, i: usize) -> bool {
        self.choices.get(i).is_some_and(|c| c.1.is_some())
    }

    /// After [`Lexicon::tag_into`]: what token `i`'s lemma in context is
    /// ([`LemmaKind::Norm`] out of range).
    pub fn lemma_kind(&self, i: usize) -> LemmaKind {
        self.lexes.get(i).map_or(LemmaKind::Norm, |l| l.in_context)
    }

    /// Whether token `i` of the last analysed sentence is a common word, as
    /// [`Lexicon::is_common_word`] says of the token's `norm`.
    pub fn is_common_word(&self, i: usize) -> bool {
        self.lexes.get(i).is_some_and(|l| l.word.is_common())
    }

    /// Of the tokens of the last sentence given to [`Lexicon::lex_into`],
    /// how many have a letter in their `norm` and how many of those have
    /// [`Case::Upper`]: what tells wire text in capitals, counted while
    /// the tokens are made.
    pub fn letter_counts(&self) -> (usize, usize) {
        (self.lettered, self.capitals)
    }

    /// After [`Lexicon::tag_into`]: [`Scratch::lemma_kind`] of every token
    /// in order.
    pub fn lemma_kinds(&self) -> impl Iterator<Item = LemmaKind> + '_ {
        self.lexes.iter().map(|l| l.in_context)
    }

    /// Number of tokens of the last sentence given to [`Lexicon::lex_into`].
    pub fn len(&self) -> usize {
        self.lexes.len()
    }

    /// True when that sentence had no tokens.
    pub fn is_empty(&self) -> bool {
        self.lexes.is_empty()
    }

    /// The normalised form of token `i` (after [`Lexicon::lex_into`]; `""`
    /// out of range).
    pub fn norm(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.norm.as_str())
    }

    /// The letter case of token `i` as [`Token::case`] will give it (after
    /// [`Lexicon::lex_into`]; [`Case::Other`] out of range).
    pub fn case(&self, i: usize) -> Case {
        self.lexes.get(i).map_or(Case::Other, |l| l.case)
    }

    /// Calls `f` with every lemma other than its `norm` that the tagger may
    /// give token `i` in context (after [`Lexicon::lex_into`], before
    /// tagging): the closed-class lemma, every reading's lemma in the
    /// lexicon entry (prefixed by the hyphenated part when the entry is the
    /// last part's, `pro-government`), and the fixed lemmas of clitics and
    /// negation. The token's [`Token::lemma`] is always its `norm` or one of
    /// these; a test over text checks it, so that a caller may skip tagging
    /// a sentence none of whose possible keys it needs.
    pub fn readings(&self, i: usize, mut f: impl FnMut(&str)) {
        let Some(lex) = self.lexes.get(i) else { return };
        match lex.kind {
            Kind::Neg => f("not"),
            Kind::PossApostrophe | Kind::ApostropheS => ["'s", "have", "be"].into_iter().for_each(&mut f),
            _ => {}
        }
        if let Some((closed, lemma)) = lex.closed() {
            f(lemma);
            // `'d` before a participle is `had`.
            if closed == closed::Closed::ApostropheD {
                f("have");
            }
        }
        let Some(entry) = self.entries.0.get(lex.entry as usize) else { return };
        let prefix = lex.prefix as usize;
        let norm = self.norm(i);
        for lemma in entry.lemmas() {
            if prefix == 0 {
                f(lemma);
            } else if let Some(head) = norm.get(..prefix) {
                let mut joined = CompactString::with_capacity(prefix + lemma.len());
                joined.push_str(head);
                joined.push_str(lemma);
                f(&joined);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sentences with clitics, negation, possessives, hyphenated words and
    /// wire capitals. (The coder's `skip` tests check the same over news
    /// text when `../shared` is there.)
    const TEXTS: &[&str] = &[
        "The ministers met and weren't pleased; they'd agreed to talks.",
        "Officials' cars were seized by pro-government militias, police said.",
        "He's left. It's been raining, and that's the officials' view. She'd gone.",
        "SHARES ROSE 3 PCT IN HEAVY TRADING, DEALERS SAID.",
        "Rebels cannot hold the re-opened border posts they've taken, analysts say.",
    ];

    /// What a caller that skips untagged sentences relies on: the lemma the
    /// tagger gives a token is its norm or one of [`Scratch::readings`].
    #[test]
    fn the_tagged_lemma_is_one_of_the_readings() {
        let lexicon = Lexicon::english();
        let mut scratch = Scratch::default();
        let mut tokens = Vec::new();
        let mut checked = 0;
        for &text in TEXTS {
            for span in sentences(text) {
                lexicon.lex_into(text, span, &mut scratch);
                let readings: Vec<Vec<String>> = (0..scratch.len())
                    .map(|i| {
                        let mut all = vec![scratch.norm(i).to_string()];
                        scratch.readings(i, |l| all.push(l.to_string()));
                        all
                    })
                    .collect();
                lexicon.tag_into(span, &mut scratch, &mut tokens);
                assert_eq!(tokens.len(), readings.len());
                for (t, r) in tokens.iter().zip(&readings) {
                    assert!(r.iter().any(|l| *l == t.lemma), "{:?} not in {r:?} ({})", t.lemma, span.slice(text));
                    checked += 1;
                }
            }
        }
        assert!(checked > 50, "{checked} tokens checked");
    }

    /// Analysing in two halves is analysing in one.
    #[test]
    fn lex_then_tag_is_analyze() {
        let lexicon = Lexicon::english();
        let text = "Officials' cars were seized by pro-government militias, police said.";
        let span = Span::new(0, text.len());
        let mut scratch = Scratch::default();
        let mut tokens = Vec::new();
        lexicon.lex_into(text, span, &mut scratch);
        let (n, first) = (scratch.len(), scratch.norm(0).to_string());
        let cases: Vec<Case> = (0..n).map(|i| scratch.case(i)).collect();
        lexicon.tag_into(span, &mut scratch, &mut tokens);
        assert_eq!(tokens, lexicon.analyze(text, span));
        assert_eq!(cases, tokens.iter().map(|t| t.case).collect::<Vec<_>>());
        for (i, t) in tokens.iter().enumerate() {
            assert!(scratch.has_lemma(i) || t.lemma == t.norm, "{t:?}");
        }
        assert!(scratch.has_lemma(tokens.iter().position(|t| t.norm == "seized").unwrap_or(0)));
        assert_eq!((n, first.as_str()), (tokens.len(), "officials"));
    }

    /// What `lemma_kind` says of a token's lemma is so: the norm, the
    /// context-free lemma (not the norm), or another string than the norm.
    #[test]
    fn lemma_kinds_say_what_the_lemma_is() {
        let lexicon = Lexicon::english();
        let mut scratch = Scratch::default();
        let mut tokens = Vec::new();
        let mut seen = [0; 3];
        for &text in TEXTS {
            for span in sentences(text) {
                lexicon.lex_into(text, span, &mut scratch);
                let free: Vec<Option<&str>> = (0..scratch.len()).map(|i| scratch.lemma(i)).collect();
                lexicon.tag_into(span, &mut scratch, &mut tokens);
                for (i, t) in tokens.iter().enumerate() {
                    match scratch.lemma_kind(i) {
                        LemmaKind::Norm => assert_eq!(t.lemma, t.norm),
                        LemmaKind::ContextFree => {
                            assert_eq!(Some(t.lemma.as_str()), free[i], "{t:?}");
                            assert_ne!(t.lemma, t.norm);
                        }
                        LemmaKind::Other => assert_ne!(t.lemma, t.norm),
                    }
                    seen[scratch.lemma_kind(i) as usize] += 1;
                }
            }
        }
        // "met", "weren't": each kind occurs.
        assert!(seen.iter().all(|&n| n > 0), "{seen:?}");
    }

    /// The letter counts made with the tokens are those of the tagged
    /// tokens' norms and cases, and the lemma kinds in order are those by index.
    #[test]
    fn letter_counts_and_lemma_kinds_match_the_tokens() {
        let lexicon = Lexicon::english();
        let mut scratch = Scratch::default();
        let mut tokens = Vec::new();
        let more = [
            "CÔTE D'IVOIRE'S ARMY SEIZED 1,200 RIFLES — OFFICIALS SAID «NON».",
            "Naïve iPhone-users paid €5 for 3½ x1 tokens at São Paulo's №7 café ©.",
            "A VERY-LONG-HYPHENATED-WORD-HERE and an INTERNATIONALISATION, said ñ.",
        ];
        let mut capitals = 0;
        for &text in TEXTS.iter().chain(more.iter()) {
            for span in sentences(text) {
                lexicon.lex_into(text, span, &mut scratch);
                let counts = scratch.letter_counts();
                lexicon.tag_into(span, &mut scratch, &mut tokens);
                let lettered: Vec<&Token> = tokens.iter().filter(|t| t.norm.chars().any(char::is_alphabetic)).collect();
                let upper = lettered.iter().filter(|t| t.case == Case::Upper).count();
                assert_eq!(counts, (lettered.len(), upper), "{}", span.slice(text));
                assert!(tokens.iter().all(|t| t.case == Case::Other || t.norm.chars().any(char::is_alphabetic)));
                capitals += upper;
                let kinds: Vec<LemmaKind> = scratch.lemma_kinds().collect();
                assert_eq!(kinds, (0..tokens.len()).map(|i| scratch.lemma_kind(i)).collect::<Vec<_>>());
            }
        }
        assert!(capitals > 10, "{capitals}");
    }

    /// `,` `:` `/` join digits only: after a letter they end the word.
    #[test]
    fn separators_join_digits_only() {
        let lexicon = Lexicon::english();
        let text = "Talks ended, officials said: yes/no on 1,200 at 10:30 on 2/27 for G7,2 and 1980s, PM:";
        let norms: Vec<String> =
            lexicon.analyze(text, Span::new(0, text.len())).iter().map(|t| t.norm.to_string()).collect();
        let want = "talks ended , officials said : yes / no on 1,200 at 10:30 on 2/27 for g7,2 and 1980s , pm :";
        assert_eq!(norms.join(" "), want);
    }

    /// A token's word id names its norm; unknown words have none.
    #[test]
    fn word_ids_name_the_norm() {
        let lexicon = Lexicon::english();
        let text = "Zzyzxq officials' cars were seized by pro-government militias, police said.";
        let mut scratch = Scratch::default();
        lexicon.lex_into(text, Span::new(0, text.len()), &mut scratch);
        let mut known = 0;
        for i in 0..scratch.len() {
            match scratch.word(i) {
                Some(id) => {
                    assert_eq!(lexicon.form(id), Some(scratch.norm(i)));
                    assert!((id as usize) < lexicon.word_count());
                    known += 1;
                }
                None => assert!(lexicon.lemma_static(scratch.norm(i)).is_none(), "{}", scratch.norm(i)),
            }
        }
        assert_eq!(scratch.word(0), None, "zzyzxq");
        assert!(known >= 8, "{known}");
    }
}
