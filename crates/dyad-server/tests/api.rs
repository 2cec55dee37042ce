//! In-process API tests: a real server on 127.0.0.1:0 over a store built with
//! the store API, and a minimal renderer (the `dyad` binary supplies the real
//! schemas; crates/dyad-cli/tests/serve.rs tests those end to end).

use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::Arc;

use chrono::NaiveDate;
use dyad_coder::Coder;
use dyad_core::cameo::CameoCode;
use dyad_core::{Actor, Document, Event, EventDate, Evidence, Location, RuleRef, Span};
use dyad_server::{Config, Renderer, MAX_BODY, ROUTES};
use dyad_store::{Mention, NewDocument, Store, StoredEvent};
use serde_json::{json, Value};

#[derive(Debug)]
struct TestRenderer;

impl Renderer for TestRenderer {
    fn coded_event(&self, doc: &Document, index: usize, event: &Event) -> Value {
        json!({"doc": doc.id, "event": index, "cameo": event.cameo.as_str(), "text": event.sentence_span.slice(&doc.text)})
    }
    fn stored_event(&self, event: &StoredEvent, mentions: &[Mention]) -> Value {
        json!({"id": event.id, "cameo": event.cameo.as_str(), "date": event.date.map(|d| d.to_string()),
               "sentences": mentions.iter().map(|m| json!({"text": m.sentence})).collect::<Vec<_>>()})
    }
}

fn actor(text: &str, code: &str, start: usize) -> Actor {
    Actor {
        text: text.into(),
        code: code.into(),
        country: Some(code[..3].into()),
        sector: None,
        span: Span::new(start, start + text.len()),
        rule: None,
    }
}

/// 12 documents, one event each: TUR->GRC consultations (040) in January to
/// June 2025, and GRC->TUR accusations (112) in the even months.
fn build_store(path: &std::path::Path) {
    let mut store = Store::open(path).unwrap();
    let mut docs = Vec::new();
    for i in 0..12u32 {
        let month = i / 2 + 1;
        let (text, src, tgt, cameo, trig) = if i % 2 == 0 {
            ("Turkey met Greece in Athens.", ("Turkey", "TUR", 0), ("Greece", "GRC", 11), "040", (7, 10))
        } else {
            ("Greece accused Turkey.", ("Greece", "GRC", 0), ("Turkey", "TUR", 15), "112", (7, 14))
        };
        let event = Event {
            sentence: 0,
            sentence_span: Span::new(0, text.len()),
            source: actor(src.0, src.1, src.2),
            target: Some(actor(tgt.0, tgt.1, tgt.2)),
            cameo: CameoCode::parse(cameo).unwrap(),
            negated: false,
            date: Some(EventDate::Day(NaiveDate::from_ymd_opt(2025, month, 3 + i).unwrap())),
            date_text: None,
            location: (i % 2 == 0).then(|| Location {
                name: "Athens".into(),
                country: Some("GRC".into()),
                lat: Some(37.98),
                lon: Some(23.73),
                span: Span::new(21, 27),
            }),
            evidence: Evidence {
                trigger: text[trig.0..trig.1].into(),
                trigger_span: Span::new(trig.0, trig.1),
                rule: RuleRef { file: Arc::from("test.events"), line: 1 },
            },
        };
        docs.push((Document::new(format!("doc-{i}"), text), event));
    }
    for (doc, event) in &docs {
        let sentences = [Span::new(0, doc.text.len())];
        let events = [event.clone()];
        store.ingest(&[NewDocument { document: doc, sentences: &sentences, events: &events }], "test").unwrap();
    }
}

struct Server {
    addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
    _dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(t) = self.thread.take() {
            t.join().unwrap();
        }
    }
}

fn start() -> Server {
    start_with(dyad_server::COUNT_CAP)
}

