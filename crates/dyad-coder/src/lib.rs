//! dyad's event coder: a sentence and the dictionaries in, events out.
//!
//! The [`Coder`] is built once from compiled [`Dictionaries`] and a
//! [`Lexicon`] and is then immutable: share it across threads. Coding is a
//! pure function of the document; it never fails and never panics on text,
//! and returns events plus diagnostics.
//!
//! Per sentence the coder:
//! 1. tokenises, lemmatises and tags ([`dyad_text`]);
//! 2. finds actor *mentions*: dictionary actors and agents grouped into noun
//!    phrases, with coordinations (`Turkish and Greek officials`);
//! 3. matches event patterns, keeping the most specific at each place;
//! 4. attributes roles with a shallow grammar: the subject to the left
//!    (skipping appositions and relative clauses), the object or
//!    prepositional target to the right, passive `by` agents, reported
//!    speech, negation and modality;
//! 5. attaches the nearest date expression and location.
//!
//! Conventions: a compound subject with no target (`X and Y held talks`) is
//! coded as reciprocal events X→Y and Y→X; a compound subject or object
//! otherwise multiplies out; an event whose source and target have the same
//! code is dropped.
//!
//! ```
//! use std::sync::Arc;
//! use dyad_core::Document;
//! use dyad_coder::Coder;
//! use dyad_dict::DictionariesBuilder;
//! use dyad_text::Lexicon;
//!
//! let lexicon = Arc::new(Lexicon::english());
//! let mut builder = DictionariesBuilder::new();
//! builder.add_source("demo.actors", "Freedonia = FRD\nSylvania = SYL\n");
//! builder.add_source("demo.events", "meet = 040\n");
//! let dicts = Arc::new(builder.build(&lexicon).unwrap());
//! let coder = Coder::builder(dicts, lexicon).build();
//! let coded = coder.code(&Document::new("d1", "Freedonia met Sylvania."));
//! assert_eq!(coded.events.len(), 1);
//! assert_eq!(coded.events[0].source.code, "FRD");
//! assert_eq!(coded.events[0].target.as_ref().unwrap().code, "SYL");
//! assert_eq!(coded.events[0].cameo.as_str(), "040");
//! ```
#![deny(missing_docs)]

mod compose;
mod dates;
mod explain;
mod grammar;
mod mentions;
mod resolve;
mod sentence;
mod skip;

use std::sync::Arc;

use dyad_core::{Diagnostic, Document, Event, Span};
use dyad_dict::Dictionaries;
use dyad_geo::Gazetteer;
use dyad_text::Lexicon;

pub use explain::{DateTrace, MentionTrace, PlaceTrace, SentenceTrace, TokenTrace, TriggerTrace};
pub use grammar::MAX_SENTENCE_TOKENS;

/// What coding one document produced.
#[derive(Debug, Default)]
pub struct Coded {
    /// Events in sentence order.
    pub events: Vec<Event>,
    /// Things worth telling the user; never fatal.
    pub diagnostics: Vec<Diagnostic>,
    /// Number of sentences read.
    pub sentences: usize,
}

/// Reusable buffers for [`Coder::code_with`]: keep one per thread.
#[derive(Debug, Default)]
pub struct Workspace {
    text: dyad_text::Scratch,
    /// A sentence's tokens and their dictionary keys, handed back by each
    /// `Sentence` when it is dropped (see `sentence.rs`).
    tokens: Vec<dyad_text::Token>,
    keys: Vec<dyad_dict::KeyRow<'static>>,
    /// The pattern search's buffers, used while a `Sentence` holds the
    /// workspace (see `Sentence::find_patterns`).
    patterns: std::cell::RefCell<dyad_dict::PatternScratch>,
}

/// Builds a [`Coder`].
#[derive(Debug)]
pub struct CoderBuilder {
    dictionaries: Arc<Dictionaries>,
    lexicon: Arc<Lexicon>,
    gazetteer: Option<Arc<Gazetteer>>,
    keep_targetless_statements: bool,
    code_irrealis: bool,
    wide_gaps: bool,
    code_governed: bool,
    state_roles_take_any_target_country: bool,
}

impl CoderBuilder {
    /// Resolves locations the dictionaries do not know with a gazetteer
    /// (`in Kramatorsk`, datelines).
    pub fn gazetteer(mut self, gazetteer: Arc<Gazetteer>) -> CoderBuilder {
        self.gazetteer = Some(gazetteer);
        self
    }

    /// Also code bare statements with no target (`X said ...`, CAMEO 010),
    /// which dyad drops by default. Peer-suite runs keep them so that the
    /// peers' own selection rules see every trigger.
    pub fn keep_targetless_statements(mut self, keep: bool) -> CoderBuilder {
        self.keep_targetless_statements = keep;
        self
    }

    /// Code acts under a modal, in a conditional or stated as future
    /// (`will abandon`, `could visit`) as the act itself, as the peer coders
    /// do; dyad by default drops the hypothetical ones and codes `will X` as
    /// an intent (03x/13x). Peer-suite runs turn this on.
    pub fn code_irrealis(mut self, code: bool) -> CoderBuilder {
        self.code_irrealis = code;
        self
    }

    /// Let a pattern's `...` gap run over commas, conjunctions and clause
    /// markers, up to the end of the sentence (`;` `.` `!` `?`), as a space
    /// in a TABARI or PETRARCH pattern does (`restore complete, full ties`,
    /// `allowed that Freedonia is ...`). Off by default: dyad's
    /// own gaps stop there. Peer-suite runs turn this on.
    pub fn wide_gaps(mut self, wide: bool) -> CoderBuilder {
        self.wide_gaps = wide;
        self
    }

