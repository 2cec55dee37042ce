//! One analysed sentence: tokens plus the keys the dictionaries match on.

use dyad_core::Span;
use dyad_dict::KeyRow;
use dyad_text::{Case, Scratch, Token};

use crate::Coder;

/// A sentence's tokens and, per token, the keys a dictionary word may match:
/// its normalised form, its lemma in context, and its context-free lemma
/// (the one the dictionary compiler used).
pub(crate) struct Sentence<'a> {
    pub text: &'a str,
    pub span: Span,
    pub tokens: Vec<Token>,
    /// Per token, its three keys as the dictionaries' own strings (`""` for
    /// a key no dictionary uses) with their vocabulary ids:
    /// [`Sentence::keys`] runs for every token in every matcher, so it must
    /// be a plain load, and the tries compare the ids.
    keys: Vec<KeyRow<'a>>,
    /// Wire text in capitals: case says nothing about names.
    pub all_caps: bool,
}

/// The lexicon's lemma (`lemma`, from the probe `analyze` made); for a word
/// it does not know that looks like a regular plural (`warplanes`,
/// `drones`), the singular, so that dictionary nouns match their plurals even
/// outside the lexicon.
fn context_free_lemma<'n>(norm: &'n str, lemma: Option<&'static str>, common: bool) -> &'n str {
    match lemma {
        Some(l) if l != norm => l,
        _ => {
            let plural = norm.len() > 3
                && norm.ends_with('s')
                && !norm.ends_with("ss")
                && !norm.ends_with("us")
                && !norm.ends_with("sis")
                && norm.chars().all(|c| c.is_ascii_lowercase())
                && !common;
            &norm[..if plural { norm.len() - 1 } else { norm.len() }]
        }
    }
}

impl<'a> Sentence<'a> {
    /// Analyses the sentence at `span` of `text`, with the analysis buffers
    /// of `scratch` (one per worker, so nothing is allocated for them per
    /// sentence).
    pub fn new(coder: &'a Coder, text: &'a str, span: Span, scratch: &mut Scratch) -> Sentence<'a> {
        let dicts = coder.dictionaries();
        let mut tokens = Vec::new();
        coder.lexicon().analyze_into(text, span, scratch, &mut tokens);
        let keys = tokens
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let cf = context_free_lemma(&t.norm, scratch.lemma(i), scratch.is_common_word(i));
                // One probe per distinct key: the three are mostly equal.
                let norm = dicts.key_id(&t.norm);
                let lemma = if t.lemma == t.norm { norm } else { dicts.key_id(&t.lemma) };
                let cf = if cf == t.lemma.as_str() {
                    lemma
                } else if cf == t.norm.as_str() {
                    norm
                } else {
                    dicts.key_id(cf)
                };
                KeyRow::new([norm.0, lemma.0, cf.0], [norm.1, lemma.1, cf.1])
            })
            .collect();
        let (words, upper) = tokens
            .iter()
            // A token with a case has letters; only `Other` needs a look.
            .filter(|t| t.case != Case::Other || t.norm.chars().any(char::is_alphabetic))
            .fold((0, 0), |(w, u), t| (w + 1, u + usize::from(t.case == Case::Upper)));
        let all_caps = words >= 3 && upper * 10 >= words * 6;
        Sentence { text, span, tokens, keys, all_caps }
    }

    /// The keys token `i` may match a dictionary word under: its normalised
    /// form, its lemma in context and its context-free lemma, each `""`
    /// when no dictionary uses it (see `Dictionaries::key`); derefs to the
    /// three strings.
    #[inline]
    pub fn keys(&self, i: usize) -> KeyRow<'a> {
        self.keys.get(i).copied().unwrap_or(KeyRow::EMPTY)
    }

    /// Document span from the first byte of token `start` to the last of `end - 1`.
    pub fn span_of(&self, start: usize, end: usize) -> Span {
        if start >= end || end > self.tokens.len() {
            return Span::new(self.span.start, self.span.start);
        }
        self.tokens[start].span.cover(self.tokens[end - 1].span)
    }
}

impl Sentence<'_> {
    /// Keeps only the first `n` tokens.
    pub fn truncate(&mut self, n: usize) {
        self.tokens.truncate(n);
        self.keys.truncate(n);
    }
}
