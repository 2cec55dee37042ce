//! Reading events back: filters, listings, time series and rankings.

use std::sync::Arc;

use chrono::{Datelike, Months, NaiveDate};
use dyad_core::cameo::{self, CameoCode};
use dyad_core::{Actor, Event, EventDate, Evidence, Location, RuleRef, Span};
use rusqlite::types::Value;
use rusqlite::Row;

use crate::error::{Error, Result};
use crate::ingest::{epoch_day, from_epoch_day};
use crate::Store;

/// Which actors a `--source`, `--target` or `--dyad` argument means.
///
/// [`ActorSelector::parse`] decides from the text: a three-letter CAMEO
/// sector or type code that is not a transnational block (`GOV`, `MIL`,
/// `REB`, ...) selects by sector; any other three-letter code selects by
/// country, or for actors without a country by the first block of their
/// code (`TUR`, `IGO`); a longer code selects that code and the codes below
/// it (`TURGOV` also matches `TURGOVMIL`). `code:`, `country:` and `sector:`
/// prefixes force a reading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActorSelector {
    /// The actor code, or a code that extends it by whole three-letter blocks.
    Code(String),
    /// The actor's country, or the first block of its code when it has none.
    Country(String),
    /// The actor's primary sector.
    Sector(String),
}

impl ActorSelector {
    /// Reads a selector (case-insensitive); see the type's docs.
    pub fn parse(text: &str) -> Result<ActorSelector> {
        let text = text.trim();
        let (kind, code) = match text.split_once(':') {
            Some((kind, code)) => (Some(kind.to_ascii_lowercase()), code.trim()),
            None => (None, text),
        };
        let code = code.to_ascii_uppercase();
        if code.is_empty() || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(Error::InvalidQuery(format!("`{text}` is not an actor code, country or sector")));
        }
        Ok(match kind.as_deref() {
            Some("code") => ActorSelector::Code(code),
            Some("country") => ActorSelector::Country(code),
            Some("sector") => ActorSelector::Sector(code),
            Some(other) => {
                return Err(Error::InvalidQuery(format!(
                    "unknown selector kind `{other}:` (use code:, country: or sector:)"
                )))
            }
            None if code.len() == 3 => {
                if cameo::actor_type(&code).is_some() && !cameo::is_transnational_prefix(&code) {
                    ActorSelector::Sector(code)
                } else {
                    ActorSelector::Country(code)
                }
            }
            None => ActorSelector::Code(code),
        })
    }

    /// SQL for `role` (`source` or `target`), pushing its parameters.
    fn sql(&self, role: &str, params: &mut Vec<Value>) -> String {
        match self {
            ActorSelector::Country(c) => {
                params.push(Value::Text(c.clone()));
                format!("{role}_root = ?")
            }
            ActorSelector::Sector(s) => {
                params.push(Value::Text(s.clone()));
                format!("{role}_sector = ?")
            }
            ActorSelector::Code(c) if c.len() % 3 == 0 => {
                params.push(Value::Text(c.clone()));
                params.push(Value::Text(format!("{c}~")));
                format!("({role}_code >= ? AND {role}_code < ?)")
            }
            ActorSelector::Code(c) => {
                params.push(Value::Text(c.clone()));
                format!("{role}_code = ?")
            }
        }
    }
}

/// What to select. Every field is optional; they combine with AND.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Who acted.
    pub source: Option<ActorSelector>,
    /// Who was acted upon.
    pub target: Option<ActorSelector>,
    /// Events between two actors, in either direction.
    pub dyad: Option<(ActorSelector, ActorSelector)>,
    /// A CAMEO code: events with that code or a code below it (`04` is every
    /// consultation, `042` only visits).
    pub cameo: Option<CameoCode>,
    /// A PLOVER event type (`CONSULT`).
    pub plover: Option<String>,
    /// Quad class, 1 to 4.
    pub quad_class: Option<u8>,
    /// Inclusive Goldstein range.
    pub goldstein: Option<(f64, f64)>,
    /// First day (inclusive). An event dated to a month or a year counts as
    /// its first day.
    pub since: Option<NaiveDate>,
    /// Last day (inclusive).
    pub until: Option<NaiveDate>,
    /// ISO 3166-1 alpha-3 country of the event's location.
    pub location_country: Option<String>,
    /// An SQLite FTS5 query over the sentences of the event's mentions
    /// (`arrest* AND journalist`).
    pub text: Option<String>,
    /// Also select events the text says did not happen ("did not meet").
    pub include_negated: bool,
}

