//! `dyad dict lookup` and `dyad dict stats`, on the real binary.

use std::fs;

use assert_cmd::Command;

fn dyad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
}

fn run(args: &[&str]) -> (i32, String, String) {
    let o = dyad().args(args).output().unwrap();
    (
        o.status.code().expect("exited normally"),
        String::from_utf8(o.stdout).unwrap(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// The number on the line of `out` that starts with `label`.
fn count(out: &str, label: &str) -> usize {
    let line =
        out.lines().find(|l| l.trim_start().starts_with(label)).unwrap_or_else(|| panic!("no {label:?} in {out}"));
    line.split_whitespace().last().unwrap().parse().unwrap_or_else(|e| panic!("{line:?}: {e}"))
}

#[test]
fn lookup_shows_actors_agents_places_patterns_and_gazetteer_hits() {
    let (code, out, err) =
        run(&["dict", "lookup", "Chinese Foreign Minister Wang Yi met Russian officials in Moscow."]);
    assert_eq!(code, 0, "{err}");
    let has = |kind: &str, text: &str, what: &str| {
        out.lines().any(|l| l.starts_with(kind) && l.contains(&format!("{text:?}")) && l.contains(what))
    };
    assert!(has("actor", "Chinese", "CHN"), "{out}");
    assert!(has("actor", "Chinese", "default/countries.actors:"), "{out}");
    assert!(has("agent", "Foreign Minister", "GOV"), "{out}");
    assert!(has("agent", "officials", "default/roles.agents:"), "{out}");
    assert!(has("actor", "Wang Yi", "CHNGOV"), "{out}");
    assert!(has("actor", "Wang Yi", "(person;"), "{out}");
    assert!(has("actor", "Chinese", "(collective)"), "{out}");
    assert!(has("actor", "Moscow", "RUS"), "{out}");
    assert!(has("place", "Moscow", "default/places.places:"), "{out}");
    assert!(has("pattern", "met", "040"), "{out}");
    assert!(has("pattern", "met", "default/cameo.events:"), "{out}");
    assert!(has("gazetteer", "Moscow", "RUS"), "{out}");
    assert!(out.starts_with("tokens: chinese/"), "{out}");
}

#[test]
fn lookup_notes_entries_written_in_another_case() {
    // "US" only matches capitals; "us" is the pronoun.
    let (code, out, _) = run(&["dict", "lookup", "they told us"]);
    assert_eq!(code, 0);
    assert!(out.lines().any(|l| l.starts_with("actor") && l.contains("USA") && l.contains("needs Acronym")), "{out}");
    let (_, out, _) = run(&["dict", "lookup", "US"]);
    assert!(out.lines().any(|l| l.starts_with("actor") && l.contains("USA") && !l.contains("needs")), "{out}");
}

#[test]
fn lookup_shows_date_bounds_and_alternate_gazetteer_names() {
    let (_, out, _) = run(&["dict", "lookup", "--date", "2025-06-01", "Kiev"]);
    assert!(out.lines().any(|l| l.starts_with("gazetteer") && l.contains("Kyiv") && l.contains("UKR")), "{out}");
    let (code, _, err) = run(&["dict", "lookup", "--date", "June 2025", "Kiev"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn lookup_of_nothing_says_so() {
    let (code, out, _) = run(&["dict", "lookup", "xyzzy plugh"]);
    assert_eq!(code, 0);
    assert!(out.contains("no dictionary entry or place matches"), "{out}");
}

#[test]
fn stats_counts_every_kind() {
    let (code, out, err) = run(&["dict", "stats"]);
    assert_eq!(code, 0, "{err}");
    assert!(count(&out, "dictionary files") >= 8);
    assert!(count(&out, "actors") >= 1500);
    assert!(count(&out, "distinct country codes") >= 250);
    assert!(count(&out, "persons (kind=person)") >= 2000);
    assert!(count(&out, "collectives") >= 1000);
    assert!(count(&out, "agents") >= 400);
    assert!(count(&out, "event patterns") >= 1000);
    assert!(count(&out, "synonym sets") >= 10);
    assert!(count(&out, "places") >= 100);
    assert!(count(&out, "gazetteer places") >= 25_000);
    assert!(out.contains("default/territories.actors"), "{out}");
}

#[test]
fn stats_include_extra_dictionaries_and_report_their_errors() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("extra.actors"), "Freedonia = FRD\nSylvania = SYL\n").unwrap();
    let path = dir.path().to_str().unwrap();
    let (code, with_extra, _) = run(&["dict", "stats", "--no-default-dict", "--dict", path]);
    assert_eq!(code, 0);
    assert_eq!(count(&with_extra, "actors"), 2);
    assert_eq!(count(&with_extra, "dictionary files"), 1);
    let (_, out, _) = run(&["dict", "lookup", "--dict", path, "Freedonia"]);
    assert!(out.contains("FRD") && out.contains("extra.actors:1"), "{out}");

    fs::write(dir.path().join("bad.actors"), "Nowhere = not-a-code\n").unwrap();
    let (code, _, err) = run(&["dict", "stats", "--dict", path]);
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("bad.actors:1:"), "{err}");
}
