//! `dyad validate` and `dyad eval` end to end.
//!
//! The peer suites live in `../shared/eval` (or `$DYAD_SHARED/eval`), never in
//! this repository: the tests that need them skip with a message when they
//! are absent, and otherwise fail when a figure drops below the floor in
//! `tests/peer-ratchet.txt`. The synthetic suites below are written for
//! these tests (fictional actors, made-up sentences).

use std::fs;
use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;

fn dyad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `$DYAD_SHARED`, else `../shared` next to the repository.
fn shared() -> Option<PathBuf> {
    let dir = std::env::var_os("DYAD_SHARED").map(PathBuf::from).unwrap_or_else(|| repo().join("../shared"));
    dir.join("eval").is_dir().then_some(dir)
}

fn ratchet(key: &str) -> f64 {
    let text = fs::read_to_string(repo().join("tests/peer-ratchet.txt")).expect("tests/peer-ratchet.txt");
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .filter_map(|l| l.split_once('='))
        .find(|(k, _)| k.trim() == key)
        .and_then(|(_, v)| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("no `{key}` in tests/peer-ratchet.txt"))
}

fn json_of(args: &[&str]) -> Value {
    let out = dyad().args(args).output().unwrap();
    assert!(out.status.success(), "dyad {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

fn check_suite(name: &str, v: &Value) {
    let f = |k: &str| v[k].as_f64().unwrap_or_else(|| panic!("{name}: no `{k}` in {v}"));
    eprintln!(
        "{name}: records {} passed {} expected {} found {} missing {} extra {} precision {:.3} recall {:.3}",
        v["records"],
        v["passed"],
        v["events_expected"],
        v["events_found"],
        v["events_missing"],
        v["events_extra"],
        f("precision"),
        f("recall")
    );
    for key in ["pass_rate", "precision", "recall"] {
        let floor = ratchet(&format!("{name}_{key}_min"));
        assert!(f(key) >= floor, "{name} {key} {:.4} fell below the ratchet {floor}", f(key));
    }
}

#[test]
fn tabari_validation_suite_holds_the_ratchet() {
    let Some(shared) = shared() else {
        eprintln!("SKIP: ../shared/eval not found (set DYAD_SHARED): TABARI validation suite not run");
        return;
    };
    let project = shared.join("eval/tabari/Validate.project");
    let v = json_of(&["validate", "tabari", project.to_str().unwrap(), "--format", "json"]);
    assert!(v["records"].as_u64().unwrap() >= 400, "{}", v["records"]);
    assert!(v["sections"].as_object().is_some_and(|s| s.len() > 10));
    check_suite("tabari", &v);
}

#[test]
fn petrarch_unit_suite_holds_the_ratchet() {
    let Some(shared) = shared() else {
        eprintln!("SKIP: ../shared/eval not found (set DYAD_SHARED): PETRARCH unit suite not run");
        return;
    };
    let xml = shared.join("eval/petrarch/PETR.UnitTest.records.xml");
    let v = json_of(&["validate", "petrarch", xml.to_str().unwrap(), "--format", "json"]);
    assert_eq!(v["records"].as_u64(), Some(284));
    check_suite("petrarch", &v);
}

#[test]
fn eval_reads_the_petrarch2_gold_records() {
    let Some(shared) = shared() else {
        eprintln!("SKIP: ../shared/eval not found (set DYAD_SHARED): PETR2 GSR records not scored");
        return;
    };
    let xml = shared.join("eval/universal-petrarch/PETR2_GSR_validation.xml");
    let v = json_of(&["eval", xml.to_str().unwrap(), "--format", "json"]);
    assert_eq!(v["cases"].as_u64(), Some(78));
    let f1 = v["levels"]["root"]["f1"].as_f64().unwrap();
    eprintln!("petr2-gsr: root F1 {f1:.3}, root+source+target F1 {}", v["f1"]);
    assert!(f1 >= ratchet("gsr_root_f1_min"), "GSR root F1 {f1:.4} fell below the ratchet");
}

#[test]
fn eval_scores_the_core_gold_set() {
    let gold = repo().join("tests/gold/core.jsonl");
    let v = json_of(&["eval", gold.to_str().unwrap(), "--format", "json"]);
    let lines = std::fs::read_to_string(&gold).unwrap().lines().filter(|l| !l.trim().is_empty()).count();
    assert_eq!(v["cases"].as_u64(), Some(lines as u64));
    for level in ["root", "root+source", "root+source+target", "full"] {
        let l = &v["levels"][level];
        assert!(l["precision"].as_f64().is_some() && l["recall"].as_f64().is_some(), "{level}: {l}");
    }
    assert!(v["per_root"].as_object().is_some_and(|m| m.len() >= 10));
    assert!(v["per_plover"].as_object().is_some_and(|m| !m.is_empty()));
    assert!(v["confusion"].as_array().is_some());
    assert!(v["dates"]["total"].as_u64().unwrap() > 0);
    // The core set must pass almost entirely (see tests/gold/ratchet.txt).
    assert!(v["levels"]["root+source+target"]["recall"].as_f64().unwrap() > 0.9, "{}", v["levels"]);
    let text = dyad().args(["eval", gold.to_str().unwrap()]).output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("root+source+target") && text.contains("confusion"), "{text}");
}

/// A tiny TABARI project written for this test (fictional countries).
#[test]
fn validate_runs_a_synthetic_tabari_project() {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        ("T.project", "Test\n<actorsfile> T.actors\n<verbsfile> T.verbs\n<optionsfile> T.options\n<textfile> T.text\n"),
        ("T.actors", "FREEDONIA [FRD] ;made up\nSYLVANIA_ [SYL]\n+SYLVANIAN_\nNORLAND [M4X]\n"),
        ("T.verbs", "<SYNSETS>\n&SNACK\n+CRUMPETS\n</SYNSETS>\nPRAISE [051]\n- * WARMLY [052] ;x\nGREET [042:043]\nSCOLD [---]\n- * SHARPLY [111]\n"),
        // The short sentences need a minimum below TABARI's default of 8 words.
        ("T.options", "SET: LABEL = TRUE\nSET: MINIMUM WORDS = 3\nLABEL: 051=PRAISE\n"),
        (
            "T.text",
            "950101  TEST-01\nFreedonia praised Sylvania on Monday.\n/* \\n{ FRD / SYL / 051 } */\n\n\
             950101  TEST-02\nFreedonia greeted Sylvania.\n/* \\n{ FRD / SYL / 042 }\n\\n{ SYL / FRD / 043 } */\n\n\
             950101  TEST-03\nFreedonia scolded Norland sharply.\n/* \\n{ FRD / M4X / 111 } */\n\n\
             950101  OTHER-01\nFreedonia scolded Sylvania.\n/* \\n{ --- } */\n\n\
             990101  FINAL-01\nEnd.\n",
        ),
    ];
    for (name, text) in files {
        fs::write(dir.path().join(name), text).unwrap();
    }
    let project = dir.path().join("T.project");
    let v = json_of(&["validate", "tabari", project.to_str().unwrap(), "--format", "json"]);
    assert_eq!(v["records"].as_u64(), Some(4), "{v}");
    assert_eq!(v["events_expected"].as_u64(), Some(4), "{v}");
    assert_eq!(v["passed"].as_u64(), Some(4), "{v:#}");
    assert_eq!(v["sections"]["TEST"]["records"].as_u64(), Some(3));
    assert!(v["diagnostics"]["unsupported-option"].as_u64().is_some(), "{v}");
    let text = dyad().args(["validate", "tabari", project.to_str().unwrap()]).output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("TOTAL") && text.contains("passed 4/4"), "{text}");
}

#[test]
fn validate_reports_missing_files_as_io_errors() {
    let out = dyad().args(["validate", "petrarch", "no/such/file.xml"]).output().unwrap();
    assert_eq!(out.status.code(), Some(4));
}