impl Filter {
    /// The conditions other than the dyad, AND-ed.
    fn common(&self, params: &mut Vec<Value>) -> Vec<String> {
        let mut c = Vec::new();
        c.push(if self.include_negated { "negated IN (0, 1)".into() } else { "negated = 0".to_string() });
        if let Some(s) = &self.source {
            c.push(s.sql("source", params));
        }
        if let Some(t) = &self.target {
            c.push(t.sql("target", params));
        }
        if let Some(code) = self.cameo {
            params.push(Value::Text(code.as_str().into()));
            params.push(Value::Text(format!("{}~", code.as_str())));
            c.push("cameo >= ? AND cameo < ?".into());
        }
        if let Some(p) = &self.plover {
            params.push(Value::Text(p.to_ascii_uppercase()));
            c.push("plover = ?".into());
        }
        if let Some(q) = self.quad_class {
            params.push(Value::Integer(q.into()));
            c.push("quad_class = ?".into());
        }
        if let Some((lo, hi)) = self.goldstein {
            params.push(Value::Real(lo));
            params.push(Value::Real(hi));
            c.push("goldstein BETWEEN ? AND ?".into());
        }
        if let Some(d) = self.since {
            params.push(Value::Integer(epoch_day(d)));
            c.push("day >= ?".into());
        }
        if let Some(d) = self.until {
            params.push(Value::Integer(epoch_day(d)));
            c.push("day <= ?".into());
        }
        if let Some(country) = &self.location_country {
            params.push(Value::Text(country.to_ascii_uppercase()));
            c.push("location_country = ?".into());
        }
        if let Some(q) = &self.text {
            params.push(Value::Text(q.clone()));
            c.push(
                "id IN (SELECT m.event_id FROM mentions m WHERE m.sentence_id IN \
                 (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?))"
                    .into(),
            );
        }
        c
    }

    /// Disjoint branches whose union is the filter: one, or two for a dyad
    /// (A to B, then B to A minus what the first has).
    fn branches(&self) -> Vec<(String, Vec<Value>)> {
        let mut out = Vec::new();
        let dyad: Vec<(String, Vec<Value>)> = match &self.dyad {
            None => vec![(String::new(), Vec::new())],
            Some((a, b)) => {
                let mut p1 = Vec::new();
                let first = format!("{} AND {}", a.sql("source", &mut p1), b.sql("target", &mut p1));
                if a == b {
                    vec![(first, p1)]
                } else {
                    let mut p2 = Vec::new();
                    let second = format!(
                        "{} AND {} AND NOT ({} AND {})",
                        b.sql("source", &mut p2),
                        a.sql("target", &mut p2),
                        a.sql("source", &mut p2),
                        b.sql("target", &mut p2)
                    );
                    vec![(first, p1), (second, p2)]
                }
            }
        };
        for (cond, mut params) in dyad {
            let mut clauses = Vec::new();
            if !cond.is_empty() {
                clauses.push(cond);
            }
            clauses.extend(self.common(&mut params));
            out.push((clauses.join(" AND "), params));
        }
        out
    }

    /// One WHERE clause for the whole filter.
    fn where_clause(&self) -> (String, Vec<Value>) {
        let branches = self.branches();
        if branches.len() == 1 {
            return branches.into_iter().next().expect("one");
        }
        let mut params = Vec::new();
        let mut parts = Vec::new();
        for (sql, p) in branches {
            parts.push(format!("({sql})"));
            params.extend(p);
        }
        (parts.join(" OR "), params)
    }
}

