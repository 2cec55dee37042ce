//! The wire format: JSONL input records and output event records.
//!
//! The field names and their order are a public contract (see docs/cli.md);
//! the tests at the bottom pin them. The library types in dyad-core have no
//! serde: the conversion happens here.

use chrono::{DateTime, NaiveDate};
use dyad_core::cameo::CameoCode;
use dyad_core::{Actor, Document, Event, Location, Span};
use serde::Serialize;
use serde_json::{Map, Value};

/// One JSONL input line.
#[derive(Clone, Debug, PartialEq)]
pub struct InputRecord {
    /// `id`: a string, or an integer written as a string.
    pub id: String,
    /// `text`: the body.
    pub text: String,
    /// `title`, optional.
    pub title: Option<String>,
    /// `date`: `YYYY-MM-DD` or RFC 3339 (its date part), optional.
    pub date: Option<NaiveDate>,
    /// `url`, optional.
    pub url: Option<String>,
    /// `source` (outlet), optional.
    pub source: Option<String>,
}

impl InputRecord {
    /// Parses one line; the error is a reason for a person.
    pub fn from_json(line: &str) -> Result<InputRecord, String> {
        let mut map: Map<String, Value> = serde_json::from_str(line).map_err(describe)?;
        let id = match map.remove("id") {
            None | Some(Value::Null) => return Err("missing `id`".into()),
            Some(Value::String(s)) if s.trim().is_empty() => return Err("empty `id`".into()),
            Some(Value::String(s)) => s,
            Some(Value::Number(n)) if n.is_i64() || n.is_u64() => n.to_string(),
            Some(other) => return Err(format!("`id` must be a string or an integer, not {}", kind(&other))),
        };
        let text = match map.remove("text") {
            None | Some(Value::Null) => return Err("missing `text`".into()),
            Some(Value::String(s)) => s,
            Some(other) => return Err(format!("`text` must be a string, not {}", kind(&other))),
        };
        let date = match optional_string(&mut map, "date")? {
            None => None,
            Some(s) if s.trim().is_empty() => None,
            Some(s) => Some(
                parse_date(&s)
                    .ok_or_else(|| format!("bad `date` {s:?}: expected YYYY-MM-DD or an RFC 3339 timestamp"))?,
            ),
        };
        Ok(InputRecord {
            id,
            text,
            title: optional_string(&mut map, "title")?,
            date,
            url: optional_string(&mut map, "url")?,
            source: optional_string(&mut map, "source")?,
        })
    }

    /// The document to code; `fallback` (`--date`) is used when the record
    /// has no date.
    pub fn into_document(self, fallback: Option<NaiveDate>) -> Document {
        Document {
            id: self.id,
            text: self.text,
            title: self.title,
            published: self.date.or(fallback),
            url: self.url,
            source: self.source,
        }
    }
}

fn optional_string(map: &mut Map<String, Value>, key: &str) -> Result<Option<String>, String> {
    match map.remove(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(format!("`{key}` must be a string, not {}", kind(&other))),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// serde_json's message without its "at line 1 column N" (we give the line).
fn describe(e: serde_json::Error) -> String {
    use serde_json::error::Category;
    let message = e.to_string();
    let message = match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => &message,
    };
    match e.classify() {
        Category::Data => "not a JSON object".to_string(),
        Category::Syntax | Category::Eof => {
            format!("invalid JSON: {message} (column {})", e.column())
        }
        Category::Io => message.to_string(),
    }
}

/// `YYYY-MM-DD`, or the date part of an RFC 3339 timestamp (in its own
/// offset: `2025-04-10T23:30:00-05:00` is 2025-04-10).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.len() == 10 {
        return NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    }
    DateTime::parse_from_rfc3339(s).ok().map(|dt| dt.date_naive())
}

/// One output event (a JSONL line; also the source of the CSV and table rows).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventRecord<'a> {
    /// Document id.
    pub doc: &'a str,
    /// Sentence index in the document (0-based).
    pub sentence: usize,
    /// Event index in the document (0-based).
    pub event: usize,
    /// Publication date of the document, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Event date at its precision (`2025-04-10`, `2025-04`, `2025`).
    pub date: Option<String>,
    /// The words that gave the date.
    pub date_text: Option<&'a str>,
    /// Who acted.
    pub source: ActorRecord<'a>,
    /// Who was acted upon.
    pub target: Option<ActorRecord<'a>>,
    /// The event code and what the codebooks say of it (`cameo`,
    /// `cameo_name`, `plover`, `plover_mode`, `goldstein`, `quad_class`).
    #[serde(flatten)]
    pub code: CodeFields,
    /// The text says the event did not happen.
    pub negated: bool,
    /// Where.
    pub location: Option<LocationRecord<'a>>,
    /// The sentence; every span is a byte range into it.
    pub text: &'a str,
    /// Why.
    pub evidence: EvidenceRecord<'a>,
}

