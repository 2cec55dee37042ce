//! End-to-end tests of the real `dyad` binary.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

const ATHENS: &str = "Turkish and Greek officials held talks in Athens on Monday.";

fn dyad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
}

/// A temp dir holding `files`; `dyad` runs inside it so paths in messages
/// are the short names.
struct Fixture {
    dir: TempDir,
}

impl Fixture {
    fn new(files: &[(&str, &[u8])]) -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        for (name, bytes) in files {
            fs::write(dir.path().join(name), bytes).unwrap();
        }
        Fixture { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn dyad(&self, args: &[&str]) -> Output {
        dyad().current_dir(self.dir.path()).args(args).output().unwrap()
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited normally, not by a signal")
}

/// The JSONL events on stdout.
fn events(o: &Output) -> Vec<Value> {
    stdout(o).lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSONL {l:?}: {e}"))).collect()
}

/// The numbers of the summary line: documents, sentences, events, skipped.
fn summary(o: &Output) -> [u64; 4] {
    let err = stderr(o);
    let line = err
        .lines()
        .rfind(|l| l.starts_with("dyad: ") && l.ends_with(" skipped"))
        .unwrap_or_else(|| panic!("no summary line in {err:?}"));
    let numbers: Vec<u64> =
        line.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty()).map(|s| s.parse().unwrap()).collect();
    numbers.try_into().unwrap_or_else(|_| panic!("bad summary line {line:?}"))
}

fn no_panic(o: &Output) {
    let err = stderr(o);
    assert!(!err.contains("panicked"), "{err}");
}

// ---------------------------------------------------------------- command line

#[test]
fn version() {
    let o = dyad().arg("--version").output().unwrap();
    assert_eq!(code(&o), 0);
    assert_eq!(stdout(&o).trim(), format!("dyad {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn help_for_every_command() {
    let cases: &[(&[&str], &[&str])] = &[
        (&["--help"], &["Usage: dyad", "code", "dict", "Exit status:", "3  dictionary errors"]),
        (&["help"], &["Usage: dyad"]),
        (
            &["code", "--help"],
            &["Usage: dyad code", "--date", "--jsonl", "--format", "--dict", "Exit status:", "16 MiB", "64 MiB"],
        ),
        (&["help", "code"], &["Usage: dyad code"]),
        (&["dict", "--help"], &["Usage: dyad dict", "check"]),
        (&["dict", "check", "--help"], &["Usage: dyad dict check", "[DIR]", "Exit status:"]),
    ];
    for (args, wanted) in cases {
        let o = dyad().args(*args).output().unwrap();
        assert_eq!(code(&o), 0, "{args:?}");
        let out = stdout(&o);
        for w in *wanted {
            assert!(out.contains(w), "{args:?}: {w:?} missing from\n{out}");
        }
    }
}

#[test]
fn usage_errors_exit_2() {
    let cases: &[&[&str]] = &[
        &[],
        &["frobnicate"],
        &["code", "--format", "xml"],
        &["code", "--date", "2025-13-01", "x.txt"],
        &["code", "--date", "14/04/2025", "x.txt"],
        &["code", "--no-such-flag"],
        &["dict"],
    ];
    for args in cases {
        let o = dyad().args(*args).output().unwrap();
        assert_eq!(code(&o), 2, "{args:?}: {}", stderr(&o));
        assert!(o.stdout.is_empty(), "{args:?}");
    }
}

// ---------------------------------------------------------------- good input

#[test]
fn code_a_text_file_with_a_date() {
    let f = Fixture::new(&[("talks-athens.txt", ATHENS.as_bytes())]);
    let o = f.dyad(&["code", "--date", "2025-04-14", "talks-athens.txt"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(summary(&o)[0], 1);
    assert_eq!(summary(&o)[3], 0);
    for e in events(&o) {
        assert_eq!(e["doc"], "talks-athens");
        assert_eq!(e["published"], "2025-04-14");
    }
}

#[test]
fn code_a_jsonl_file() {
    let jsonl = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "a", "text": ATHENS, "date": "2025-04-14"}),
        serde_json::json!({"id": 2, "text": "Nothing happened.", "date": "2025-04-14T09:00:00+03:00", "title": "T", "url": "https://example.invalid/2", "source": "Wire"}),
    );
    let f = Fixture::new(&[("articles.jsonl", jsonl.as_bytes())]);
    for args in [&["code", "articles.jsonl"][..], &["code", "--format", "jsonl", "articles.jsonl"]] {
        let o = f.dyad(args);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        assert_eq!(summary(&o), [2, summary(&o)[1], events(&o).len() as u64, 0]);
    }
}

#[test]
fn jsonl_from_stdin() {
    let input = format!("{}\n", serde_json::json!({"id": "s1", "text": ATHENS}));
    for args in [&["code", "--jsonl"][..], &["code", "--jsonl", "-"]] {
        let o = dyad().args(args).write_stdin(input.clone()).output().unwrap();
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        assert_eq!(summary(&o)[0], 1);
    }
}

#[test]
fn text_from_stdin_is_one_document() {
    let o = dyad().args(["code", "--date", "2025-04-14"]).write_stdin(ATHENS).output().unwrap();
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(summary(&o)[0], 1);
    for e in events(&o) {
        assert_eq!(e["doc"], "stdin");
    }
}

#[test]
fn force_jsonl_on_any_file_name() {
    let f = Fixture::new(&[("feed.txt", br#"{"id": "x", "text": "Hello."}"#)]);
    let o = f.dyad(&["code", "--jsonl", "feed.txt"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(summary(&o)[0], 1);
}

#[test]
fn quiet_drops_the_summary() {
    let o = dyad().args(["code", "--quiet"]).write_stdin(ATHENS).output().unwrap();
    assert_eq!(code(&o), 0);
    assert!(!stderr(&o).contains("documents"), "{}", stderr(&o));
}

#[test]
fn csv_output_always_has_a_header() {
    let o = dyad().args(["code", "--format", "csv"]).write_stdin("").output().unwrap();
    assert_eq!(code(&o), 0);
    assert_eq!(
        stdout(&o).trim_end(),
        "doc,sentence,event,published,date,date_text,source_text,source_code,source_country,\
         source_sector,target_text,target_code,target_country,target_sector,cameo,cameo_name,\
         plover,plover_mode,goldstein,quad_class,negated,location_name,location_country,lat,lon,\
         trigger,rule,text"
    );
}

#[test]
fn table_output_is_empty_without_events() {
    let o = dyad().args(["code", "--format", "table"]).write_stdin("").output().unwrap();
    assert_eq!(code(&o), 0);
    assert!(o.stdout.is_empty());
}

// ---------------------------------------------------------------- bad input

/// One bad-input case: files in a temp dir, the arguments after `code`, the
/// exit status, lines expected on stderr, and the number of documents coded
/// and records skipped.
struct Case {
    name: &'static str,
    files: Vec<(&'static str, Vec<u8>)>,
    args: &'static [&'static str],
    status: i32,
    stderr: &'static [&'static str],
    documents: u64,
    skipped: u64,
}

fn garbage(len: usize) -> Vec<u8> {
    // Deterministic bytes covering every value, NUL and invalid UTF-8 included.
    let mut x: u32 = 0x1234_5678;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x >> 24) as u8
        })
        .collect()
}

fn bad_input_cases() -> Vec<Case> {
    let good = |id: &str| format!("{}\n", serde_json::json!({"id": id, "text": ATHENS}));
    let malformed = [
        good("first"),
        "{\"id\": \"x\", \"text\": \"unterminated\n".to_string(),
        "{\"text\": \"no id\"}\n".to_string(),
        "{\"id\": \"no-text\"}\n".to_string(),
        "\n".to_string(),
        "{\"id\": \"t\", \"text\": 42}\n".to_string(),
        "{\"id\": \"d\", \"text\": \"x\", \"date\": \"yesterday\"}\n".to_string(),
        "[1, 2, 3]\n".to_string(),
        good("last"),
    ]
    .concat();
    let mut bad_utf8_jsonl = good("one").into_bytes();
    bad_utf8_jsonl.extend_from_slice(b"{\"id\": \"two\", \"text\": \"caf\xe9 \xff talks\"}\n");
    vec![
        Case {
            name: "invalid UTF-8 in a text file",
            files: vec![("story.txt", b"First line.\nSecond \xff\xfe line.\n".to_vec())],
            args: &["story.txt"],
            status: 1,
            stderr: &["story.txt:2: invalid UTF-8 replaced"],
            documents: 1,
            skipped: 0,
        },
        Case {
            name: "invalid UTF-8 in a JSONL line",
            files: vec![("feed.jsonl", bad_utf8_jsonl)],
            args: &["feed.jsonl"],
            status: 1,
            stderr: &["feed.jsonl:2: invalid UTF-8 replaced"],
            documents: 2,
            skipped: 0,
        },
        Case {
            name: "malformed JSONL lines",
            files: vec![("feed.jsonl", malformed.into_bytes())],
            args: &["feed.jsonl"],
            status: 1,
            stderr: &[
                "feed.jsonl:2: invalid JSON:",
                "feed.jsonl:3: missing `id`",
                "feed.jsonl:4: missing `text`",
                "feed.jsonl:6: `text` must be a string, not a number",
                "feed.jsonl:7: bad `date` \"yesterday\"",
                "feed.jsonl:8: not a JSON object",
            ],
            documents: 2,
            skipped: 6,
        },
        Case {
            name: "binary garbage as text",
            files: vec![("noise.bin", garbage(256 * 1024))],
            args: &["noise.bin"],
            status: 1,
            stderr: &["noise.bin:", ": invalid UTF-8 replaced"],
            documents: 1,
            skipped: 0,
        },
        Case {
            name: "binary garbage as JSONL",
            files: vec![("noise.jsonl", garbage(64 * 1024))],
            args: &["noise.jsonl"],
            status: 1,
            stderr: &["noise.jsonl:1: "],
            documents: 0,
            skipped: u64::MAX, // some: checked below
        },
        Case {
            name: "empty text file",
            files: vec![("empty.txt", Vec::new())],
            args: &["empty.txt"],
            status: 0,
            stderr: &[],
            documents: 0,
            skipped: 0,
        },
        Case {
            name: "empty JSONL file",
            files: vec![("empty.jsonl", Vec::new())],
            args: &["empty.jsonl"],
            status: 0,
            stderr: &[],
            documents: 0,
            skipped: 0,
        },
        Case {
            name: "blank JSONL lines",
            files: vec![("blank.jsonl", b"\n  \n\r\n\t\n".to_vec())],
            args: &["blank.jsonl"],
            status: 0,
            stderr: &[],
            documents: 0,
            skipped: 0,
        },
        Case {
            name: "missing file",
            files: vec![],
            args: &["missing.txt"],
            status: 4,
            stderr: &["dyad: cannot open missing.txt:"],
            documents: 0,
            skipped: 0,
        },
        Case {
            name: "missing file among good ones",
            files: vec![("a.txt", ATHENS.as_bytes().to_vec()), ("b.txt", ATHENS.as_bytes().to_vec())],
            args: &["a.txt", "missing.jsonl", "b.txt"],
            status: 4,
            stderr: &["dyad: cannot open missing.jsonl:"],
            documents: 2,
            skipped: 0,
        },
        Case {
            name: "missing file beats skipped records",
            files: vec![("bad.jsonl", b"nope\n".to_vec())],
            args: &["bad.jsonl", "missing.txt"],
            status: 4,
            stderr: &["bad.jsonl:1: invalid JSON", "dyad: cannot open missing.txt:"],
            documents: 0,
            skipped: 1,
        },
        Case {
            name: "a directory as input",
            files: vec![],
            args: &["."],
            status: 4,
            stderr: &["dyad: cannot open .: is a directory"],
            documents: 0,
            skipped: 0,
        },
        Case {
            name: "missing --dict directory",
            files: vec![("a.txt", ATHENS.as_bytes().to_vec())],
            args: &["--dict", "no-such-dir", "a.txt"],
            status: 4,
            stderr: &["dyad: cannot read dictionaries no-such-dir: no such directory"],
            documents: u64::MAX, // no summary: the run stops before coding
            skipped: u64::MAX,
        },
    ]
}

#[test]
fn every_bad_input_is_reported_and_survived() {
    for case in bad_input_cases() {
        let files: Vec<(&str, &[u8])> = case.files.iter().map(|(n, b)| (*n, &b[..])).collect();
        let f = Fixture::new(&files);
        let mut args = vec!["code"];
        args.extend_from_slice(case.args);
        let o = f.dyad(&args);
        let err = stderr(&o);
        no_panic(&o);
        assert_eq!(code(&o), case.status, "{}: stderr:\n{err}", case.name);
        for want in case.stderr {
            assert!(err.contains(want), "{}: {want:?} missing from stderr:\n{err}", case.name);
        }
        if case.documents != u64::MAX {
            let [documents, _, _, skipped] = summary(&o);
            assert_eq!(documents, case.documents, "{}: documents\n{err}", case.name);
            if case.skipped == u64::MAX {
                assert!(skipped > 0, "{}", case.name);
            } else {
                assert_eq!(skipped, case.skipped, "{}: skipped\n{err}", case.name);
            }
        }
        if case.status == 0 && case.documents == 0 {
            assert!(o.stdout.is_empty(), "{}: stdout must be empty", case.name);
        }
        // stdout carries data only: every line is an event.
        events(&o);
    }
}

#[test]
fn empty_stdin_is_no_output_and_success() {
    for args in [&["code"][..], &["code", "--jsonl"], &["code", "-"]] {
        let o = dyad().args(args).write_stdin("").output().unwrap();
        assert_eq!(code(&o), 0, "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
        assert_eq!(summary(&o), [0, 0, 0, 0]);
    }
}

#[test]
fn bad_jsonl_on_stdin_is_located() {
    let o = dyad().args(["code", "--jsonl"]).write_stdin("{}\n").output().unwrap();
    assert_eq!(code(&o), 1);
    assert!(stderr(&o).contains("<stdin>:1: missing `id`"), "{}", stderr(&o));
}

// ---------------------------------------------------------------- huge input

/// Writes `head`, `unit` repeated `times` times, then `tail`.
fn write_repeated(path: &Path, head: &[u8], unit: &[u8], times: usize, tail: &[u8]) {
    let mut file = std::io::BufWriter::new(fs::File::create(path).unwrap());
    file.write_all(head).unwrap();
    let block = unit.repeat(64 * 1024 / unit.len().max(1));
    let per_block = block.len() / unit.len();
    let mut left = times;
    while left >= per_block {
        file.write_all(&block).unwrap();
        left -= per_block;
    }
    file.write_all(&unit.repeat(left)).unwrap();
    file.write_all(tail).unwrap();
    file.flush().unwrap();
}

#[test]
fn fifty_megabytes_without_punctuation_are_coded_in_parts() {
    let f = Fixture::new(&[]);
    write_repeated(&f.path("huge.txt"), b"", b"word ", 10_000_000, b"");
    let o = f.dyad(&["code", "huge.txt"]);
    no_panic(&o);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stderr(&o).contains("huge.txt: larger than 16 MiB: coded in parts huge#part1"));
    // 50,000,000 bytes in parts of at most 16 MiB (at least 12 MiB each).
    assert_eq!(summary(&o)[0], 3);
}

#[test]
fn a_ten_million_character_line_of_text() {
    let f = Fixture::new(&[]);
    write_repeated(&f.path("line.txt"), b"", b"x", 10_000_000, b"");
    let o = f.dyad(&["code", "line.txt"]);
    no_panic(&o);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(summary(&o)[0], 1);
}

#[test]
fn a_ten_million_character_jsonl_record() {
    let f = Fixture::new(&[]);
    let head = br#"{"id": "long", "text": ""#;
    write_repeated(&f.path("long.jsonl"), head, b"y", 10_000_000, b"\"}\n");
    let o = f.dyad(&["code", "long.jsonl"]);
    no_panic(&o);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(summary(&o)[0], 1);
}

#[test]
fn a_jsonl_line_over_64_mib_is_skipped_and_the_next_is_coded() {
    let f = Fixture::new(&[]);
    let next = format!("\n{}\n", serde_json::json!({"id": "after", "text": ATHENS}));
    write_repeated(&f.path("big.jsonl"), b"", b"z", (64 << 20) + 10, next.as_bytes());
    let o = f.dyad(&["code", "big.jsonl"]);
    no_panic(&o);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(stderr(&o).contains("big.jsonl:1: line longer than the 64 MiB limit; skipped"), "{}", stderr(&o));
    assert_eq!(summary(&o)[0], 1);
    assert_eq!(summary(&o)[3], 1);
}

// ---------------------------------------------------------------- dictionaries

#[test]
fn dict_check_defaults_is_clean() {
    let o = dyad().args(["dict", "check"]).output().unwrap();
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    assert!(stderr(&o).contains("no errors"));
}

#[test]
fn dict_check_missing_dir_is_an_io_error() {
    let o = dyad().args(["dict", "check", "/no/such/dir"]).output().unwrap();
    assert_eq!(code(&o), 4, "{}", stderr(&o));
    assert!(stderr(&o).contains("no such directory"));
}

#[test]
fn dict_check_reports_file_and_line() {
    let f = Fixture::new(&[("bad.events", b"# a comment\nthis line has no equals sign\n")]);
    let o = f.dyad(&["dict", "check", "."]);
    assert_eq!(code(&o), 3, "{}", stderr(&o));
    assert!(stderr(&o).contains("bad.events:2: "), "{}", stderr(&o));
    let o = f.dyad(&["code", "--dict", ".", "-"]);
    assert_eq!(code(&o), 3, "{}", stderr(&o));
    assert!(stderr(&o).contains("bad.events:2: "), "{}", stderr(&o));
}

// ---------------------------------------------------------------- events

/// The events of the README's Athens sentence.
fn athens_events(o: &Output) -> Vec<Value> {
    assert!(code(o) == 0, "{}", stderr(o));
    let events = events(o);
    assert!(!events.is_empty(), "no events; stderr:\n{}", stderr(o));
    events
}

fn assert_athens_consult(events: &[Value]) {
    let consult = events
        .iter()
        .find(|e| e["cameo"].as_str().unwrap().starts_with("04"))
        .unwrap_or_else(|| panic!("no 04x event in {events:#?}"));
    assert_eq!(consult["plover"], "CONSULT");
    let mut countries = [
        consult["source"]["country"].as_str().unwrap_or_default(),
        consult["target"]["country"].as_str().unwrap_or_default(),
    ];
    countries.sort();
    assert_eq!(countries, ["GRC", "TUR"], "{consult:#}");
    assert_eq!(consult["location"]["name"], "Athens");
    assert_eq!(consult["location"]["country"], "GRC");
    assert_eq!(consult["quad_class"], 1);
    assert_eq!(consult["negated"], false);
    assert!(consult["date"].as_str().unwrap().starts_with("2025-04"), "{consult:#}");
    assert!(consult["date_text"].as_str().unwrap().contains("Monday"), "{consult:#}");
    assert_eq!(consult["text"], ATHENS);
}

/// Every span in an event slices its sentence to the words it names.
fn assert_spans_point_into_the_sentence(e: &Value) {
    let text = e["text"].as_str().unwrap();
    let slice = |span: &Value| {
        let a = span[0].as_u64().unwrap() as usize;
        let b = span[1].as_u64().unwrap() as usize;
        &text[a..b]
    };
    for actor in ["source", "target"] {
        if e[actor].is_object() && !e[actor]["span"].is_null() {
            assert_eq!(slice(&e[actor]["span"]), e[actor]["text"], "{e:#}");
        }
    }
    let trigger = e["evidence"]["trigger"].as_str().unwrap();
    let words: Vec<&str> = trigger.split_whitespace().collect();
    let covered = slice(&e["evidence"]["trigger_span"]);
    assert!(covered.starts_with(words[0]), "{e:#}");
    assert!(covered.ends_with(words[words.len() - 1]), "{e:#}");
    let rule = e["evidence"]["rule"].as_str().unwrap();
    let (file, line) = rule.rsplit_once(':').unwrap();
    assert!(!file.is_empty() && line.parse::<u32>().is_ok(), "{rule}");
}

#[test]
fn athens_talks_from_a_text_file() {
    let f = Fixture::new(&[("talks-athens.txt", ATHENS.as_bytes())]);
    let o = f.dyad(&["code", "--date", "2025-04-14", "talks-athens.txt"]);
    let events = athens_events(&o);
    assert_athens_consult(&events);
    for (i, e) in events.iter().enumerate() {
        assert_eq!(e["doc"], "talks-athens");
        assert_eq!(e["sentence"], 0);
        assert_eq!(e["event"], i);
        assert_eq!(e["published"], "2025-04-14");
        assert_spans_point_into_the_sentence(e);
    }
    assert_eq!(summary(&o), [1, 1, events.len() as u64, 0]);
}

#[test]
fn athens_talks_from_jsonl_and_stdin() {
    let line = format!("{}\n", serde_json::json!({"id": "j1", "text": ATHENS, "date": "2025-04-14T10:00:00Z"}));
    let f = Fixture::new(&[("feed.jsonl", line.as_bytes())]);
    for o in
        [f.dyad(&["code", "feed.jsonl"]), dyad().args(["code", "--jsonl"]).write_stdin(line.clone()).output().unwrap()]
    {
        let events = athens_events(&o);
        assert_athens_consult(&events);
        assert_eq!(events[0]["doc"], "j1");
        assert_eq!(events[0]["published"], "2025-04-14");
    }
}

#[test]
fn output_keys_in_contract_order_from_the_binary() {
    let o = dyad().args(["code", "--date", "2025-04-14"]).write_stdin(ATHENS).output().unwrap();
    let line = stdout(&o).lines().next().unwrap().to_string();
    let keys = [
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
    ];
    let mut at = 0;
    for key in keys {
        let needle = format!("\"{key}\":");
        let found = line[at..].find(&needle).unwrap_or_else(|| panic!("{key} missing or out of order in {line}"));
        at += found + needle.len();
    }
}

#[test]
fn good_lines_around_malformed_ones_are_still_coded() {
    let input = format!(
        "{}\nnot json\n{}\n",
        serde_json::json!({"id": "before", "text": ATHENS}),
        serde_json::json!({"id": "after", "text": ATHENS}),
    );
    let o = dyad().args(["code", "--jsonl", "--date", "2025-04-14"]).write_stdin(input).output().unwrap();
    assert_eq!(code(&o), 1);
    let docs: Vec<String> = events(&o).iter().map(|e| e["doc"].as_str().unwrap().to_string()).collect();
    assert!(docs.contains(&"before".to_string()) && docs.contains(&"after".to_string()), "{docs:?}");
}

#[test]
fn csv_and_table_rows() {
    let o = dyad().args(["code", "--format", "csv", "--date", "2025-04-14"]).write_stdin(ATHENS).output().unwrap();
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    let mut lines = out.lines();
    assert!(lines.next().unwrap().starts_with("doc,sentence,event,"));
    let row = lines.next().expect("a CSV row");
    assert!(row.starts_with("stdin,0,0,2025-04-14,"), "{row}");
    assert!(row.contains("Athens,GRC"), "{row}");

    let o = dyad().args(["code", "--format", "table", "--date", "2025-04-14"]).write_stdin(ATHENS).output().unwrap();
    let out = stdout(&o);
    assert!(out.starts_with("DOC "), "{out}");
    assert!(out.contains("Athens GRC"), "{out}");
}

#[test]
fn a_closed_stdout_pipe_ends_quietly() {
    let input: String =
        (0..20_000).map(|i| format!("{}\n", serde_json::json!({"id": format!("d{i}"), "text": ATHENS}))).collect();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["code", "--jsonl", "--date", "2025-04-14"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let mut out = child.stdout.take().unwrap();
    let mut first = [0u8; 1];
    out.read_exact(&mut first).unwrap();
    drop(out); // like `| head -c 1`
    let o = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    no_panic(&o);
}

#[test]
fn the_shipped_examples_produce_events() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let o = dyad().current_dir(&root).args(["code", "examples/articles.jsonl"]).output().unwrap();
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(!events(&o).is_empty());
}

// ---------------------------------------------------------------- threads

#[test]
fn threads_do_not_change_the_output() {
    // More documents than the pipeline keeps in flight, so batches finish
    // out of order on several threads.
    let sentences = [
        ATHENS,
        "Police arrested two journalists in Nairobi on Tuesday.",
        "The European Union praised the agreement.",
        "Nothing of note happened.",
        "Russia accused Ukraine of shelling the plant, and Kyiv denied it.",
    ];
    let mut jsonl = String::new();
    for i in 0..1500 {
        let text = format!("{} {}", sentences[i % sentences.len()], sentences[(i * 7 + 3) % sentences.len()]);
        jsonl.push_str(&serde_json::json!({"id": format!("doc{i}"), "text": text, "date": "2025-04-14"}).to_string());
        jsonl.push('\n');
    }
    let f = Fixture::new(&[("many.jsonl", jsonl.as_bytes())]);
    for format in ["jsonl", "csv", "table"] {
        let one = f.dyad(&["code", "--threads", "1", "--format", format, "many.jsonl"]);
        let two = f.dyad(&["code", "--threads", "2", "--format", format, "many.jsonl"]);
        assert_eq!(code(&one), 0, "{}", stderr(&one));
        assert_eq!(code(&two), 0, "{}", stderr(&two));
        assert_eq!(summary(&one), summary(&two), "{format}");
        assert_eq!(summary(&one)[0], 1500);
        assert!(summary(&one)[2] > 0, "{format}: some events");
        assert!(one.stdout == two.stdout, "{format}: --threads 1 and --threads 2 differ");
    }
    let o = f.dyad(&["code", "--threads", "0", "many.jsonl"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
}
