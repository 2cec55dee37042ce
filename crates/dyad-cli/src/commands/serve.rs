//! `dyad serve --db FILE [--addr 127.0.0.1:8080]`: the HTTP API and the
//! dashboard (crate `dyad-server`).
//!
//! The server crate knows HTTP; this command owns the event JSON schemas and
//! hands them to it as a [`Renderer`]: `POST /api/code` answers with
//! [`EventRecord`]s (the `dyad code` JSONL schema) and the store endpoints
//! with [`EventOut`]s (the `dyad query` JSONL schema).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::anyhow;
use clap::Args;
use dyad_core::{Document, Event};
use dyad_server::{Config, Renderer};
use dyad_store::{Mention, StoredEvent};
use serde_json::Value;

use crate::cli::DictArgs;
use crate::commands::query::{open_store, EventOut};
use crate::dicts;
use crate::dto::EventRecord;
use crate::report;
use crate::status::{Failure, Status};

/// `dyad serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The store (made by `dyad ingest`); opened read-only.
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,
    /// Address to listen on (loopback by default; port 0 picks a free port).
    #[arg(long, value_name = "ADDR", default_value = dyad_server::DEFAULT_ADDR)]
    pub addr: SocketAddr,
    #[command(flatten)]
    pub dicts: DictArgs,
}

/// The CLI's event schemas.
#[derive(Debug)]
struct CliRenderer;

impl Renderer for CliRenderer {
    fn coded_event(&self, doc: &Document, index: usize, event: &Event) -> Value {
        serde_json::to_value(EventRecord::new(doc, index, event)).unwrap_or(Value::Null)
    }

    fn stored_event(&self, event: &StoredEvent, mentions: &[Mention]) -> Value {
        serde_json::to_value(EventOut::new(event, mentions)).unwrap_or(Value::Null)
    }
}

/// Runs `dyad serve` until SIGINT or SIGTERM.
pub fn run(args: &ServeArgs) -> Result<Status, Failure> {
    // Fail early, with the store's exit status, on a missing or bad database.
    drop(open_store(&args.db)?);
    let coder = dicts::coder(&args.dicts)?;
    let config =
        Config { db: args.db.clone(), coder, renderer: Arc::new(CliRenderer), count_cap: dyad_server::COUNT_CAP };
    let db = args.db.display().to_string();
    dyad_server::run(args.addr, config, |addr| {
        report::emit(format_args!("dyad: serving {db} on http://{addr}/ (Ctrl-C to stop)"));
    })
    .map_err(|e| Failure::new(Status::Io, anyhow!("cannot serve on {}: {e}", args.addr)))?;
    report::emit(format_args!("dyad: server stopped"));
    Ok(Status::Ok)
}