fn start_with(count_cap: u64) -> Server {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("events.db");
    build_store(&db);
    let lexicon = Arc::new(dyad_text::Lexicon::english());
    let dicts = dyad_dict::DictionariesBuilder::new().with_defaults().build(&lexicon).unwrap();
    let coder = Arc::new(Coder::builder(Arc::new(dicts), lexicon).build());
    let config = Config { db, coder, renderer: Arc::new(TestRenderer), count_cap };
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let (tx, rx) = std::sync::mpsc::channel();
    let thread = std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            dyad_server::serve(listener, config, async move {
                let _ = stopped.await;
            })
            .await
            .unwrap();
        });
    });
    let addr = rx.recv().unwrap();
    Server { addr, stop: Some(stop), thread: Some(thread), _dir: dir }
}

/// A minimal HTTP/1.1 client: status, content type and body.
fn request(addr: SocketAddr, method: &str, path: &str, body: Option<&[u8]>) -> (u16, String, Vec<u8>) {
    let mut s = TcpStream::connect(addr).unwrap();
    let body = body.unwrap_or(b"");
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    s.write_all(head.as_bytes()).unwrap();
    // A server may answer (413) before reading a large body, and close.
    let _ = s.write_all(body);
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("a response head");
    let head = String::from_utf8_lossy(&raw[..split]).to_string();
    let status: u16 = head.split(' ').nth(1).unwrap().parse().unwrap();
    let content_type = head
        .lines()
        .find_map(|l| l.to_ascii_lowercase().strip_prefix("content-type:").map(|v| v.trim().to_string()))
        .unwrap_or_default();
    let mut body = raw[split + 4..].to_vec();
    if head.to_ascii_lowercase().contains("transfer-encoding: chunked") {
        body = dechunk(&body);
    }
    (status, content_type, body)
}

fn dechunk(mut raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = raw.windows(2).position(|w| w == b"\r\n") {
        let n = usize::from_str_radix(std::str::from_utf8(&raw[..eol]).unwrap().trim(), 16).unwrap();
        if n == 0 {
            break;
        }
        out.extend_from_slice(&raw[eol + 2..eol + 2 + n]);
        raw = &raw[eol + 2 + n + 2..];
    }
    out
}

fn get_json(addr: SocketAddr, path: &str) -> (u16, Value) {
    let (status, ct, body) = request(addr, "GET", path, None);
    assert!(ct.starts_with("application/json"), "{path}: content type {ct}");
    (status, serde_json::from_slice(&body).unwrap())
}

fn assert_error(status: u16, v: &Value, expected: u16) {
    assert_eq!(status, expected, "{v}");
    assert_eq!(v["error"]["status"], expected, "{v}");
    assert!(v["error"]["message"].as_str().is_some_and(|m| !m.is_empty()), "{v}");
}

#[test]
fn openapi_describes_every_route_and_only_them() {
    let server = start();
    let (status, doc) = get_json(server.addr, "/api/openapi.json");
    assert_eq!(status, 200);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let mut documented = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            documented.insert((method.to_ascii_uppercase(), path.clone()));
        }
    }
    let routed: BTreeSet<(String, String)> = ROUTES.iter().map(|(m, p)| (m.to_string(), p.to_string())).collect();
    assert_eq!(documented, routed, "openapi.json and ROUTES disagree");
    // Every listed route is really served (not the fallback).
    for (method, path) in ROUTES {
        let path = path.replace("{id}", "1");
        let body = (*method == "POST").then_some(&br#"{"text": "Turkey met Greece."}"#[..]);
        let (status, _, body) = request(server.addr, method, &path, body);
        assert_eq!(status, 200, "{method} {path}: {}", String::from_utf8_lossy(&body));
    }
}

