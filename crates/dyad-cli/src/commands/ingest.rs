//! `dyad ingest INPUT... --db FILE`: code documents and store them.
//!
//! Documents are read in batches; each batch is coded on `--threads`
//! threads and written to the store in one transaction, so a run killed at
//! any moment leaves every batch either fully stored or not at all. A
//! document already stored with the same content by the same coder is
//! skipped without being coded again, so re-running a killed ingest only
//! codes what is missing.

use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal};
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Instant;

use anyhow::anyhow;
use chrono::NaiveDate;
use clap::Args;
use dyad_coder::Coder;
use dyad_core::{Diagnostic, Document, Event, Span};
use dyad_store::{IngestSummary, NewDocument, OpenMode, Store, StoreOptions};

use crate::cli::DictArgs;
use crate::dicts;
use crate::input::{self, InputSpec, Limits};
use crate::progress::{self, Counting, Counts, Progress};
use crate::report::{self, Reporter};
use crate::status::{Failure, Status};

/// `dyad ingest`.
#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Input files: `.jsonl` files hold one document per line, any other file
    /// is one text document (id = file stem). `-` or nothing reads stdin.
    #[arg(value_name = "INPUT")]
    pub files: Vec<PathBuf>,
    /// The store (an SQLite file); created when missing.
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,
    /// Publication date (YYYY-MM-DD) for text input and for JSONL records
    /// without a `date`.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    /// Read every input (stdin included) as JSONL.
    #[arg(long)]
    pub jsonl: bool,
    /// Documents per transaction.
    #[arg(long, value_name = "N", default_value_t = 64, value_parser = clap::value_parser!(u32).range(1..))]
    pub batch: u32,
    /// Deduplication window: mentions of the same event dated up to DAYS
    /// apart fold into one event. Changing it re-clusters the whole store
    /// [default: the store's setting, 1 for a new store].
    #[arg(long, value_name = "DAYS")]
    pub dedup_window: Option<u32>,
    /// Code and store every document again, even those already stored
    /// unchanged by the same coder and dictionaries.
    #[arg(long)]
    pub recode: bool,
    /// Let the store grow to at most MIB mebibytes: a batch that would
    /// make it larger is rolled back and the run stops as if the disk were
    /// full (exit status 4) [default: no limit but the disk's].
    #[arg(long, value_name = "MIB", value_parser = clap::value_parser!(u32).range(1..=1_048_576))]
    pub max_size: Option<u32>,
    /// Coding threads [default: all cores].
    #[arg(long, value_name = "N")]
    pub threads: Option<NonZeroUsize>,
    /// No progress bar and no summary line.
    #[arg(long, short)]
    pub quiet: bool,
    #[command(flatten)]
    pub dicts: DictArgs,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        Ok(d) if s.len() == 10 => Ok(d),
        _ => Err(format!("`{s}` is not a date in the form YYYY-MM-DD")),
    }
}

/// A store error as a failure (exit status 4).
pub fn store_failure(e: dyad_store::Error) -> Failure {
    Failure::new(Status::Io, anyhow!(e))
}

/// A fingerprint of the coder: dyad's version and every dictionary source
/// (the defaults included), so that a store knows when a document was coded
/// with other dictionaries.
fn fingerprint(args: &DictArgs) -> Result<String, Failure> {
    let builder = dicts::builder(args)?;
    let sources = Document::new("fingerprint", format!("{builder:?}"));
    Ok(format!("dyad {} dicts {}", env!("CARGO_PKG_VERSION"), &dyad_store::content_hash(&sources)[..16]))
}

/// Totals of a run.
#[derive(Debug, Default)]
struct Totals {
    read: u64,
    unchanged: u64,
    stored: IngestSummary,
    sentences: u64,
}

