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

pub use segment::{sentences, MAX_SENTENCE_BYTES};

use closed::Closed;
use lexicon::{Entry, FxMap};
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
        let mut letters = 0usize;
        let mut upper = 0usize;
        let mut first_upper = None;
        if s.is_ascii() {
            for b in s.bytes() {
                if b.is_ascii_alphabetic() {
                    letters += 1;
                    let u = b.is_ascii_uppercase();
                    upper += usize::from(u);
                    first_upper.get_or_insert(u);
                }
            }
            return Case::classify(letters, upper, first_upper);
        }
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

/// The English lexicon: lemmas and word classes. Immutable once built;
/// share it behind an `Arc`.
pub struct Lexicon {
    words: FxMap<&'static str, Entry>,
    closed: FxMap<&'static str, (Closed, &'static str)>,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon").field("forms", &self.words.len()).field("closed", &self.closed.len()).finish()
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
        let closed = closed::WORDS.iter().map(|&(w, c, l)| (w, (c, l))).collect();
        Lexicon { words: lexicon::build(), closed }
    }

    /// Number of word forms in the table.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when the table is empty (never, for [`Lexicon::english`]).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Lemma of a normalised (lower-case) word; the word itself when unknown.
    /// Without context, verb readings win ("saw" → "see", "talks" → "talk").
    pub fn lemma<'a>(&'a self, norm: &'a str) -> &'a str {
        if let Some(&(_, l)) = self.closed.get(norm) {
            return l;
        }
        self.words.get(norm).map_or(norm, |e| e.first_lemma())
    }

    /// The lemma of a word the lexicon knows, as a string that lives as long
    /// as the program (no allocation); `None` for unknown words.
    pub fn lemma_static(&self, norm: &str) -> Option<&'static str> {
        if let Some(&(_, l)) = self.closed.get(norm) {
            return Some(l);
        }
        self.words.get(norm).map(|e| e.first_lemma())
    }

    /// True when `norm` is in the table as a common (non-name) word.
    pub fn is_common_word(&self, norm: &str) -> bool {
        self.closed.contains_key(norm) || self.words.get(norm).is_some_and(|e| e.mask & !lexicon::NNP != 0)
    }

    /// Tokenise, lemmatise and tag one sentence of `text`. Spans in the
    /// result are absolute offsets into `text`. An invalid `sentence` span
    /// (out of range or not on char boundaries) yields no tokens.
    pub fn analyze(&self, text: &str, sentence: Span) -> Vec<Token> {
        let s = sentence.slice(text);
        let mut raws: Vec<Raw> = Vec::with_capacity(s.len() / 5 + 4);
        tokenize::tokenize(s, &mut raws);
        let mut norms: Vec<String> = Vec::with_capacity(raws.len());
        let mut lexes = Vec::with_capacity(raws.len());
        // For unknown hyphenated words we look up the last part
        // ("re-imposed" -> "imposed"); remember the prefix to rebuild lemmas.
        let mut prefixes: Vec<usize> = Vec::with_capacity(raws.len());
        for r in &raws {
            let src = &s[r.start..r.end];
            let mut norm = String::new();
            tokenize::normalize(src, &mut norm);
            let case = if matches!(r.kind, Kind::Punct | Kind::Symbol) { Case::Other } else { Case::of(src) };
            let mut prefix = 0;
            let (closed, entry) = match r.kind {
                Kind::Word | Kind::Clitic => {
                    let closed = self.closed.get(norm.as_str()).copied();
                    let mut entry = if closed.is_none() { self.words.get(norm.as_str()).copied() } else { None };
                    if entry.is_none() && closed.is_none() {
                        if let Some(h) = norm.rfind('-') {
                            entry = self.words.get(&norm[h + 1..]).copied().filter(|e| e.mask & !lexicon::NNP != 0);
                            if entry.is_some() {
                                prefix = h + 1;
                            }
                        }
                    }
                    (closed, entry)
                }
                _ => (None, None),
            };
            lexes.push(tagger::Lex { kind: r.kind, case, closed, entry, mask: entry.map_or(0, |e| e.mask) });
            norms.push(norm);
            prefixes.push(prefix);
        }
        let mut choices = Vec::with_capacity(raws.len());
        tagger::tag(&lexes, &norms, &mut choices);
        let mut out = Vec::with_capacity(raws.len());
        for (((r, norm), (tag, lemma)), prefix) in raws.iter().zip(norms).zip(choices).zip(prefixes) {
            let lemma = match lemma {
                Some(l) if prefix > 0 => {
                    let mut s = String::with_capacity(prefix + l.len());
                    s.push_str(&norm[..prefix]);
                    s.push_str(l);
                    s
                }
                Some(l) => l.to_owned(),
                None => norm.clone(),
            };
            out.push(Token {
                span: Span::new(sentence.start + r.start, sentence.start + r.end),
                case: lexes[out.len()].case,
                norm,
                lemma,
                tag,
            });
        }
        out
    }
}
