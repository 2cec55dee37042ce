//! One analysed sentence: tokens plus the keys the dictionaries match on.

use dyad_core::Span;
use dyad_text::{Lexicon, Token};

/// A sentence's tokens and, per token, the keys a dictionary word may match:
/// its normalised form, its lemma in context, and its context-free lemma
/// (the one the dictionary compiler used).
pub(crate) struct Sentence<'a> {
    pub text: &'a str,
    pub span: Span,
    pub tokens: Vec<Token>,
    cf_lemmas: Vec<String>,
}

impl<'a> Sentence<'a> {
    pub fn new(lexicon: &Lexicon, text: &'a str, span: Span) -> Sentence<'a> {
        let tokens = lexicon.analyze(text, span);
        let cf_lemmas = tokens.iter().map(|t| lexicon.lemma(&t.norm).to_string()).collect();
        Sentence { text, span, tokens, cf_lemmas }
    }

    pub fn keys(&self, i: usize) -> [&str; 3] {
        let t = &self.tokens[i];
        [t.norm.as_str(), t.lemma.as_str(), self.cf_lemmas[i].as_str()]
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
        self.cf_lemmas.truncate(n);
    }
}