/// The coded identity of an actor in a stored event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorCode {
    /// CAMEO actor code.
    pub code: String,
    /// ISO 3166-1 alpha-3 country.
    pub country: Option<String>,
    /// Primary sector.
    pub sector: Option<String>,
}

/// Where a stored event happened.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// Place name.
    pub name: String,
    /// ISO 3166-1 alpha-3 country.
    pub country: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
}

/// A deduplicated event: one or more mentions folded together.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredEvent {
    /// Stable while its mentions are; re-ingesting a document that mentions
    /// it may give it a new id.
    pub id: i64,
    /// The date of its earliest mention.
    pub date: Option<EventDate>,
    /// Who acted.
    pub source: ActorCode,
    /// Who was acted upon.
    pub target: Option<ActorCode>,
    /// CAMEO code.
    pub cameo: CameoCode,
    /// The text says it did not happen.
    pub negated: bool,
    /// The first location any mention gives.
    pub location: Option<Place>,
    /// Number of mentions (sentences) that report it.
    pub mentions: u32,
    /// Number of distinct documents that report it.
    pub articles: u32,
    /// Number of distinct outlets that report it (a document without an
    /// outlet counts as its own).
    pub sources: u32,
}

/// A document as stored (without its text; see [`Mention::sentence`]).
#[derive(Clone, Debug, PartialEq)]
pub struct StoredDocument {
    /// Its key: the id, or `sha256:...`.
    pub key: String,
    /// Headline.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// URL.
    pub url: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// When it was (last) ingested, RFC 3339 UTC.
    pub ingested_at: String,
}

/// One report of an event: the event as coded from one sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// The document.
    pub document: StoredDocument,
    /// The sentence's text (`event.sentence_span` locates it in the document).
    pub sentence: String,
    /// The coded event as ingested; spans are document byte offsets.
    pub event: Event,
}

/// A page of results.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    /// At most this many.
    pub limit: u64,
    /// After skipping this many.
    pub offset: u64,
}

impl Default for Page {
    fn default() -> Page {
        Page { limit: u64::MAX >> 1, offset: 0 }
    }
}

/// Period of a time series.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    /// Calendar days (`2025-04-10`).
    Day,
    /// ISO weeks, Monday to Sunday (`2025-W15`).
    Week,
    /// Calendar months (`2025-04`).
    Month,
    /// Calendar years (`2025`).
    Year,
}

impl Period {
    /// The least precise date that can be placed in a period: day and week
    /// series need day dates, month series month dates, year series any.
    fn max_precision(self) -> i64 {
        match self {
            Period::Day | Period::Week => 0,
            Period::Month => 1,
            Period::Year => 2,
        }
    }

    fn start(self, d: NaiveDate) -> NaiveDate {
        match self {
            Period::Day => d,
            Period::Week => d - chrono::Duration::days(i64::from(d.weekday().num_days_from_monday())),
            Period::Month => d.with_day(1).expect("day 1"),
            Period::Year => NaiveDate::from_ymd_opt(d.year(), 1, 1).expect("1 January"),
        }
    }

    fn next(self, d: NaiveDate) -> Option<NaiveDate> {
        match self {
            Period::Day => d.succ_opt(),
            Period::Week => d.checked_add_signed(chrono::Duration::days(7)),
            Period::Month => d.checked_add_months(Months::new(1)),
            Period::Year => d.checked_add_months(Months::new(12)),
        }
    }

    /// The label of the period starting at `start`.
    pub fn label(self, start: NaiveDate) -> String {
        match self {
            Period::Day => start.format("%Y-%m-%d").to_string(),
            Period::Week => {
                let w = start.iso_week();
                format!("{:04}-W{:02}", w.year(), w.week())
            }
            Period::Month => start.format("%Y-%m").to_string(),
            Period::Year => start.format("%Y").to_string(),
        }
    }
}