/// The code fields of an event record, shared by `dyad code` records
/// ([`EventRecord`]) and stored-event records (`dyad query`): flattened into
/// the record in JSON, six columns in CSV.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct CodeFields {
    /// CAMEO code.
    pub cameo: &'static str,
    /// CAMEO codebook name.
    pub cameo_name: &'static str,
    /// PLOVER event type, when PLOVER maps the code.
    pub plover: Option<&'static str>,
    /// PLOVER mode, when the mapping gives one.
    pub plover_mode: Option<&'static str>,
    /// Goldstein score.
    pub goldstein: f32,
    /// Quad class, 1 to 4.
    pub quad_class: u8,
}

impl CodeFields {
    /// CSV column names of the code fields, in order: the CSV headers of
    /// `dyad code` and of stored events hold them in this order (a test
    /// checks both).
    #[cfg(test)]
    pub const CSV_COLUMNS: [&'static str; 6] =
        ["cameo", "cameo_name", "plover", "plover_mode", "goldstein", "quad_class"];

    /// The fields of a CAMEO code, from the codebooks.
    pub fn new(code: CameoCode) -> CodeFields {
        let plover = code.plover();
        CodeFields {
            cameo: code.as_str(),
            cameo_name: code.name(),
            plover: plover.map(|p| p.event.as_str()),
            plover_mode: plover.and_then(|p| p.mode),
            goldstein: code.goldstein(),
            quad_class: code.quad_class().number(),
        }
    }

    /// The CSV cells: cameo, cameo_name, plover, plover_mode, goldstein, quad_class (the order a test pins).
    pub fn csv_cells(&self) -> [String; 6] {
        [
            self.cameo.to_string(),
            self.cameo_name.to_string(),
            self.plover.unwrap_or_default().to_string(),
            self.plover_mode.unwrap_or_default().to_string(),
            format!("{:?}", self.goldstein),
            self.quad_class.to_string(),
        ]
    }

    /// The table cell: the code and its PLOVER type, or its name when
    /// PLOVER does not map it (`040 CONSULT`).
    pub fn label(&self) -> String {
        match self.plover {
            Some(p) => format!("{} {p}", self.cameo),
            None => format!("{} {}", self.cameo, self.cameo_name),
        }
    }
}

/// An actor in an [`EventRecord`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActorRecord<'a> {
    /// The words.
    pub text: &'a str,
    /// CAMEO actor code.
    pub code: &'a str,
    /// ISO 3166-1 alpha-3 country.
    pub country: Option<&'a str>,
    /// CAMEO sector.
    pub sector: Option<&'a str>,
    /// Byte range in the sentence; null when the words lie outside it.
    pub span: Option<[usize; 2]>,
}

/// A location in an [`EventRecord`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LocationRecord<'a> {
    /// Place name.
    pub name: &'a str,
    /// ISO 3166-1 alpha-3 country.
    pub country: Option<&'a str>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
}

/// The evidence in an [`EventRecord`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EvidenceRecord<'a> {
    /// Trigger words.
    pub trigger: &'a str,
    /// Byte range of the trigger in the sentence; null when outside it.
    pub trigger_span: Option<[usize; 2]>,
    /// The pattern that fired, `file:line`.
    pub rule: String,
}

impl<'a> EventRecord<'a> {
    /// The record for event number `index` of `doc`.
    pub fn new(doc: &'a Document, index: usize, event: &'a Event) -> EventRecord<'a> {
        let sentence = event.sentence_span;
        EventRecord {
            doc: &doc.id,
            sentence: event.sentence,
            event: index,
            published: doc.published.map(|d| d.format("%Y-%m-%d").to_string()),
            date: event.date.map(|d| d.to_string()),
            date_text: event.date_text.as_deref(),
            source: ActorRecord::new(&event.source, sentence),
            target: event.target.as_ref().map(|a| ActorRecord::new(a, sentence)),
            code: CodeFields::new(event.cameo),
            negated: event.negated,
            location: event.location.as_ref().map(LocationRecord::new),
            text: sentence.slice(&doc.text),
            evidence: EvidenceRecord {
                trigger: &event.evidence.trigger,
                trigger_span: relative(event.evidence.trigger_span, sentence),
                rule: event.evidence.rule.to_string(),
            },
        }
    }
}

