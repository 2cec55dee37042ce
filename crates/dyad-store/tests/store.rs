//! Ingest, re-ingest, deduplication, migrations and bad databases.

mod common;

use std::fs;

use common::{day, spec, Coded, Spec};
use dyad_core::EventDate;
use dyad_store::{Error, Filter, OpenMode, Page, Store, StoreOptions, SCHEMA_VERSION};

fn ingest(store: &mut Store, docs: &[&Coded]) -> dyad_store::IngestSummary {
    let batch: Vec<_> = docs.iter().map(|d| d.new_document()).collect();
    store.ingest(&batch, "test").unwrap()
}

fn all(store: &Store) -> Vec<dyad_store::StoredEvent> {
    store.events(&Filter { include_negated: true, ..Filter::default() }, Page::default()).unwrap()
}

#[test]
fn reingesting_a_document_replaces_its_events() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("e.db")).unwrap();
    let doc =
        Coded::new("story", &[spec("TURGOV", "GRCGOV", "040", "2025-04-10"), spec("GRC", "TUR", "112", "2025-04-11")]);
    let first = ingest(&mut store, &[&doc]);
    assert_eq!((first.documents, first.mentions, first.replaced), (1, 2, 0));
    let before = store.stats().unwrap();
    assert!(store.is_unchanged(&doc.doc, "test").unwrap());
    assert!(!store.is_unchanged(&doc.doc, "other coder").unwrap());

    // The same document again: nothing duplicated.
    let again = ingest(&mut store, &[&doc]);
    assert_eq!(again.replaced, 1);
    assert_eq!(store.stats().unwrap(), before);
    assert_eq!(all(&store).len(), 2);
    assert!(all(&store).iter().all(|e| e.mentions == 1));

    // A changed version replaces the old events.
    let changed = Coded::new("story", &[spec("USA", "JPN", "036", "2025-04-12")]);
    assert!(!store.is_unchanged(&changed.doc, "test").unwrap());
    ingest(&mut store, &[&changed]);
    let events = all(&store);
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].source.code, "USA");
    let stats = store.stats().unwrap();
    assert_eq!((stats.documents, stats.sentences, stats.mentions, stats.events), (1, 1, 1, 1));

    // Removing it leaves nothing behind.
    assert!(store.remove_document("story").unwrap());
    assert!(!store.remove_document("story").unwrap());
    let stats = store.stats().unwrap();
    assert_eq!((stats.documents, stats.sentences, stats.mentions, stats.events), (0, 0, 0, 0));
    // The full-text index follows the sentences.
    let f = Filter { text: Some("officials".into()), ..Filter::default() };
    assert_eq!(store.count(&f).unwrap(), 0);
}

#[test]
fn a_document_without_id_is_keyed_by_its_content() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("e.db")).unwrap();
    let doc = Coded::new("", &[spec("TUR", "GRC", "040", "2025-04-10")]);
    ingest(&mut store, &[&doc]);
    ingest(&mut store, &[&doc]);
    assert_eq!(store.stats().unwrap().documents, 1);
    let m = store.mentions(all(&store)[0].id).unwrap();
    assert!(m[0].document.key.starts_with("sha256:"), "{}", m[0].document.key);
}

