//! `dyad explain` on the real binary.

use assert_cmd::Command;
use serde_json::Value;

const TALKS: &str = "Turkish and Greek officials held talks in Athens on Monday.";

fn explain(args: &[&str]) -> String {
    let out = Command::cargo_bin("dyad").unwrap().arg("explain").args(args).output().unwrap();
    assert!(out.status.success(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn text_shows_tokens_actors_triggers_dates_places_and_events() {
    let out = explain(&["--date", "2025-04-14", TALKS]);
    for needle in [
        "tokens:   Turkish/",
        "held/VBD/hold",
        "actor:    \"Turkish and Greek officials\" -> TURGOV, GRCGOV",
        "place:    \"Athens\" -> Athens GRC (location)",
        "date:     \"on Monday\" -> 2025-04-14",
        "pattern `hold .. &",
        "event:    TURGOV 040 GRCGOV",
        "event:    GRCGOV 040 TURGOV",
    ] {
        assert!(out.contains(needle), "missing {needle:?} in:\n{out}");
    }
}

#[test]
fn text_says_why_a_trigger_was_not_coded() {
    let out = explain(&["--date", "2025-04-14", "Russia could attack Turkey."]);
    assert!(out.contains("not realised: modal or conditional"), "{out}");
    assert!(out.contains("(no events)"), "{out}");
}

#[test]
fn json_is_one_object_with_the_event_schema() {
    let out = explain(&["--date", "2025-04-14", "--format", "json", TALKS]);
    let v: Value = serde_json::from_str(&out).unwrap();
    let sentence = &v["sentences"][0];
    assert_eq!(v["published"], "2025-04-14");
    assert_eq!(sentence["events"][0]["cameo"], "040");
    assert_eq!(sentence["events"][0]["source"]["code"], "TURGOV");
    assert_eq!(sentence["events"][0]["location"]["name"], "Athens");
    assert_eq!(sentence["dates"][0]["date"], "2025-04-14");
    let trigger = &sentence["triggers"][0];
    assert!(trigger["rule"].as_str().unwrap().starts_with("default/cameo.events:"), "{trigger}");
    assert!(sentence["tokens"].as_array().unwrap().len() >= 10);
}