/// One period of a time series.
#[derive(Clone, Debug, PartialEq)]
pub struct PeriodCounts {
    /// The period's label (`2025-04`, `2025-W15`, ...).
    pub period: String,
    /// Its first day.
    pub start: NaiveDate,
    /// Deduplicated events.
    pub events: u64,
    /// Events per quad class (index 0 is class 1, verbal cooperation).
    pub quad: [u64; 4],
    /// Mean Goldstein score over the events (each deduplicated event once),
    /// `None` without events.
    pub goldstein_mean: Option<f64>,
    /// Mentions of those events.
    pub mentions: u64,
}

/// A time series of event counts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Series {
    /// Every period from the first with an event to the last, gaps included.
    pub rows: Vec<PeriodCounts>,
    /// Matching events left out: undated, or dated less precisely than the period.
    pub left_out: u64,
}

/// How to group actors in rankings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActorLevel {
    /// By full actor code (`TURGOV`).
    Code,
    /// By country, or the first block of the code (`TUR`, `IGO`).
    Country,
}

impl ActorLevel {
    fn columns(self) -> (&'static str, &'static str) {
        match self {
            ActorLevel::Code => ("source_code", "target_code"),
            ActorLevel::Country => ("source_root", "target_root"),
        }
    }
}

/// How active one actor is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorActivity {
    /// The actor code or country.
    pub actor: String,
    /// Events it is the source of.
    pub as_source: u64,
    /// Events it is the target of.
    pub as_target: u64,
    /// Mentions of those events.
    pub mentions: u64,
}

/// How active one (undirected) pair of actors is.
#[derive(Clone, Debug, PartialEq)]
pub struct DyadActivity {
    /// The first actor (alphabetically).
    pub a: String,
    /// The second.
    pub b: String,
    /// Events from `a` to `b`.
    pub a_to_b: u64,
    /// Events from `b` to `a`.
    pub b_to_a: u64,
    /// Mean Goldstein score over the events.
    pub goldstein_mean: f64,
    /// Mentions of those events.
    pub mentions: u64,
}

/// Sizes of a store.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Documents stored.
    pub documents: u64,
    /// Sentences stored.
    pub sentences: u64,
    /// Mentions stored.
    pub mentions: u64,
    /// Deduplicated events.
    pub events: u64,
    /// Earliest and latest event date.
    pub date_range: Option<(NaiveDate, NaiveDate)>,
}

const EVENT_COLUMNS: &str = "id, date, source_code, source_country, source_sector, target_code, target_country, \
     target_sector, cameo, negated, location_name, location_country, lat, lon, mention_count, article_count, \
     source_count";

fn read_event(r: &Row<'_>) -> rusqlite::Result<StoredEvent> {
    let code: String = r.get(8)?;
    let cameo = CameoCode::parse(&code).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            8,
            rusqlite::types::Type::Text,
            format!("bad CAMEO code {code}").into(),
        )
    })?;
    let target: Option<String> = r.get(5)?;
    let location: Option<String> = r.get(10)?;
    Ok(StoredEvent {
        id: r.get(0)?,
        date: r.get::<_, Option<String>>(1)?.as_deref().and_then(parse_event_date),
        source: ActorCode { code: r.get(2)?, country: r.get(3)?, sector: r.get(4)? },
        target: match target {
            Some(code) => Some(ActorCode { code, country: r.get(6)?, sector: r.get(7)? }),
            None => None,
        },
        cameo,
        negated: r.get(9)?,
        location: match location {
            Some(name) => Some(Place { name, country: r.get(11)?, lat: r.get(12)?, lon: r.get(13)? }),
            None => None,
        },
        mentions: r.get(14)?,
        articles: r.get(15)?,
        sources: r.get(16)?,
    })
}

