//! The coding pipeline of `dyad code`: a reader, coding workers and an
//! ordered writer.
//!
//! ```text
//!  reader thread ──batches──► N workers ──rendered batches──► writer (calling thread)
//!  (inputs, JSONL parsing,    (Coder::code, events          (reorders by sequence number,
//!   bad-input reports)         rendered to bytes)             writes stdout, diagnostics, progress)
//! ```
//!
//! Documents travel in numbered batches. Workers render their events to
//! bytes with a fresh output sink per batch, and the writer puts the batches
//! back in reading order, so stdout is byte-identical whatever the number of
//! threads (`--threads 1` runs the same reader, coder and renderer on the
//! calling thread, without any thread). Memory is bounded: the reader takes
//! a credit before it hands out a batch and the writer returns the credit
//! once the batch is written, so at most [`window`] batches of at most
//! [`BATCH_DOCS`] documents (or about [`BATCH_BYTES`] of text) exist at any
//! time, whatever the input size.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use dyad_coder::{Coded, Coder, Workspace};
use dyad_core::{Diagnostic, Document};

use crate::dto::EventRecord;
use crate::input::{self, Documents, InputSpec, Limits};
use crate::output::{self, Format};
use crate::progress::{Counting, Counts, Progress};
use crate::report::Reporter;
use crate::status::Status;

/// Most documents in a batch.
pub const BATCH_DOCS: usize = 64;
/// A batch is handed out once it holds this much text.
pub const BATCH_BYTES: usize = 1 << 20;
/// Read buffer of an input.
const READ_BUFFER: usize = 64 << 10;

/// Batches in flight (read, being coded, or waiting to be written) for a
/// number of worker threads.
pub fn window(threads: usize) -> usize {
    2 * threads + 2
}

/// How to run the pipeline.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Coding threads (1: everything on the calling thread).
    pub threads: usize,
    /// Output format.
    pub format: Format,
    /// `--date`.
    pub date: Option<NaiveDate>,
}

/// What a run read, coded and reported.
#[derive(Debug)]
pub struct Summary {
    /// Totals of everything written.
    pub counts: Counts,
    /// Input records skipped.
    pub skipped: u64,
    /// Input records decoded lossily.
    pub repaired: u64,
    /// Documents skipped because the coder panicked on them (a bug).
    pub panicked: u64,
    /// The worst status (I/O errors opening or reading an input, a panic) (I/O errors opening or reading an input).
    pub status: Status,
}

/// How a document is coded: [`Coder::code_with`] (tests put a failing
/// coder here).
type Code<'c> = dyn Fn(&Document, &mut Workspace) -> Coded + Sync + 'c;

/// Documents read in a row and coded together.
#[derive(Debug)]
struct Batch {
    seq: u64,
    /// Each document with the name of its input (for diagnostics).
    docs: Vec<(Arc<str>, Document)>,
    /// Input bytes read when the batch was handed out (progress).
    position: u64,
}

/// A coded batch, rendered in the output format.
#[derive(Debug)]
struct Rendered {
    seq: u64,
    /// Output of a fresh sink: the format's header line (if any) then rows.
    bytes: io::Result<Vec<u8>>,
    /// Length of the header at the start of `bytes` (0 for JSONL, or when
    /// nothing was written).
    header: usize,
    /// Coder diagnostics: (input name, document id, diagnostic).
    diagnostics: Vec<(Arc<str>, String, Diagnostic)>,
    /// Documents the coder panicked on (input name, document id): skipped.
    panicked: Vec<(Arc<str>, String)>,
    counts: Counts,
    position: u64,
}

/// Reads `specs`, codes every document with `coder` and writes the events to
/// `out`, in input order. An `Err` is an output error (a broken pipe
/// included); input problems are reported on stderr and summed up in the
/// [`Summary`].
pub fn run<W: Write>(
    coder: &Coder,
    specs: &[InputSpec],
    options: Options,
    out: W,
    progress: &Progress,
) -> io::Result<Summary> {
    run_coding(&|doc, workspace| coder.code_with(doc, workspace), specs, options, out, progress)
}

