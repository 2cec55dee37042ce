//! The gold sets in `tests/gold/`: sentences with the events a careful
//! coder expects, coded with the default dictionaries and scored by
//! `dyad-eval` (the same scorer as `dyad eval`).
//!
//! `core.jsonl` is the golden regression file: every case must pass (full
//! code, source and target), with every expected date and location right,
//! up to the allowance in `tests/gold/ratchet.txt`. `dev.jsonl` is the
//! development set: the test prints precision and recall at CAMEO root +
//! source + target and fails when they drop below the ratchet.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;
use dyad_coder::Coder;
use dyad_dict::DictionariesBuilder;
use dyad_eval::{evaluate, Case, EvalEvent, Level, Report};
use dyad_text::Lexicon;
use serde_json::Value;

fn gold_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/gold")
}

fn coder() -> Coder {
    let lexicon = Arc::new(Lexicon::english());
    let dicts = DictionariesBuilder::new().with_defaults().build(&lexicon).unwrap_or_else(|e| panic!("{e}"));
    Coder::builder(Arc::new(dicts), lexicon).gazetteer(Arc::new(dyad_geo::Gazetteer::world())).build()
}

/// Reads a gold file and codes each sentence (published on its `date`).
fn cases(name: &str, coder: &Coder) -> Vec<Case> {
    let text = std::fs::read_to_string(gold_dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let s = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, line)| {
            let v: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{name}:{}: {e}", i + 1));
            let sentence = s(&v, "text").unwrap_or_default();
            let published = s(&v, "date").and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
            let gold = v["events"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|e| EvalEvent {
                    date: s(e, "date"),
                    location: s(e, "location"),
                    ..EvalEvent::new(
                        &s(e, "source").unwrap_or_default(),
                        s(e, "target").as_deref(),
                        &s(e, "cameo").unwrap_or_default(),
                    )
                })
                .collect();
            let system = coder
                .code_text(&sentence, published)
                .events
                .iter()
                .filter(|e| !e.negated)
                .map(|e| EvalEvent {
                    date: e.date.map(|d| d.to_string()),
                    location: e.location.as_ref().map(|l| l.name.clone()),
                    rule: Some(e.evidence.rule.to_string()),
                    ..EvalEvent::new(&e.source.code, e.target.as_ref().map(|t| t.code.as_str()), e.cameo.as_str())
                })
                .collect();
            Case { id: s(&v, "id").unwrap_or_default(), text: sentence, gold, system }
        })
        .collect()
}

fn level(report: &Report, level: Level) -> (f64, f64) {
    let counts = report.levels.iter().find(|(l, _)| *l == level).map(|(_, c)| c).expect("every level is scored");
    (counts.precision(), counts.recall())
}

fn print(name: &str, report: &Report, verbose: bool) {
    let (p, r) = level(report, Level::RootSourceTarget);
    eprintln!(
        "{name}: {} cases, {} passed; root+source+target precision {p:.3} recall {r:.3}; dates exact {}/{}; locations {}/{}",
        report.cases, report.cases_passed, report.dates.0, report.dates.1, report.locations.0, report.locations.1
    );
    if verbose {
        for m in &report.misses {
            eprintln!(
                "MISS {}: {} {} {}",
                m.case,
                m.event.source,
                m.event.code,
                m.event.target.as_deref().unwrap_or("-")
            );
        }
        for m in &report.false_alarms {
            eprintln!(
                "EXTRA {}: {} {} {}",
                m.case,
                m.event.source,
                m.event.code,
                m.event.target.as_deref().unwrap_or("-")
            );
        }
    }
}

fn ratchet(key: &str) -> f64 {
    let text = std::fs::read_to_string(gold_dir().join("ratchet.txt")).unwrap_or_default();
    text.lines()
        .filter_map(|l| l.split_once('='))
        .find(|(k, _)| k.trim() == key)
        .and_then(|(_, v)| v.trim().parse().ok())
        .unwrap_or(0.0)
}

#[test]
fn core_golden_cases_all_pass() {
    let coder = coder();
    let cases = cases("core.jsonl", &coder);
    assert!(!cases.is_empty());
    let report = evaluate(&cases);
    print("core.jsonl", &report, true);
    let failures = report.cases - report.cases_passed;
    let allowed = ratchet("core_failures_max") as usize;
    assert!(failures <= allowed, "{failures} core cases fail (ratchet allows {allowed})");
    assert_eq!(report.dates.0, report.dates.1, "every expected date of a matched core event is right");
    assert_eq!(report.locations.0, report.locations.1, "every expected location of a matched core event is right");
}

#[test]
fn dev_set_precision_and_recall_hold_the_ratchet() {
    let coder = coder();
    let cases = cases("dev.jsonl", &coder);
    assert!(cases.len() >= 400, "dev set has {} cases", cases.len());
    let report = evaluate(&cases);
    print("dev.jsonl", &report, std::env::var_os("DYAD_GOLD_VERBOSE").is_some());
    let (p, r) = level(&report, Level::RootSourceTarget);
    let (pmin, rmin) = (ratchet("dev_precision_min"), ratchet("dev_recall_min"));
    assert!(p >= pmin, "dev precision {p:.3} < ratchet {pmin}");
    assert!(r >= rmin, "dev recall {r:.3} < ratchet {rmin}");
}
