use std::fmt;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::cameo::CameoCode;
use crate::{EventDate, Span};

/// One input document: an article, a wire story, a headline.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    /// Caller-chosen identifier (file stem, JSONL `id`).
    pub id: String,
    /// The body text. All spans point into this string.
    pub text: String,
    /// Optional headline (not coded unless the caller puts it in `text`).
    pub title: Option<String>,
    /// Publication date: the anchor for relative dates ("on Thursday").
    pub published: Option<NaiveDate>,
    /// Where the article lives, when known.
    pub url: Option<String>,
    /// Outlet or feed name, when known.
    pub source: Option<String>,
}

impl Document {
    /// A document with an id and a text and nothing else.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document { id: id.into(), text: text.into(), ..Document::default() }
    }

    /// Sets the publication date.
    pub fn with_published(mut self, published: Option<NaiveDate>) -> Document {
        self.published = published;
        self
    }
}

/// A dictionary line that produced a decision: `file:line`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RuleRef {
    /// Dictionary file name as given to the builder (e.g. `default/verbs.dict`).
    pub file: Arc<str>,
    /// 1-based line number.
    pub line: u32,
}

impl fmt::Display for RuleRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// A coded actor: who did something, or to whom it was done.
#[derive(Clone, Debug, PartialEq)]
pub struct Actor {
    /// The words in the text that name the actor.
    pub text: String,
    /// CAMEO actor code: country or IGO code plus sector codes (`TURGOV`, `IGOUNO`).
    pub code: String,
    /// ISO 3166-1 alpha-3 country, or `None` for international and non-state actors.
    pub country: Option<String>,
    /// Primary CAMEO sector (`GOV`, `MIL`, ...), when the text gives one.
    pub sector: Option<String>,
    /// Where the actor's words are, in document byte offsets.
    pub span: Span,
    /// The dictionary entry that named the actor (country or organisation).
    pub rule: Option<RuleRef>,
}

/// Where an event happened.
#[derive(Clone, Debug, PartialEq)]
pub struct Location {
    /// Place name as resolved (`Athens`).
    pub name: String,
    /// ISO 3166-1 alpha-3 country of the place.
    pub country: Option<String>,
    /// Latitude in degrees.
    pub lat: Option<f64>,
    /// Longitude in degrees.
    pub lon: Option<f64>,
    /// The place name in the text, in document byte offsets.
    pub span: Span,
}

/// Why an event was coded: its trigger words and the rule that fired.
#[derive(Clone, Debug, PartialEq)]
pub struct Evidence {
    /// The trigger words as they appear in the text (`held talks`).
    pub trigger: String,
    /// Span of the trigger, in document byte offsets (first to last trigger word).
    pub trigger_span: Span,
    /// The event pattern that fired.
    pub rule: RuleRef,
}

/// One coded event: source did `cameo` to target.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Index of the sentence within the document (0-based).
    pub sentence: usize,
    /// The sentence's span in the document text.
    pub sentence_span: Span,
    /// Who acted.
    pub source: Actor,
    /// Who was acted upon, when the text says.
    pub target: Option<Actor>,
    /// The CAMEO event code (always a codebook entry).
    pub cameo: CameoCode,
    /// True when the text says the event did not happen ("did not meet").
    pub negated: bool,
    /// Event date at the precision the text supports, else the publication date.
    pub date: Option<EventDate>,
    /// The words that gave the date, when the text had any.
    pub date_text: Option<String>,
    /// Where the event happened, when the text says.
    pub location: Option<Location>,
    /// Trigger and rule.
    pub evidence: Evidence,
}

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// Worth knowing; output is unaffected.
    Info,
    /// Output may be degraded (text truncated, input repaired).
    Warning,
}

/// Something the coder noticed about its input: never fatal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// How serious.
    pub severity: Severity,
    /// What happened, for a person.
    pub message: String,
    /// Where, in document byte offsets, when it has a place.
    pub span: Option<Span>,
}

impl Diagnostic {
    /// A warning with an optional span.
    pub fn warning(message: impl Into<String>, span: Option<Span>) -> Diagnostic {
        Diagnostic { severity: Severity::Warning, message: message.into(), span }
    }
}
