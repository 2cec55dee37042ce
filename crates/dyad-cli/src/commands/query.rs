//! `dyad query --db FILE [filters]`: events from a store, or counts per
//! period with `--by`.
//!
//! The filter arguments and the output records are shared with `dyad
//! export` and `dyad actors`.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;

use anyhow::anyhow;
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use dyad_core::cameo::CameoCode;
use dyad_core::plover::PloverType;
use dyad_core::Span;
use dyad_store::{
    ActorCode, ActorSelector, Filter, Mention, OpenMode, Page, Period, Place, Series, Store, StoreOptions, StoredEvent,
};
use serde::Serialize;

use crate::commands::ingest::store_failure;
use crate::dto::CodeFields;
use crate::output::Format;
use crate::report;
use crate::status::{Failure, Status};

/// Which events: shared by `dyad query`, `dyad export` and `dyad actors`.
#[derive(Debug, Clone, Default, Args)]
pub struct FilterArgs {
    /// Source actor: a code (`TURGOV`, also matching codes below it), a
    /// country (`TUR`) or a sector (`GOV`); `code:`, `country:`, `sector:`
    /// force a reading.
    #[arg(long, value_name = "ACTOR")]
    pub source: Option<String>,
    /// Target actor, like --source.
    #[arg(long, value_name = "ACTOR")]
    pub target: Option<String>,
    /// Events between two actors, in either direction.
    #[arg(long, num_args = 2, value_names = ["A", "B"])]
    pub dyad: Option<Vec<String>>,
    /// CAMEO code; a root or parent code selects the codes below it too (`04`, `042`).
    #[arg(long, value_name = "CODE")]
    pub cameo: Option<String>,
    /// PLOVER event type (`CONSULT`, `ACCUSE`, ...).
    #[arg(long, value_name = "TYPE")]
    pub plover: Option<String>,
    /// Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=4))]
    pub quad: Option<u8>,
    /// Goldstein range, inclusive: `MIN..MAX`, `MIN..` or `..MAX` (`-10..-5`).
    #[arg(long, value_name = "MIN..MAX", allow_hyphen_values = true, value_parser = parse_range)]
    pub goldstein: Option<(f64, f64)>,
    /// Events on or after this day (a month- or year-dated event counts as its first day).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub since: Option<NaiveDate>,
    /// Events on or before this day.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub until: Option<NaiveDate>,
    /// Country (ISO 3166-1 alpha-3) of the event's location.
    #[arg(long, value_name = "ISO3")]
    pub location_country: Option<String>,
    /// Full-text query over the event's sentences (SQLite FTS5 syntax, words
    /// are stemmed: `arrest AND journalist`, `"held talks"`, `sanction*`).
    #[arg(long = "match", value_name = "QUERY")]
    pub text: Option<String>,
    /// Include events the text says did not happen ("did not meet").
    #[arg(long)]
    pub include_negated: bool,
}

fn parse_day(s: &str) -> Result<NaiveDate, String> {
    match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        Ok(d) if s.len() == 10 => Ok(d),
        _ => Err(format!("`{s}` is not a date in the form YYYY-MM-DD")),
    }
}

fn parse_range(s: &str) -> Result<(f64, f64), String> {
    let bad = || format!("`{s}` is not a range MIN..MAX (e.g. -10..-5, 3.., ..0)");
    let (lo, hi) = s.split_once("..").ok_or_else(bad)?;
    let lo = if lo.trim().is_empty() { f64::NEG_INFINITY } else { lo.trim().parse().map_err(|_| bad())? };
    let hi = if hi.trim().is_empty() { f64::INFINITY } else { hi.trim().parse().map_err(|_| bad())? };
    if lo > hi {
        return Err(format!("`{s}`: MIN is greater than MAX"));
    }
    Ok((lo.max(-1e9), hi.min(1e9)))
}

fn usage(message: String) -> Failure {
    Failure::new(Status::Usage, anyhow!(message))
}

fn selector(text: &str) -> Result<ActorSelector, Failure> {
    ActorSelector::parse(text).map_err(|e| usage(e.to_string()))
}