/// [`run`] with the coding step given as a function.
fn run_coding<W: Write>(
    code: &Code<'_>,
    specs: &[InputSpec],
    options: Options,
    out: W,
    progress: &Progress,
) -> io::Result<Summary> {
    let mut writer = Writer::new(out, options.format, progress)?;
    let (reporter, status) = if options.threads <= 1 {
        let stop = AtomicBool::new(false);
        let mut failed = None;
        let mut workspace = Workspace::default();
        let read = read_inputs(specs, options.date, progress.is_visible(), &stop, |batch| {
            let rendered = code_batch(code, options.format, batch, &mut workspace);
            match writer.write(rendered) {
                Ok(()) => true,
                Err(e) => {
                    failed = Some(e);
                    false
                }
            }
        });
        if let Some(e) = failed {
            return Err(e);
        }
        read
    } else {
        parallel(code, specs, options, &mut writer)?
    };
    writer.finish()?;
    let panicked = writer.reporter.panicked;
    let status = if panicked > 0 { status.worst(Status::Internal) } else { status };
    Ok(Summary { counts: writer.counts, skipped: reporter.skipped, repaired: reporter.repaired, panicked, status })
}

/// The threaded pipeline: reader and workers on scoped threads, the writer
/// on this one.
fn parallel<W: Write>(
    code: &Code<'_>,
    specs: &[InputSpec],
    options: Options,
    writer: &mut Writer<'_, W>,
) -> io::Result<(Reporter, Status)> {
    let window = window(options.threads);
    let count = writer.progress.is_visible();
    let stop = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let (work_tx, work_rx) = sync_channel::<Batch>(window);
        let (done_tx, done_rx) = sync_channel::<Rendered>(window);
        let (credit_tx, credit_rx) = sync_channel::<()>(window);
        for _ in 0..window {
            credit_tx.send(()).expect("the receiver is alive");
        }
        let stop = &stop;
        let reader = scope.spawn(move || {
            read_inputs(specs, options.date, count, stop, |batch| {
                credit_rx.recv().is_ok() && work_tx.send(batch).is_ok()
            })
        });
        let work_rx = Arc::new(Mutex::new(work_rx));
        for _ in 0..options.threads {
            let work_rx = Arc::clone(&work_rx);
            let done_tx = done_tx.clone();
            scope.spawn(move || worker(code, options.format, &work_rx, &done_tx));
        }
        drop(done_tx);
        let written = writer.write_in_order(done_rx, credit_tx);
        if written.is_err() {
            stop.store(true, Ordering::Relaxed);
        }
        let read = match reader.join() {
            Ok(read) => read,
            Err(panic) => std::panic::resume_unwind(panic),
        };
        written.map(|()| read)
    })
}

/// A coding worker: batches in, rendered batches out, until either side
/// closes.
fn worker(code: &Code<'_>, format: Format, work: &Mutex<Receiver<Batch>>, done: &SyncSender<Rendered>) {
    let mut workspace = Workspace::default();
    loop {
        let batch = match work.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return, // another worker panicked; the scope reports it
        };
        let Ok(batch) = batch else { return };
        if done.send(code_batch(code, format, batch, &mut workspace)).is_err() {
            return;
        }
    }
}

/// Codes a batch and renders its events with a fresh sink. A document the
/// coder panics on is skipped and named in `panicked`, so that one bug
/// neither ends the run nor leaves the writer waiting for its batch.
fn code_batch(code: &Code<'_>, format: Format, batch: Batch, workspace: &mut Workspace) -> Rendered {
    let mut counts = Counts::default();
    let mut diagnostics = Vec::new();
    let mut panicked = Vec::new();
    let mut bytes = Vec::new();
    let rendered = (|| {
        let mut sink = output::sink(format, &mut bytes)?;
        for (origin, doc) in &batch.docs {
            let Ok(coded) = catch_unwind(AssertUnwindSafe(|| code(doc, workspace))) else {
                // The buffers may hold half a sentence: start afresh.
                *workspace = Workspace::default();
                panicked.push((Arc::clone(origin), doc.id.clone()));
                continue;
            };
            counts.documents += 1;
            counts.sentences += coded.sentences as u64;
            counts.events += coded.events.len() as u64;
            for d in coded.diagnostics {
                diagnostics.push((Arc::clone(origin), doc.id.clone(), d));
            }
            for (i, event) in coded.events.iter().enumerate() {
                sink.write(&EventRecord::new(doc, i, event))?;
            }
        }
        sink.flush()
    })();
    let header = match format {
        Format::Jsonl => 0,
        // CSV writes its header when the sink is made, the table before its
        // first row: one line either way.
        Format::Csv | Format::Table => bytes.iter().position(|&b| b == b'\n').map_or(0, |i| i + 1),
    };
    Rendered {
        seq: batch.seq,
        bytes: rendered.map(|()| bytes),
        header,
        diagnostics,
        panicked,
        counts,
        position: batch.position,
    }
}

