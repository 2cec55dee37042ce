//! Opening, identifying, creating and upgrading a store.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension};

use crate::error::{Error, Result};
use crate::schema::{APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION};

/// Default deduplication window, in days either side of an event's date.
pub const DEFAULT_DEDUP_WINDOW: u32 = 1;

/// How to open a store.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenMode {
    /// Create the file when it does not exist; upgrade an older schema.
    Create,
    /// The file must exist; upgrade an older schema.
    Existing,
    /// The file must exist and is never written: an older schema is an
    /// [`Error::Outdated`].
    ReadOnly,
}

/// Options for [`Store::open_with`].
#[derive(Clone, Debug)]
pub struct StoreOptions {
    /// How to open.
    pub mode: OpenMode,
    /// How long to wait for another process's lock before giving up with
    /// [`Error::Locked`].
    pub busy_timeout: Duration,
    /// Deduplication window (± days). `None` keeps the store's setting
    /// ([`DEFAULT_DEDUP_WINDOW`] for a new store); a different value is saved
    /// and every event is re-clustered with it.
    pub dedup_window: Option<u32>,
    /// A cap on the size of the database file, in pages (SQLite's
    /// `max_page_count`; a page is 4096 bytes). A write that would grow the
    /// file beyond it fails with [`Error::DiskFull`] and its transaction is
    /// rolled back, exactly as when the disk or a quota is full. `None`: no
    /// cap but the disk's.
    pub max_pages: Option<u32>,
}

impl Default for StoreOptions {
    fn default() -> StoreOptions {
        StoreOptions {
            mode: OpenMode::Create,
            busy_timeout: Duration::from_secs(10),
            dedup_window: None,
            max_pages: None,
        }
    }
}

/// An open event store: one SQLite database file.
///
/// A `Store` holds one connection; it is `Send` but not `Sync`. Any number of
/// processes may read a store while one writes to it (WAL mode).
#[derive(Debug)]
pub struct Store {
    pub(crate) conn: Connection,
    pub(crate) path: PathBuf,
    pub(crate) dedup_window: u32,
    pub(crate) read_only: bool,
}

