//! `dyad code [FILES...]`: read documents, code them, write events.

use std::io::{self, BufWriter, IsTerminal};

use anyhow::anyhow;

use crate::cli::CodeArgs;
use crate::dicts;
use crate::dto::EventRecord;
use crate::input::{self, InputSpec, Limits};
use crate::output::{self, Format};
use crate::report::{self, Reporter};
use crate::status::{Failure, Status};

/// Counts for the summary line.
#[derive(Debug, Default)]
struct Totals {
    documents: u64,
    sentences: u64,
    events: u64,
}

/// Runs `dyad code`.
pub fn run(args: &CodeArgs) -> Result<Status, Failure> {
    let coder = dicts::coder(&args.dicts)?;
    let stdout = io::stdout();
    let format = args.format.unwrap_or(if stdout.is_terminal() { Format::Table } else { Format::Jsonl });
    let mut sink = match output::sink(format, BufWriter::new(stdout.lock())) {
        Ok(sink) => sink,
        Err(e) => return output_failed(e),
    };
    let mut reporter = Reporter::new();
    let mut totals = Totals::default();
    let mut status = Status::Ok;

    for spec in InputSpec::from_args(&args.files, args.jsonl) {
        let name = spec.name();
        let mut documents = match input::open(&spec, args.date, Limits::default()) {
            Ok(d) => d,
            Err(e) => {
                reporter.error(format_args!("cannot open {name}: {e}"));
                status = status.worst(Status::Io);
                continue;
            }
        };
        loop {
            let doc = match documents.next_document(&mut reporter) {
                Ok(Some(doc)) => doc,
                Ok(None) => break,
                Err(e) => {
                    reporter.error(format_args!("cannot read {name}: {e}"));
                    status = status.worst(Status::Io);
                    break;
                }
            };
            let coded = coder.code(&doc);
            totals.documents += 1;
            totals.sentences += coded.sentences as u64;
            totals.events += coded.events.len() as u64;
            for diagnostic in &coded.diagnostics {
                reporter.coder(&name, &doc.id, diagnostic);
            }
            let written = coded
                .events
                .iter()
                .enumerate()
                .try_for_each(|(i, event)| sink.write(&EventRecord::new(&doc, i, event)))
                .and_then(|()| sink.flush());
            if let Err(e) = written {
                return output_failed(e);
            }
        }
    }
    if let Err(e) = sink.flush() {
        return output_failed(e);
    }
    if !args.quiet {
        report::emit(format_args!(
            "dyad: {} documents, {} sentences, {} events, {} skipped",
            totals.documents, totals.sentences, totals.events, reporter.skipped
        ));
    }
    if reporter.skipped > 0 || reporter.repaired > 0 {
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
