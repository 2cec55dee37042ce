//! Exit statuses: the documented contract between `dyad` and its callers.

use std::process::ExitCode;

/// How a run ended. Ordered by precedence: when several things went wrong the
/// highest one is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// 0: everything was read and coded.
    Ok = 0,
    /// 1: input problems were reported: records skipped or bytes repaired.
    InputProblems = 1,
    /// 2: bad command line.
    Usage = 2,
    /// 3: the dictionaries have errors.
    Dictionary = 3,
    /// 4: a file could not be opened, read or written, or the event store failed.
    Io = 4,
    /// 5: the coder panicked on a document (a bug); it was skipped and the
    /// other documents were coded.
    Internal = 5,
}

impl Status {
    /// The more serious of two statuses.
    pub fn worst(self, other: Status) -> Status {
        self.max(other)
    }

    /// The process exit code.
    pub fn exit_code(self) -> ExitCode {
        ExitCode::from(self as u8)
    }
}

/// A failure that ends the command early.
#[derive(Debug)]
pub struct Failure {
    /// Exit status to report.
    pub status: Status,
    /// What went wrong, for a person.
    pub error: anyhow::Error,
}

impl Failure {
    /// A failure with a status.
    pub fn new(status: Status, error: impl Into<anyhow::Error>) -> Failure {
        Failure { status, error: error.into() }
    }
}

/// Exit codes as shown by `--help` (keep in step with docs/cli.md).
pub const EXIT_CODES_HELP: &str = "\
Exit status:
  0  success
  1  input problems were reported on stderr: records skipped (malformed or
     oversized JSONL lines) or invalid UTF-8 replaced; the rest was coded
  2  usage error (bad command line)
  3  dictionary errors
  4  I/O error: an input file is missing or unreadable, output failed, or
     an event-store error (not a dyad store, corrupt, locked, read-only, full)
  5  internal error: the coder panicked on a document (a bug in dyad); that
     document was skipped and named on stderr, the others were coded
When several apply, the highest is used. A closed stdout pipe
(`dyad code ... | head`) ends the run quietly with status 0.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precedence_is_numeric() {
        assert_eq!(Status::Ok.worst(Status::InputProblems), Status::InputProblems);
        assert_eq!(Status::Io.worst(Status::InputProblems), Status::Io);
        assert_eq!(Status::Dictionary.worst(Status::Io), Status::Io);
        assert_eq!(Status::Io as u8, 4);
        assert_eq!(Status::Dictionary as u8, 3);
    }
}