/// `2025-04-10`, `2025-04` or `2025`.
pub(crate) fn parse_event_date(s: &str) -> Option<EventDate> {
    match s.len() {
        10 => NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().map(EventDate::Day),
        7 => {
            let (y, m) = s.split_once('-')?;
            let (year, month) = (y.parse().ok()?, m.parse().ok()?);
            (1..=12).contains(&month).then_some(EventDate::Month { year, month })
        }
        4 => s.parse().ok().map(EventDate::Year),
        _ => None,
    }
}

fn parse_rule(s: &str) -> RuleRef {
    match s.rsplit_once(':') {
        Some((file, line)) if line.parse::<u32>().is_ok() => {
            RuleRef { file: Arc::from(file), line: line.parse().unwrap_or(0) }
        }
        _ => RuleRef { file: Arc::from(s), line: 0 },
    }
}

fn span(start: i64, end: i64) -> Span {
    Span::new(start.max(0) as usize, end.max(0) as usize)
}

impl Store {
    fn invalid(&self, e: rusqlite::Error) -> Error {
        // FTS5 reports bad MATCH syntax as a plain SQLITE_ERROR.
        let message = e.to_string();
        if message.contains("fts5") || message.contains("MATCH") {
            Error::InvalidQuery(format!("full-text query: {message}"))
        } else {
            self.err(e)
        }
    }

    /// Events matching `filter`, oldest first (undated events first of
    /// all), then by id.
    pub fn events(&self, filter: &Filter, page: Page) -> Result<Vec<StoredEvent>> {
        let mut out = Vec::new();
        self.scan(filter, Some(page), |e| {
            out.push(e);
            Ok::<(), Error>(())
        })?;
        Ok(out)
    }

    /// Calls `f` for every event matching `filter`, in the order of
    /// [`Store::events`], without holding them all in memory.
    pub fn for_each_event<E: From<Error>>(
        &self,
        filter: &Filter,
        f: impl FnMut(StoredEvent) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        self.scan(filter, None, f)
    }

    fn scan<E: From<Error>>(
        &self,
        filter: &Filter,
        page: Option<Page>,
        mut f: impl FnMut(StoredEvent) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let branches = filter.branches();
        let (mut sql, mut params) = match page {
            // A page of a dyad: the branches are disjoint, so the page is
            // among the first `offset + limit` events of each. Each branch
            // is one range of a covering dyad index, sorted by day there
            // (an OR of the branches would read every row of the dyad from
            // the table before sorting). `day + 0` keeps SQLite from
            // walking a one-actor index in day order instead, which reads
            // the table for every event of that actor until the page is
            // full: slow when the dyad is a small part of the actor's events.
            Some(page) if branches.len() > 1 => {
                let first = page.offset.saturating_add(page.limit).min(i64::MAX as u64) as i64;
                let mut parts = Vec::new();
                let mut params = Vec::new();
                for (cond, p) in branches {
                    parts.push(format!(
                        "SELECT id FROM (SELECT id FROM events WHERE {cond} ORDER BY day + 0, id LIMIT ?)"
                    ));
                    params.extend(p);
                    params.push(Value::Integer(first));
                }
                let sql = format!(
                    "SELECT {EVENT_COLUMNS} FROM events WHERE id IN ({}) ORDER BY day, id",
                    parts.join(" UNION ALL ")
                );
                (sql, params)
            }
            _ => {
                let (cond, params) = filter.where_clause();
                (format!("SELECT {EVENT_COLUMNS} FROM events WHERE {cond} ORDER BY day, id"), params)
            }
        };
        if let Some(page) = page {
            sql.push_str(" LIMIT ? OFFSET ?");
            params.push(Value::Integer(page.limit.min(i64::MAX as u64) as i64));
            params.push(Value::Integer(page.offset.min(i64::MAX as u64) as i64));
        }
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let mut rows = stmt.query(rusqlite::params_from_iter(params)).map_err(|e| self.invalid(e))?;
        while let Some(row) = rows.next().map_err(|e| self.invalid(e))? {
            f(read_event(row).map_err(|e| self.err(e))?)?;
        }
        Ok(())
    }

