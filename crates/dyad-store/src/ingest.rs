//! Writing documents and their events, and deduplication.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use dyad_core::{Actor, Document, Event, EventDate, Span};
use rusqlite::{params, OptionalExtension, Transaction};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::store::{now, Store};

/// One coded document to store: the document, the spans of all its
/// sentences (for full-text search and context) and its events.
#[derive(Clone, Copy, Debug)]
pub struct NewDocument<'a> {
    /// The document (its id is the key; an empty id is replaced by the
    /// content hash).
    pub document: &'a Document,
    /// Every sentence span, in order (as `dyad_text::sentences` gives them).
    pub sentences: &'a [Span],
    /// The events coded from it.
    pub events: &'a [Event],
}

/// What one [`Store::ingest`] call did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct IngestSummary {
    /// Documents written.
    pub documents: u64,
    /// Of those, documents that were already stored and were replaced.
    pub replaced: u64,
    /// Sentences written.
    pub sentences: u64,
    /// Event mentions written (one per coded event).
    pub mentions: u64,
    /// Mentions that started a new event.
    pub new_events: u64,
    /// Mentions folded into an existing event.
    pub merged: u64,
}

impl IngestSummary {
    /// Adds another summary to this one.
    pub fn add(&mut self, other: IngestSummary) {
        self.documents += other.documents;
        self.replaced += other.replaced;
        self.sentences += other.sentences;
        self.mentions += other.mentions;
        self.new_events += other.new_events;
        self.merged += other.merged;
    }
}

/// The key a document is stored under: its id, or `sha256:HEX` of its text
/// when the id is empty.
pub fn document_key(document: &Document) -> String {
    if document.id.trim().is_empty() {
        let mut h = Sha256::new();
        h.update(document.text.as_bytes());
        format!("sha256:{}", hex(&h.finalize()))
    } else {
        document.id.clone()
    }
}

