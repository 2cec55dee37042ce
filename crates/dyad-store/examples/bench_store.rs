//! Builds a synthetic event store and times the queries analysts run most.
//!
//! ```sh
//! cargo run --release -p dyad-store --example bench_store -- [EVENTS] [DB]
//! ```
//!
//! EVENTS defaults to 1,000,000 deduplicated events (about 1.15 million
//! mentions, one in seven a repeat of an event from another document), in
//! documents of ten sentences spread over 2015-2024, between 60 countries
//! with a skewed (Zipf-like) activity. DB defaults to a temporary file.
//! An existing DB with events is reused, so the timings can be repeated
//! without rebuilding. Each query runs 21 times; the median is printed.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use dyad_core::cameo::CameoCode;
use dyad_core::{Actor, Document, Event, EventDate, Evidence, Location, RuleRef, Span};
use dyad_store::{ActorSelector, Filter, NewDocument, Page, Period, Store};

const COUNTRIES: [&str; 60] = [
    "USA", "CHN", "RUS", "GBR", "FRA", "DEU", "JPN", "IND", "ISR", "IRN", "TUR", "UKR", "PAK", "AFG", "SYR", "IRQ",
    "SAU", "KOR", "PRK", "GRC", "EGY", "ITA", "ESP", "CAN", "AUS", "BRA", "MEX", "NGA", "ZAF", "KEN", "ETH", "SDN",
    "LBY", "YEM", "LBN", "JOR", "QAT", "ARE", "POL", "SWE", "NOR", "FIN", "NLD", "BEL", "CHE", "AUT", "HUN", "ROU",
    "SRB", "ARM", "AZE", "GEO", "KAZ", "UZB", "VNM", "THA", "PHL", "IDN", "MYS", "SGP",
];
const SECTORS: [&str; 6] = ["", "GOV", "MIL", "GOV", "COP", "BUS"];
const CAMEO: [&str; 16] =
    ["010", "020", "036", "040", "042", "043", "051", "057", "061", "071", "112", "130", "173", "190", "193", "0874"];
const PLACES: [(&str, f64, f64); 4] =
    [("Geneva", 46.2, 6.14), ("Brussels", 50.85, 4.35), ("Vienna", 48.21, 16.37), ("Doha", 25.29, 51.53)];

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Skewed towards small indices: country i has weight ~ 1/(i+1).
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        (((n as f64 + 1.0).powf(u) - 1.0) as usize).min(n - 1)
    }
}

fn actor(country: &str, sector: &str, text: &str, start: usize) -> Actor {
    Actor {
        text: text.to_string(),
        code: format!("{country}{sector}"),
        country: Some(country.to_string()),
        sector: (!sector.is_empty()).then(|| sector.to_string()),
        span: Span::new(start, start + text.len()),
        rule: None,
    }
}

/// One synthetic mention: (source country, sector, target country, sector, cameo, day, place).
type Key = (usize, usize, usize, usize, usize, i64, Option<usize>);