#[test]
fn events_are_paginated_and_filtered() {
    let server = start();
    let (status, v) = get_json(server.addr, "/api/events?a=TUR&b=GRC&limit=5");
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["total"], 12);
    assert_eq!(v["limit"], 5);
    assert_eq!(v["events"].as_array().unwrap().len(), 5);
    let (_, last) = get_json(server.addr, "/api/events?a=TUR&b=GRC&limit=5&offset=10");
    assert_eq!(last["events"].as_array().unwrap().len(), 2);
    let (_, v) = get_json(server.addr, "/api/events?source=GRC&cameo=11");
    assert_eq!(v["total"], 6);
    assert!(v["events"].as_array().unwrap().iter().all(|e| e["cameo"] == "112"));
    let (_, v) = get_json(server.addr, "/api/events?a=TUR&b=GRC&since=2025-02-01&until=2025-02-28");
    assert_eq!(v["total"], 2);
    assert_eq!(v["events"][0]["sentences"][0]["text"], "Turkey met Greece in Athens.");
    let (_, v) = get_json(server.addr, "/api/events?match=accused");
    assert_eq!(v["total"], 6);
    let (status, v) = get_json(server.addr, &format!("/api/events?limit={}", dyad_server::MAX_PAGE + 1));
    assert_error(status, &v, 400);
    assert_eq!(get_json(server.addr, "/api/events?a=TUR&b=GRC").1["total_exact"], true);
    let (status, v) = get_json(server.addr, "/api/events?count=some");
    assert_error(status, &v, 400);
}

#[test]
fn totals_are_counted_up_to_the_cap_unless_asked_for_exactly() {
    let server = start_with(5);
    let (status, v) = get_json(server.addr, "/api/events?a=TUR&b=GRC&limit=3");
    assert_eq!(status, 200, "{v}");
    assert_eq!((v["total"].clone(), v["total_exact"].clone()), (json!(5), json!(false)), "12 events, cap 5");
    assert_eq!(v["events"].as_array().unwrap().len(), 3);
    let (_, v) = get_json(server.addr, "/api/events?a=TUR&b=GRC&limit=3&count=exact");
    assert_eq!((v["total"].clone(), v["total_exact"].clone()), (json!(12), json!(true)));
    let (_, v) = get_json(server.addr, "/api/events?a=TUR&b=GRC&since=2025-02-01&until=2025-02-28");
    assert_eq!((v["total"].clone(), v["total_exact"].clone()), (json!(2), json!(true)), "under the cap: exact");
    // Exactly the cap is exact too.
    let (_, v) = get_json(server.addr, "/api/events?source=GRC&cameo=11&until=2025-05-31");
    assert_eq!((v["total"].clone(), v["total_exact"].clone()), (json!(5), json!(true)));
}

#[test]
fn series_actors_and_single_event() {
    let server = start();
    let (status, v) = get_json(server.addr, "/api/series?a=TUR&b=GRC&by=month");
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["by"], "month");
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 6);
    assert_eq!(rows[0]["period"], "2025-01");
    assert_eq!(rows[0]["start"], "2025-01-01");
    assert_eq!(rows[0]["events"], 2);
    assert_eq!(rows[0]["verbal_cooperation"], 1);
    assert_eq!(rows[0]["verbal_conflict"], 1);
    assert_eq!(rows[0]["goldstein_mean"], (1.0 + -2.0) / 2.0);
    let (_, v) = get_json(server.addr, "/api/actors?by_country=true");
    assert_eq!(v["actors"].as_array().unwrap().len(), 2);
    assert_eq!(v["dyads"][0]["events"], 12);
    let (_, v) = get_json(server.addr, "/api/actors?q=gr");
    assert_eq!(v["actors"].as_array().unwrap().len(), 1);
    assert_eq!(v["actors"][0]["actor"], "GRC");
    let (status, v) = get_json(server.addr, "/api/events/1");
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["event"]["id"], 1);
    assert_eq!(v["mentions"][0]["text"], "Turkey met Greece in Athens.");
}