impl FilterArgs {
    /// The store filter; bad values are usage errors.
    pub fn to_filter(&self) -> Result<Filter, Failure> {
        let mut filter = Filter { include_negated: self.include_negated, ..Filter::default() };
        filter.source = self.source.as_deref().map(selector).transpose()?;
        filter.target = self.target.as_deref().map(selector).transpose()?;
        if let Some(pair) = &self.dyad {
            if let [a, b] = pair.as_slice() {
                filter.dyad = Some((selector(a)?, selector(b)?));
            }
        }
        if let Some(code) = &self.cameo {
            filter.cameo = Some(
                CameoCode::parse(code.trim())
                    .ok_or_else(|| usage(format!("`{code}` is not a CAMEO code (e.g. 04, 042, 0421)")))?,
            );
        }
        if let Some(p) = &self.plover {
            let t = PloverType::parse(p.trim()).ok_or_else(|| usage(format!("`{p}` is not a PLOVER event type")))?;
            filter.plover = Some(t.as_str().to_string());
        }
        filter.quad_class = self.quad;
        filter.goldstein = self.goldstein;
        filter.since = self.since;
        filter.until = self.until;
        if let (Some(a), Some(b)) = (self.since, self.until) {
            if a > b {
                return Err(usage(format!("--since {a} is after --until {b}")));
            }
        }
        filter.location_country = self.location_country.as_ref().map(|c| c.trim().to_ascii_uppercase());
        filter.text = self.text.clone();
        Ok(filter)
    }
}

/// `--by`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PeriodArg {
    /// Calendar days.
    Day,
    /// ISO weeks (Monday to Sunday), labelled `YYYY-Www`.
    Week,
    /// Calendar months.
    Month,
    /// Calendar years.
    Year,
}

impl From<PeriodArg> for Period {
    fn from(p: PeriodArg) -> Period {
        match p {
            PeriodArg::Day => Period::Day,
            PeriodArg::Week => Period::Week,
            PeriodArg::Month => Period::Month,
            PeriodArg::Year => Period::Year,
        }
    }
}

/// `dyad query`.
#[derive(Debug, Args)]
pub struct QueryArgs {
    /// The store (made by `dyad ingest`).
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Instead of events, print counts per quad class and the mean Goldstein
    /// score per period.
    #[arg(long, value_enum, value_name = "PERIOD")]
    pub by: Option<PeriodArg>,
    /// At most N events.
    #[arg(long, value_name = "N", default_value_t = 100)]
    pub limit: u64,
    /// Skip the first N events.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub offset: u64,
    /// Output format [default: jsonl when stdout is not a terminal, table when it is].
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,
}

/// Opens an existing store for reading.
pub fn open_store(path: &std::path::Path) -> Result<Store, Failure> {
    let options = StoreOptions { mode: OpenMode::Existing, ..StoreOptions::default() };
    Store::open_with(path, &options).map_err(store_failure)
}

/// Runs `dyad query`.
pub fn run(args: &QueryArgs) -> Result<Status, Failure> {
    let filter = args.filter.to_filter()?;
    let store = open_store(&args.db)?;
    let stdout = io::stdout();
    let format = args.format.unwrap_or(if stdout.is_terminal() { Format::Table } else { Format::Jsonl });
    let mut out = BufWriter::new(stdout.lock());
    let written = match args.by {
        Some(period) => {
            let series = store.series(&filter, period.into()).map_err(store_failure)?;
            if series.left_out > 0 {
                report::emit(format_args!(
                    "dyad: {} matching events left out: undated, or dated less precisely than the period ({})",
                    series.left_out,
                    format!("{period:?}").to_lowercase()
                ));
            }
            write_series(&series, format, &mut out)
        }
        None => {
            let page = Page { limit: args.limit, offset: args.offset };
            let events = store.events(&filter, page).map_err(store_failure)?;
            let shown = events.len() as u64;
            let mut sink = match EventSink::new(format, &mut out) {
                Ok(sink) => sink,
                Err(e) => return output_failed(e),
            };
            let mut written = Ok(());
            for event in events {
                let mentions = store.mentions(event.id).map_err(store_failure)?;
                written = sink.write(&EventOut::new(&event, &mentions));
                if written.is_err() {
                    break;
                }
            }
            let written = written.and_then(|()| sink.flush());
            if written.is_ok() && shown == args.limit {
                let total = store.count(&filter).map_err(store_failure)?;
                if total > args.offset + shown {
                    report::emit(format_args!(
                        "dyad: showing events {}-{} of {total}; use --limit and --offset for more",
                        args.offset + 1,
                        args.offset + shown
                    ));
                }
            }
            written
        }
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => Ok(Status::Ok),
        Err(e) => output_failed(e),
    }
}

/// A closed pipe is a normal way to stop; other write errors are I/O errors.
pub fn output_failed(e: io::Error) -> Result<Status, Failure> {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Ok(Status::Ok)
    } else {
        Err(Failure::new(Status::Io, anyhow!("cannot write to standard output: {e}")))
    }
}