fn build(store: &mut Store, events: u64) {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let start = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap();
    let days = 3653;
    let rule = RuleRef { file: Arc::from("bench.events"), line: 1 };
    let mut recent: Vec<Key> = Vec::new();
    let mut made = 0u64;
    let mut doc_no = 0u64;
    let t = Instant::now();
    while made < events {
        let mut batch_docs = Vec::new();
        for _ in 0..64 {
            let mut text = String::new();
            let mut sentences = Vec::new();
            let mut evs = Vec::new();
            for i in 0..10 {
                // One mention in seven repeats a recent event (another wire's report).
                let key = if !recent.is_empty() && rng.below(7) == 0 {
                    recent[rng.below(recent.len())]
                } else {
                    let s = rng.zipf(COUNTRIES.len());
                    let mut t = rng.zipf(COUNTRIES.len());
                    if t == s {
                        t = (t + 1) % COUNTRIES.len();
                    }
                    made += 1;
                    let place = (rng.below(5) == 0).then(|| rng.below(PLACES.len()));
                    let key = (
                        s,
                        rng.below(SECTORS.len()),
                        t,
                        rng.below(SECTORS.len()),
                        rng.below(CAMEO.len()),
                        rng.below(days) as i64,
                        place,
                    );
                    if recent.len() < 4096 {
                        recent.push(key);
                    } else {
                        let i = rng.below(recent.len());
                        recent[i] = key;
                    }
                    key
                };
                let (s, ss, tg, ts, c, day, place) = key;
                let base = text.len();
                let src = format!("{} {}", COUNTRIES[s], SECTORS[ss]);
                let tgt = format!("{} {}", COUNTRIES[tg], SECTORS[ts]);
                let sentence = format!("{src} acted on {tgt} in report {doc_no} line {i}. ");
                text.push_str(&sentence);
                let span = Span::new(base, base + sentence.len() - 1);
                sentences.push(span);
                let date = start + chrono::Duration::days(day);
                evs.push(Event {
                    sentence: i,
                    sentence_span: span,
                    source: actor(COUNTRIES[s], SECTORS[ss], &src, base),
                    target: Some(actor(COUNTRIES[tg], SECTORS[ts], &tgt, base + src.len() + 9)),
                    cameo: CameoCode::parse(CAMEO[c]).unwrap(),
                    negated: false,
                    date: Some(EventDate::Day(date)),
                    date_text: None,
                    location: place.map(|p| Location {
                        name: PLACES[p].0.to_string(),
                        country: None,
                        lat: Some(PLACES[p].1),
                        lon: Some(PLACES[p].2),
                        span: Span::new(base, base),
                    }),
                    evidence: Evidence {
                        trigger: "acted on".into(),
                        trigger_span: Span::new(base + src.len() + 1, base + src.len() + 9),
                        rule: rule.clone(),
                    },
                });
            }
            let doc = Document::new(format!("bench-{doc_no}"), text)
                .with_published(Some(start + chrono::Duration::days(rng.below(days) as i64)));
            doc_no += 1;
            batch_docs.push((doc, sentences, evs));
        }
        let batch: Vec<NewDocument<'_>> = batch_docs
            .iter()
            .map(|(document, sentences, events)| NewDocument { document, sentences, events })
            .collect();
        store.ingest(&batch, "bench").expect("ingest");
        if doc_no % 6400 == 0 {
            eprintln!("{doc_no} documents, ~{made} events, {:.0} s", t.elapsed().as_secs_f64());
        }
    }
    eprintln!("built: {doc_no} documents in {:.1} s", t.elapsed().as_secs_f64());
}

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time<T>(name: &str, mut f: impl FnMut() -> T, describe: impl Fn(&T) -> String) {
    let mut runs = Vec::new();
    let mut last = None;
    for _ in 0..21 {
        let t = Instant::now();
        let out = f();
        runs.push(t.elapsed());
        last = Some(out);
    }
    let m = median(runs);
    println!("{name:<58} median {:>8.2} ms  ({})", m.as_secs_f64() * 1000.0, describe(last.as_ref().unwrap()));
}

fn main() {
    let mut args = std::env::args().skip(1);
    let events: u64 = args.next().map(|s| s.parse().expect("EVENTS is a number")).unwrap_or(1_000_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = args.next().map(std::path::PathBuf::from).unwrap_or_else(|| dir.path().join("bench.db"));
    let mut store = Store::open(&path).expect("open");
    if store.stats().expect("stats").events == 0 {
        build(&mut store, events);
    }
    let stats = store.stats().unwrap();
    println!(
        "store: {} documents, {} sentences, {} mentions, {} events, {:.0} MiB",
        stats.documents,
        stats.sentences,
        stats.mentions,
        stats.events,
        std::fs::metadata(&path).map(|m| m.len() as f64 / 1048576.0).unwrap_or(0.0)
    );
    let sel = |s: &str| ActorSelector::parse(s).unwrap();
    let dyad = |a: &str, b: &str| Filter { dyad: Some((sel(a), sel(b))), ..Filter::default() };
    let rows = |s: &dyad_store::Series| {
        format!("{} periods, {} events", s.rows.len(), s.rows.iter().map(|r| r.events).sum::<u64>())
    };
    time("series --dyad TUR GRC --by month", || store.series(&dyad("TUR", "GRC"), Period::Month).unwrap(), rows);
    time("series --dyad USA CHN --by month", || store.series(&dyad("USA", "CHN"), Period::Month).unwrap(), rows);
    time("series --dyad USA CHN --by day", || store.series(&dyad("USA", "CHN"), Period::Day).unwrap(), rows);
    time(
        "series --dyad USAGOV CHNMIL --by week",
        || store.series(&dyad("USAGOV", "CHNMIL"), Period::Week).unwrap(),
        rows,
    );
    let since = Filter { since: NaiveDate::from_ymd_opt(2020, 1, 1), ..dyad("USA", "RUS") };
    time("series --dyad USA RUS --since 2020-01-01 --by month", || store.series(&since, Period::Month).unwrap(), rows);
    time(
        "events --dyad TUR GRC --limit 100 (with mentions)",
        || {
            let events = store.events(&dyad("TUR", "GRC"), Page { limit: 100, offset: 0 }).unwrap();
            let mentions: usize = events.iter().map(|e| store.mentions(e.id).unwrap().len()).sum();
            (events.len(), mentions)
        },
        |(e, m)| format!("{e} events, {m} mentions"),
    );
    let quad = Filter { quad_class: Some(4), source: Some(sel("IRN")), ..Filter::default() };
    time("count --source IRN --quad 4", || store.count(&quad).unwrap(), |n| format!("{n} events"));
    let text = Filter { text: Some("\"report 4242\"".into()), ..Filter::default() };
    time(
        "events --match '\"report 4242\"'",
        || store.events(&text, Page::default()).unwrap().len(),
        |n| format!("{n} events"),
    );
}
