//! `dyad export --db FILE --format jsonl|csv|gdelt`: every stored event (or
//! those matching the filters), streamed.
//!
//! `gdelt` writes the GDELT 1.0 event table: 58 tab-separated columns in
//! GDELT's documented order (the 57 of the event table plus `SOURCEURL`, as
//! in the daily files), no header. The mapping is in [`GDELT_COLUMNS`] and
//! docs/store.md.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use chrono::Datelike;
use clap::{Args, ValueEnum};
use dyad_core::cameo;
use dyad_core::EventDate;
use dyad_store::{ActorCode, Mention, StoredEvent};

use crate::commands::ingest::store_failure;
use crate::commands::query::{open_store, output_failed, EventOut, EventSink, FilterArgs};
use crate::output::Format;
use crate::status::{Failure, Status};

/// `--format` of `dyad export`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One JSON object per event (with its sentences), as `dyad query`.
    Jsonl,
    /// One row per event after a header row, as `dyad query`.
    Csv,
    /// The GDELT 1.0 event table: 58 tab-separated columns, no header.
    Gdelt,
}

/// `dyad export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The store (made by `dyad ingest`).
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,
    /// Output format.
    #[arg(long, value_enum, value_name = "FORMAT", default_value = "jsonl")]
    pub format: ExportFormat,
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// The GDELT 1.0 event table columns, in order.
pub const GDELT_COLUMNS: [&str; 58] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// Runs `dyad export`.
pub fn run(args: &ExportArgs) -> Result<Status, Failure> {
    let filter = args.filter.to_filter()?;
    let store = open_store(&args.db)?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = match args.format {
        ExportFormat::Gdelt => store.for_each_event(&filter, |event| -> Result<(), Failed> {
            let mentions = store.mentions(event.id)?;
            out.write_all(gdelt_row(&event, &mentions).as_bytes())?;
            Ok(())
        }),
        ExportFormat::Jsonl | ExportFormat::Csv => {
            let format = if args.format == ExportFormat::Jsonl { Format::Jsonl } else { Format::Csv };
            let mut sink = match EventSink::new(format, &mut out) {
                Ok(sink) => sink,
                Err(e) => return output_failed(e),
            };
            store.for_each_event(&filter, |event| -> Result<(), Failed> {
                let mentions = store.mentions(event.id)?;
                sink.write(&EventOut::new(&event, &mentions))?;
                Ok(())
            })
        }
    };
    match result.and_then(|()| out.flush().map_err(Failed::Io)) {
        Ok(()) => Ok(Status::Ok),
        Err(Failed::Store(e)) => Err(store_failure(e)),
        Err(Failed::Io(e)) => output_failed(e),
    }
}

/// Why an export stopped.
#[derive(Debug)]
enum Failed {
    Store(dyad_store::Error),
    Io(io::Error),
}

impl From<dyad_store::Error> for Failed {
    fn from(e: dyad_store::Error) -> Failed {
        Failed::Store(e)
    }
}

impl From<io::Error> for Failed {
    fn from(e: io::Error) -> Failed {
        Failed::Io(e)
    }
}