impl Store {
    /// Opens the store at `path`, creating it when missing.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        Store::open_with(path, &StoreOptions::default())
    }

    /// Opens the store at `path` with options.
    ///
    /// A file that is not an SQLite database, an SQLite database of another
    /// application, or a store written by a newer dyad is reported and left
    /// untouched: nothing is written before the file has been identified.
    pub fn open_with(path: impl AsRef<Path>, options: &StoreOptions) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        let exists = match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => {
                return Err(Error::CannotOpen { path, reason: "is a directory".into() });
            }
            Ok(_) => true,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
            Err(e) => return Err(Error::CannotOpen { path, reason: e.to_string() }),
        };
        if !exists && options.mode != OpenMode::Create {
            return Err(Error::NotFound { path });
        }
        let mut flags = OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        flags |= match options.mode {
            OpenMode::Create => OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
            OpenMode::Existing => OpenFlags::SQLITE_OPEN_READ_WRITE,
            OpenMode::ReadOnly => OpenFlags::SQLITE_OPEN_READ_ONLY,
        };
        let conn = match Connection::open_with_flags(&path, flags) {
            Ok(c) => c,
            Err(e) => {
                // A file we may read but not write: fall back to reading.
                let retry = options.mode == OpenMode::Existing
                    && matches!(
                        e.sqlite_error_code(),
                        Some(rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::CannotOpen)
                    );
                if retry {
                    let read_only = StoreOptions { mode: OpenMode::ReadOnly, ..options.clone() };
                    return Store::open_with(&path, &read_only);
                }
                return Err(Error::from_sqlite(&path, e));
            }
        };
        let read_only = options.mode == OpenMode::ReadOnly || conn.is_readonly("main").unwrap_or(false);
        let sql = |e| Error::from_sqlite(&path, e);
        conn.busy_timeout(options.busy_timeout).map_err(sql)?;
        if let Some(pages) = options.max_pages {
            // Writes nothing: it holds for this connection only (creating
            // the schema included), and never shrinks the file below its
            // present size.
            conn.pragma_update(None, "max_page_count", pages).map_err(sql)?;
        }
        let mut store = Store { conn, path: path.clone(), dedup_window: DEFAULT_DEDUP_WINDOW, read_only };

        match store.identify()? {
            Identity::Empty => {
                if read_only {
                    return Err(Error::NotDyad { path });
                }
                store.initialise()?;
            }
            Identity::Dyad(version) if version > SCHEMA_VERSION => {
                return Err(Error::TooNew { path, found: version, supported: SCHEMA_VERSION });
            }
            Identity::Dyad(version) if version < SCHEMA_VERSION => {
                if read_only {
                    return Err(Error::Outdated { path, found: version, supported: SCHEMA_VERSION });
                }
                store.migrate(version, SCHEMA_VERSION)?;
            }
            Identity::Dyad(_) => {}
            Identity::Foreign => return Err(Error::NotDyad { path }),
        }
        store
            .conn
            .execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -131072;")
            .map_err(sql)?;
        store.dedup_window =
            store.setting("dedup_window")?.and_then(|v| v.parse().ok()).unwrap_or(DEFAULT_DEDUP_WINDOW);
        if let Some(window) = options.dedup_window {
            if window != store.dedup_window {
                if store.read_only {
                    return Err(Error::ReadOnly { path });
                }
                store.set_dedup_window(window)?;
            }
        }
        Ok(store)
    }

    /// The file this store lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// True when the store was opened (or could only be opened) read-only.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The deduplication window in force (± days).
    pub fn dedup_window(&self) -> u32 {
        self.dedup_window
    }

    /// The schema version of the open store (always [`SCHEMA_VERSION`] once opened).
    pub fn schema_version(&self) -> Result<u32> {
        self.conn
            .query_row("SELECT coalesce(max(version), 0) FROM schema_version", [], |r| r.get(0))
            .map_err(|e| self.err(e))
    }

    pub(crate) fn err(&self, e: rusqlite::Error) -> Error {
        Error::from_sqlite(&self.path, e)
    }

    pub(crate) fn setting(&self, key: &str) -> Result<Option<String>> {
        self.conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0))
            .optional()
            .map_err(|e| self.err(e))
    }

    /// Reads the header and the catalogue only: no write happens here.
    fn identify(&self) -> Result<Identity> {
        let app: i32 = self.conn.query_row("PRAGMA application_id", [], |r| r.get(0)).map_err(|e| self.err(e))?;
        if app == APPLICATION_ID {
            let has_table: bool = self
                .conn
                .query_row(
                    "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_version'",
                    [],
                    |r| r.get::<_, i64>(0),
                )
                .map(|n| n > 0)
                .map_err(|e| self.err(e))?;
            if !has_table {
                return Ok(Identity::Dyad(0));
            }
            let version: u32 = self
                .conn
                .query_row("SELECT coalesce(max(version), 0) FROM schema_version", [], |r| r.get(0))
                .map_err(|e| self.err(e))?;
            return Ok(Identity::Dyad(version));
        }
        if app != 0 {
            return Ok(Identity::Foreign);
        }
        let objects: i64 =
            self.conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0)).map_err(|e| self.err(e))?;
        Ok(if objects == 0 { Identity::Empty } else { Identity::Foreign })
    }

    fn initialise(&mut self) -> Result<()> {
        // WAL must be set outside a transaction; it persists in the file.
        self.conn.pragma_update(None, "journal_mode", "WAL").map_err(|e| self.err(e))?;
        self.migrate(0, SCHEMA_VERSION)
    }

    /// Runs migrations `from+1 ..= to`, each in its own transaction with its
    /// `schema_version` row.
    pub(crate) fn migrate(&mut self, from: u32, to: u32) -> Result<()> {
        let path = self.path.clone();
        let sql = |e| Error::from_sqlite(&path, e);
        for version in from + 1..=to {
            let migration = &MIGRATIONS[version as usize - 1];
            let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(sql)?;
            tx.execute_batch(migration.sql).map_err(sql)?;
            tx.execute(
                "INSERT INTO schema_version (version, applied_at, description) VALUES (?1, ?2, ?3)",
                rusqlite::params![version, now(), migration.description],
            )
            .map_err(sql)?;
            if version == 1 {
                tx.pragma_update(None, "application_id", APPLICATION_ID).map_err(sql)?;
                tx.execute(
                    "INSERT INTO settings (key, value) VALUES ('dedup_window', ?1)",
                    [DEFAULT_DEDUP_WINDOW.to_string()],
                )
                .map_err(sql)?;
            }
            tx.commit().map_err(sql)?;
        }
        Ok(())
    }

    /// Creates a store at an older schema version, for migration tests.
    #[doc(hidden)]
    pub fn create_at_version(path: impl AsRef<Path>, version: u32) -> Result<()> {
        let path = path.as_ref().to_path_buf();
        let conn = Connection::open(&path).map_err(|e| Error::from_sqlite(&path, e))?;
        let mut store = Store { conn, path, dedup_window: DEFAULT_DEDUP_WINDOW, read_only: false };
        store.conn.pragma_update(None, "journal_mode", "WAL").map_err(|e| store.err(e))?;
        store.migrate(0, version)
    }
}

enum Identity {
    /// A new or empty file: ours to initialise.
    Empty,
    /// A dyad store at this schema version.
    Dyad(u32),
    /// Someone else's database.
    Foreign,
}

/// Current UTC time, RFC 3339, seconds.
pub(crate) fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}
