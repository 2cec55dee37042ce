//! dyad's event store: coded events in an SQLite database, deduplicated
//! across documents and ready to query.
//!
//! A [`Store`] is one SQLite file (WAL mode, so readers never wait for a
//! writer). [`Store::ingest`] writes a batch of coded documents in one
//! transaction: documents, all their sentences (indexed for full-text search
//! with FTS5), and one *mention* per coded [`Event`](dyad_core::Event).
//! Mentions of the same event fold into one deduplicated event: same source
//! and target actor codes, CAMEO code and negation, dates within the
//! [deduplication window](Store::dedup_window) (± days, default 1) and the
//! same location when both give one. Re-ingesting a document replaces what
//! was stored for it, so ingestion is idempotent and a killed run can simply
//! be run again.
//!
//! Reading: [`Store::events`] with a [`Filter`], [`Store::mentions`] for the
//! sentences behind an event, [`Store::series`] for counts per period,
//! [`Store::top_actors`] and [`Store::top_dyads`] for rankings.
//!
//! The library knows nothing of JSON or of the command line; the schema is
//! described in `docs/store.md`.
//!
//! ```
//! use std::sync::Arc;
//! use chrono::NaiveDate;
//! use dyad_core::cameo::CameoCode;
//! use dyad_core::{Actor, Document, Event, EventDate, Evidence, RuleRef, Span};
//! use dyad_store::{ActorSelector, Filter, NewDocument, Page, Period, Store};
//!
//! let dir = tempfile::tempdir()?;
//! let mut store = Store::open(dir.path().join("events.db"))?;
//!
//! let actor = |text: &str, code: &str, start| Actor {
//!     text: text.into(),
//!     code: code.into(),
//!     country: Some(code[..3].into()),
//!     sector: None,
//!     span: Span::new(start, start + text.len()),
//!     rule: None,
//! };
//! let text = "Turkey met Greece.";
//! let event = Event {
//!     sentence: 0,
//!     sentence_span: Span::new(0, text.len()),
//!     source: actor("Turkey", "TUR", 0),
//!     target: Some(actor("Greece", "GRC", 11)),
//!     cameo: CameoCode::parse("040").unwrap(),
//!     negated: false,
//!     date: Some(EventDate::Day(NaiveDate::from_ymd_opt(2025, 4, 10).unwrap())),
//!     date_text: None,
//!     location: None,
//!     evidence: Evidence {
//!         trigger: "met".into(),
//!         trigger_span: Span::new(7, 10),
//!         rule: RuleRef { file: Arc::from("demo.events"), line: 1 },
//!     },
//! };
//! // The same event reported by two wires folds into one event.
//! let a = Document::new("wire-a", text);
//! let b = Document::new("wire-b", text);
//! let sentences = [Span::new(0, text.len())];
//! let events = [event];
//! let batch = [
//!     NewDocument { document: &a, sentences: &sentences, events: &events },
//!     NewDocument { document: &b, sentences: &sentences, events: &events },
//! ];
//! store.ingest(&batch, "example")?;
//!
//! let filter = Filter {
//!     dyad: Some((ActorSelector::parse("GRC")?, ActorSelector::parse("TUR")?)),
//!     ..Filter::default()
//! };
//! let found = store.events(&filter, Page::default())?;
//! assert_eq!(found.len(), 1);
//! assert_eq!(found[0].mentions, 2);
//! assert_eq!(store.mentions(found[0].id)?.len(), 2);
//! let series = store.series(&filter, Period::Month)?;
//! assert_eq!(series.rows[0].period, "2025-04");
//! assert_eq!(series.rows[0].quad, [1, 0, 0, 0]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

mod error;
mod ingest;
mod query;
mod schema;
mod store;

pub use error::{Error, Result};
pub use ingest::{content_hash, document_key, IngestSummary, NewDocument};
pub use query::{
    ActorActivity, ActorCode, ActorLevel, ActorSelector, DyadActivity, Filter, Mention, Page, Period, PeriodCounts,
    Place, Series, Stats, StoredDocument, StoredEvent,
};
pub use schema::{APPLICATION_ID, SCHEMA_VERSION};
pub use store::{OpenMode, Store, StoreOptions, DEFAULT_DEDUP_WINDOW};