/// SHA-256 over everything that can change what is stored for a document:
/// its text, title, publication date, URL and outlet.
pub fn content_hash(document: &Document) -> String {
    let mut h = Sha256::new();
    for part in [
        Some(document.text.as_str()),
        document.title.as_deref(),
        document.published.map(|d| d.to_string()).as_deref(),
        document.url.as_deref(),
        document.source.as_deref(),
    ] {
        match part {
            Some(s) => {
                h.update([1u8]);
                h.update((s.len() as u64).to_le_bytes());
                h.update(s.as_bytes());
            }
            None => h.update([0u8]),
        }
    }
    hex(&h.finalize())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Days since 1970-01-01.
pub(crate) fn epoch_day(d: NaiveDate) -> i64 {
    (d - NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid")).num_days()
}

/// The date of an epoch day.
pub(crate) fn from_epoch_day(day: i64) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(1970, 1, 1)?.checked_add_signed(chrono::Duration::try_days(day)?)
}

/// 0 day, 1 month, 2 year.
pub(crate) fn precision(d: EventDate) -> i64 {
    match d {
        EventDate::Day(_) => 0,
        EventDate::Month { .. } => 1,
        EventDate::Year(_) => 2,
    }
}

/// Country, else the first three letters of the code (`IGO`).
pub(crate) fn actor_root(actor: &Actor) -> String {
    match &actor.country {
        Some(c) if !c.is_empty() => c.clone(),
        _ => actor.code.chars().take(3).collect(),
    }
}

impl Store {
    /// True when a document with the same key and content hash is stored and
    /// was coded by `coder` (a fingerprint of the coder and its
    /// dictionaries): re-ingesting it would change nothing.
    pub fn is_unchanged(&self, document: &Document, coder: &str) -> Result<bool> {
        let stored: Option<(String, String)> = self
            .conn
            .prepare_cached("SELECT content_hash, coder FROM documents WHERE doc_key = ?1")
            .and_then(|mut s| s.query_row([document_key(document)], |r| Ok((r.get(0)?, r.get(1)?))).optional())
            .map_err(|e| self.err(e))?;
        Ok(stored.is_some_and(|(hash, c)| c == coder && hash == content_hash(document)))
    }

    /// Stores a batch of coded documents in one transaction: all of them or,
    /// on error, none. A document already stored under the same key is
    /// replaced: its sentences and mentions are removed (and the events they
    /// belonged to updated or removed) before the new ones are written.
    /// `coder` is recorded for [`Store::is_unchanged`].
    pub fn ingest(&mut self, batch: &[NewDocument<'_>], coder: &str) -> Result<IngestSummary> {
        if self.read_only {
            return Err(Error::ReadOnly { path: self.path.clone() });
        }
        let path = self.path.clone();
        let window = i64::from(self.dedup_window);
        let sql = |e| Error::from_sqlite(&path, e);
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(sql)?;
        let mut summary = IngestSummary::default();
        let mut touched = BTreeSet::new();
        for doc in batch {
            put_document(&tx, doc, coder, window, &mut summary, &mut touched).map_err(sql)?;
        }
        for id in touched {
            refresh_event(&tx, id).map_err(sql)?;
        }
        tx.commit().map_err(sql)?;
        Ok(summary)
    }

    /// Removes a document (its sentences and mentions; events left without
    /// mentions are removed). Returns false when no such document is stored.
    pub fn remove_document(&mut self, key: &str) -> Result<bool> {
        if self.read_only {
            return Err(Error::ReadOnly { path: self.path.clone() });
        }
        let path = self.path.clone();
        let sql = |e| Error::from_sqlite(&path, e);
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(sql)?;
        let id: Option<i64> =
            tx.query_row("SELECT id FROM documents WHERE doc_key = ?1", [key], |r| r.get(0)).optional().map_err(sql)?;
        let Some(id) = id else { return Ok(false) };
        let mut touched = BTreeSet::new();
        clear_document(&tx, id, &mut touched).map_err(sql)?;
        tx.execute("DELETE FROM documents WHERE id = ?1", [id]).map_err(sql)?;
        for event in touched {
            refresh_event(&tx, event).map_err(sql)?;
        }
        tx.commit().map_err(sql)?;
        Ok(true)
    }

    /// Saves a new deduplication window and re-clusters every mention with
    /// it, in mention order, in one transaction.
    pub fn set_dedup_window(&mut self, days: u32) -> Result<()> {
        if self.read_only {
            return Err(Error::ReadOnly { path: self.path.clone() });
        }
        let path = self.path.clone();
        let sql = |e| Error::from_sqlite(&path, e);
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(sql)?;
        tx.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('dedup_window', ?1)", [days.to_string()])
            .map_err(sql)?;
        recluster(&tx, i64::from(days)).map_err(sql)?;
        tx.commit().map_err(sql)?;
        self.dedup_window = days;
        Ok(())
    }
}

/// Removes a stored document's sentences and mentions, noting their events.
fn clear_document(tx: &Transaction<'_>, document_id: i64, touched: &mut BTreeSet<i64>) -> rusqlite::Result<()> {
    {
        let mut stmt = tx.prepare_cached("SELECT DISTINCT event_id FROM mentions WHERE document_id = ?1")?;
        let ids = stmt.query_map([document_id], |r| r.get::<_, i64>(0))?;
        for id in ids {
            touched.insert(id?);
        }
    }
    tx.prepare_cached("DELETE FROM mentions WHERE document_id = ?1")?.execute([document_id])?;
    tx.prepare_cached("DELETE FROM sentences WHERE document_id = ?1")?.execute([document_id])?;
    Ok(())
}

fn put_document(
    tx: &Transaction<'_>,
    new: &NewDocument<'_>,
    coder: &str,
    window: i64,
    summary: &mut IngestSummary,
    touched: &mut BTreeSet<i64>,
) -> rusqlite::Result<()> {
    let doc = new.document;
    let key = document_key(doc);
    let hash = content_hash(doc);
    let published = doc.published.map(|d| d.format("%Y-%m-%d").to_string());
    let existing: Option<i64> =
        tx.prepare_cached("SELECT id FROM documents WHERE doc_key = ?1")?.query_row([&key], |r| r.get(0)).optional()?;
    let document_id = match existing {
        Some(id) => {
            clear_document(tx, id, touched)?;
            tx.prepare_cached(
                "UPDATE documents SET content_hash = ?2, coder = ?3, title = ?4, published = ?5, url = ?6,
                 outlet = ?7, sentence_count = ?8, ingested_at = ?9 WHERE id = ?1",
            )?
            .execute(params![
                id,
                hash,
                coder,
                doc.title,
                published,
                doc.url,
                doc.source,
                new.sentences.len() as i64,
                now()
            ])?;
            summary.replaced += 1;
            id
        }
        None => {
            tx.prepare_cached(
                "INSERT INTO documents (doc_key, content_hash, coder, title, published, url, outlet,
                 sentence_count, ingested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                key,
                hash,
                coder,
                doc.title,
                published,
                doc.url,
                doc.source,
                new.sentences.len() as i64,
                now()
            ])?;
            tx.last_insert_rowid()
        }
    };
    summary.documents += 1;

    // Sentences: all of them, plus any an event points at that the caller
    // did not list (so that every mention has its sentence).
    let mut sentence_ids: Vec<Option<i64>> = vec![None; new.sentences.len()];
    let listed = new.sentences.iter().copied().enumerate();
    let pointed = new.events.iter().map(|e| (e.sentence, e.sentence_span));
    for (i, span) in listed.chain(pointed) {
        if i >= sentence_ids.len() {
            sentence_ids.resize(i + 1, None);
        }
        if sentence_ids[i].is_none() {
            sentence_ids[i] = Some(insert_sentence(tx, document_id, i, span, &doc.text)?);
            summary.sentences += 1;
        }
    }

    for (index, event) in new.events.iter().enumerate() {
        let sentence_id = sentence_ids[event.sentence].expect("inserted above");
        let (event_id, merged) = assign_event(tx, event, window)?;
        if merged {
            summary.merged += 1;
        } else {
            summary.new_events += 1;
        }
        touched.insert(event_id);
        insert_mention(tx, event_id, document_id, sentence_id, index, event)?;
        summary.mentions += 1;
    }
    Ok(())
}

/// Stores one sentence of a document; returns its row id.
fn insert_sentence(
    tx: &Transaction<'_>,
    document_id: i64,
    index: usize,
    span: Span,
    text: &str,
) -> rusqlite::Result<i64> {
    tx.prepare_cached(
        "INSERT INTO sentences (document_id, idx, start_byte, end_byte, text) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![document_id, index as i64, span.start as i64, span.end as i64, span.slice(text)])?;
    Ok(tx.last_insert_rowid())
}

fn insert_mention(
    tx: &Transaction<'_>,
    event_id: i64,
    document_id: i64,
    sentence_id: i64,
    index: usize,
    event: &Event,
) -> rusqlite::Result<()> {
    let location = event.location.as_ref();
    tx.prepare_cached(
        "INSERT INTO mentions (event_id, document_id, sentence_id, idx, date, day, precision, date_text, cameo,
         negated, location_name, location_country, lat, lon, location_start, location_end, trigger,
         trigger_start, trigger_end, rule)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
    )?
    .execute(params![
        event_id,
        document_id,
        sentence_id,
        index as i64,
        event.date.map(|d| d.to_string()),
        event.date.and_then(|d| d.first_day()).map(epoch_day),
        event.date.map(precision),
        event.date_text,
        event.cameo.as_str(),
        event.negated,
        location.map(|l| l.name.as_str()),
        location.and_then(|l| l.country.as_deref()),
        location.and_then(|l| l.lat),
        location.and_then(|l| l.lon),
        location.map(|l| l.span.start as i64),
        location.map(|l| l.span.end as i64),
        event.evidence.trigger,
        event.evidence.trigger_span.start as i64,
        event.evidence.trigger_span.end as i64,
        event.evidence.rule.to_string(),
    ])?;
    let mention_id = tx.last_insert_rowid();
    let mut actor = tx.prepare_cached(
        "INSERT INTO mention_actors (mention_id, role, text, code, country, sector, start_byte, end_byte, rule)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (role, a) in [(0, Some(&event.source)), (1, event.target.as_ref())] {
        if let Some(a) = a {
            actor.execute(params![
                mention_id,
                role,
                a.text,
                a.code,
                a.country,
                a.sector,
                a.span.start as i64,
                a.span.end as i64,
                a.rule.as_ref().map(|r| r.to_string())
            ])?;
        }
    }
    Ok(())
}

/// The dedup key of a mention, as stored.
struct Key<'a> {
    source: &'a str,
    target: Option<&'a str>,
    cameo: &'a str,
    negated: bool,
    day: Option<i64>,
    precision: Option<i64>,
    location: Option<(&'a str, Option<&'a str>)>,
}