impl<'a> ActorRecord<'a> {
    fn new(actor: &'a Actor, sentence: Span) -> ActorRecord<'a> {
        ActorRecord {
            text: &actor.text,
            code: &actor.code,
            country: actor.country.as_deref(),
            sector: actor.sector.as_deref(),
            span: relative(actor.span, sentence),
        }
    }
}

impl<'a> LocationRecord<'a> {
    fn new(location: &'a Location) -> LocationRecord<'a> {
        LocationRecord {
            name: &location.name,
            country: location.country.as_deref(),
            lat: location.lat,
            lon: location.lon,
        }
    }
}

/// `span` as a byte range of the sentence, if it lies inside it.
fn relative(span: Span, sentence: Span) -> Option<[usize; 2]> {
    (span.start >= sentence.start && span.end <= sentence.end)
        .then(|| [span.start - sentence.start, span.end - sentence.start])
}

#[cfg(test)]
pub mod tests {
    use std::sync::Arc;

    use super::*;
    use dyad_core::{EventDate, Evidence, RuleRef};

    /// The document and event of the README example.
    pub fn sample() -> (Document, Event) {
        let text = "Intro. Turkish officials held talks with Greek diplomats in Athens on Thursday.";
        let s = 7;
        let doc = Document::new("talks-1", text).with_published(NaiveDate::from_ymd_opt(2025, 4, 11));
        let event = Event {
            sentence: 1,
            sentence_span: Span::new(s, text.len()),
            source: Actor {
                text: "Turkish officials".into(),
                code: "TURGOV".into(),
                country: Some("TUR".into()),
                sector: Some("GOV".into()),
                span: Span::new(s, s + 17),
                rule: None,
            },
            target: Some(Actor {
                text: "Greek diplomats".into(),
                code: "GRCGOV".into(),
                country: Some("GRC".into()),
                sector: Some("GOV".into()),
                span: Span::new(s + 34, s + 49),
                rule: None,
            }),
            cameo: CameoCode::parse("040").unwrap(),
            negated: false,
            date: Some(EventDate::Day(NaiveDate::from_ymd_opt(2025, 4, 10).unwrap())),
            date_text: Some("on Thursday".into()),
            location: Some(Location {
                name: "Athens".into(),
                country: Some("GRC".into()),
                lat: Some(37.98),
                lon: Some(23.73),
                span: Span::new(s + 53, s + 59),
            }),
            evidence: Evidence {
                trigger: "held talks".into(),
                trigger_span: Span::new(s + 18, s + 28),
                rule: RuleRef { file: Arc::from("default/consult.events"), line: 12 },
            },
        };
        (doc, event)
    }

    /// The keys of a JSON value in the order written, nested objects
    /// included (serde_json's `Value` would sort them).
    #[derive(Debug, Default)]
    struct Shape(Vec<(String, Shape)>);

    impl Shape {
        fn keys(&self) -> Vec<&str> {
            self.0.iter().map(|(k, _)| k.as_str()).collect()
        }
        fn get(&self, key: &str) -> &Shape {
            &self.0.iter().find(|(k, _)| k == key).unwrap().1
        }
    }

    impl<'de> serde::Deserialize<'de> for Shape {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Shape, D::Error> {
            struct V;
            impl<'de> serde::de::Visitor<'de> for V {
                type Value = Shape;
                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("any JSON value")
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(self, mut m: A) -> Result<Shape, A::Error> {
                    let mut entries = Vec::new();
                    while let Some(entry) = m.next_entry::<String, Shape>()? {
                        entries.push(entry);
                    }
                    Ok(Shape(entries))
                }
                fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut s: A) -> Result<Shape, A::Error> {
                    while s.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                    Ok(Shape::default())
                }
                fn visit_unit<E>(self) -> Result<Shape, E> {
                    Ok(Shape::default())
                }
                fn visit_bool<E>(self, _: bool) -> Result<Shape, E> {
                    Ok(Shape::default())
                }
                fn visit_u64<E>(self, _: u64) -> Result<Shape, E> {
                    Ok(Shape::default())
                }
                fn visit_i64<E>(self, _: i64) -> Result<Shape, E> {
                    Ok(Shape::default())
                }
                fn visit_f64<E>(self, _: f64) -> Result<Shape, E> {
                    Ok(Shape::default())
                }
                fn visit_str<E>(self, _: &str) -> Result<Shape, E> {
                    Ok(Shape::default())
                }
            }
            d.deserialize_any(V)
        }
    }