/// A GDELT cell: tabs and newlines would break the row.
fn clean(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// The actor columns: Code, Name, CountryCode, KnownGroupCode, EthnicCode,
/// Religion1Code, Religion2Code, Type1Code, Type2Code, Type3Code.
fn gdelt_actor(actor: Option<&ActorCode>, name: Option<&str>) -> [String; 10] {
    let Some(a) = actor else { return Default::default() };
    let blocks: Vec<&str> =
        (0..a.code.len()).step_by(3).filter_map(|i| a.code.get(i..(i + 3).min(a.code.len()))).collect();
    // Blocks after the country, or after a transnational block and its group.
    let (group, rest) = if cameo::is_transnational_prefix(&a.code) {
        (blocks.get(1).copied().unwrap_or(""), blocks.get(2..).unwrap_or(&[]))
    } else {
        ("", blocks.get(1..).unwrap_or(&[]))
    };
    let mut religion = rest.iter().filter(|b| matches!(**b, "REL" | "CHR" | "MOS" | "JEW" | "BUD" | "HIN"));
    let (religion1, religion2) = (religion.next().copied(), religion.next().copied());
    let mut types = rest.iter().filter(|b| cameo::actor_type(b).is_some() && **b != "REL");
    let mut ty = || types.next().map(|s| s.to_string()).unwrap_or_default();
    [
        a.code.clone(),
        clean(name.unwrap_or("")).to_uppercase(),
        a.country.clone().unwrap_or_default(),
        group.to_string(),
        String::new(),
        religion1.unwrap_or("").to_string(),
        religion2.unwrap_or("").to_string(),
        ty(),
        ty(),
        ty(),
    ]
}

/// One GDELT 1.0 row (with its newline) for an event and its mentions.
pub fn gdelt_row(e: &StoredEvent, mentions: &[Mention]) -> String {
    let first = mentions.first();
    let day = e.date.and_then(EventDate::first_day);
    let mut cells: Vec<String> = Vec::with_capacity(GDELT_COLUMNS.len());
    cells.push(e.id.to_string());
    match day {
        Some(d) => {
            cells.push(d.format("%Y%m%d").to_string());
            cells.push(d.format("%Y%m").to_string());
            cells.push(d.format("%Y").to_string());
            cells.push(format!("{:.4}", f64::from(d.year()) + f64::from(d.ordinal0()) / 365.0));
        }
        None => cells.extend(std::iter::repeat_n(String::new(), 4)),
    }
    let source_name = first.map(|m| m.event.source.text.as_str());
    let target_name = first.and_then(|m| m.event.target.as_ref()).map(|t| t.text.as_str());
    cells.extend(gdelt_actor(Some(&e.source), source_name));
    cells.extend(gdelt_actor(e.target.as_ref(), target_name));
    let is_root = mentions.iter().any(|m| m.event.sentence == 0);
    cells.push(u8::from(is_root).to_string());
    let code = e.cameo;
    let base = if code.level() > 3 { code.parent().unwrap_or(code) } else { code };
    cells.push(code.as_str().to_string());
    cells.push(base.as_str().to_string());
    cells.push(code.root().as_str().to_string());
    cells.push(code.quad_class().number().to_string());
    cells.push(format!("{:.1}", code.goldstein()));
    cells.push(e.mentions.to_string());
    cells.push(e.sources.to_string());
    cells.push(e.articles.to_string());
    cells.push(String::new()); // AvgTone: dyad does not score tone.
    cells.extend(std::iter::repeat_n(String::new(), 14)); // Actor1Geo_*, Actor2Geo_*
    match &e.location {
        Some(l) => {
            // dyad's places are cities and landmarks: GDELT type 4 (world city).
            cells.push("4".into());
            cells.push(clean(&l.name));
            cells.push(String::new()); // GDELT wants FIPS 10-4; dyad has ISO alpha-3.
            cells.push(String::new());
            cells.push(l.lat.map(|v| format!("{v:.4}")).unwrap_or_default());
            cells.push(l.lon.map(|v| format!("{v:.4}")).unwrap_or_default());
            cells.push(String::new());
        }
        None => cells.extend(std::iter::repeat_n(String::new(), 7)),
    }
    let added = first.map(|m| m.document.ingested_at.get(..10).unwrap_or("").replace('-', "")).unwrap_or_default();
    cells.push(added);
    let url = first
        .map(|m| m.document.url.clone().or_else(|| m.document.outlet.clone()).unwrap_or_else(|| m.document.key.clone()))
        .unwrap_or_default();
    cells.push(clean(&url));
    debug_assert_eq!(cells.len(), GDELT_COLUMNS.len());
    let mut row = cells.join("\t");
    row.push('\n');
    row
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_columns() {
        let a = ActorCode { code: "TURGOVMIL".into(), country: Some("TUR".into()), sector: Some("GOV".into()) };
        let cols = gdelt_actor(Some(&a), Some("Turkish officials"));
        assert_eq!(cols[0], "TURGOVMIL");
        assert_eq!(cols[1], "TURKISH OFFICIALS");
        assert_eq!(cols[2], "TUR");
        assert_eq!(cols[7], "GOV");
        assert_eq!(cols[8], "MIL");
        let igo = ActorCode { code: "IGOUNO".into(), country: None, sector: None };
        let cols = gdelt_actor(Some(&igo), None);
        assert_eq!(cols[3], "UNO");
        assert_eq!(gdelt_actor(None, None), <[String; 10]>::default());
    }
}
