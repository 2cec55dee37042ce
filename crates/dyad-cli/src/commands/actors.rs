//! `dyad actors --db FILE`: the most active actors and dyads.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;

use clap::Args;
use dyad_store::ActorLevel;
use serde::Serialize;

use crate::commands::ingest::store_failure;
use crate::commands::query::{cell, open_store, output_failed, FilterArgs};
use crate::output::Format;
use crate::status::{Failure, Status};

/// `dyad actors`.
#[derive(Debug, Args)]
pub struct ActorsArgs {
    /// The store (made by `dyad ingest`).
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Group by country (or the first block of codes without one: `IGO`)
    /// instead of by full actor code.
    #[arg(long)]
    pub by_country: bool,
    /// How many actors and how many dyads.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: u64,
    /// Output format [default: jsonl when stdout is not a terminal, table when it is].
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,
}

/// One line of JSONL or CSV output.
#[derive(Debug, Serialize)]
struct Row<'a> {
    /// `actor` or `dyad`.
    kind: &'static str,
    actor: &'a str,
    /// The other actor of a dyad.
    other: Option<&'a str>,
    events: u64,
    /// Actors: events as source; dyads: events from `actor` to `other`.
    as_source: u64,
    /// Actors: events as target; dyads: events from `other` to `actor`.
    as_target: u64,
    goldstein_mean: Option<f64>,
    mentions: u64,
}

/// Runs `dyad actors`.
pub fn run(args: &ActorsArgs) -> Result<Status, Failure> {
    let filter = args.filter.to_filter()?;
    let store = open_store(&args.db)?;
    let level = if args.by_country { ActorLevel::Country } else { ActorLevel::Code };
    let actors = store.top_actors(&filter, level, args.limit).map_err(store_failure)?;
    let dyads = store.top_dyads(&filter, level, args.limit).map_err(store_failure)?;
    let mut rows = Vec::new();
    for a in &actors {
        rows.push(Row {
            kind: "actor",
            actor: &a.actor,
            other: None,
            events: a.as_source + a.as_target,
            as_source: a.as_source,
            as_target: a.as_target,
            goldstein_mean: None,
            mentions: a.mentions,
        });
    }
    for d in &dyads {
        rows.push(Row {
            kind: "dyad",
            actor: &d.a,
            other: Some(&d.b),
            events: d.a_to_b + d.b_to_a,
            as_source: d.a_to_b,
            as_target: d.b_to_a,
            goldstein_mean: Some((d.goldstein_mean * 1000.0).round() / 1000.0),
            mentions: d.mentions,
        });
    }
    let stdout = io::stdout();
    let format = args.format.unwrap_or(if stdout.is_terminal() { Format::Table } else { Format::Jsonl });
    let mut out = BufWriter::new(stdout.lock());
    match write(&rows, format, &mut out).and_then(|()| out.flush()) {
        Ok(()) => Ok(Status::Ok),
        Err(e) => output_failed(e),
    }
}

fn write<W: Write>(rows: &[Row<'_>], format: Format, out: &mut W) -> io::Result<()> {
    match format {
        Format::Jsonl => {
            for r in rows {
                serde_json::to_writer(&mut *out, r)?;
                out.write_all(b"\n")?;
            }
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record([
                "kind",
                "actor",
                "other",
                "events",
                "as_source",
                "as_target",
                "goldstein_mean",
                "mentions",
            ])
            .map_err(io::Error::other)?;
            for r in rows {
                w.write_record([
                    r.kind.to_string(),
                    r.actor.to_string(),
                    r.other.unwrap_or("").to_string(),
                    r.events.to_string(),
                    r.as_source.to_string(),
                    r.as_target.to_string(),
                    r.goldstein_mean.map(|g| g.to_string()).unwrap_or_default(),
                    r.mentions.to_string(),
                ])
                .map_err(io::Error::other)?;
            }
            w.flush()?;
        }
        Format::Table => {
            writeln!(
                out,
                "{:<14}  {:>7}  {:>9}  {:>9}  {:>8}",
                "ACTOR", "EVENTS", "AS-SOURCE", "AS-TARGET", "MENTIONS"
            )?;
            for r in rows.iter().filter(|r| r.kind == "actor") {
                writeln!(
                    out,
                    "{:<14}  {:>7}  {:>9}  {:>9}  {:>8}",
                    cell(r.actor, 14),
                    r.events,
                    r.as_source,
                    r.as_target,
                    r.mentions
                )?;
            }
            writeln!(out)?;
            writeln!(
                out,
                "{:<29}  {:>7}  {:>6}  {:>6}  {:>9}  {:>8}",
                "DYAD (A - B)", "EVENTS", "A->B", "B->A", "GOLDSTEIN", "MENTIONS"
            )?;
            for r in rows.iter().filter(|r| r.kind == "dyad") {
                let pair = format!("{} - {}", cell(r.actor, 13), cell(r.other.unwrap_or(""), 13));
                writeln!(
                    out,
                    "{:<29}  {:>7}  {:>6}  {:>6}  {:>9}  {:>8}",
                    pair,
                    r.events,
                    r.as_source,
                    r.as_target,
                    r.goldstein_mean.map(|g| format!("{g:+.2}")).unwrap_or_default(),
                    r.mentions
                )?;
            }
        }
    }
    Ok(())
}