    #[test]
    fn output_field_contract() {
        let (doc, event) = sample();
        let line = serde_json::to_string(&EventRecord::new(&doc, 0, &event)).unwrap();
        let shape: Shape = serde_json::from_str(&line).unwrap();
        assert_eq!(
            shape.keys(),
            [
                "doc",
                "sentence",
                "event",
                "published",
                "date",
                "date_text",
                "source",
                "target",
                "cameo",
                "cameo_name",
                "plover",
                "plover_mode",
                "goldstein",
                "quad_class",
                "negated",
                "location",
                "text",
                "evidence",
            ]
        );
        for actor in ["source", "target"] {
            assert_eq!(shape.get(actor).keys(), ["text", "code", "country", "sector", "span"]);
        }
        assert_eq!(shape.get("location").keys(), ["name", "country", "lat", "lon"]);
        assert_eq!(shape.get("evidence").keys(), ["trigger", "trigger_span", "rule"]);
        // The PLOVER fields come from the codebook (a stub table has none).
        let mapping = event.cameo.plover();
        let plover = serde_json::to_string(&mapping.map(|m| m.event.as_str())).unwrap();
        let mode = serde_json::to_string(&mapping.and_then(|m| m.mode)).unwrap();
        let expected = format!(
            r#"{{"doc":"talks-1","sentence":1,"event":0,"published":"2025-04-11","date":"2025-04-10","date_text":"on Thursday","source":{{"text":"Turkish officials","code":"TURGOV","country":"TUR","sector":"GOV","span":[0,17]}},"target":{{"text":"Greek diplomats","code":"GRCGOV","country":"GRC","sector":"GOV","span":[34,49]}},"cameo":"040","cameo_name":"Consult, not specified below","plover":{plover},"plover_mode":{mode},"goldstein":1.0,"quad_class":1,"negated":false,"location":{{"name":"Athens","country":"GRC","lat":37.98,"lon":23.73}},"text":"Turkish officials held talks with Greek diplomats in Athens on Thursday.","evidence":{{"trigger":"held talks","trigger_span":[18,28],"rule":"default/consult.events:12"}}}}"#
        );
        assert_eq!(line, expected);
    }

    #[test]
    fn spans_are_relative_to_the_sentence() {
        let (doc, event) = sample();
        let r = EventRecord::new(&doc, 0, &event);
        let [a, b] = r.source.span.unwrap();
        assert_eq!(&r.text[a..b], r.source.text);
        let [a, b] = r.target.as_ref().unwrap().span.unwrap();
        assert_eq!(&r.text[a..b], "Greek diplomats");
        let [a, b] = r.evidence.trigger_span.unwrap();
        assert_eq!(&r.text[a..b], "held talks");
    }

    #[test]
    fn spans_outside_the_sentence_are_null() {
        let (doc, mut event) = sample();
        event.source.span = Span::new(0, 5);
        assert_eq!(EventRecord::new(&doc, 0, &event).source.span, None);
    }

    #[test]
    fn input_records() {
        let r = InputRecord::from_json(
            r#"{"id": 7, "text": "Hi.", "title": null, "date": "2025-04-10T23:30:00-05:00", "url": "https://x", "source": "Wire", "extra": [1]}"#,
        )
        .unwrap();
        assert_eq!(r.id, "7");
        assert_eq!(r.date, NaiveDate::from_ymd_opt(2025, 4, 10));
        assert_eq!(r.title, None);
        assert_eq!(r.source.as_deref(), Some("Wire"));
        let doc = r.into_document(None);
        assert_eq!(doc.url.as_deref(), Some("https://x"));
    }

    #[test]
    fn bad_input_records_say_why() {
        let cases = [
            (r#"{"text": "x"}"#, "missing `id`"),
            (r#"{"id": "a"}"#, "missing `text`"),
            (r#"{"id": "", "text": "x"}"#, "empty `id`"),
            (r#"{"id": 1.5, "text": "x"}"#, "`id` must be a string or an integer, not a number"),
            (r#"{"id": ["a"], "text": "x"}"#, "`id` must be a string or an integer, not an array"),
            (r#"{"id": "a", "text": 5}"#, "`text` must be a string, not a number"),
            (r#"{"id": "a", "text": "x", "url": true}"#, "`url` must be a string, not a boolean"),
            (
                r#"{"id": "a", "text": "x", "date": "last week"}"#,
                r#"bad `date` "last week": expected YYYY-MM-DD or an RFC 3339 timestamp"#,
            ),
            (
                r#"{"id": "a", "text": "x", "date": "2025-02-30"}"#,
                r#"bad `date` "2025-02-30": expected YYYY-MM-DD or an RFC 3339 timestamp"#,
            ),
            (r#"[1, 2]"#, "not a JSON object"),
            (r#""text""#, "not a JSON object"),
            (r#"{"id": "a", "text": "x""#, "invalid JSON: EOF while parsing an object (column 23)"),
            (r#"{"id": "a" "text": "x"}"#, "invalid JSON: expected `,` or `}` (column 12)"),
        ];
        for (line, want) in cases {
            assert_eq!(InputRecord::from_json(line).unwrap_err(), want, "{line}");
        }
    }

    #[test]
    fn dates() {
        let d = NaiveDate::from_ymd_opt(2025, 4, 10);
        assert_eq!(parse_date("2025-04-10"), d);
        assert_eq!(parse_date("2025-04-10T08:00:00Z"), d);
        assert_eq!(parse_date("2025-04-10T08:00:00.5+02:00"), d);
        assert_eq!(parse_date("2025-4-10"), None);
        assert_eq!(parse_date("10/04/2025"), None);
    }
}