/// Finds the event a mention belongs to, or creates one. Returns the event
/// id and whether it already existed.
fn assign_event(tx: &Transaction<'_>, event: &Event, window: i64) -> rusqlite::Result<(i64, bool)> {
    let key = Key {
        source: &event.source.code,
        target: event.target.as_ref().map(|t| t.code.as_str()),
        cameo: event.cameo.as_str(),
        negated: event.negated,
        day: event.date.and_then(|d| d.first_day()).map(epoch_day),
        precision: event.date.map(precision),
        location: event.location.as_ref().map(|l| (l.name.as_str(), l.country.as_deref())),
    };
    if let Some(id) = find_event(tx, &key, window)? {
        if let Some(l) = &event.location {
            // The event takes the first location any of its mentions gives.
            tx.prepare_cached(
                "UPDATE events SET location_name = ?2, location_country = ?3, lat = ?4, lon = ?5
                 WHERE id = ?1 AND location_name IS NULL",
            )?
            .execute(params![id, l.name, l.country, l.lat, l.lon])?;
        }
        return Ok((id, true));
    }
    let plover = event.cameo.plover().map(|p| p.event.as_str());
    let target = event.target.as_ref();
    let location = event.location.as_ref();
    tx.prepare_cached(
        "INSERT INTO events (date, day, precision, source_code, source_country, source_sector, source_root,
         target_code, target_country, target_sector, target_root, cameo, cameo_root, quad_class, goldstein, plover,
         negated, location_name, location_country, lat, lon)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)",
    )?
    .execute(params![
        event.date.map(|d| d.to_string()),
        key.day,
        key.precision,
        event.source.code,
        event.source.country,
        event.source.sector,
        actor_root(&event.source),
        target.map(|t| t.code.as_str()),
        target.and_then(|t| t.country.as_deref()),
        target.and_then(|t| t.sector.as_deref()),
        target.map(actor_root),
        event.cameo.as_str(),
        event.cameo.root().as_str(),
        event.cameo.quad_class().number(),
        f64::from(event.cameo.goldstein()),
        plover,
        event.negated,
        location.map(|l| l.name.as_str()),
        location.and_then(|l| l.country.as_deref()),
        location.and_then(|l| l.lat),
        location.and_then(|l| l.lon),
    ])?;
    Ok((tx.last_insert_rowid(), false))
}