    /// Number of events matching `filter`.
    pub fn count(&self, filter: &Filter) -> Result<u64> {
        self.count_branches(filter, None)
    }

    /// Number of events matching `filter`, counting no further than `cap`:
    /// the result is `min(count, cap)`, and its cost grows with `cap`, not
    /// with the number of matching events.
    pub fn count_at_most(&self, filter: &Filter, cap: u64) -> Result<u64> {
        Ok(self.count_branches(filter, Some(cap))?.min(cap))
    }

    /// The sum of the counts of the (disjoint) branches of the filter: each
    /// is one index range for a dyad, where an OR of them would collect and
    /// deduplicate every row id.
    fn count_branches(&self, filter: &Filter, cap: Option<u64>) -> Result<u64> {
        let mut parts = Vec::new();
        let mut params = Vec::new();
        for (cond, p) in filter.branches() {
            params.extend(p);
            match cap {
                Some(cap) => {
                    parts.push(format!("(SELECT count(*) FROM (SELECT 1 FROM events WHERE {cond} LIMIT ?))"));
                    params.push(Value::Integer(cap.min(i64::MAX as u64) as i64));
                }
                None => parts.push(format!("(SELECT count(*) FROM events WHERE {cond})")),
            }
        }
        self.conn
            .query_row(&format!("SELECT {}", parts.join(" + ")), rusqlite::params_from_iter(params), |r| {
                r.get::<_, i64>(0)
            })
            .map(|n| n as u64)
            .map_err(|e| self.invalid(e))
    }

    /// One event by id.
    pub fn event(&self, id: i64) -> Result<Option<StoredEvent>> {
        use rusqlite::OptionalExtension;
        self.conn
            .query_row(&format!("SELECT {EVENT_COLUMNS} FROM events WHERE id = ?1"), [id], read_event)
            .optional()
            .map_err(|e| self.err(e))
    }

