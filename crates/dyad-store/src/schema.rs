//! The schema and its migrations.
//!
//! Each entry of [`MIGRATIONS`] upgrades the schema by one version; a new
//! store runs them all, an older store runs the ones it lacks, each in the
//! same transaction as the `schema_version` row that records it. Never edit
//! a released migration: add a new one.

/// `PRAGMA application_id` of a dyad store (`dyad` in ASCII): how a dyad
/// database is told apart from any other SQLite file.
pub const APPLICATION_ID: i32 = 0x6479_6164;

/// One schema upgrade.
pub(crate) struct Migration {
    /// What it does, recorded in `schema_version`.
    pub description: &'static str,
    /// The SQL (several statements).
    pub sql: &'static str,
}

/// The migrations; version N is reached by running the first N.
pub(crate) const MIGRATIONS: &[Migration] = &[
    Migration { description: "documents, sentences, events, mentions, mention actors", sql: V1 },
    Migration { description: "full-text index over sentences (FTS5)", sql: V2 },
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

const V1: &str = r#"
CREATE TABLE IF NOT EXISTS schema_version (
    version     INTEGER PRIMARY KEY,
    applied_at  TEXT NOT NULL,
    description TEXT NOT NULL
);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE documents (
    id             INTEGER PRIMARY KEY,
    doc_key        TEXT NOT NULL UNIQUE,
    content_hash   TEXT NOT NULL,
    coder          TEXT NOT NULL,
    title          TEXT,
    published      TEXT,
    url            TEXT,
    outlet         TEXT,
    sentence_count INTEGER NOT NULL,
    ingested_at    TEXT NOT NULL
);

CREATE TABLE sentences (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    start_byte  INTEGER NOT NULL,
    end_byte    INTEGER NOT NULL,
    text        TEXT NOT NULL,
    UNIQUE (document_id, idx)
);

CREATE TABLE events (
    id               INTEGER PRIMARY KEY,
    date             TEXT,
    day              INTEGER,
    precision        INTEGER,
    source_code      TEXT NOT NULL,
    source_country   TEXT,
    source_sector    TEXT,
    source_root      TEXT NOT NULL,
    target_code      TEXT,
    target_country   TEXT,
    target_sector    TEXT,
    target_root      TEXT,
    cameo            TEXT NOT NULL,
    cameo_root       TEXT NOT NULL,
    quad_class       INTEGER NOT NULL,
    goldstein        REAL NOT NULL,
    plover           TEXT,
    negated          INTEGER NOT NULL,
    location_name    TEXT,
    location_country TEXT,
    lat              REAL,
    lon              REAL,
    mention_count    INTEGER NOT NULL DEFAULT 0,
    article_count    INTEGER NOT NULL DEFAULT 0,
    source_count     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX events_dyad_root ON events (source_root, target_root, negated, day, precision, quad_class, goldstein, mention_count);
CREATE INDEX events_dyad_code ON events (source_code, target_code, negated, day);
CREATE INDEX events_target_root ON events (target_root, negated, day);
CREATE INDEX events_day ON events (day);
CREATE INDEX events_cameo ON events (cameo, day);
CREATE INDEX events_location ON events (location_country, day);

CREATE TABLE mentions (
    id               INTEGER PRIMARY KEY,
    event_id         INTEGER NOT NULL REFERENCES events(id),
    document_id      INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence_id      INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
    idx              INTEGER NOT NULL,
    date             TEXT,
    day              INTEGER,
    precision        INTEGER,
    date_text        TEXT,
    cameo            TEXT NOT NULL,
    negated          INTEGER NOT NULL,
    location_name    TEXT,
    location_country TEXT,
    lat              REAL,
    lon              REAL,
    location_start   INTEGER,
    location_end     INTEGER,
    trigger          TEXT NOT NULL,
    trigger_start    INTEGER NOT NULL,
    trigger_end      INTEGER NOT NULL,
    rule             TEXT NOT NULL,
    UNIQUE (document_id, idx)
);
CREATE INDEX mentions_event ON mentions (event_id);
CREATE INDEX mentions_sentence ON mentions (sentence_id);

CREATE TABLE mention_actors (
    mention_id INTEGER NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
    role       INTEGER NOT NULL,
    text       TEXT NOT NULL,
    code       TEXT NOT NULL,
    country    TEXT,
    sector     TEXT,
    start_byte INTEGER NOT NULL,
    end_byte   INTEGER NOT NULL,
    rule       TEXT,
    PRIMARY KEY (mention_id, role)
) WITHOUT ROWID;
"#;

const V2: &str = r#"
CREATE VIRTUAL TABLE sentences_fts USING fts5(
    text,
    content = 'sentences',
    content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER sentences_fts_update AFTER UPDATE ON sentences BEGIN
    INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO sentences_fts (rowid, text) VALUES (new.id, new.text);
END;
INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild');
"#;