#[test]
fn errors_are_json_with_proper_statuses() {
    let server = start();
    let a = server.addr;
    for path in [
        "/api/events?bogus=1",
        "/api/events?limit=abc",
        "/api/events?a=TUR",
        "/api/events?quad=7",
        "/api/events?since=2025-13-01",
        "/api/events?since=2025-03-01&until=2025-01-01",
        "/api/events?goldstein=5..1",
        "/api/events?cameo=999999",
        "/api/series?a=TUR&b=GRC&by=fortnight",
        "/api/events/abc",
        "/api/events?match=%22unbalanced",
    ] {
        let (status, v) = get_json(a, path);
        assert_error(status, &v, 400);
    }
    let (status, v) = get_json(a, "/api/events/999999");
    assert_error(status, &v, 404);
    let (status, v) = get_json(a, "/no/such/route");
    assert_error(status, &v, 404);
    let (status, _, body) = request(a, "DELETE", "/api/events", None);
    assert_error(status, &serde_json::from_slice(&body).unwrap(), 405);
    for body in [&b"not json"[..], br#"[1]"#, br#"{"date": "2025-01-01"}"#, br#"{"text": "x", "date": "01/02/2025"}"#] {
        let (status, _, body) = request(a, "POST", "/api/code", Some(body));
        assert_error(status, &serde_json::from_slice(&body).unwrap(), 400);
    }
    let big = format!(r#"{{"text": "{}"}}"#, "a".repeat(MAX_BODY));
    let (status, _, body) = request(a, "POST", "/api/code", Some(big.as_bytes()));
    assert_error(status, &serde_json::from_slice(&body).unwrap(), 413);
}

#[test]
fn dashboard_assets_are_served() {
    let server = start();
    let (status, ct, body) = request(server.addr, "GET", "/", None);
    assert_eq!(status, 200);
    assert!(ct.starts_with("text/html"));
    let html = String::from_utf8(body).unwrap();
    assert!(html.contains("/assets/app.js"));
    // No external resources: every src/href is local.
    assert!(!html.contains("://"), "the page loads nothing from elsewhere");
    let (_, ct, js) = request(server.addr, "GET", "/assets/app.js", None);
    assert!(ct.starts_with("text/javascript"));
    let js = String::from_utf8(js).unwrap();
    assert!(js.contains("TextEncoder"));
    assert!(!js.contains("fetch(\"http") && !js.contains("fetch(`http"), "the script fetches only from its server");
    // The coastlines: one path in quarter degrees inside the map's
    // -180..180 x -90..90 frame (Antarctica reaches the south pole).
    assert!(html.find("/assets/land.js").unwrap() < html.find("/assets/app.js").unwrap(), "loaded first");
    let (status, ct, land) = request(server.addr, "GET", "/assets/land.js", None);
    assert_eq!(status, 200);
    assert!(ct.starts_with("text/javascript"));
    let land = String::from_utf8(land).unwrap();
    assert!(land.contains("Natural Earth"), "attributed");
    let path = land.split("const LAND_PATH = \"").nth(1).unwrap().split('"').next().unwrap();
    assert!(path.starts_with('M') && path.ends_with('z'));
    assert!(path.len() > 10_000 && land.len() < 64 << 10, "{} bytes", land.len());
    let mut ys = Vec::new();
    for ring in path.split('z').filter(|r| !r.is_empty()) {
        let (start, moves) = ring.trim_start_matches('M').split_once('l').unwrap();
        let number = |s: &str| s.parse::<i64>().unwrap();
        let start: Vec<i64> = start.replace('-', " -").split_whitespace().map(number).collect();
        let (mut x, mut y) = (start[0], start[1]);
        let (mut west, mut east) = (x, x);
        let steps: Vec<i64> = moves.replace('-', " -").split_whitespace().map(number).collect();
        for step in steps.chunks(2) {
            x += step[0];
            y += step[1];
            (west, east) = (west.min(x), east.max(x));
            ys.push(y);
        }
        // Every ring shows on the map, at least in part (the copies of a
        // ring across the antimeridian lie half outside it).
        assert!(west < 720 && east > -720, "a ring off the map: {west}..{east}");
    }
    assert_eq!(ys.iter().max(), Some(&360), "down to the south pole");
    assert!(*ys.iter().min().unwrap() > -360, "no land at the north pole");
}
