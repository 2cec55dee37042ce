//! Output formats: JSONL (the contract), CSV and a human table. Each writes
//! one event at a time; nothing is held back, so memory stays flat.

use std::io::{self, Write};

use clap::ValueEnum;

use crate::dto::{ActorRecord, EventRecord};

/// `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON object per event and line.
    Jsonl,
    /// Aligned columns for people (long cells are truncated).
    Table,
    /// One row per event with flattened columns, after a header row.
    Csv,
}

/// Where events go.
pub trait Sink {
    /// Writes one event.
    fn write(&mut self, event: &EventRecord<'_>) -> io::Result<()>;
    /// Pushes buffered output out.
    fn flush(&mut self) -> io::Result<()>;
}

/// The sink for a format.
pub fn sink<'a, W: Write + 'a>(format: Format, out: W) -> io::Result<Box<dyn Sink + 'a>> {
    Ok(match format {
        Format::Jsonl => Box::new(JsonlSink { out }),
        Format::Csv => {
            let mut csv = CsvSink { out: csv::Writer::from_writer(out) };
            csv.out.write_record(CSV_COLUMNS).map_err(csv_io)?;
            Box::new(csv)
        }
        Format::Table => Box::new(TableSink { out, header: false }),
    })
}

struct JsonlSink<W> {
    out: W,
}

impl<W: Write> Sink for JsonlSink<W> {
    fn write(&mut self, event: &EventRecord<'_>) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, event)?;
        self.out.write_all(b"\n")
    }
    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// CSV columns, in order (docs/cli.md lists them too).
pub const CSV_COLUMNS: [&str; 28] = [
    "doc",
    "sentence",
    "event",
    "published",
    "date",
    "date_text",
    "source_text",
    "source_code",
    "source_country",
    "source_sector",
    "target_text",
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
    "trigger",
    "rule",
    "text",
];

struct CsvSink<W: Write> {
    out: csv::Writer<W>,
}

fn csv_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

impl<W: Write> Sink for CsvSink<W> {
    fn write(&mut self, e: &EventRecord<'_>) -> io::Result<()> {
        let target = e.target.as_ref();
        let location = e.location.as_ref();
        let mut row: Vec<String> = Vec::with_capacity(CSV_COLUMNS.len());
        row.extend([
            e.doc.to_string(),
            e.sentence.to_string(),
            e.event.to_string(),
            opt(e.published.as_deref()),
            opt(e.date.as_deref()),
            opt(e.date_text),
            e.source.text.to_string(),
            e.source.code.to_string(),
            opt(e.source.country),
            opt(e.source.sector),
            opt(target.map(|t| t.text)),
            opt(target.map(|t| t.code)),
            opt(target.and_then(|t| t.country)),
            opt(target.and_then(|t| t.sector)),
        ]);
        row.extend(e.code.csv_cells());
        row.extend([
            e.negated.to_string(),
            opt(location.map(|l| l.name)),
            opt(location.and_then(|l| l.country)),
            opt(location.and_then(|l| l.lat)),
            opt(location.and_then(|l| l.lon)),
            e.evidence.trigger.to_string(),
            e.evidence.rule.clone(),
            e.text.to_string(),
        ]);
        self.out.write_record(&row).map_err(csv_io)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// Table columns: header and maximum width in characters.
const TABLE_COLUMNS: [(&str, usize); 8] = [
    ("DOC", 16),
    ("SENT", 4),
    ("SOURCE", 28),
    ("CAMEO", 26),
    ("TARGET", 28),
    ("DATE", 10),
    ("LOCATION", 16),
    ("TRIGGER", 20),
];

struct TableSink<W> {
    out: W,
    header: bool,
}

fn actor_cell(a: &ActorRecord<'_>) -> String {
    format!("{} ({})", a.code, a.text)
}

/// `s` cut to `width` characters, with an ellipsis when cut; control
/// characters (tabs, newlines) become spaces so rows stay on one line.
fn cell(s: &str, width: usize) -> String {
    let clean = s.chars().map(|c| if c.is_control() { ' ' } else { c });
    if s.chars().count() <= width {
        clean.collect()
    } else {
        clean.take(width - 1).chain(std::iter::once('…')).collect()
    }
}

impl<W: Write> TableSink<W> {
    fn row(&mut self, cells: [&str; 8]) -> io::Result<()> {
        let mut line = String::new();
        for (i, (text, (_, width))) in cells.iter().zip(TABLE_COLUMNS).enumerate() {
            let c = cell(text, width);
            if i + 1 == cells.len() {
                line.push_str(&c);
            } else {
                let pad = width - c.chars().count();
                line.push_str(&c);
                line.extend(std::iter::repeat_n(' ', pad + 2));
            }
        }
        writeln!(self.out, "{}", line.trim_end())
    }
}

impl<W: Write> Sink for TableSink<W> {
    fn write(&mut self, e: &EventRecord<'_>) -> io::Result<()> {
        if !self.header {
            self.header = true;
            self.row(TABLE_COLUMNS.map(|(h, _)| h))?;
        }
        let sentence = e.sentence.to_string();
        let source = actor_cell(&e.source);
        let cameo = e.code.label();
        let target = e.target.as_ref().map(actor_cell).unwrap_or_else(|| "-".into());
        let location = match &e.location {
            Some(l) => match l.country {
                Some(c) => format!("{} {c}", l.name),
                None => l.name.to_string(),
            },
            None => "-".into(),
        };
        self.row([
            e.doc,
            &sentence,
            &source,
            &cameo,
            &target,
            e.date.as_deref().unwrap_or("-"),
            &location,
            e.evidence.trigger,
        ])
    }
    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dto::tests::sample;

    fn render(format: Format) -> String {
        let (doc, event) = sample();
        let record = EventRecord::new(&doc, 0, &event);
        let mut out = Vec::new();
        {
            let mut sink = sink(format, &mut out).unwrap();
            sink.write(&record).unwrap();
            sink.write(&record).unwrap();
            sink.flush().unwrap();
        }
        String::from_utf8(out).unwrap()
    }

    /// The PLOVER type of the sample's code ("" with a stub codebook).
    fn event_plover() -> &'static str {
        sample().1.cameo.plover().map(|m| m.event.as_str()).unwrap_or("")
    }

    #[test]
    fn jsonl_is_one_object_per_line() {
        let out = render(Format::Jsonl);
        assert_eq!(out.lines().count(), 2);
        for line in out.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            assert_eq!(v["cameo"], "040");
        }
    }