#[test]
fn mentions_of_one_event_fold_across_documents() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("e.db")).unwrap();
    assert_eq!(store.dedup_window(), 1);
    let a = Coded::with_text("wire-a", &[spec("TURGOV", "GRCGOV", "040", "2025-04-10")], " on Thursday");
    // One day later (another time zone), same event.
    let b = Coded::with_text("wire-b", &[spec("TURGOV", "GRCGOV", "040", "2025-04-11")], " yesterday");
    // Three days later: another meeting.
    let c = Coded::new("wire-c", &[spec("TURGOV", "GRCGOV", "040", "2025-04-14")]);
    // Same day, different CAMEO code: another event.
    let d = Coded::new("wire-d", &[spec("TURGOV", "GRCGOV", "036", "2025-04-10")]);
    // Reversed direction: another event.
    let e = Coded::new("wire-e", &[spec("GRCGOV", "TURGOV", "040", "2025-04-10")]);
    let summary = ingest(&mut store, &[&a, &b, &c, &d, &e]);
    assert_eq!((summary.mentions, summary.new_events, summary.merged), (5, 4, 1));

    let events = all(&store);
    assert_eq!(events.len(), 4);
    let folded = events.iter().find(|e| e.mentions == 2).unwrap();
    assert_eq!(folded.articles, 2);
    assert_eq!(folded.sources, 2);
    // The event takes the earliest date of its mentions.
    assert_eq!(folded.date, Some(EventDate::Day(day("2025-04-10"))));
    let mentions = store.mentions(folded.id).unwrap();
    let docs: Vec<_> = mentions.iter().map(|m| m.document.key.as_str()).collect();
    assert_eq!(docs, ["wire-a", "wire-b"]);
    assert!(mentions[1].sentence.contains("yesterday"));
    assert_eq!(mentions[0].event.source.code, "TURGOV");
    assert_eq!(mentions[0].event.evidence.rule.to_string(), "test.events:42");

    // Re-ingesting one of the two mentions keeps the fold, never doubles it.
    ingest(&mut store, &[&b]);
    let events = all(&store);
    assert_eq!(events.len(), 4);
    assert_eq!(events.iter().map(|e| e.mentions).sum::<u32>(), 5);

    // A wider window folds the meeting three days later too.
    store.set_dedup_window(4).unwrap();
    let events = all(&store);
    assert_eq!(events.len(), 3);
    assert_eq!(events.iter().map(|e| e.mentions).max(), Some(3));
    // And the setting is kept.
    drop(store);
    let store = Store::open(dir.path().join("e.db")).unwrap();
    assert_eq!(store.dedup_window(), 4);
    let store =
        Store::open_with(dir.path().join("e.db"), &StoreOptions { dedup_window: Some(0), ..Default::default() })
            .unwrap();
    assert_eq!(all(&store).len(), 5);
}

#[test]
fn locations_must_agree_when_both_are_known() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("e.db")).unwrap();
    let at = |place: Option<(&'static str, &'static str)>| Spec { place, ..spec("USA", "JPN", "040", "2025-01-05") };
    let a = Coded::new("a", &[at(Some(("Tokyo", "JPN")))]);
    let b = Coded::new("b", &[at(None)]);
    let c = Coded::new("c", &[at(Some(("Washington", "USA")))]);
    ingest(&mut store, &[&b, &a, &c]);
    let events = all(&store);
    assert_eq!(events.len(), 2, "{events:#?}");
    let tokyo = events.iter().find(|e| e.mentions == 2).unwrap();
    assert_eq!(tokyo.location.as_ref().unwrap().name, "Tokyo", "the event takes the first known location");
}

#[test]
fn undated_and_month_dated_mentions() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("e.db")).unwrap();
    let undated = Spec { date: None, ..spec("USA", "JPN", "040", "2025-01-05") };
    let month = Spec { date: Some(EventDate::Month { year: 2025, month: 1 }), ..undated.clone() };
    let day1 = spec("USA", "JPN", "040", "2025-01-01");
    let a = Coded::new("a", &[undated.clone(), month.clone(), day1.clone()]);
    let b = Coded::new("b", &[undated, month, day1]);
    ingest(&mut store, &[&a, &b]);
    let events = all(&store);
    // Undated mentions never fold; month-dated ones fold only with the same
    // month, never with a day-dated mention.
    assert_eq!(events.len(), 4);
    assert_eq!(events.iter().filter(|e| e.date.is_none()).count(), 2);
    let month = events.iter().find(|e| matches!(e.date, Some(EventDate::Month { .. }))).unwrap();
    assert_eq!(month.mentions, 2);
}

