//! `dyad explain`: code a text and show why, sentence by sentence.

use std::io::{self, Write};

use anyhow::anyhow;
use dyad_coder::SentenceTrace;
use dyad_core::{Document, Span};
use serde::Serialize;

use crate::cli::{ExplainArgs, ExplainFormat};
use crate::dicts;
use crate::dto::EventRecord;
use crate::status::{Failure, Status};

/// Runs `dyad explain`.
pub fn run(args: &ExplainArgs) -> Result<Status, Failure> {
    let coder = dicts::coder(&args.dicts)?;
    let doc = Document::new("explain", args.text.clone()).with_published(args.date);
    let (_, traces) = coder.explain(&doc);
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let written = match args.format {
        ExplainFormat::Text => write_text(&mut out, &doc, &traces),
        ExplainFormat::Json => {
            let dto = ExplainRecord::new(&doc, &traces);
            serde_json::to_writer_pretty(&mut out, &dto).map_err(io::Error::other).and_then(|()| writeln!(out))
        }
    };
    match written {
        Ok(()) => Ok(Status::Ok),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(Status::Ok),
        Err(e) => Err(Failure::new(Status::Io, anyhow!("cannot write output: {e}"))),
    }
}

fn write_text(out: &mut impl Write, doc: &Document, traces: &[SentenceTrace]) -> io::Result<()> {
    if let Some(date) = doc.published {
        writeln!(out, "published {date}")?;
    }
    for t in traces {
        writeln!(out, "\nsentence {} [{}..{}]: {}", t.index, t.span.start, t.span.end, t.text)?;
        let tokens: Vec<String> = t.tokens.iter().map(|k| format!("{}/{}/{}", k.text, k.tag, k.lemma)).collect();
        writeln!(out, "  tokens:   {}", tokens.join(" "))?;
        for m in &t.mentions {
            let role = if m.is_place { " (place, not an actor)" } else { "" };
            writeln!(out, "  actor:    {:?} -> {}{}  [{}]", m.text, m.codes.join(", "), role, m.rules.join(", "))?;
        }
        for p in &t.places {
            let how = if p.locative { "location" } else { "named, not locative" };
            writeln!(out, "  place:    {:?} -> {} {} ({how})", p.text, p.name, p.country.as_deref().unwrap_or("-"))?;
        }
        for d in &t.dates {
            writeln!(out, "  date:     {:?} -> {}", d.text, d.date)?;
        }
        for g in &t.triggers {
            writeln!(
                out,
                "  trigger:  {:?} pattern `{}` = {} [{}]: {}",
                g.text, g.pattern, g.code, g.rule, g.decision
            )?;
        }
        for e in &t.events {
            writeln!(
                out,
                "  event:    {} {} {} ({}){}{}{}",
                e.source.code,
                e.cameo.as_str(),
                e.target.as_ref().map_or("-", |x| x.code.as_str()),
                e.cameo.name(),
                if e.negated { " negated" } else { "" },
                e.date.map(|d| format!(" date {d}")).unwrap_or_default(),
                e.location.as_ref().map(|l| format!(" at {}", l.name)).unwrap_or_default(),
            )?;
        }
        if t.events.is_empty() {
            writeln!(out, "  (no events)")?;
        }
    }
    Ok(())
}

/// The JSON form of `dyad explain` (a tool-facing contract like the JSONL).
#[derive(Serialize)]
struct ExplainRecord<'a> {
    published: Option<String>,
    sentences: Vec<SentenceRecord<'a>>,
}

#[derive(Serialize)]
struct SentenceRecord<'a> {
    index: usize,
    span: [usize; 2],
    text: &'a str,
    tokens: Vec<TokenRecord<'a>>,
    actors: Vec<MentionRecord<'a>>,
    places: Vec<PlaceRecord<'a>>,
    dates: Vec<DateRecord<'a>>,
    triggers: Vec<TriggerRecord<'a>>,
    events: Vec<EventRecord<'a>>,
}

#[derive(Serialize)]
struct TokenRecord<'a> {
    text: &'a str,
    tag: &'a str,
    lemma: &'a str,
}

#[derive(Serialize)]
struct MentionRecord<'a> {
    text: &'a str,
    span: [usize; 2],
    codes: &'a [String],
    rules: &'a [String],
    is_place: bool,
}

#[derive(Serialize)]
struct PlaceRecord<'a> {
    text: &'a str,
    name: &'a str,
    country: Option<&'a str>,
    locative: bool,
}

#[derive(Serialize)]
struct DateRecord<'a> {
    text: &'a str,
    date: &'a str,
}

#[derive(Serialize)]
struct TriggerRecord<'a> {
    text: &'a str,
    span: [usize; 2],
    pattern: &'a str,
    code: &'a str,
    rule: &'a str,
    decision: &'a str,
}

fn span(s: Span) -> [usize; 2] {
    [s.start, s.end]
}

impl<'a> ExplainRecord<'a> {
    fn new(doc: &'a Document, traces: &'a [SentenceTrace]) -> ExplainRecord<'a> {
        let mut event_index = 0;
        let sentences = traces
            .iter()
            .map(|t| SentenceRecord {
                index: t.index,
                span: span(t.span),
                text: &t.text,
                tokens: t.tokens.iter().map(|k| TokenRecord { text: &k.text, tag: k.tag, lemma: &k.lemma }).collect(),
                actors: t
                    .mentions
                    .iter()
                    .map(|m| MentionRecord {
                        text: &m.text,
                        span: span(m.span),
                        codes: &m.codes,
                        rules: &m.rules,
                        is_place: m.is_place,
                    })
                    .collect(),
                places: t
                    .places
                    .iter()
                    .map(|p| PlaceRecord {
                        text: &p.text,
                        name: &p.name,
                        country: p.country.as_deref(),
                        locative: p.locative,
                    })
                    .collect(),
                dates: t.dates.iter().map(|d| DateRecord { text: &d.text, date: &d.date }).collect(),
                triggers: t
                    .triggers
                    .iter()
                    .map(|g| TriggerRecord {
                        text: &g.text,
                        span: span(g.span),
                        pattern: &g.pattern,
                        code: &g.code,
                        rule: &g.rule,
                        decision: &g.decision,
                    })
                    .collect(),
                events: t
                    .events
                    .iter()
                    .map(|e| {
                        event_index += 1;
                        EventRecord::new(doc, event_index - 1, e)
                    })
                    .collect(),
            })
            .collect();
        ExplainRecord { published: doc.published.map(|d| d.format("%Y-%m-%d").to_string()), sentences }
    }
}