    /// Every mention of an event, in the order they were stored.
    pub fn mentions(&self, event_id: i64) -> Result<Vec<Mention>> {
        let err = |e| self.err(e);
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT m.id, d.doc_key, d.title, d.published, d.url, d.outlet, d.ingested_at,
                        s.idx, s.start_byte, s.end_byte, s.text,
                        m.date, m.date_text, m.cameo, m.negated, m.location_name, m.location_country, m.lat, m.lon,
                        m.location_start, m.location_end, m.trigger, m.trigger_start, m.trigger_end, m.rule
                 FROM mentions m JOIN documents d ON d.id = m.document_id JOIN sentences s ON s.id = m.sentence_id
                 WHERE m.event_id = ?1 ORDER BY m.id",
            )
            .map_err(err)?;
        let mut actors = self
            .conn
            .prepare_cached(
                "SELECT role, text, code, country, sector, start_byte, end_byte, rule
                 FROM mention_actors WHERE mention_id = ?1 ORDER BY role",
            )
            .map_err(err)?;
        let mut out = Vec::new();
        let mut rows = stmt.query([event_id]).map_err(err)?;
        while let Some(r) = rows.next().map_err(err)? {
            let m = (|| -> rusqlite::Result<Mention> {
                let mention_id: i64 = r.get(0)?;
                let mut source = None;
                let mut target = None;
                let mut arows = actors.query([mention_id])?;
                while let Some(a) = arows.next()? {
                    let actor = Actor {
                        text: a.get(1)?,
                        code: a.get(2)?,
                        country: a.get(3)?,
                        sector: a.get(4)?,
                        span: span(a.get(5)?, a.get(6)?),
                        rule: a.get::<_, Option<String>>(7)?.as_deref().map(parse_rule),
                    };
                    if a.get::<_, i64>(0)? == 0 {
                        source = Some(actor);
                    } else {
                        target = Some(actor);
                    }
                }
                let code: String = r.get(13)?;
                let cameo = CameoCode::parse(&code).ok_or_else(|| {
                    rusqlite::Error::FromSqlConversionFailure(
                        13,
                        rusqlite::types::Type::Text,
                        format!("bad CAMEO code {code}").into(),
                    )
                })?;
                let location = match r.get::<_, Option<String>>(15)? {
                    Some(name) => Some(Location {
                        name,
                        country: r.get(16)?,
                        lat: r.get(17)?,
                        lon: r.get(18)?,
                        span: span(
                            r.get::<_, Option<i64>>(19)?.unwrap_or(0),
                            r.get::<_, Option<i64>>(20)?.unwrap_or(0),
                        ),
                    }),
                    None => None,
                };
                let sentence_span = span(r.get(8)?, r.get(9)?);
                Ok(Mention {
                    document: StoredDocument {
                        key: r.get(1)?,
                        title: r.get(2)?,
                        published: r
                            .get::<_, Option<String>>(3)?
                            .and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok()),
                        url: r.get(4)?,
                        outlet: r.get(5)?,
                        ingested_at: r.get(6)?,
                    },
                    sentence: r.get(10)?,
                    event: Event {
                        sentence: r.get::<_, i64>(7)? as usize,
                        sentence_span,
                        source: source.unwrap_or_else(|| Actor {
                            text: String::new(),
                            code: String::new(),
                            country: None,
                            sector: None,
                            span: sentence_span,
                            rule: None,
                        }),
                        target,
                        cameo,
                        negated: r.get(14)?,
                        date: r.get::<_, Option<String>>(11)?.as_deref().and_then(parse_event_date),
                        date_text: r.get(12)?,
                        location,
                        evidence: Evidence {
                            trigger: r.get(21)?,
                            trigger_span: span(r.get(22)?, r.get(23)?),
                            rule: parse_rule(&r.get::<_, String>(24)?),
                        },
                    },
                })
            })()
            .map_err(err)?;
            out.push(m);
        }
        Ok(out)
    }

    /// Counts per period of the events matching `filter`.
    pub fn series(&self, filter: &Filter, period: Period) -> Result<Series> {
        let mut sql = Vec::new();
        let mut params = Vec::new();
        for (cond, p) in filter.branches() {
            sql.push(format!(
                "SELECT day, precision, quad_class, count(*), sum(goldstein), sum(mention_count) FROM events \
                 WHERE {cond} GROUP BY day, precision, quad_class"
            ));
            params.extend(p);
        }
        let sql = sql.join(" UNION ALL ");
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let mut rows = stmt.query(rusqlite::params_from_iter(params)).map_err(|e| self.invalid(e))?;
        // start of period -> (events, quad, goldstein sum, mentions)
        let mut buckets: std::collections::BTreeMap<NaiveDate, (u64, [u64; 4], f64, u64)> = Default::default();
        let mut left_out = 0;
        while let Some(r) = rows.next().map_err(|e| self.invalid(e))? {
            let read = || -> rusqlite::Result<_> {
                Ok((
                    r.get::<_, Option<i64>>(0)?,
                    r.get::<_, Option<i64>>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, i64>(3)? as u64,
                    r.get::<_, f64>(4)?,
                    r.get::<_, i64>(5)? as u64,
                ))
            };
            let (day, precision, quad, n, goldstein, mentions) = read().map_err(|e| self.err(e))?;
            let date = match (day.and_then(from_epoch_day), precision) {
                (Some(d), Some(p)) if p <= period.max_precision() => d,
                _ => {
                    left_out += n;
                    continue;
                }
            };
            let b = buckets.entry(period.start(date)).or_default();
            b.0 += n;
            if (1..=4).contains(&quad) {
                b.1[quad as usize - 1] += n;
            }
            b.2 += goldstein;
            b.3 += mentions;
        }
        let mut out = Vec::new();
        if let (Some(&first), Some(&last)) = (buckets.keys().next(), buckets.keys().next_back()) {
            let mut at = Some(first);
            while let Some(start) = at.filter(|d| *d <= last) {
                let (events, quad, goldstein, mentions) = buckets.get(&start).copied().unwrap_or_default();
                out.push(PeriodCounts {
                    period: period.label(start),
                    start,
                    events,
                    quad,
                    goldstein_mean: (events > 0).then(|| goldstein / events as f64),
                    mentions,
                });
                at = period.next(start);
            }
        }
        Ok(Series { rows: out, left_out })
    }

    /// The most active actors (as source or target) among the events matching
    /// `filter`, most events first.
    pub fn top_actors(&self, filter: &Filter, level: ActorLevel, limit: u64) -> Result<Vec<ActorActivity>> {
        let (cond, p) = filter.where_clause();
        let (s, t) = level.columns();
        let sql = format!(
            "SELECT actor, sum(src), sum(tgt), sum(mentions) FROM (
                SELECT {s} AS actor, 1 AS src, 0 AS tgt, mention_count AS mentions FROM events WHERE {cond}
                UNION ALL
                SELECT {t}, 0, 1, mention_count FROM events WHERE ({cond}) AND {t} IS NOT NULL)
             GROUP BY actor ORDER BY sum(src) + sum(tgt) DESC, actor LIMIT ?"
        );
        let mut params = p.clone();
        params.extend(p);
        params.push(Value::Integer(limit.min(i64::MAX as u64) as i64));
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(params), |r| {
                Ok(ActorActivity {
                    actor: r.get(0)?,
                    as_source: r.get::<_, i64>(1)? as u64,
                    as_target: r.get::<_, i64>(2)? as u64,
                    mentions: r.get::<_, i64>(3)? as u64,
                })
            })
            .map_err(|e| self.invalid(e))?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| self.invalid(e))
    }

    /// The most active pairs of actors (either direction), most events first.
    pub fn top_dyads(&self, filter: &Filter, level: ActorLevel, limit: u64) -> Result<Vec<DyadActivity>> {
        let (cond, mut params) = filter.where_clause();
        let (s, t) = level.columns();
        let sql = format!(
            "SELECT CASE WHEN s <= t THEN s ELSE t END AS a, CASE WHEN s <= t THEN t ELSE s END AS b,
                    sum(s <= t), sum(s > t), avg(goldstein), sum(mention_count)
             FROM (SELECT {s} AS s, {t} AS t, goldstein, mention_count FROM events
                   WHERE ({cond}) AND {t} IS NOT NULL)
             GROUP BY a, b ORDER BY count(*) DESC, a, b LIMIT ?"
        );
        params.push(Value::Integer(limit.min(i64::MAX as u64) as i64));
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(params), |r| {
                Ok(DyadActivity {
                    a: r.get(0)?,
                    b: r.get(1)?,
                    a_to_b: r.get::<_, i64>(2)? as u64,
                    b_to_a: r.get::<_, i64>(3)? as u64,
                    goldstein_mean: r.get(4)?,
                    mentions: r.get::<_, i64>(5)? as u64,
                })
            })
            .map_err(|e| self.invalid(e))?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| self.invalid(e))
    }

    /// Sizes of the store.
    pub fn stats(&self) -> Result<Stats> {
        let count = |table: &str| -> Result<u64> {
            self.conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get::<_, i64>(0))
                .map(|n| n as u64)
                .map_err(|e| self.err(e))
        };
        let range: (Option<i64>, Option<i64>) = self
            .conn
            .query_row("SELECT min(day), max(day) FROM events", [], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(|e| self.err(e))?;
        Ok(Stats {
            documents: count("documents")?,
            sentences: count("sentences")?,
            mentions: count("mentions")?,
            events: count("events")?,
            date_range: match range {
                (Some(a), Some(b)) => from_epoch_day(a).zip(from_epoch_day(b)),
                _ => None,
            },
        })
    }
}
