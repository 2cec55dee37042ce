//! `dyad code [FILES...]`: read documents, code them, write events.
//!
//! The work is done by [`crate::pipeline`]: a reader, `--threads` coding
//! workers and an ordered writer, so the output is the same for any number
//! of threads.

use std::io::{self, BufWriter, IsTerminal};
use std::num::NonZeroUsize;
use std::time::Instant;

use anyhow::anyhow;

use crate::cli::CodeArgs;
use crate::dicts;
use crate::input::InputSpec;
use crate::output::Format;
use crate::pipeline::{self, Options};
use crate::progress::{self, Progress};
use crate::report;
use crate::status::{Failure, Status};

/// Runs `dyad code`.
pub fn run(args: &CodeArgs) -> Result<Status, Failure> {
    let start = Instant::now();
    let coder = dicts::coder(&args.dicts)?;
    let stdout = io::stdout();
    let format = args.format.unwrap_or(if stdout.is_terminal() { Format::Table } else { Format::Jsonl });
    let specs = InputSpec::from_args(&args.files, args.jsonl);
    let threads = args.threads.or_else(|| std::thread::available_parallelism().ok()).map_or(1, NonZeroUsize::get);
    let show_progress = !args.quiet && io::stderr().is_terminal();
    let progress = Progress::new(show_progress, progress::total_size(&specs), start);
    let options = Options { threads, format, date: args.date };
    let outcome = pipeline::run(&coder, &specs, options, BufWriter::new(stdout.lock()), &progress);
    progress.finish();
    let summary = match outcome {
        Ok(summary) => summary,
        Err(e) => return output_failed(e),
    };
    if !args.quiet {
        let c = summary.counts;
        report::emit(format_args!(
            "dyad: {} documents, {} sentences, {} events, {} skipped",
            c.documents, c.sentences, c.events, summary.skipped
        ));
        let elapsed = progress.elapsed();
        report::emit(format_args!(
            "dyad: elapsed {:.2} s, {} threads: {}",
            elapsed.as_secs_f64(),
            threads,
            progress::rates(c, elapsed)
        ));
    }
    if summary.panicked > 0 {
        report::emit(format_args!(
            "dyad: {} document(s) skipped after an internal error (named above)",
            summary.panicked
        ));
    }
    let mut status = summary.status;
    if summary.skipped > 0 || summary.repaired > 0 {
        status = status.worst(Status::InputProblems);
    }
    Ok(status)
}

/// A closed pipe (`dyad code ... | head`) is a normal way to stop: quiet,
/// status 0. Any other write error is an I/O error.
fn output_failed(e: io::Error) -> Result<Status, Failure> {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Ok(Status::Ok)
    } else {
        Err(Failure::new(Status::Io, anyhow!("cannot write to standard output: {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_pipe_is_success() {
        let e = io::Error::from(io::ErrorKind::BrokenPipe);
        assert_eq!(output_failed(e).unwrap(), Status::Ok);
        let e = io::Error::other("disk full");
        assert_eq!(output_failed(e).unwrap_err().status, Status::Io);
    }
}