    /// Code a trigger governed by another (an infinitive or `that` clause
    /// under it, `urged X to assist`, or its nominal complement, `left to
    /// attend meetings`) as an event of its own with its own code, and
    /// leave the governor's code as it is, as TABARI's `SET: CODE ALL`
    /// does. Off by default: dyad reads the pair as one act.
    pub fn code_governed(mut self, code: bool) -> CoderBuilder {
        self.code_governed = code;
        self
    }

    /// Let a government, military or other state role with no country take
    /// the country of a target named bare (`security forces restored ties
    /// with Sylvania` as Sylvania's), as the peer coders' validation records
    /// expect. Off by default: `the former president criticised Peru` is
    /// another country's president. Peer-suite runs turn this on.
    pub fn state_roles_take_any_target_country(mut self, take: bool) -> CoderBuilder {
        self.state_roles_take_any_target_country = take;
        self
    }

    /// Builds the immutable coder.
    pub fn build(self) -> Coder {
        Coder {
            dictionaries: self.dictionaries,
            lexicon: self.lexicon,
            gazetteer: self.gazetteer,
            keep_targetless_statements: self.keep_targetless_statements,
            code_irrealis: self.code_irrealis,
            wide_gaps: self.wide_gaps,
            code_governed: self.code_governed,
            state_roles_take_any_target_country: self.state_roles_take_any_target_country,
        }
    }
}

/// The immutable event coder: build once, share across threads.
#[derive(Debug)]
pub struct Coder {
    dictionaries: Arc<Dictionaries>,
    lexicon: Arc<Lexicon>,
    gazetteer: Option<Arc<Gazetteer>>,
    keep_targetless_statements: bool,
    code_irrealis: bool,
    wide_gaps: bool,
    code_governed: bool,
    state_roles_take_any_target_country: bool,
}

impl Coder {
    /// Starts building a coder from compiled dictionaries and a lexicon.
    pub fn builder(dictionaries: Arc<Dictionaries>, lexicon: Arc<Lexicon>) -> CoderBuilder {
        CoderBuilder {
            dictionaries,
            lexicon,
            gazetteer: None,
            keep_targetless_statements: false,
            code_irrealis: false,
            wide_gaps: false,
            code_governed: false,
            state_roles_take_any_target_country: false,
        }
    }

    /// Whether bare statements with no target are coded.
    pub fn keeps_targetless_statements(&self) -> bool {
        self.keep_targetless_statements
    }

    /// Whether modal, conditional and future acts are coded as the act itself.
    pub fn codes_irrealis(&self) -> bool {
        self.code_irrealis
    }

    /// Whether pattern gaps run to the end of the sentence (see [`CoderBuilder::wide_gaps`]).
    pub fn wide_gaps(&self) -> bool {
        self.wide_gaps
    }

    /// Whether governed triggers are coded on their own (see [`CoderBuilder::code_governed`]).
    pub fn codes_governed(&self) -> bool {
        self.code_governed
    }

    /// Whether a countryless state role takes a bare target's country (see
    /// [`CoderBuilder::state_roles_take_any_target_country`]).
    pub fn state_roles_take_any_target_country(&self) -> bool {
        self.state_roles_take_any_target_country
    }

    /// The gazetteer, when the coder has one.
    pub fn gazetteer(&self) -> Option<&Gazetteer> {
        self.gazetteer.as_deref()
    }

    /// The dictionaries this coder uses.
    pub fn dictionaries(&self) -> &Dictionaries {
        &self.dictionaries
    }

    /// The lexicon this coder uses.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Codes one document. Never fails and never panics on any text.
    pub fn code(&self, doc: &Document) -> Coded {
        self.code_with(doc, &mut Workspace::default())
    }

    /// [`Coder::code`] with the buffers of `workspace`: a thread that codes
    /// many documents keeps one and allocates no analysis buffers per
    /// sentence. The result does not depend on what the workspace held.
    pub fn code_with(&self, doc: &Document, workspace: &mut Workspace) -> Coded {
        let mut coded = Coded::default();
        let sentences = dyad_text::sentences(&doc.text);
        coded.sentences = sentences.len();
        let mut context = grammar::DocContext::new(doc);
        for (index, span) in sentences.into_iter().enumerate() {
            grammar::code_sentence(self, doc, index, span, &mut context, &mut coded, None, workspace);
        }
        coded
    }

    /// Codes one document and says why, sentence by sentence: tokens, actor
    /// mentions with their dictionary lines, places, dates, every pattern
    /// that matched and what the grammar made of it, and the events.
    pub fn explain(&self, doc: &Document) -> (Coded, Vec<SentenceTrace>) {
        let mut coded = Coded::default();
        let mut traces = Vec::new();
        let mut workspace = Workspace::default();
        let sentences = dyad_text::sentences(&doc.text);
        coded.sentences = sentences.len();
        let mut context = grammar::DocContext::new(doc);
        for (index, span) in sentences.into_iter().enumerate() {
            let trace = Some(&mut traces);
            grammar::code_sentence(self, doc, index, span, &mut context, &mut coded, trace, &mut workspace);
        }
        (coded, traces)
    }

    /// Codes a single piece of text as one sentence-split document
    /// (convenience for tools and tests).
    pub fn code_text(&self, text: &str, published: Option<chrono::NaiveDate>) -> Coded {
        self.code(&Document::new("text", text).with_published(published))
    }
}

/// Sentence span helper for callers that show sentences.
pub fn sentence_text(doc: &Document, span: Span) -> &str {
    span.slice(&doc.text)
}
