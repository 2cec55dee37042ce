//! Builders for hand-made documents and events shared by the store tests.
#![allow(dead_code)]

use std::sync::Arc;

use chrono::NaiveDate;
use dyad_core::cameo::CameoCode;
use dyad_core::{Actor, Document, Event, EventDate, Evidence, Location, RuleRef, Span};
use dyad_store::NewDocument;

pub fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// An event description: source code, target code, CAMEO, date, place.
#[derive(Clone, Debug)]
pub struct Spec {
    pub source: &'static str,
    pub target: Option<&'static str>,
    pub cameo: &'static str,
    pub date: Option<EventDate>,
    pub place: Option<(&'static str, &'static str)>,
    pub negated: bool,
}

pub fn spec(source: &'static str, target: &'static str, cameo: &'static str, date: &str) -> Spec {
    Spec { source, target: Some(target), cameo, date: Some(EventDate::Day(day(date))), place: None, negated: false }
}

fn actor(code: &str, text: &str, start: usize) -> Actor {
    let country = if dyad_core::cameo::is_transnational_prefix(code) { None } else { Some(code[..3].to_string()) };
    Actor {
        text: text.to_string(),
        code: code.to_string(),
        country,
        sector: code.get(3..6).map(str::to_string),
        span: Span::new(start, start + text.len()),
        rule: Some(RuleRef { file: Arc::from("test.actors"), line: 7 }),
    }
}

/// A coded document: one sentence per spec, written out as text.
#[derive(Debug)]
pub struct Coded {
    pub doc: Document,
    pub sentences: Vec<Span>,
    pub events: Vec<Event>,
}

impl Coded {
    pub fn new(id: &str, specs: &[Spec]) -> Coded {
        Coded::with_text(id, specs, "")
    }

    /// `extra` is appended to every sentence (to vary the text).
    pub fn with_text(id: &str, specs: &[Spec], extra: &str) -> Coded {
        let mut text = String::new();
        let mut sentences = Vec::new();
        let mut events = Vec::new();
        for (i, s) in specs.iter().enumerate() {
            let start = text.len();
            let src = format!("{} officials", s.source);
            let tgt = s.target.map(|t| format!("{t} envoys")).unwrap_or_default();
            let verb = if s.negated { "did not meet" } else { "met" };
            let place = s.place.map(|(n, _)| format!(" in {n}")).unwrap_or_default();
            let sentence = format!("{src} {verb} {tgt}{place}{extra}.");
            text.push_str(&sentence);
            text.push(' ');
            let span = Span::new(start, start + sentence.len());
            sentences.push(span);
            let trigger_start = start + src.len() + 1;
            events.push(Event {
                sentence: i,
                sentence_span: span,
                source: actor(s.source, &src, start),
                target: s.target.map(|t| actor(t, &tgt, trigger_start + verb.len() + 1)),
                cameo: CameoCode::parse(s.cameo).unwrap(),
                negated: s.negated,
                date: s.date,
                date_text: None,
                location: s.place.map(|(name, country)| Location {
                    name: name.to_string(),
                    country: Some(country.to_string()),
                    lat: Some(1.5),
                    lon: Some(2.5),
                    span: Span::new(start, start + 1),
                }),
                evidence: Evidence {
                    trigger: verb.to_string(),
                    trigger_span: Span::new(trigger_start, trigger_start + verb.len()),
                    rule: RuleRef { file: Arc::from("test.events"), line: 42 },
                },
            });
        }
        let doc = Document::new(id, text).with_published(Some(day("2025-04-15")));
        Coded { doc, sentences, events }
    }

    pub fn new_document(&self) -> NewDocument<'_> {
        NewDocument { document: &self.doc, sentences: &self.sentences, events: &self.events }
    }
}