/// The nearest (then oldest) event with the same key within the window and
/// a compatible location. Undated mentions never fold.
fn find_event(tx: &Transaction<'_>, key: &Key<'_>, window: i64) -> rusqlite::Result<Option<i64>> {
    let (Some(day), Some(precision)) = (key.day, key.precision) else { return Ok(None) };
    // Day-precise dates fold within the window; months and years only with
    // the same month or year.
    let window = if precision == 0 { window } else { 0 };
    let mut stmt = tx.prepare_cached(
        "SELECT id, location_name, location_country FROM events
         WHERE source_code = ?1 AND target_code IS ?2 AND negated = ?3 AND day BETWEEN ?4 AND ?5
           AND cameo = ?6 AND precision = ?7
         ORDER BY abs(day - ?8), id",
    )?;
    let rows = stmt.query_map(
        params![key.source, key.target, key.negated, day - window, day + window, key.cameo, precision, day],
        |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Option<String>>(1)?, r.get::<_, Option<String>>(2)?)),
    )?;
    for row in rows {
        let (id, name, country) = row?;
        let compatible = match (key.location, name) {
            (Some((n, c)), Some(name)) => {
                n.eq_ignore_ascii_case(&name) && (c.is_none() || country.is_none() || c == country.as_deref())
            }
            _ => true,
        };
        if compatible {
            return Ok(Some(id));
        }
    }
    Ok(None)
}

