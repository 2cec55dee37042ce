//! `dyad serve` end to end: a store made by `dyad ingest`, the real binary
//! serving it on a free loopback port, the API checked over HTTP, and (when
//! /usr/bin/chromium is installed) the dashboard in headless Chromium.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use serde_json::Value;

const CORPUS: &str = r#"{"id":"w1","date":"2025-01-14","url":"https://example.org/w1","source":"Wire A","text":"Turkish and Greek officials held talks in Athens on Monday."}
{"id":"w2","date":"2025-01-20","source":"Wire B","text":"Greece accused Turkey of violating its airspace on Sunday."}
{"id":"w3","date":"2025-03-10","url":"https://example.org/w3","source":"Wire A","text":"Turkey’s foreign minister met his Greek counterpart in Ankara on Monday."}
{"id":"w4","date":"2025-03-12","source":"Wire C","text":"Greek officials criticized Turkey on Tuesday."}
{"id":"w5","date":"2025-04-14","source":"Wire A","text":"Russia and the United States held talks in Geneva on Monday."}
"#;

fn dyad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
}

/// A running `dyad serve`; SIGTERM on drop.
struct Served {
    child: Child,
    addr: String,
    _dir: tempfile::TempDir,
}

impl Drop for Served {
    fn drop(&mut self) {
        terminate(&mut self.child);
    }
}

fn terminate(child: &mut Child) {
    if let Ok(None) = child.try_wait() {
        let _ = Command::new("kill").args(["-TERM", &child.id().to_string()]).status();
    }
    let _ = child.wait();
}

fn store(dir: &Path) -> PathBuf {
    let corpus = dir.join("corpus.jsonl");
    std::fs::write(&corpus, CORPUS).unwrap();
    let db = dir.join("events.db");
    let out = dyad().args(["ingest", "--quiet"]).arg(&corpus).arg("--db").arg(&db).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    db
}

fn serve() -> Served {
    let dir = tempfile::tempdir().unwrap();
    let db = store(dir.path());
    let mut child = dyad()
        .args(["serve", "--addr", "127.0.0.1:0", "--db"])
        .arg(&db)
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    // Keep draining stderr so the server never blocks on it.
    std::thread::spawn(move || {
        let mut sink = String::new();
        let _ = stderr.read_to_string(&mut sink);
    });
    Served { child, addr, _dir: dir }
}

fn request(addr: &str, method: &str, path: &str, body: Option<&str>) -> (u16, Value) {
    let mut s = TcpStream::connect(addr).unwrap();
    let body = body.unwrap_or("");
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8_lossy(&raw[..split]).to_string();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    assert!(!head.to_ascii_lowercase().contains("transfer-encoding: chunked"), "{head}");
    (status, serde_json::from_slice(&raw[split + 4..]).unwrap())
}