/// Runs `dyad ingest`.
pub fn run(args: &IngestArgs) -> Result<Status, Failure> {
    let start = Instant::now();
    let options = StoreOptions {
        mode: OpenMode::Create,
        dedup_window: args.dedup_window,
        // 256 pages of 4 KiB per MiB.
        max_pages: args.max_size.map(|mib| mib.saturating_mul(256)),
        ..StoreOptions::default()
    };
    let mut store = Store::open_with(&args.db, &options).map_err(store_failure)?;
    if store.is_read_only() {
        return Err(store_failure(dyad_store::Error::ReadOnly { path: args.db.clone() }));
    }
    let coder = dicts::coder(&args.dicts)?;
    let coder_tag = fingerprint(&args.dicts)?;
    let threads = args.threads.or_else(|| std::thread::available_parallelism().ok()).map_or(1, NonZeroUsize::get);
    let specs = InputSpec::from_args(&args.files, args.jsonl);
    let progress = Progress::new(!args.quiet && io::stderr().is_terminal(), progress::total_size(&specs), start);
    let position = Arc::new(AtomicU64::new(0));
    let mut reporter = Reporter::new();
    let mut status = Status::Ok;
    let mut totals = Totals::default();
    let mut pending: Vec<(Arc<str>, Document)> = Vec::new();
    let batch = args.batch as usize;

    let flush = |pending: &mut Vec<(Arc<str>, Document)>,
                 totals: &mut Totals,
                 store: &mut Store,
                 reporter: &mut Reporter|
     -> Result<(), Failure> {
        if pending.is_empty() {
            return Ok(());
        }
        let docs = std::mem::take(pending);
        let coded = code_all(&coder, &docs, threads);
        progress.suspend(|| {
            for ((origin, doc), c) in docs.iter().zip(&coded) {
                for d in &c.diagnostics {
                    reporter.coder(origin, &doc.id, d);
                }
            }
        });
        let new: Vec<NewDocument<'_>> = docs
            .iter()
            .zip(&coded)
            .map(|((_, document), c)| NewDocument { document, sentences: &c.sentences, events: &c.events })
            .collect();
        let summary = store.ingest(&new, &coder_tag).map_err(store_failure)?;
        totals.stored.add(summary);
        totals.sentences += summary.sentences;
        let counts = Counts {
            documents: totals.stored.documents + totals.unchanged,
            sentences: totals.sentences,
            events: totals.stored.mentions,
        };
        progress.update(counts, position.load(Ordering::Relaxed));
        Ok(())
    };

    for spec in &specs {
        let name = spec.name();
        let origin: Arc<str> = name.as_str().into();
        let mut documents = match open(spec, args.date, &position) {
            Ok(d) => d,
            Err(e) => {
                progress.suspend(|| reporter.error(format_args!("cannot open {name}: {e}")));
                status = status.worst(Status::Io);
                continue;
            }
        };
        loop {
            let doc = match progress.suspend(|| documents.next_document(&mut reporter)) {
                Ok(Some(doc)) => doc,
                Ok(None) => break,
                Err(e) => {
                    progress.suspend(|| reporter.error(format_args!("cannot read {name}: {e}")));
                    status = status.worst(Status::Io);
                    break;
                }
            };
            totals.read += 1;
            if !args.recode && store.is_unchanged(&doc, &coder_tag).map_err(store_failure)? {
                totals.unchanged += 1;
                continue;
            }
            pending.push((Arc::clone(&origin), doc));
            if pending.len() >= batch {
                flush(&mut pending, &mut totals, &mut store, &mut reporter)?;
            }
        }
    }
    flush(&mut pending, &mut totals, &mut store, &mut reporter)?;
    progress.finish();

    if !args.quiet {
        let s = totals.stored;
        report::emit(format_args!(
            "dyad: {} documents read, {} stored ({} replaced), {} unchanged; {} sentences, {} event mentions \
             ({} new events, {} folded into existing ones), {} skipped",
            totals.read,
            s.documents,
            s.replaced,
            totals.unchanged,
            s.sentences,
            s.mentions,
            s.new_events,
            s.merged,
            reporter.skipped
        ));
        let stats = store.stats().map_err(store_failure)?;
        report::emit(format_args!(
            "dyad: {}: {} documents, {} mentions, {} events (dedup window ±{} days); elapsed {:.2} s",
            args.db.display(),
            stats.documents,
            stats.mentions,
            stats.events,
            store.dedup_window(),
            start.elapsed().as_secs_f64()
        ));
    }
    if reporter.skipped > 0 || reporter.repaired > 0 {
        status = status.worst(Status::InputProblems);
    }
    Ok(status)
}

/// One coded document.
#[derive(Debug)]
struct Coded {
    sentences: Vec<Span>,
    events: Vec<Event>,
    diagnostics: Vec<Diagnostic>,
}

/// Codes documents on up to `threads` threads, keeping their order.
fn code_all(coder: &Coder, docs: &[(Arc<str>, Document)], threads: usize) -> Vec<Coded> {
    let code = |(_, doc): &(Arc<str>, Document)| {
        let coded = coder.code(doc);
        Coded { sentences: dyad_text::sentences(&doc.text), events: coded.events, diagnostics: coded.diagnostics }
    };
    if threads <= 1 || docs.len() < 2 {
        return docs.iter().map(code).collect();
    }
    let chunk = docs.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> =
            docs.chunks(chunk).map(|part| scope.spawn(move || part.iter().map(code).collect::<Vec<_>>())).collect();
        handles
            .into_iter()
            .flat_map(|h| match h.join() {
                Ok(v) => v,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    })
}

/// Opens an input, counting the bytes read for the progress bar.
fn open(spec: &InputSpec, date: Option<NaiveDate>, position: &Arc<AtomicU64>) -> io::Result<input::Documents> {
    let reader: Box<dyn BufRead> = match &spec.path {
        Some(path) => {
            let file = File::open(path)?;
            if file.metadata()?.is_dir() {
                return Err(io::Error::other("is a directory"));
            }
            Box::new(BufReader::with_capacity(64 << 10, Counting::new(file, Arc::clone(position))))
        }
        None => Box::new(BufReader::with_capacity(64 << 10, Counting::new(io::stdin(), Arc::clone(position)))),
    };
    Ok(input::from_reader(spec, reader, date, Limits::default()))
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    #[test]
    fn store_errors_exit_with_status_4_and_name_the_file() {
        let path = || PathBuf::from("/data/events.db");
        let cases = [
            (dyad_store::Error::DiskFull { path: path() }, "the disk is full"),
            (dyad_store::Error::ReadOnly { path: path() }, "read-only"),
            (dyad_store::Error::Locked { path: path() }, "locked"),
            (dyad_store::Error::NotDyad { path: path() }, "not a dyad event store"),
            (dyad_store::Error::NotADatabase { path: path() }, "not a database"),
            (dyad_store::Error::Corrupt { path: path(), reason: "bad page".into() }, "corrupt"),
            (dyad_store::Error::NotFound { path: path() }, "no such database"),
        ];
        for (error, words) in cases {
            let failure = store_failure(error);
            assert_eq!(failure.status, Status::Io);
            assert_eq!(failure.status as u8, 4);
            let message = failure.error.to_string();
            assert!(message.starts_with("/data/events.db: "), "{message}");
            assert!(message.contains(words), "{message}");
        }
    }
}
