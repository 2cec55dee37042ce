//! The store's typed errors.

use std::path::PathBuf;

use rusqlite::ErrorCode;

/// Everything that can go wrong with a store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The database file does not exist (and the store was not asked to create it).
    #[error("{}: no such database (create one with `dyad ingest`)", path.display())]
    NotFound {
        /// The path given.
        path: PathBuf,
    },
    /// The file could not be opened or created (missing directory, permissions, not a file).
    #[error("{}: cannot open database: {reason}", path.display())]
    CannotOpen {
        /// The path given.
        path: PathBuf,
        /// What SQLite or the file system said.
        reason: String,
    },
    /// The file is not an SQLite database at all (or its header is damaged).
    #[error("{}: not a database (or its header is damaged); it was not modified", path.display())]
    NotADatabase {
        /// The path given.
        path: PathBuf,
    },
    /// An SQLite database that belongs to another application.
    #[error("{}: an SQLite database that is not a dyad event store; it was not modified", path.display())]
    NotDyad {
        /// The path given.
        path: PathBuf,
    },
    /// SQLite found damaged pages.
    #[error("{}: the database is corrupt ({reason}); restore it from a copy or re-ingest into a new file", path.display())]
    Corrupt {
        /// The path given.
        path: PathBuf,
        /// What SQLite said.
        reason: String,
    },
    /// Another process holds a lock that did not go away within the busy timeout.
    #[error("{}: the database is locked by another process (another `dyad ingest`?); try again when it is done", path.display())]
    Locked {
        /// The path given.
        path: PathBuf,
    },
    /// The file or its directory cannot be written.
    #[error("{}: the database is read-only (check the permissions of the file and of its directory)", path.display())]
    ReadOnly {
        /// The path given.
        path: PathBuf,
    },
    /// The disk (or a quota, or the store's own size limit,
    /// [`StoreOptions::max_pages`](crate::StoreOptions::max_pages)) is full;
    /// the current batch was rolled back.
    #[error("{}: the disk is full (or the store reached its size limit); the last batch was rolled back and the store is consistent", path.display())]
    DiskFull {
        /// The path given.
        path: PathBuf,
    },
    /// The store was written by a newer dyad.
    #[error("{}: schema version {found} is newer than this dyad supports ({supported}); upgrade dyad", path.display())]
    TooNew {
        /// The path given.
        path: PathBuf,
        /// Version in the file.
        found: u32,
        /// Newest version this build knows.
        supported: u32,
    },
    /// The store has an older schema and was opened read-only, so it cannot be upgraded.
    #[error("{}: schema version {found} is older than {supported} and the file is read-only; open it once writable (e.g. `dyad ingest --db FILE /dev/null`) to upgrade it", path.display())]
    Outdated {
        /// The path given.
        path: PathBuf,
        /// Version in the file.
        found: u32,
        /// Version this build writes.
        supported: u32,
    },
    /// A query argument is invalid (a full-text query SQLite cannot parse, a bad range).
    #[error("invalid query: {0}")]
    InvalidQuery(String),
    /// Any other SQLite error.
    #[error("{}: {source}", path.display())]
    Sqlite {
        /// The path given.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: rusqlite::Error,
    },
}

/// Result with the store's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Classifies an SQLite error for the database at `path`.
    pub(crate) fn from_sqlite(path: &std::path::Path, e: rusqlite::Error) -> Error {
        let path = path.to_path_buf();
        match e.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) => Error::NotADatabase { path },
            Some(ErrorCode::DatabaseCorrupt) => Error::Corrupt { path, reason: e.to_string() },
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Error::Locked { path },
            Some(ErrorCode::ReadOnly) => Error::ReadOnly { path },
            Some(ErrorCode::DiskFull) => Error::DiskFull { path },
            Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
                Error::CannotOpen { path, reason: e.to_string() }
            }
            _ => Error::Sqlite { path, source: e },
        }
    }
}