#[test]
fn api_serves_the_store_and_codes_text() {
    let s = serve();
    let a = s.addr.as_str();

    // POST /api/code: the `dyad code` schema, evidence included.
    let (status, v) = request(
        a,
        "POST",
        "/api/code",
        Some(r#"{"text": "Turkish and Greek officials held talks in Athens on Monday.", "date": "2025-04-14"}"#),
    );
    assert_eq!(status, 200, "{v}");
    let events = v["events"].as_array().unwrap();
    assert!(!events.is_empty());
    for e in events {
        assert_eq!(e["plover"], "CONSULT", "{e}");
        assert!(e["cameo"].as_str().unwrap().starts_with("04"));
        assert_eq!(e["evidence"]["trigger"], "held talks");
        assert!(e["evidence"]["rule"].as_str().unwrap().contains(':'));
        assert_eq!(e["date"], "2025-04-14");
        assert_eq!(e["published"], "2025-04-14");
    }
    let pairs: Vec<(&str, &str)> = events
        .iter()
        .map(|e| (e["source"]["country"].as_str().unwrap(), e["target"]["country"].as_str().unwrap()))
        .collect();
    assert!(pairs.contains(&("TUR", "GRC")) && pairs.contains(&("GRC", "TUR")), "{pairs:?}");
    // The same keys, in the same order, as `dyad code` JSONL.
    let out = dyad()
        .args(["code", "--jsonl", "--date", "2025-04-14", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .and_then(|mut c| {
            c.stdin
                .take()
                .unwrap()
                .write_all(br#"{"id":"text","text":"Turkish and Greek officials held talks in Athens on Monday."}"#)?;
            c.wait_with_output()
        })
        .unwrap();
    let first: Value = serde_json::from_slice(out.stdout.split(|b| *b == b'\n').next().unwrap()).unwrap();
    assert_eq!(first, events[0], "POST /api/code and dyad code disagree");

    // Series: counts per quad class and mean Goldstein per month.
    let (status, v) = request(a, "GET", "/api/series?a=TUR&b=GRC&by=month", None);
    assert_eq!(status, 200, "{v}");
    let rows = v["rows"].as_array().unwrap();
    let periods: Vec<&str> = rows.iter().map(|r| r["period"].as_str().unwrap()).collect();
    assert_eq!(periods, ["2025-01", "2025-02", "2025-03"]);
    assert_eq!(rows[0]["events"], 3);
    assert_eq!(rows[0]["verbal_cooperation"], 2);
    assert_eq!(rows[0]["verbal_conflict"], 1);
    assert_eq!(rows[1]["events"], 0);
    assert!(rows[1]["goldstein_mean"].is_null());
    assert_eq!(rows[2]["events"], 2);

    // Events: the `dyad query` schema, paginated.
    let (_, v) = request(a, "GET", "/api/events?a=TUR&b=GRC&limit=2", None);
    assert_eq!(v["total"], 5);
    assert_eq!(v["events"].as_array().unwrap().len(), 2);
    let e = &v["events"][0];
    for key in
        ["id", "date", "source", "target", "cameo", "cameo_name", "plover", "goldstein", "quad_class", "sentences"]
    {
        assert!(e.get(key).is_some(), "no {key} in {e}");
    }
    let sentence = &e["sentences"][0];
    assert_eq!(sentence["url"], "https://example.org/w1");
    let text = sentence["text"].as_str().unwrap();
    let span = |k: &str| {
        let s = sentence[k].as_array().unwrap();
        &text[s[0].as_u64().unwrap() as usize..s[1].as_u64().unwrap() as usize]
    };
    assert_eq!(span("trigger_span"), "held talks");
    assert!(span("source_span").starts_with("Turkish") || span("source_span").starts_with("Greek"));
    let (status, v) = request(a, "GET", "/api/events?limit=100000", None);
    assert_eq!(status, 400, "{v}");

    // Byte spans past a multi-byte character (’) are still byte offsets.
    let (_, v) = request(a, "GET", "/api/events?a=TUR&b=GRC&since=2025-03-01&until=2025-03-31&plover=CONSULT", None);
    let sentence = &v["events"][0]["sentences"][0];
    let text = sentence["text"].as_str().unwrap();
    let t = sentence["target_span"].as_array().unwrap();
    assert_eq!(&text[t[0].as_u64().unwrap() as usize..t[1].as_u64().unwrap() as usize], "his Greek counterpart");

    // One event with its mentions as `dyad code` records.
    let id = v["events"][0]["id"].as_i64().unwrap();
    let (status, one) = request(a, "GET", &format!("/api/events/{id}"), None);
    assert_eq!(status, 200, "{one}");
    assert_eq!(one["event"]["id"], id);
    assert_eq!(one["mentions"][0]["doc"], "w3");
    assert_eq!(one["mentions"][0]["url"], "https://example.org/w3");
    assert_eq!(one["mentions"][0]["evidence"]["trigger"], "met");
    let (status, _) = request(a, "GET", "/api/events/424242", None);
    assert_eq!(status, 404);

    // Actors.
    let (_, v) = request(a, "GET", "/api/actors?by_country=true", None);
    let top: Vec<&str> = v["actors"].as_array().unwrap().iter().map(|x| x["actor"].as_str().unwrap()).collect();
    assert_eq!(&top[..2], ["GRC", "TUR"]);
    assert_eq!(v["dyads"][0]["events"], 5);
}

#[test]
fn serve_refuses_a_missing_store_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let out = dyad().args(["serve", "--addr", "127.0.0.1:0", "--db"]).arg(dir.path().join("none.db")).output().unwrap();
    assert_eq!(out.status.code(), Some(4), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such database"));
    assert!(!dir.path().join("none.db").exists());

    let mut s = serve();
    let (status, _) = request(&s.addr, "GET", "/api/actors", None);
    assert_eq!(status, 200);
    let _ = Command::new("kill").args(["-TERM", &s.child.id().to_string()]).status();
    let status = s.child.wait().unwrap();
    assert!(status.success(), "{status:?}");
    assert!(TcpStream::connect(&s.addr).is_err(), "still listening after SIGTERM");
}

/// The dashboard in real headless Chromium: skipped (with a message) when
/// /usr/bin/chromium is not installed (`apt-get install -y chromium`).
#[test]
fn dashboard_renders_in_headless_chromium() {
    let chromium = Path::new("/usr/bin/chromium");
    if !chromium.exists() {
        eprintln!("SKIPPED dashboard_renders_in_headless_chromium: /usr/bin/chromium is not installed");
        return;
    }
    let s = serve();
    let profile = tempfile::tempdir().unwrap();
    let artifacts = Path::new(env!("CARGO_TARGET_TMPDIR")).join("dashboard");
    std::fs::create_dir_all(&artifacts).unwrap();
    let code = "Turkish%20and%20Greek%20officials%20held%20talks%20in%20Athens%20on%20Monday.";
    let url = format!("http://{}/?a=TUR&b=GRC&by=month&period=2025-03&code={code}&date=2025-04-14", s.addr);
    let run = |extra: &[&str]| {
        let out = Command::new(chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1200,900",
                "--virtual-time-budget=5000",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .args(extra)
            .arg(&url)
            .output()
            .unwrap();
        assert!(out.status.success(), "chromium failed: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    let screenshot = artifacts.join("dashboard.png");
    let _ = std::fs::remove_file(&screenshot);
    run(&[&format!("--screenshot={}", screenshot.display())]);
    let png = std::fs::read(&screenshot).expect("a screenshot");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    eprintln!("screenshot: {}", screenshot.display());

    let dom = run(&["--dump-dom"]);
    std::fs::write(artifacts.join("dashboard.html"), &dom).unwrap();
    // The chart: three months, the busiest with 3 events, the total in the summary.
    assert!(dom.contains(r#"data-period="2025-01" data-events="3""#), "no January bar");
    assert!(dom.contains(r#"data-period="2025-02" data-events="0""#), "no empty February");
    assert!(dom.contains(r#"data-period="2025-03" data-events="2""#), "no March bar");
    assert!(dom.contains("5 events in 3 periods"), "no summary");
    assert!(dom.contains(r#"id="goldstein-line""#));
    // The event list for March: 2 events, sentences highlighted, the article linked.
    assert!(dom.contains("Events TUR–GRC in 2025-03: 2"), "no March event list");
    assert_eq!(dom.matches(r#"<li class="event""#).count(), 2);
    assert!(dom.contains(r#"<mark class="trg" title="trigger"#));
    assert!(dom.contains(r#"<mark class="tgt" title="target">his Greek counterpart</mark>"#), "UTF-8 spans");
    assert!(dom.contains(r#"<mark class="src" title="source">Turkey’s foreign minister</mark>"#), "UTF-8 spans");
    assert!(dom.contains(r#"href="https://example.org/w3""#));
    // The map: Athens and Ankara.
    assert!(dom.contains(r#"data-name="Athens""#) && dom.contains(r#"data-name="Ankara""#));
    // The code-this-text panel.
    assert!(dom.contains("2 event(s) in 1 sentence(s)"), "code panel");
    assert_eq!(dom.matches(r#"data-plover="CONSULT""#).count(), 2);
}

/// Just enough of the Chrome DevTools Protocol, over a hand-rolled
/// WebSocket (RFC 6455: masked text frames out, unmasked frames in), to
/// evaluate script in a page and click with the mouse.
struct DevTools {
    stream: TcpStream,
    next_id: u64,
}

impl DevTools {
    /// Connects to a target's `ws://HOST:PORT/devtools/...` URL.
    fn connect(ws_url: &str) -> DevTools {
        let rest = ws_url.strip_prefix("ws://").expect("a ws:// URL");
        let (host, path) = rest.split_once('/').expect("a path");
        let mut stream = TcpStream::connect(host).unwrap();
        // A browser that stops answering fails the test instead of hanging it.
        stream.set_read_timeout(Some(std::time::Duration::from_secs(60))).unwrap();
        write!(
            stream,
            "GET /{path} HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
             Sec-WebSocket-Key: ZHlhZCBicm93c2VyIHRlc3Q=\r\nSec-WebSocket-Version: 13\r\n\r\n"
        )
        .unwrap();
        let mut head = Vec::new();
        let mut byte = [0u8; 1];
        while !head.ends_with(b"\r\n\r\n") {
            stream.read_exact(&mut byte).unwrap();
            head.push(byte[0]);
        }
        assert!(head.starts_with(b"HTTP/1.1 101"), "no WebSocket: {}", String::from_utf8_lossy(&head));
        DevTools { stream, next_id: 0 }
    }

    fn send(&mut self, text: &str) {
        let payload = text.as_bytes();
        let mask = [0x5a, 0x17, 0xc3, 0x81];
        let mut frame = vec![0x81u8]; // FIN, text
        match payload.len() {
            n if n < 126 => frame.push(0x80 | n as u8),
            n if n <= 0xffff => {
                frame.push(0x80 | 126);
                frame.extend((n as u16).to_be_bytes());
            }
            n => {
                frame.push(0x80 | 127);
                frame.extend((n as u64).to_be_bytes());
            }
        }
        frame.extend(mask);
        frame.extend(payload.iter().enumerate().map(|(i, b)| b ^ mask[i % 4]));
        self.stream.write_all(&frame).unwrap();
    }

    /// One whole message (fragments joined; control frames skipped).
    fn receive(&mut self) -> Vec<u8> {
        let mut message = Vec::new();
        loop {
            let mut head = [0u8; 2];
            self.stream.read_exact(&mut head).unwrap();
            let (fin, opcode) = (head[0] & 0x80 != 0, head[0] & 0x0f);
            let len = match head[1] & 0x7f {
                126 => {
                    let mut b = [0u8; 2];
                    self.stream.read_exact(&mut b).unwrap();
                    u16::from_be_bytes(b) as usize
                }
                127 => {
                    let mut b = [0u8; 8];
                    self.stream.read_exact(&mut b).unwrap();
                    u64::from_be_bytes(b) as usize
                }
                n => n as usize,
            };
            let mut data = vec![0u8; len];
            self.stream.read_exact(&mut data).unwrap();
            assert_ne!(opcode, 0x8, "the browser closed the connection");
            if opcode >= 0x8 {
                continue; // ping or pong
            }
            message.extend(data);
            if fin {
                return message;
            }
        }
    }

    /// Calls a method and returns its result (events in between are skipped).
    fn call(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&serde_json::json!({"id": id, "method": method, "params": params}).to_string());
        loop {
            let reply: Value = serde_json::from_slice(&self.receive()).unwrap();
            if reply["id"] == id {
                assert!(reply.get("error").is_none(), "{method}: {reply}");
                return reply["result"].clone();
            }
        }
    }

    /// The value of a JavaScript expression in the page.
    fn eval(&mut self, expression: &str) -> Value {
        let r = self.call("Runtime.evaluate", serde_json::json!({"expression": expression, "returnByValue": true}));
        assert!(r.get("exceptionDetails").is_none(), "{expression}: {r}");
        r["result"]["value"].clone()
    }

    /// Waits until `expression` is true in the page (the page fetches from
    /// the server asynchronously); fails with `what` after a generous
    /// deadline. Nothing is timed: the deadline only stops a hung test.
    fn wait_for(&mut self, expression: &str, what: &str) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while self.eval(expression) != Value::Bool(true) {
            assert!(std::time::Instant::now() < deadline, "never happened: {what} ({expression})");
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }
}

/// Headless Chromium with the DevTools protocol on a free port; killed on drop.
struct Browser {
    child: Child,
    port: u16,
    _profile: tempfile::TempDir,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Browser {
    /// `GET /json/list`: the browser's targets. Its HTTP server keeps the
    /// connection open, so the body is read by its length.
    fn targets(&self) -> Value {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        s.set_read_timeout(Some(std::time::Duration::from_secs(60))).unwrap();
        write!(s, "GET /json/list HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n\r\n", self.port).unwrap();
        let mut reader = BufReader::new(s);
        let mut length = 0;
        let mut line = String::new();
        loop {
            line.clear();
            reader.read_line(&mut line).unwrap();
            if line.trim().is_empty() {
                break;
            }
            if let Some((name, value)) = line.split_once(':') {
                if name.eq_ignore_ascii_case("content-length") {
                    length = value.trim().parse().unwrap();
                }
            }
        }
        let mut body = vec![0u8; length];
        reader.read_exact(&mut body).unwrap();
        serde_json::from_slice(&body).unwrap()
    }
}

fn browser(chromium: &Path) -> Browser {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--window-size=1200,900",
            "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("about:blank")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    let port = loop {
        line.clear();
        assert!(stderr.read_line(&mut line).unwrap() > 0, "chromium exited without a DevTools address");
        if let Some(rest) = line.split("DevTools listening on ws://127.0.0.1:").nth(1) {
            break rest.split('/').next().unwrap().parse().unwrap();
        }
    };
    std::thread::spawn(move || {
        let mut sink = String::new();
        let _ = stderr.read_to_string(&mut sink);
    });
    Browser { child, port, _profile: profile }
}

#[test]
fn clicking_a_period_lists_its_events_in_headless_chromium() {
    let chromium = Path::new("/usr/bin/chromium");
    if !chromium.exists() {
        eprintln!(
            "SKIPPED clicking_a_period_lists_its_events_in_headless_chromium: /usr/bin/chromium is not installed"
        );
        return;
    }
    let s = serve();
    let b = browser(chromium);
    let targets = b.targets();
    let page = targets.as_array().unwrap().iter().find(|t| t["type"] == "page").expect("a page target");
    let mut tools = DevTools::connect(page["webSocketDebuggerUrl"].as_str().unwrap());
    tools.call("Page.navigate", serde_json::json!({"url": format!("http://{}/?a=TUR&b=GRC&by=month", s.addr)}));

    // At first the whole selection is listed.
    tools.wait_for(
        r##"(document.getElementById("events-title")?.textContent === "All events TUR–GRC: 5")"##,
        "the list of all five events",
    );
    assert_eq!(tools.eval(r##"document.querySelectorAll("#events li.event").length"##), 5);
    // The map draws its coastlines under the dots.
    assert_eq!(tools.eval(r##"document.querySelector("#map path.land").nextElementSibling.tagName"##), "g");
    assert_eq!(tools.eval(r##"document.querySelector("#map path.land").getAttribute("d").length > 10000"##), true);

    // Click January's bar with the mouse, where it is drawn.
    let rect = tools.eval(
        r##"(() => { const r = document.querySelector('#chart .period[data-period="2025-01"] rect.bar')
            .getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()"##,
    );
    let (x, y) = (rect[0].as_f64().unwrap(), rect[1].as_f64().unwrap());
    for kind in ["mouseMoved", "mousePressed", "mouseReleased"] {
        tools.call(
            "Input.dispatchMouseEvent",
            serde_json::json!({"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1}),
        );
    }
    tools.wait_for(
        r##"(document.getElementById("events-title")?.textContent === "Events TUR–GRC in 2025-01: 3")"##,
        "January's event list after the click",
    );
    assert_eq!(tools.eval(r##"document.querySelectorAll("#events li.event").length"##), 3);
    assert_eq!(
        tools.eval(r##"[...document.querySelectorAll("#events li.event > div.meta")].every((m) => m.textContent.startsWith("2025-01"))"##),
        true,
        "every listed event is dated in January"
    );
    assert_eq!(tools.eval(r##"document.querySelector("#chart .period.selected").dataset.period"##), "2025-01");
    assert_eq!(tools.eval(r##"document.querySelector("#chart .period.selected").dataset.events"##), "3");
}