/// Writes rendered batches in order; owns stdout, the coder diagnostics and
/// the progress display.
struct Writer<'p, W: Write> {
    out: W,
    /// The header line has been written (CSV: at the start; table: with the
    /// first row; JSONL: has none).
    header_written: bool,
    reporter: Reporter,
    progress: &'p Progress,
    counts: Counts,
}

impl<'p, W: Write> Writer<'p, W> {
    fn new(mut out: W, format: Format, progress: &'p Progress) -> io::Result<Writer<'p, W>> {
        // What a sink writes before any event: the CSV header, so that it is
        // there even without events, as with a single sink.
        let mut preamble = Vec::new();
        output::sink(format, &mut preamble)?.flush()?;
        out.write_all(&preamble)?;
        out.flush()?;
        let header_written = format == Format::Jsonl || !preamble.is_empty();
        Ok(Writer { out, header_written, reporter: Reporter::new(), progress, counts: Counts::default() })
    }

    /// Writes one batch (the next in order).
    fn write(&mut self, batch: Rendered) -> io::Result<()> {
        if !batch.diagnostics.is_empty() || !batch.panicked.is_empty() {
            let reporter = &mut self.reporter;
            self.progress.suspend(|| {
                for (origin, doc, d) in &batch.diagnostics {
                    reporter.coder(origin, doc, d);
                }
                for (origin, doc) in &batch.panicked {
                    reporter.panicked(origin, doc);
                }
            });
        }
        let bytes = batch.bytes?;
        if !bytes.is_empty() {
            let skip = if self.header_written { batch.header } else { 0 };
            self.header_written = true;
            self.out.write_all(&bytes[skip..])?;
            self.out.flush()?;
        }
        self.counts.add(batch.counts);
        self.progress.update(self.counts, batch.position);
        Ok(())
    }

    /// Receives batches in any order and writes them in sequence, returning
    /// a credit to the reader for each batch written.
    fn write_in_order(&mut self, done: Receiver<Rendered>, credits: SyncSender<()>) -> io::Result<()> {
        let mut pending = BTreeMap::new();
        let mut next = 0u64;
        for batch in done {
            pending.insert(batch.seq, batch);
            while let Some(batch) = pending.remove(&next) {
                self.write(batch)?;
                next += 1;
                // The reader may have finished: a closed channel is fine.
                let _ = credits.send(());
            }
        }
        debug_assert!(pending.is_empty(), "every batch is written");
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// Reads every input in order and hands out batches through `send`, which
/// returns false to stop. `count`: count the input bytes read (progress). Returns the reporter (bad-input counts) and the
/// worst input status.
fn read_inputs(
    specs: &[InputSpec],
    date: Option<NaiveDate>,
    count: bool,
    stop: &AtomicBool,
    mut send: impl FnMut(Batch) -> bool,
) -> (Reporter, Status) {
    let mut reporter = Reporter::new();
    let mut status = Status::Ok;
    let position = Arc::new(AtomicU64::new(0));
    let mut seq = 0u64;
    let mut docs: Vec<(Arc<str>, Document)> = Vec::new();
    let mut bytes = 0usize;
    let mut hand_out = |docs: &mut Vec<(Arc<str>, Document)>, bytes: &mut usize| -> bool {
        if docs.is_empty() {
            return true;
        }
        let batch = Batch { seq, docs: std::mem::take(docs), position: position.load(Ordering::Relaxed) };
        seq += 1;
        *bytes = 0;
        send(batch)
    };
    'inputs: for spec in specs {
        let name: Arc<str> = spec.name().into();
        let mut documents = match open(spec, date, count.then_some(&position)) {
            Ok(d) => d,
            Err(e) => {
                reporter.error(format_args!("cannot open {name}: {e}"));
                status = status.worst(Status::Io);
                continue;
            }
        };
        // Standard input may be a person or a slow producer: hand each
        // document out at once, as it is read.
        let interactive = spec.path.is_none();
        loop {
            if stop.load(Ordering::Relaxed) {
                break 'inputs;
            }
            let doc = match documents.next_document(&mut reporter) {
                Ok(Some(doc)) => doc,
                Ok(None) => break,
                Err(e) => {
                    reporter.error(format_args!("cannot read {name}: {e}"));
                    status = status.worst(Status::Io);
                    break;
                }
            };
            bytes += doc.text.len();
            docs.push((Arc::clone(&name), doc));
            if (interactive || docs.len() >= BATCH_DOCS || bytes >= BATCH_BYTES) && !hand_out(&mut docs, &mut bytes) {
                break 'inputs;
            }
        }
    }
    if !stop.load(Ordering::Relaxed) {
        hand_out(&mut docs, &mut bytes);
    }
    (reporter, status)
}

/// Opens an input with [`input::open`] or, when `position` is given (a
/// progress bar is shown), the same way but counting the bytes read.
fn open(spec: &InputSpec, date: Option<NaiveDate>, position: Option<&Arc<AtomicU64>>) -> io::Result<Documents> {
    let Some(position) = position else {
        return input::open(spec, date, Limits::default());
    };
    let reader: Box<dyn BufRead> = match &spec.path {
        Some(path) => {
            let file = File::open(path)?;
            if file.metadata()?.is_dir() {
                return Err(io::Error::other("is a directory"));
            }
            Box::new(BufReader::with_capacity(READ_BUFFER, Counting::new(file, Arc::clone(position))))
        }
        None => Box::new(BufReader::with_capacity(READ_BUFFER, Counting::new(io::stdin(), Arc::clone(position)))),
    };
    Ok(input::from_reader(spec, reader, date, Limits::default()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;
    use std::time::Instant;

    use dyad_dict::DictionariesBuilder;
    use dyad_text::Lexicon;

    fn coder() -> Coder {
        let lexicon = Arc::new(Lexicon::english());
        let mut builder = DictionariesBuilder::new();
        builder.add_source("t.actors", "Freedonia = FRD\nSylvania = SYL\n");
        builder.add_source("t.events", "meet = 040\naccuse = 112\n");
        Coder::builder(Arc::new(builder.build(&lexicon).unwrap()), lexicon).build()
    }

    /// A JSONL file of `n` documents, some with events, some without.
    fn corpus(n: usize) -> tempfile::NamedTempFile {
        let mut f = tempfile::Builder::new().suffix(".jsonl").tempfile().unwrap();
        for i in 0..n {
            let text = match i % 3 {
                0 => format!("Freedonia met Sylvania on day {i}. Sylvania accused Freedonia."),
                1 => "Nothing happened here.".to_string(),
                _ => format!("Sylvania met Freedonia. Talks number {i} went on."),
            };
            writeln!(f, "{}", serde_json::json!({"id": format!("d{i}"), "text": text})).unwrap();
        }
        f.flush().unwrap();
        f
    }

    fn run_with(threads: usize, format: Format, path: PathBuf) -> (Vec<u8>, Summary) {
        let coder = coder();
        let specs = [InputSpec { path: Some(path), jsonl: true }];
        let progress = Progress::new(false, None, Instant::now());
        let mut out = Vec::new();
        let options = Options { threads, format, date: None };
        let summary = run(&coder, &specs, options, &mut out, &progress).unwrap();
        (out, summary)
    }

    #[test]
    fn every_thread_count_gives_the_same_bytes_in_every_format() {
        // More documents than a window of batches, so batches finish out of order.
        let f = corpus(BATCH_DOCS * 9 + 5);
        for format in [Format::Jsonl, Format::Csv, Format::Table] {
            let (one, s1) = run_with(1, format, f.path().to_path_buf());
            assert_eq!(s1.counts.documents, (BATCH_DOCS * 9 + 5) as u64);
            assert!(s1.counts.events > 0);
            for threads in [2, 3, 8] {
                let (many, s) = run_with(threads, format, f.path().to_path_buf());
                assert_eq!(s.counts, s1.counts, "{format:?} {threads}");
                assert!(one == many, "{format:?} with {threads} threads differs");
            }
            if format != Format::Jsonl {
                let text = String::from_utf8(one).unwrap();
                let header = text.lines().next().unwrap().to_string();
                assert_eq!(text.lines().filter(|l| *l == header).count(), 1, "{format:?}: one header");
            }
        }
    }

    #[test]
    fn empty_input_still_has_the_csv_header() {
        let f = corpus(0);
        let (csv, _) = run_with(2, Format::Csv, f.path().to_path_buf());
        assert_eq!(String::from_utf8(csv).unwrap().lines().count(), 1);
        let (table, _) = run_with(2, Format::Table, f.path().to_path_buf());
        assert!(table.is_empty());
    }

    #[test]
    fn a_failing_output_stops_the_run() {
        struct Broken;
        impl Write for Broken {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::ErrorKind::BrokenPipe.into())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let f = corpus(BATCH_DOCS * 20);
        let coder = coder();
        let specs = [InputSpec { path: Some(f.path().to_path_buf()), jsonl: true }];
        let progress = Progress::new(false, None, Instant::now());
        for threads in [1, 2] {
            let options = Options { threads, format: Format::Jsonl, date: None };
            let e = run(&coder, &specs, options, Broken, &progress).unwrap_err();
            assert_eq!(e.kind(), io::ErrorKind::BrokenPipe);
        }
    }

    #[test]
    fn a_document_the_coder_panics_on_is_skipped_and_the_run_ends() {
        // Regression: a panicking worker left the writer waiting for its
        // batch forever (seen with a faulty grammar patch).
        let f = corpus(BATCH_DOCS * 9 + 5);
        let coder = coder();
        let code = |doc: &Document, workspace: &mut Workspace| {
            assert!(doc.id != "d7" && doc.id != "d300", "injected failure");
            coder.code_with(doc, workspace)
        };
        let specs = [InputSpec { path: Some(f.path().to_path_buf()), jsonl: true }];
        let progress = Progress::new(false, None, Instant::now());
        let (whole, _) = run_with(1, Format::Jsonl, f.path().to_path_buf());
        let expected: Vec<&str> = std::str::from_utf8(&whole)
            .unwrap()
            .lines()
            .filter(|l| !l.contains("\"doc\":\"d7\"") && !l.contains("\"doc\":\"d300\""))
            .collect();
        for threads in [1, 2, 3] {
            let options = Options { threads, format: Format::Jsonl, date: None };
            let mut out = Vec::new();
            let s = run_coding(&code, &specs, options, &mut out, &progress).unwrap();
            assert_eq!(s.status, Status::Internal, "{threads} threads");
            assert_eq!(s.panicked, 2);
            assert_eq!(s.counts.documents, (BATCH_DOCS * 9 + 5 - 2) as u64);
            let lines: Vec<&str> = std::str::from_utf8(&out).unwrap().lines().collect();
            assert_eq!(lines, expected, "{threads} threads: every other document's events, in order");
        }
    }

    #[test]
    fn missing_inputs_are_reported_and_the_rest_is_coded() {
        let f = corpus(3);
        let coder = coder();
        let specs = [
            InputSpec { path: Some(PathBuf::from("/no/such/file.jsonl")), jsonl: true },
            InputSpec { path: Some(f.path().to_path_buf()), jsonl: true },
        ];
        let progress = Progress::new(false, None, Instant::now());
        for threads in [1, 2] {
            let options = Options { threads, format: Format::Jsonl, date: None };
            let s = run(&coder, &specs, options, Vec::new(), &progress).unwrap();
            assert_eq!(s.status, Status::Io);
            assert_eq!(s.counts.documents, 3);
        }
    }
}
