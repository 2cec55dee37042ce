//! One analysed sentence: tokens plus the keys the dictionaries match on.

use dyad_core::Span;
use dyad_text::{Case, Lexicon, Token};

/// A sentence's tokens and, per token, the keys a dictionary word may match:
/// its normalised form, its lemma in context, and its context-free lemma
/// (the one the dictionary compiler used).
pub(crate) struct Sentence<'a> {
    pub text: &'a str,
    pub span: Span,
    pub tokens: Vec<Token>,
    cf_lemmas: Vec<CfLemma<'a>>,
    /// Wire text in capitals: case says nothing about names.
    pub all_caps: bool,
}

/// A token's context-free lemma without an allocation: the lexicon's own
/// string, or a prefix of the token's normalised form.
#[derive(Clone, Copy)]
enum CfLemma<'a> {
    Lexicon(&'a str),
    NormPrefix(usize),
}

/// The lexicon's lemma; for a word it does not know that looks like a
/// regular plural (`warplanes`, `drones`), the singular, so that dictionary
/// nouns match their plurals even outside the lexicon.
fn context_free_lemma<'a>(lexicon: &'a Lexicon, norm: &str) -> CfLemma<'a> {
    let lemma = lexicon.lemma(norm);
    if lemma == norm {
        let plural = norm.len() > 3
            && norm.ends_with('s')
            && !norm.ends_with("ss")
            && !norm.ends_with("us")
            && !norm.ends_with("sis")
            && norm.chars().all(|c| c.is_ascii_lowercase())
            && !lexicon.is_common_word(norm);
        return CfLemma::NormPrefix(if plural { norm.len() - 1 } else { norm.len() });
    }
    // The lexicon's lemma differs from the word, so it is the lexicon's own string.
    match lexicon.lemma_static(norm) {
        Some(l) => CfLemma::Lexicon(l),
        None => CfLemma::NormPrefix(norm.len()),
    }
}

impl<'a> Sentence<'a> {
    pub fn new(lexicon: &'a Lexicon, text: &'a str, span: Span) -> Sentence<'a> {
        let tokens = lexicon.analyze(text, span);
        let cf_lemmas = tokens.iter().map(|t| context_free_lemma(lexicon, &t.norm)).collect();
        let (words, upper) = tokens
            .iter()
            .filter(|t| t.norm.chars().any(char::is_alphabetic))
            .fold((0, 0), |(w, u), t| (w + 1, u + usize::from(t.case == Case::Upper)));
        let all_caps = words >= 3 && upper * 10 >= words * 6;
        Sentence { text, span, tokens, cf_lemmas, all_caps }
    }

    pub fn keys(&self, i: usize) -> [&str; 3] {
        let t = &self.tokens[i];
        let cf = match self.cf_lemmas[i] {
            CfLemma::Lexicon(l) => l,
            CfLemma::NormPrefix(n) => &t.norm[..n],
        };
        [t.norm.as_str(), t.lemma.as_str(), cf]
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