/// A coded actor in output.
#[derive(Clone, Debug, Serialize)]
pub struct ActorOut<'a> {
    /// CAMEO actor code.
    pub code: &'a str,
    /// ISO 3166-1 alpha-3.
    pub country: Option<&'a str>,
    /// Sector.
    pub sector: Option<&'a str>,
}

impl<'a> ActorOut<'a> {
    fn new(a: &'a ActorCode) -> ActorOut<'a> {
        ActorOut { code: &a.code, country: a.country.as_deref(), sector: a.sector.as_deref() }
    }
}

/// A location in output.
#[derive(Clone, Debug, Serialize)]
pub struct PlaceOut<'a> {
    /// Name.
    pub name: &'a str,
    /// ISO 3166-1 alpha-3.
    pub country: Option<&'a str>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
}

/// One mention (sentence) of a stored event in output. Spans are byte
/// ranges into `text`, as in `dyad code`'s output.
#[derive(Clone, Debug, Serialize)]
pub struct MentionOut<'a> {
    /// Document id.
    pub doc: &'a str,
    /// Sentence index in the document.
    pub sentence: usize,
    /// Publication date of the document.
    pub published: Option<String>,
    /// Outlet.
    pub outlet: Option<&'a str>,
    /// URL.
    pub url: Option<&'a str>,
    /// Date as coded from this sentence.
    pub date: Option<String>,
    /// Words that gave the date.
    pub date_text: Option<&'a str>,
    /// Words naming the source.
    pub source_text: &'a str,
    /// Words naming the target.
    pub target_text: Option<&'a str>,
    /// Trigger words.
    pub trigger: &'a str,
    /// Byte range of the trigger in `text`.
    pub trigger_span: Option<[usize; 2]>,
    /// The pattern that fired, `file:line`.
    pub rule: String,
    /// The sentence.
    pub text: &'a str,
}

fn relative(span: Span, sentence: Span) -> Option<[usize; 2]> {
    (span.start >= sentence.start && span.end <= sentence.end)
        .then(|| [span.start - sentence.start, span.end - sentence.start])
}

impl<'a> MentionOut<'a> {
    fn new(m: &'a Mention) -> MentionOut<'a> {
        let e = &m.event;
        MentionOut {
            doc: &m.document.key,
            sentence: e.sentence,
            published: m.document.published.map(|d| d.format("%Y-%m-%d").to_string()),
            outlet: m.document.outlet.as_deref(),
            url: m.document.url.as_deref(),
            date: e.date.map(|d| d.to_string()),
            date_text: e.date_text.as_deref(),
            source_text: &e.source.text,
            target_text: e.target.as_ref().map(|t| t.text.as_str()),
            trigger: &e.evidence.trigger,
            trigger_span: relative(e.evidence.trigger_span, e.sentence_span),
            rule: e.evidence.rule.to_string(),
            text: &m.sentence,
        }
    }
}

/// One deduplicated event in output (a JSONL line of `dyad query` and
/// `dyad export`).
#[derive(Clone, Debug, Serialize)]
pub struct EventOut<'a> {
    /// Event id in the store.
    pub id: i64,
    /// Date (of the earliest mention), at its precision.
    pub date: Option<String>,
    /// Who acted.
    pub source: ActorOut<'a>,
    /// Who was acted upon.
    pub target: Option<ActorOut<'a>>,
    /// The event code and what the codebooks say of it, as in `dyad code`
    /// records.
    #[serde(flatten)]
    pub code: CodeFields,
    /// The text says it did not happen.
    pub negated: bool,
    /// Where.
    pub location: Option<PlaceOut<'a>>,
    /// Mentions folded into this event.
    pub mentions: u32,
    /// Distinct documents.
    pub articles: u32,
    /// Distinct outlets.
    pub sources: u32,
    /// Every mention, with its sentence.
    pub sentences: Vec<MentionOut<'a>>,
}

impl<'a> EventOut<'a> {
    /// The output record of an event and its mentions.
    pub fn new(e: &'a StoredEvent, mentions: &'a [Mention]) -> EventOut<'a> {
        EventOut {
            id: e.id,
            date: e.date.map(|d| d.to_string()),
            source: ActorOut::new(&e.source),
            target: e.target.as_ref().map(ActorOut::new),
            code: CodeFields::new(e.cameo),
            negated: e.negated,
            location: e.location.as_ref().map(|l: &'a Place| PlaceOut {
                name: &l.name,
                country: l.country.as_deref(),
                lat: l.lat,
                lon: l.lon,
            }),
            mentions: e.mentions,
            articles: e.articles,
            sources: e.sources,
            sentences: mentions.iter().map(MentionOut::new).collect(),
        }
    }
}