#[test]
fn older_schema_is_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    Store::create_at_version(&path, 1).unwrap();
    // Write a sentence through SQL, as a version-1 dyad would have.
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "INSERT INTO documents (doc_key, content_hash, coder, sentence_count, ingested_at)
               VALUES ('old', 'x', 'v1', 1, '2024-01-01T00:00:00Z');
             INSERT INTO sentences (document_id, idx, start_byte, end_byte, text)
               VALUES (1, 0, 0, 20, 'Ankara recalled its ambassador.');",
        )
        .unwrap();
    }
    let read_only = StoreOptions { mode: OpenMode::ReadOnly, ..Default::default() };
    assert!(matches!(Store::open_with(&path, &read_only), Err(Error::Outdated { found: 1, .. })));
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    // The migration indexed the existing sentences for full-text search.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'ambassador'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    let bytes = b"This is a text file, not a database.\n".repeat(200);
    fs::write(&path, &bytes).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, Error::NotADatabase { .. }), "{err:?}");
    assert!(err.to_string().contains("not a database"), "{err}");
    assert_eq!(fs::read(&path).unwrap(), bytes);
    assert!(!dir.path().join("notes.db-wal").exists());
}

#[test]
fn another_applications_database_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("app.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO users VALUES (1, 'x');",
        )
        .unwrap();
    }
    let bytes = fs::read(&path).unwrap();
    for mode in [OpenMode::Create, OpenMode::Existing, OpenMode::ReadOnly] {
        let err = Store::open_with(&path, &StoreOptions { mode, ..Default::default() }).unwrap_err();
        assert!(matches!(err, Error::NotDyad { .. }), "{err:?}");
    }
    assert_eq!(fs::read(&path).unwrap(), bytes);
    // Another application id, even on an empty database.
    let other = dir.path().join("other.db");
    {
        let conn = rusqlite::Connection::open(&other).unwrap();
        conn.pragma_update(None, "application_id", 1234).unwrap();
    }
    assert!(matches!(Store::open(&other), Err(Error::NotDyad { .. })));
}

#[test]
fn a_newer_store_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    drop(Store::open(&path).unwrap());
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute("INSERT INTO schema_version VALUES (99, 'later', 'from the future')", []).unwrap();
    }
    let bytes = fs::read(&path).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, Error::TooNew { found: 99, .. }), "{err:?}");
    assert_eq!(fs::read(&path).unwrap(), bytes);
}

#[test]
fn a_corrupt_store_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.db");
    {
        let mut store = Store::open(&path).unwrap();
        let docs: Vec<Coded> = (0..50)
            .map(|i| Coded::with_text(&format!("d{i}"), &[spec("TUR", "GRC", "040", "2025-04-10")], &"x".repeat(500)))
            .collect();
        let refs: Vec<&Coded> = docs.iter().collect();
        ingest(&mut store, &refs);
    }
    // Scribble over everything after the first page.
    let mut bytes = fs::read(&path).unwrap();
    assert!(bytes.len() > 8192);
    for b in bytes[4096..].iter_mut() {
        *b = 0x5A;
    }
    fs::write(&path, &bytes).unwrap();
    let result = Store::open(&path).and_then(|s| s.stats().map(|_| s));
    let err = result.unwrap_err();
    assert!(matches!(err, Error::Corrupt { .. } | Error::NotADatabase { .. }), "{err:?}");
    assert_eq!(fs::read(&path).unwrap(), bytes, "never modified");
}

#[test]
fn unusable_paths_are_errors_not_panics() {
    let dir = tempfile::tempdir().unwrap();
    // A directory that does not exist.
    let err = Store::open(dir.path().join("missing/dir/e.db")).unwrap_err();
    assert!(matches!(err, Error::CannotOpen { .. }), "{err:?}");
    // A directory instead of a file.
    assert!(matches!(Store::open(dir.path()), Err(Error::CannotOpen { .. })));
    // Not there, and not to be created.
    let existing = StoreOptions { mode: OpenMode::Existing, ..Default::default() };
    assert!(matches!(Store::open_with(dir.path().join("nope.db"), &existing), Err(Error::NotFound { .. })));
    assert!(!dir.path().join("nope.db").exists());
    // A store opened read-only refuses to write.
    let path = dir.path().join("e.db");
    drop(Store::open(&path).unwrap());
    let read_only = StoreOptions { mode: OpenMode::ReadOnly, ..Default::default() };
    let mut store = Store::open_with(&path, &read_only).unwrap();
    assert!(store.is_read_only());
    let doc = Coded::new("d", &[spec("TUR", "GRC", "040", "2025-04-10")]);
    let err = store.ingest(&[doc.new_document()], "test").unwrap_err();
    assert!(matches!(err, Error::ReadOnly { .. }), "{err:?}");
}

