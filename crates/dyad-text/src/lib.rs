//! dyad's text pipeline (STUB API; internals to be replaced).
#![deny(missing_docs)]

use dyad_core::Span;

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

/// One token with its span in the original text.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    /// Byte span in the original document text.
    pub span: Span,
    /// Normalised form: lower case, curly quotes and dashes made ASCII.
    pub norm: String,
    /// Lemma of `norm` (itself when unknown).
    pub lemma: String,
    /// Coarse part of speech in context.
    pub tag: Tag,
    /// Letter case as written.
    pub case: Case,
}

/// The English lexicon: lemmas and word classes.
#[derive(Debug, Default)]
pub struct Lexicon {}

impl Lexicon {
    /// The built-in English lexicon.
    pub fn english() -> Lexicon {
        Lexicon {}
    }

    /// Lemma of a normalised (lower-case) word; the word itself when unknown.
    pub fn lemma<'a>(&'a self, norm: &'a str) -> &'a str {
        norm
    }

    /// Tokenise, lemmatise and tag one sentence of `text`.
    pub fn analyze(&self, text: &str, sentence: Span) -> Vec<Token> {
        let mut out = Vec::new();
        let s = sentence.slice(text);
        let mut start = None;
        for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
            let word = c.is_alphanumeric() || c == '-';
            match (start, word) {
                (None, true) => start = Some(i),
                (Some(b), false) => {
                    let norm = s[b..i].to_lowercase();
                    out.push(Token {
                        span: Span::new(sentence.start + b, sentence.start + i),
                        lemma: norm.clone(),
                        norm,
                        tag: Tag::Other,
                        case: Case::Other,
                    });
                    start = None;
                }
                _ => {}
            }
            if !word && !c.is_whitespace() && i < s.len() {
                out.push(Token {
                    span: Span::new(sentence.start + i, sentence.start + i + c.len_utf8()),
                    norm: c.to_string(),
                    lemma: c.to_string(),
                    tag: Tag::Punct,
                    case: Case::Other,
                });
            }
        }
        out
    }
}

/// Split a document into sentence spans (byte offsets into `text`).
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '!' | '?' | '\n') {
            out.push(Span::new(start, i + 1));
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push(Span::new(start, text.len()));
    }
    out.retain(|s| !s.slice(text).trim().is_empty());
    out
}