/// CSV columns of stored events (`dyad query` and `dyad export --format csv`).
pub const EVENT_CSV_COLUMNS: [&str; 25] = [
    "id",
    "date",
    "source_code",
    "source_country",
    "source_sector",
    "target_code",
    "target_country",
    "target_sector",
    "cameo",
    "cameo_name",
    "plover",
    "plover_mode",
    "goldstein",
    "quad_class",
    "negated",
    "location_name",
    "location_country",
    "lat",
    "lon",
    "mentions",
    "articles",
    "sources",
    "docs",
    "trigger",
    "text",
];

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// Writes stored events as JSONL, CSV or a table.
pub struct EventSink<'w, W: Write> {
    out: SinkOut<'w, W>,
}

enum SinkOut<'w, W: Write> {
    Jsonl(&'w mut W),
    Csv(Box<csv::Writer<&'w mut W>>),
    Table { out: &'w mut W, header: bool },
}

impl<'w, W: Write> EventSink<'w, W> {
    /// A sink; CSV writes its header at once.
    pub fn new(format: Format, out: &'w mut W) -> io::Result<EventSink<'w, W>> {
        let out = match format {
            Format::Csv => {
                let mut w = csv::Writer::from_writer(out);
                w.write_record(EVENT_CSV_COLUMNS).map_err(io::Error::other)?;
                SinkOut::Csv(Box::new(w))
            }
            Format::Jsonl => SinkOut::Jsonl(out),
            Format::Table => SinkOut::Table { out, header: false },
        };
        Ok(EventSink { out })
    }

    /// Writes one event.
    pub fn write(&mut self, e: &EventOut<'_>) -> io::Result<()> {
        match &mut self.out {
            SinkOut::Jsonl(out) => {
                serde_json::to_writer(&mut **out, e)?;
                out.write_all(b"\n")
            }
            SinkOut::Csv(w) => {
                let t = e.target.as_ref();
                let l = e.location.as_ref();
                let docs: Vec<String> = e.sentences.iter().map(|m| format!("{}#{}", m.doc, m.sentence)).collect();
                let first = e.sentences.first();
                let mut row: Vec<String> = Vec::with_capacity(EVENT_CSV_COLUMNS.len());
                row.extend([
                    e.id.to_string(),
                    opt(e.date.as_deref()),
                    e.source.code.to_string(),
                    opt(e.source.country),
                    opt(e.source.sector),
                    opt(t.map(|t| t.code)),
                    opt(t.and_then(|t| t.country)),
                    opt(t.and_then(|t| t.sector)),
                ]);
                row.extend(e.code.csv_cells());
                row.extend([
                    e.negated.to_string(),
                    opt(l.map(|l| l.name)),
                    opt(l.and_then(|l| l.country)),
                    opt(l.and_then(|l| l.lat)),
                    opt(l.and_then(|l| l.lon)),
                    e.mentions.to_string(),
                    e.articles.to_string(),
                    e.sources.to_string(),
                    docs.join(";"),
                    opt(first.map(|m| m.trigger)),
                    opt(first.map(|m| m.text)),
                ]);
                w.write_record(&row).map_err(io::Error::other)
            }
            SinkOut::Table { out, header } => {
                if !*header {
                    *header = true;
                    writeln!(
                        out,
                        "{:<8}  {:<10}  {:<14}  {:<22}  {:<14}  {:<16}  {:>4}  SENTENCE",
                        "ID", "DATE", "SOURCE", "CAMEO", "TARGET", "LOCATION", "MENT"
                    )?;
                }
                let cameo = e.code.label();
                let location = e
                    .location
                    .as_ref()
                    .map(|l| match l.country {
                        Some(c) => format!("{} {c}", l.name),
                        None => l.name.to_string(),
                    })
                    .unwrap_or_else(|| "-".into());
                writeln!(
                    out,
                    "{:<8}  {:<10}  {:<14}  {:<22}  {:<14}  {:<16}  {:>4}  {}",
                    e.id,
                    e.date.as_deref().unwrap_or("-"),
                    cell(e.source.code, 14),
                    cell(&cameo, 22),
                    cell(e.target.as_ref().map_or("-", |t| t.code), 14),
                    cell(&location, 16),
                    e.mentions,
                    cell(e.sentences.first().map_or("", |m| m.text), 80)
                )
            }
        }
    }

    /// Flushes the output.
    pub fn flush(&mut self) -> io::Result<()> {
        match &mut self.out {
            SinkOut::Jsonl(out) | SinkOut::Table { out, .. } => out.flush(),
            SinkOut::Csv(w) => w.flush(),
        }
    }
}

/// `s` cut to `width` characters with an ellipsis; control characters become spaces.
pub fn cell(s: &str, width: usize) -> String {
    let clean = s.chars().map(|c| if c.is_control() { ' ' } else { c });
    if s.chars().count() <= width {
        clean.collect()
    } else {
        clean.take(width.saturating_sub(1)).chain(std::iter::once('…')).collect()
    }
}

/// One period of a series in JSONL.
#[derive(Debug, Serialize)]
struct PeriodOut<'a> {
    period: &'a str,
    start: String,
    events: u64,
    verbal_cooperation: u64,
    material_cooperation: u64,
    verbal_conflict: u64,
    material_conflict: u64,
    goldstein_mean: Option<f64>,
    mentions: u64,
}

/// CSV columns of a series.
pub const SERIES_CSV_COLUMNS: [&str; 9] = [
    "period",
    "start",
    "events",
    "verbal_cooperation",
    "material_cooperation",
    "verbal_conflict",
    "material_conflict",
    "goldstein_mean",
    "mentions",
];

fn write_series<W: Write>(series: &Series, format: Format, out: &mut W) -> io::Result<()> {
    match format {
        Format::Jsonl => {
            for r in &series.rows {
                let row = PeriodOut {
                    period: &r.period,
                    start: r.start.format("%Y-%m-%d").to_string(),
                    events: r.events,
                    verbal_cooperation: r.quad[0],
                    material_cooperation: r.quad[1],
                    verbal_conflict: r.quad[2],
                    material_conflict: r.quad[3],
                    goldstein_mean: r.goldstein_mean.map(|g| (g * 1000.0).round() / 1000.0),
                    mentions: r.mentions,
                };
                serde_json::to_writer(&mut *out, &row)?;
                out.write_all(b"\n")?;
            }
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(SERIES_CSV_COLUMNS).map_err(io::Error::other)?;
            for r in &series.rows {
                w.write_record([
                    r.period.clone(),
                    r.start.format("%Y-%m-%d").to_string(),
                    r.events.to_string(),
                    r.quad[0].to_string(),
                    r.quad[1].to_string(),
                    r.quad[2].to_string(),
                    r.quad[3].to_string(),
                    r.goldstein_mean.map(|g| format!("{g:.3}")).unwrap_or_default(),
                    r.mentions.to_string(),
                ])
                .map_err(io::Error::other)?;
            }
            w.flush()?;
        }
        Format::Table => {
            writeln!(
                out,
                "{:<10}  {:>7}  {:>9}  {:>8}  {:>9}  {:>8}  {:>9}  {:>8}",
                "PERIOD", "EVENTS", "VERB-COOP", "MAT-COOP", "VERB-CONF", "MAT-CONF", "GOLDSTEIN", "MENTIONS"
            )?;
            for r in &series.rows {
                writeln!(
                    out,
                    "{:<10}  {:>7}  {:>9}  {:>8}  {:>9}  {:>8}  {:>9}  {:>8}",
                    r.period,
                    r.events,
                    r.quad[0],
                    r.quad[1],
                    r.quad[2],
                    r.quad[3],
                    r.goldstein_mean.map(|g| format!("{g:+.2}")).unwrap_or_else(|| "-".into()),
                    r.mentions
                )?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goldstein_ranges() {
        assert_eq!(parse_range("-10..-5").unwrap(), (-10.0, -5.0));
        assert_eq!(parse_range("3..").unwrap().0, 3.0);
        assert!(parse_range("..0").unwrap().0 < -1000.0);
        assert!(parse_range("5..1").is_err());
        assert!(parse_range("5").is_err());
    }

    #[test]
    fn csv_columns_share_the_code_fields() {
        let at = EVENT_CSV_COLUMNS.iter().position(|c| *c == "cameo").unwrap();
        assert_eq!(EVENT_CSV_COLUMNS[at..at + 6], CodeFields::CSV_COLUMNS);
        let at = crate::output::CSV_COLUMNS.iter().position(|c| *c == "cameo").unwrap();
        assert_eq!(crate::output::CSV_COLUMNS[at..at + 6], CodeFields::CSV_COLUMNS);
    }

    #[test]
    fn event_csv_row_matches_header() {
        let args =
            FilterArgs { cameo: Some("04".into()), dyad: Some(vec!["tur".into(), "GOV".into()]), ..Default::default() };
        let f = args.to_filter().unwrap();
        assert_eq!(f.dyad.unwrap().1, ActorSelector::Sector("GOV".into()));
        assert!(FilterArgs { cameo: Some("4".into()), ..Default::default() }.to_filter().is_err());
    }
}