/// Recomputes an event's counts, date and location from its mentions;
/// removes it when it has none left.
pub(crate) fn refresh_event(tx: &Transaction<'_>, id: i64) -> rusqlite::Result<()> {
    let count: i64 =
        tx.prepare_cached("SELECT count(*) FROM mentions WHERE event_id = ?1")?.query_row([id], |r| r.get(0))?;
    if count == 0 {
        tx.prepare_cached("DELETE FROM events WHERE id = ?1")?.execute([id])?;
        return Ok(());
    }
    tx.prepare_cached(
        "UPDATE events SET
            mention_count = (SELECT count(*) FROM mentions WHERE event_id = ?1),
            article_count = (SELECT count(DISTINCT document_id) FROM mentions WHERE event_id = ?1),
            source_count = (SELECT count(DISTINCT coalesce(d.outlet, d.doc_key))
                            FROM mentions m JOIN documents d ON d.id = m.document_id WHERE m.event_id = ?1),
            (date, day) = (SELECT date, day FROM mentions WHERE event_id = ?1 ORDER BY day, id LIMIT 1),
            (location_name, location_country, lat, lon) =
                (SELECT location_name, location_country, lat, lon FROM mentions
                 WHERE event_id = ?1 ORDER BY location_name IS NULL, id LIMIT 1)
         WHERE id = ?1",
    )?
    .execute([id])?;
    Ok(())
}

/// Re-assigns every mention to events under a new window.
fn recluster(tx: &Transaction<'_>, window: i64) -> rusqlite::Result<()> {
    // Keep each event's codes (they are the mention's: the same for every
    // mention of an event) by re-reading them per mention.
    tx.execute_batch(
        "CREATE TEMP TABLE recluster AS
            SELECT m.id AS mention_id, e.source_code, e.source_country, e.source_sector, e.source_root,
                   e.target_code, e.target_country, e.target_sector, e.target_root, e.cameo, e.cameo_root,
                   e.quad_class, e.goldstein, e.plover
            FROM mentions m JOIN events e ON e.id = m.event_id;
         PRAGMA defer_foreign_keys = ON;
         DELETE FROM events;",
    )?;
    let rows: Vec<(i64, Vec<rusqlite::types::Value>)> = {
        let mut stmt = tx.prepare(
            "SELECT r.mention_id, r.source_code, r.source_country, r.source_sector, r.source_root,
                    r.target_code, r.target_country, r.target_sector, r.target_root, r.cameo, r.cameo_root,
                    r.quad_class, r.goldstein, r.plover, m.negated, m.day, m.precision, m.date,
                    m.location_name, m.location_country, m.lat, m.lon
             FROM recluster r JOIN mentions m ON m.id = r.mention_id ORDER BY r.mention_id",
        )?;
        let rows = stmt.query_map([], |r| {
            let mut values = Vec::with_capacity(21);
            for i in 1..22 {
                values.push(r.get::<_, rusqlite::types::Value>(i)?);
            }
            Ok((r.get(0)?, values))
        })?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let mut touched = BTreeSet::new();
    for (mention_id, v) in rows {
        use rusqlite::types::Value;
        let text = |i: usize| match &v[i] {
            Value::Text(s) => Some(s.as_str()),
            _ => None,
        };
        let int = |i: usize| match &v[i] {
            Value::Integer(n) => Some(*n),
            _ => None,
        };
        let key = Key {
            source: text(0).unwrap_or(""),
            target: text(4),
            cameo: text(8).unwrap_or(""),
            negated: int(13) == Some(1),
            day: int(14),
            precision: int(15),
            location: text(17).map(|n| (n, text(18))),
        };
        let id = match find_event(tx, &key, window)? {
            Some(id) => {
                tx.prepare_cached(
                    "UPDATE events SET location_name = ?2, location_country = ?3, lat = ?4, lon = ?5
                     WHERE id = ?1 AND location_name IS NULL AND ?2 IS NOT NULL",
                )?
                .execute(rusqlite::params![id, v[17], v[18], v[19], v[20]])?;
                id
            }
            None => {
                tx.prepare_cached(
                    "INSERT INTO events (source_code, source_country, source_sector, source_root, target_code,
                     target_country, target_sector, target_root, cameo, cameo_root, quad_class, goldstein, plover,
                     negated, day, precision, date, location_name, location_country, lat, lon)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
                     ?20, ?21)",
                )?
                .execute(rusqlite::params_from_iter(v.iter()))?;
                tx.last_insert_rowid()
            }
        };
        tx.prepare_cached("UPDATE mentions SET event_id = ?2 WHERE id = ?1")?.execute([mention_id, id])?;
        touched.insert(id);
    }
    for id in touched {
        refresh_event(tx, id)?;
    }
    tx.execute_batch("DROP TABLE temp.recluster;")?;
    Ok(())
}