#[test]
fn a_locked_store_is_reported_and_left_consistent() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("e.db");
    let mut store = Store::open_with(
        &path,
        &StoreOptions { busy_timeout: std::time::Duration::from_millis(100), ..Default::default() },
    )
    .unwrap();
    let other = rusqlite::Connection::open(&path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE; INSERT INTO settings VALUES ('x', 'y');").unwrap();
    let doc = Coded::new("d", &[spec("TUR", "GRC", "040", "2025-04-10")]);
    let err = store.ingest(&[doc.new_document()], "test").unwrap_err();
    assert!(matches!(err, Error::Locked { .. }), "{err:?}");
    assert!(err.to_string().contains("locked"));
    // Readers are not blocked by the writer (WAL).
    assert_eq!(store.stats().unwrap().documents, 0);
    other.execute_batch("ROLLBACK").unwrap();
    store.ingest(&[doc.new_document()], "test").unwrap();
    assert_eq!(store.stats().unwrap().documents, 1);
}

#[test]
fn the_store_is_in_wal_mode() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("e.db");
    drop(Store::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    let app: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0)).unwrap();
    assert_eq!(app, dyad_store::APPLICATION_ID);
}

/// Documents with enough text to need many pages.
fn bulky(prefix: &str, n: usize) -> Vec<Coded> {
    (0..n)
        .map(|i| {
            let extra = format!(" in talks number {i} of a long series {}", "and more ".repeat(60));
            Coded::with_text(&format!("{prefix}{i}"), &[spec("TUR", "GRC", "040", "2025-04-10")], &extra)
        })
        .collect()
}

fn integrity(path: &std::path::Path) -> String {
    let conn = rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap()
}

#[test]
fn a_full_disk_is_reported_and_the_batch_rolled_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("e.db");
    let first = bulky("a", 5);
    {
        let mut store = Store::open(&path).unwrap();
        ingest(&mut store, &first.iter().collect::<Vec<_>>());
    }
    let pages: u32 = {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.query_row("PRAGMA page_count", [], |r| r.get(0)).unwrap()
    };
    // The disk fills up a few pages from now: SQLite answers SQLITE_FULL,
    // as it does when write(2) fails with ENOSPC.
    let capped = StoreOptions { max_pages: Some(pages + 4), ..Default::default() };
    let mut store = Store::open_with(&path, &capped).unwrap();
    let before = store.stats().unwrap();
    let second = bulky("b", 200);
    let batch: Vec<_> = second.iter().map(Coded::new_document).collect();
    let err = store.ingest(&batch, "test").unwrap_err();
    assert!(matches!(err, Error::DiskFull { .. }), "{err:?}");
    assert!(err.to_string().contains("the disk is full"), "{err}");
    assert!(err.to_string().contains("e.db"), "names the file: {err}");
    // Nothing of the batch is stored, what was there still is, and the store
    // is consistent.
    assert_eq!(store.stats().unwrap(), before);
    assert_eq!(store.stats().unwrap().documents, 5);
    drop(store);
    assert_eq!(integrity(&path), "ok");
    // With room again, the same batch goes in.
    let mut store = Store::open(&path).unwrap();
    store.ingest(&batch, "test").unwrap();
    assert_eq!(store.stats().unwrap().documents, 205);
    assert_eq!(store.events(&Filter::default(), Page { limit: 1000, offset: 0 }).unwrap()[0].mentions, 205);
}

#[test]
fn a_disk_too_full_to_create_a_store_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("e.db");
    let capped = StoreOptions { max_pages: Some(2), ..Default::default() };
    let err = Store::open_with(&path, &capped).unwrap_err();
    assert!(matches!(err, Error::DiskFull { .. }), "{err:?}");
    // Nothing half-made is left behind: with room, the file becomes a store.
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    ingest(&mut store, &[&Coded::new("d", &[spec("TUR", "GRC", "040", "2025-04-10")])]);
    assert_eq!(store.stats().unwrap().documents, 1);
}

