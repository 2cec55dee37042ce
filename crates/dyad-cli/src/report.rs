//! Diagnostics on stderr. stdout carries data only; everything a person
//! should read goes through here.

use std::fmt::Display;
use std::io::{self, Write};

use dyad_core::{Diagnostic, Severity};

/// Writes diagnostics to stderr and counts the ones that change the exit
/// status.
#[derive(Debug, Default)]
pub struct Reporter {
    /// Input records skipped.
    pub skipped: u64,
    /// Input records decoded lossily.
    pub repaired: u64,
    /// Documents skipped because the coder panicked on them.
    pub panicked: u64,
}

impl Reporter {
    /// A reporter with zero counts.
    pub fn new() -> Reporter {
        Reporter::default()
    }

    /// A record at `origin:line` was skipped.
    pub fn skip(&mut self, origin: &str, line: u64, reason: impl Display) {
        self.skipped += 1;
        emit(format_args!("{origin}:{line}: {reason}"));
    }

    /// Invalid UTF-8 at `origin:line` was replaced with U+FFFD.
    pub fn repaired(&mut self, origin: &str, line: u64) {
        self.repaired += 1;
        emit(format_args!("{origin}:{line}: invalid UTF-8 replaced"));
    }

    /// The coder panicked on document `doc` of `origin` (a bug in dyad): the
    /// document was skipped.
    pub fn panicked(&mut self, origin: &str, doc: &str) {
        self.panicked += 1;
        emit(format_args!(
            "{origin}:{doc}: internal error: the coder panicked on this document (a bug in dyad; please report it with the document); document skipped"
        ));
    }

    /// Something worth knowing that does not change the exit status.
    pub fn note(&mut self, origin: &str, message: impl Display) {
        emit(format_args!("{origin}: {message}"));
    }

    /// A diagnostic from the coder about document `doc` of `origin`.
    pub fn coder(&mut self, origin: &str, doc: &str, diagnostic: &Diagnostic) {
        match diagnostic.severity {
            Severity::Warning => emit(format_args!("{origin}:{doc}: {}", diagnostic.message)),
            Severity::Info => emit(format_args!("{origin}:{doc}: note: {}", diagnostic.message)),
        }
    }

    /// An error that is not tied to one record (`dyad: ...`).
    pub fn error(&mut self, message: impl Display) {
        emit(format_args!("dyad: {message}"));
    }
}

/// Writes one line to stderr; a failing stderr is ignored (there is nowhere
/// left to report it).
pub fn emit(line: std::fmt::Arguments<'_>) {
    let mut err = io::stderr().lock();
    let _ = err.write_fmt(line);
    let _ = err.write_all(b"\n");
}