    #[test]
    fn csv_has_a_header_and_quotes_properly() {
        let out = render(Format::Csv);
        let mut reader = csv::Reader::from_reader(out.as_bytes());
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(header, CSV_COLUMNS);
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 2);
        let get = |name: &str| rows[0][CSV_COLUMNS.iter().position(|c| *c == name).unwrap()].to_string();
        assert_eq!(get("cameo_name"), "Consult, not specified below");
        assert_eq!(get("source_country"), "TUR");
        assert_eq!(get("target_code"), "GRCGOV");
        assert_eq!(get("goldstein"), "1.0");
        assert_eq!(get("lat"), "37.98");
        assert_eq!(get("location_name"), "Athens");
        let plover = event_plover();
        assert_eq!(get("plover"), plover);
        assert!(out.contains("\"Consult, not specified below\""));
    }

    #[test]
    fn csv_header_even_without_events() {
        let mut out = Vec::new();
        sink(Format::Csv, &mut out).unwrap().flush().unwrap();
        assert_eq!(String::from_utf8(out).unwrap().lines().count(), 1);
    }

    #[test]
    fn table_is_aligned_and_truncated() {
        let out = render(Format::Table);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[0].starts_with("DOC "));
        let col = |l: &str, name: &str| l.chars().skip(lines[0].find(name).unwrap()).collect::<String>();
        assert!(col(lines[1], "SOURCE").starts_with("TURGOV (Turkish officials)"));
        let plover = event_plover();
        let cameo = if plover.is_empty() { "040 Consult, not specifie…" } else { "040 CONSULT" };
        assert!(col(lines[1], "CAMEO").starts_with(cameo), "{out}");
        assert!(col(lines[1], "LOCATION").starts_with("Athens GRC"));
        assert!(col(lines[1], "TRIGGER").starts_with("held talks"));
    }

    #[test]
    fn cells() {
        assert_eq!(cell("abc", 5), "abc");
        assert_eq!(cell("abcdef", 4), "abc…");
        assert_eq!(cell("a\tb\nc", 10), "a b c");
        assert_eq!(cell("ééééé", 3), "éé…");
    }
}