/// True when this process can write a file whose permissions forbid it
/// (root, CAP_DAC_OVERRIDE): then permission bits cannot make a store
/// read-only and the tests that rely on them are skipped.
fn permissions_are_ignored(dir: &std::path::Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let probe = dir.join("probe");
    fs::write(&probe, b"x").unwrap();
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o444)).unwrap();
    let writable = fs::OpenOptions::new().append(true).open(&probe).is_ok();
    fs::remove_file(&probe).unwrap();
    writable
}

#[test]
fn a_store_opened_read_only_refuses_every_write_and_is_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("e.db");
    let doc = Coded::new("d", &[spec("TUR", "GRC", "040", "2025-04-10")]);
    {
        let mut store = Store::open(&path).unwrap();
        ingest(&mut store, &[&doc]);
    }
    let bytes = fs::read(&path).unwrap();
    let read_only = StoreOptions { mode: OpenMode::ReadOnly, ..Default::default() };
    let mut store = Store::open_with(&path, &read_only).unwrap();
    let other = Coded::new("e", &[spec("FRA", "DEU", "040", "2025-04-10")]);
    for err in [
        store.ingest(&[other.new_document()], "test").unwrap_err(),
        store.remove_document("d").unwrap_err(),
        store.set_dedup_window(5).unwrap_err(),
    ] {
        assert!(matches!(err, Error::ReadOnly { .. }), "{err:?}");
        assert!(err.to_string().contains("read-only"), "{err}");
    }
    assert_eq!(store.stats().unwrap().documents, 1);
    drop(store);
    // Asking for another window is a write too.
    let err = Store::open_with(&path, &StoreOptions { dedup_window: Some(3), ..read_only }).unwrap_err();
    assert!(matches!(err, Error::ReadOnly { .. }), "{err:?}");
    assert_eq!(fs::read(&path).unwrap(), bytes);
}

#[test]
fn a_write_protected_file_is_read_only_and_untouched() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    if permissions_are_ignored(dir.path()) {
        eprintln!(
            "skipping a_write_protected_file_is_read_only_and_untouched: this process writes files whose \
             permissions forbid it (root?), so a mode of 0444 cannot make a store read-only; \
             a_store_opened_read_only_refuses_every_write_and_is_untouched covers the read-only store"
        );
        return;
    }
    let path = dir.path().join("e.db");
    let doc = Coded::new("d", &[spec("TUR", "GRC", "040", "2025-04-10")]);
    {
        let mut store = Store::open(&path).unwrap();
        ingest(&mut store, &[&doc]);
    }
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let bytes = fs::read(&path).unwrap();
    for mode in [OpenMode::Create, OpenMode::Existing] {
        let mut store = Store::open_with(&path, &StoreOptions { mode, ..Default::default() }).unwrap();
        assert!(store.is_read_only(), "{mode:?}");
        assert_eq!(store.stats().unwrap().documents, 1, "still readable");
        let other = Coded::new("e", &[spec("FRA", "DEU", "040", "2025-04-10")]);
        let err = store.ingest(&[other.new_document()], "test").unwrap_err();
        assert!(matches!(err, Error::ReadOnly { .. }), "{err:?}");
    }
    assert_eq!(fs::read(&path).unwrap(), bytes);

    // A writable file in a directory that is not: SQLite cannot create the
    // write-ahead log next to it.
    let sub = dir.path().join("locked");
    fs::create_dir(&sub).unwrap();
    let inner = sub.join("e.db");
    drop(Store::open(&inner).unwrap());
    let bytes = fs::read(&inner).unwrap();
    fs::set_permissions(&sub, fs::Permissions::from_mode(0o555)).unwrap();
    let result = Store::open(&inner).and_then(|mut store| store.ingest(&[doc.new_document()], "test"));
    fs::set_permissions(&sub, fs::Permissions::from_mode(0o755)).unwrap();
    let err = result.unwrap_err();
    assert!(matches!(err, Error::ReadOnly { .. }), "{err:?}");
    assert_eq!(fs::read(&inner).unwrap(), bytes);
}
