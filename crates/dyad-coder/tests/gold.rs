//! The gold sets in `tests/gold/`: sentences with the events a careful
//! coder expects, coded with the default dictionaries.
//!
//! `core.jsonl` is the golden regression file: every case must pass exactly.
//! `dev.jsonl` is the development set: the test prints precision and recall
//! and fails when they drop below the ratchet in `tests/gold/ratchet.txt`.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;
use dyad_coder::Coder;
use dyad_core::Event;
use dyad_dict::DictionariesBuilder;
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

#[derive(Debug, Clone, PartialEq)]
struct Expected {
    source: String,
    target: Option<String>,
    cameo: String,
    date: Option<String>,
    location: Option<String>,
}

struct Case {
    id: String,
    text: String,
    published: Option<NaiveDate>,
    events: Vec<Expected>,
}

fn load(name: &str) -> Vec<Case> {
    let text = std::fs::read_to_string(gold_dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, line)| {
            let v: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{name}:{}: {e}", i + 1));
            let s = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
            Case {
                id: s(&v, "id").unwrap_or_default(),
                text: s(&v, "text").unwrap_or_default(),
                published: s(&v, "date").and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
                events: v["events"]
                    .as_array()
                    .map(|evs| {
                        evs.iter()
                            .map(|e| Expected {
                                source: s(e, "source").unwrap_or_default(),
                                target: s(e, "target"),
                                cameo: s(e, "cameo").unwrap_or_default(),
                                date: s(e, "date"),
                                location: s(e, "location"),
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// Event identity at CAMEO-root + source + target level.
fn root_key(source: &str, target: Option<&str>, cameo: &str) -> (String, String, String) {
    (source.to_string(), target.unwrap_or("").to_string(), cameo.get(..2).unwrap_or("").to_string())
}

#[derive(Default, Debug)]
struct Score {
    expected: usize,
    found: usize,
    matched: usize,
    matched_full: usize,
    dates_expected: usize,
    dates_exact: usize,
    failures: Vec<String>,
}

impl Score {
    fn precision(&self) -> f64 {
        if self.found == 0 {
            1.0
        } else {
            self.matched as f64 / self.found as f64
        }
    }
    fn recall(&self) -> f64 {
        if self.expected == 0 {
            1.0
        } else {
            self.matched as f64 / self.expected as f64
        }
    }
}

fn render(e: &Event) -> String {
    format!(
        "{} {} {} @{}",
        e.source.code,
        e.cameo.as_str(),
        e.target.as_ref().map_or("-", |t| t.code.as_str()),
        e.date.map(|d| d.to_string()).unwrap_or_default()
    )
}

fn score(cases: &[Case], coder: &Coder) -> Score {
    let mut sc = Score::default();
    for case in cases {
        let coded = coder.code_text(&case.text, case.published);
        let mut found: Vec<&Event> = coded.events.iter().filter(|e| !e.negated).collect();
        sc.expected += case.events.len();
        sc.found += found.len();
        let mut ok = found.len() == case.events.len();
        for exp in &case.events {
            let key = root_key(&exp.source, exp.target.as_deref(), &exp.cameo);
            let pos = found.iter().position(|e| {
                root_key(&e.source.code, e.target.as_ref().map(|t| t.code.as_str()), e.cameo.as_str()) == key
            });
            match pos {
                Some(p) => {
                    let e = found.remove(p);
                    sc.matched += 1;
                    if e.cameo.as_str() == exp.cameo {
                        sc.matched_full += 1;
                    } else {
                        ok = false;
                    }
                    if let Some(d) = &exp.date {
                        sc.dates_expected += 1;
                        if e.date.map(|x| x.to_string()).as_deref() == Some(d) {
                            sc.dates_exact += 1;
                        } else {
                            ok = false;
                        }
                    }
                    if let Some(l) = &exp.location {
                        if e.location.as_ref().map(|x| x.name.as_str()) != Some(l.as_str()) {
                            ok = false;
                        }
                    }
                }
                None => ok = false,
            }
        }
        if !ok {
            let want: Vec<String> = case
                .events
                .iter()
                .map(|e| {
                    format!(
                        "{} {} {} @{}",
                        e.source,
                        e.cameo,
                        e.target.as_deref().unwrap_or("-"),
                        e.date.as_deref().unwrap_or("")
                    )
                })
                .collect();
            let got: Vec<String> = coded.events.iter().map(render).collect();
            sc.failures.push(format!(
                "{}: {}\n    want: {}\n    got:  {}",
                case.id,
                case.text,
                want.join("; "),
                got.join("; ")
            ));
        }
    }
    sc
}

fn report(name: &str, sc: &Score) {
    eprintln!(
        "{name}: expected {} found {} matched {} (full code {}) precision {:.3} recall {:.3} dates exact {}/{}",
        sc.expected,
        sc.found,
        sc.matched,
        sc.matched_full,
        sc.precision(),
        sc.recall(),
        sc.dates_exact,
        sc.dates_expected
    );
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
    let cases = load("core.jsonl");
    assert!(!cases.is_empty());
    let sc = score(&cases, &coder);
    report("core.jsonl", &sc);
    let allowed = ratchet("core_failures_max") as usize;
    for f in &sc.failures {
        eprintln!("FAIL {f}");
    }
    assert!(sc.failures.len() <= allowed, "{} core cases fail (ratchet allows {allowed})", sc.failures.len());
}

#[test]
fn dev_set_precision_and_recall_hold_the_ratchet() {
    let coder = coder();
    let cases = load("dev.jsonl");
    assert!(cases.len() >= 400, "dev set has {} cases", cases.len());
    let sc = score(&cases, &coder);
    report("dev.jsonl", &sc);
    if std::env::var_os("DYAD_GOLD_VERBOSE").is_some() {
        for f in &sc.failures {
            eprintln!("FAIL {f}");
        }
    }
    let (p, r) = (ratchet("dev_precision_min"), ratchet("dev_recall_min"));
    assert!(sc.precision() >= p, "dev precision {:.3} < ratchet {p}", sc.precision());
    assert!(sc.recall() >= r, "dev recall {:.3} < ratchet {r}", sc.recall());
}
