//! `dyad serve`: a JSON API and a dashboard over a dyad event store.
//!
//! The server knows HTTP and JSON; it does not own the event JSON schema.
//! The caller (the `dyad` binary, which owns the wire DTOs of `dyad code`
//! and `dyad query`) supplies a [`Renderer`] that turns coded and stored
//! events into JSON, so the API speaks exactly the schemas of `dyad code`
//! JSONL (for `POST /api/code`) and `dyad query` JSONL (for stored events).
//!
//! Queries open the store read-only ([`OpenMode::ReadOnly`]); connections are
//! pooled and used on blocking threads. Coding runs on blocking threads too.
//! Every error is a JSON object `{"error": {"status": N, "message": "..."}}`.
//!
//! The routes are listed in [`ROUTES`]; `GET /api/openapi.json` describes the
//! same list (a test checks that both agree). See `docs/server.md`.

use std::collections::HashMap;
use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::NaiveDate;
use dyad_coder::Coder;
use dyad_core::cameo::CameoCode;
use dyad_core::plover::PloverType;
use dyad_core::{Document, Event, Span};
use dyad_store::{
    ActorLevel, ActorSelector, Filter, Mention, OpenMode, Page, Period, Store, StoreOptions, StoredEvent,
};
use serde_json::{json, Map, Value};

/// Default listening address: loopback only.
pub const DEFAULT_ADDR: &str = "127.0.0.1:8080";
/// Largest accepted request body (`POST /api/code`).
pub const MAX_BODY: usize = 1 << 20;
/// Largest page of `GET /api/events`.
pub const MAX_PAGE: u64 = 500;
/// Default page of `GET /api/events`.
pub const DEFAULT_PAGE: u64 = 50;
/// Most actors or dyads from `GET /api/actors`.
pub const MAX_ACTORS: u64 = 1000;

/// Every route: method and path (axum syntax). `/api/openapi.json` lists the same.
pub const ROUTES: &[(&str, &str)] = &[
    ("GET", "/"),
    ("GET", "/assets/app.js"),
    ("GET", "/assets/style.css"),
    ("GET", "/api/openapi.json"),
    ("GET", "/api/events"),
    ("GET", "/api/events/{id}"),
    ("GET", "/api/series"),
    ("GET", "/api/actors"),
    ("POST", "/api/code"),
];

const INDEX_HTML: &str = include_str!("../assets/index.html");
const APP_JS: &str = include_str!("../assets/app.js");
const STYLE_CSS: &str = include_str!("../assets/style.css");
const OPENAPI: &str = include_str!("../assets/openapi.json");

/// Turns events into JSON; supplied by the caller, which owns the schemas.
pub trait Renderer: Send + Sync + 'static {
    /// Event number `index` coded from `doc` (the `dyad code` JSONL record).
    fn coded_event(&self, doc: &Document, index: usize, event: &Event) -> Value;
    /// A stored event with its mentions (the `dyad query` JSONL record).
    fn stored_event(&self, event: &StoredEvent, mentions: &[Mention]) -> Value;
}

/// What the server serves.
#[derive(Clone)]
pub struct Config {
    /// The store (must exist).
    pub db: PathBuf,
    /// The coder for `POST /api/code`.
    pub coder: Arc<Coder>,
    /// Event JSON.
    pub renderer: Arc<dyn Renderer>,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config").field("db", &self.db).finish_non_exhaustive()
    }
}

struct AppState {
    config: Config,
    /// Idle read-only connections.
    pool: Mutex<Vec<Store>>,
}

type Shared = Arc<AppState>;

/// A JSON error response.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError { status, message: message.into() }
    }
    fn bad(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!({"error": {"status": self.status.as_u16(), "message": self.message}});
        (self.status, Json(body)).into_response()
    }
}

impl From<dyad_store::Error> for ApiError {
    fn from(e: dyad_store::Error) -> ApiError {
        let status = match e {
            dyad_store::Error::InvalidQuery(_) => StatusCode::BAD_REQUEST,
            dyad_store::Error::Locked { .. } => StatusCode::SERVICE_UNAVAILABLE,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        ApiError::new(status, e.to_string())
    }
}

type ApiResult = Result<Response, ApiError>;

/// Store errors of a query with a full-text `match`: SQLite reports an FTS5
/// query it cannot parse as a plain SQL error (not as the store's
/// `InvalidQuery`), so with a `match` parameter such errors are the
/// client's (400).
fn query_error(has_match: bool) -> impl Fn(dyad_store::Error) -> ApiError {
    move |e| match e {
        dyad_store::Error::Sqlite { source, .. } if has_match => {
            ApiError::bad(format!("invalid full-text query (`match`): {source}"))
        }
        e => ApiError::from(e),
    }
}

/// Opens the store read-only (fails early when it cannot be served).
fn open(db: &std::path::Path) -> Result<Store, dyad_store::Error> {
    Store::open_with(db, &StoreOptions { mode: OpenMode::ReadOnly, ..StoreOptions::default() })
}

/// Runs `f` with a pooled read-only connection on a blocking thread.
async fn with_store<T, F>(state: &Shared, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
{
    let state = state.clone();
    tokio::task::spawn_blocking(move || {
        let pooled = state.pool.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let store = match pooled {
            Some(s) => s,
            None => open(&state.config.db)?,
        };
        let result = f(&store);
        let mut pool = state.pool.lock().unwrap_or_else(|e| e.into_inner());
        if pool.len() < 16 {
            pool.push(store);
        }
        result
    })
    .await
    .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, format!("query failed: {e}")))?
}

/// The router for `config`; checks that the store opens read-only.
pub fn router(config: Config) -> Result<Router, dyad_store::Error> {
    let store = open(&config.db)?;
    let state = Arc::new(AppState { config, pool: Mutex::new(vec![store]) });
    Ok(Router::new()
        .route("/", get(|| async { asset(INDEX_HTML, "text/html; charset=utf-8") }))
        .route("/assets/app.js", get(|| async { asset(APP_JS, "text/javascript; charset=utf-8") }))
        .route("/assets/style.css", get(|| async { asset(STYLE_CSS, "text/css; charset=utf-8") }))
        .route("/api/openapi.json", get(|| async { asset(OPENAPI, "application/json") }))
        .route("/api/events", get(events))
        .route("/api/events/{id}", get(event))
        .route("/api/series", get(series))
        .route("/api/actors", get(actors))
        .route("/api/code", post(code))
        .fallback(|| async { ApiError::new(StatusCode::NOT_FOUND, "no such route (see /api/openapi.json)") })
        .method_not_allowed_fallback(|| async {
            ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "method not allowed (see /api/openapi.json)")
        })
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .with_state(state))
}

fn asset(body: &'static str, content_type: &'static str) -> Response {
    ([(header::CONTENT_TYPE, HeaderValue::from_static(content_type))], body).into_response()
}

/// Serves `config` on `listener` until `shutdown` completes, then finishes
/// the requests in flight.
pub async fn serve(
    listener: tokio::net::TcpListener,
    config: Config,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let app = router(config).map_err(std::io::Error::other)?;
    axum::serve(listener, app).with_graceful_shutdown(shutdown).await
}

/// Completes on SIGINT (Ctrl-C) or, on Unix, SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}

/// Binds `addr` and serves until SIGINT/SIGTERM on a new multi-threaded
/// runtime; `on_bound` is told the bound address (useful with port 0).
pub fn run(addr: SocketAddr, config: Config, on_bound: impl FnOnce(SocketAddr)) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async move {
        let app = router(config).map_err(std::io::Error::other)?;
        let listener = tokio::net::TcpListener::bind(addr).await?;
        on_bound(listener.local_addr()?);
        axum::serve(listener, app).with_graceful_shutdown(shutdown_signal()).await
    })
}

// ---------------------------------------------------------------- parameters

/// Query parameters, checked: unknown names are errors.
struct Params(HashMap<String, String>);

impl Params {
    fn new(raw: HashMap<String, String>, allowed: &[&str]) -> Result<Params, ApiError> {
        let mut unknown: Vec<&str> = raw.keys().map(String::as_str).filter(|k| !allowed.contains(k)).collect();
        if !unknown.is_empty() {
            unknown.sort_unstable();
            return Err(ApiError::bad(format!(
                "unknown parameter(s): {} (allowed: {})",
                unknown.join(", "),
                allowed.join(", ")
            )));
        }
        Ok(Params(raw))
    }

    fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(|s| s.trim()).filter(|s| !s.is_empty())
    }

    fn u64(&self, key: &str, default: u64, max: u64) -> Result<u64, ApiError> {
        match self.get(key) {
            None => Ok(default),
            Some(s) => {
                let n: u64 = s.parse().map_err(|_| ApiError::bad(format!("`{key}` must be a non-negative integer")))?;
                if n > max {
                    return Err(ApiError::bad(format!("`{key}` is at most {max}")));
                }
                Ok(n)
            }
        }
    }

    fn flag(&self, key: &str) -> Result<bool, ApiError> {
        match self.get(key) {
            None | Some("false" | "0") => Ok(false),
            Some("true" | "1") => Ok(true),
            Some(_) => Err(ApiError::bad(format!("`{key}` must be true or false"))),
        }
    }

    fn date(&self, key: &str) -> Result<Option<NaiveDate>, ApiError> {
        self.get(key).map(|s| parse_day(key, s)).transpose()
    }
}

fn parse_day(key: &str, s: &str) -> Result<NaiveDate, ApiError> {
    match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        Ok(d) if s.len() == 10 => Ok(d),
        _ => Err(ApiError::bad(format!("`{key}`: `{s}` is not a date in the form YYYY-MM-DD"))),
    }
}

/// The filter parameters shared by the query endpoints.
const FILTER_PARAMS: &[&str] = &[
    "a",
    "b",
    "source",
    "target",
    "cameo",
    "plover",
    "quad",
    "goldstein",
    "since",
    "until",
    "location_country",
    "match",
    "include_negated",
];

fn allowed(extra: &[&'static str]) -> Vec<&'static str> {
    FILTER_PARAMS.iter().chain(extra).copied().collect()
}

fn selector(key: &str, s: &str) -> Result<ActorSelector, ApiError> {
    ActorSelector::parse(s).map_err(|e| ApiError::bad(format!("`{key}`: {e}")))
}

fn filter(p: &Params) -> Result<Filter, ApiError> {
    let mut f = Filter { include_negated: p.flag("include_negated")?, ..Filter::default() };
    f.source = p.get("source").map(|s| selector("source", s)).transpose()?;
    f.target = p.get("target").map(|s| selector("target", s)).transpose()?;
    match (p.get("a"), p.get("b")) {
        (Some(a), Some(b)) => f.dyad = Some((selector("a", a)?, selector("b", b)?)),
        (None, None) => {}
        _ => return Err(ApiError::bad("`a` and `b` (a dyad, either direction) go together")),
    }
    if let Some(c) = p.get("cameo") {
        f.cameo = Some(
            CameoCode::parse(c)
                .ok_or_else(|| ApiError::bad(format!("`cameo`: `{c}` is not a CAMEO code (e.g. 04, 042)")))?,
        );
    }
    if let Some(t) = p.get("plover") {
        let t = PloverType::parse(t).ok_or_else(|| ApiError::bad(format!("`plover`: `{t}` is not a PLOVER type")))?;
        f.plover = Some(t.as_str().to_string());
    }
    if let Some(q) = p.get("quad") {
        match q.parse::<u8>() {
            Ok(n @ 1..=4) => f.quad_class = Some(n),
            _ => return Err(ApiError::bad("`quad` must be 1, 2, 3 or 4")),
        }
    }
    if let Some(g) = p.get("goldstein") {
        let bad = || ApiError::bad(format!("`goldstein`: `{g}` is not a range MIN..MAX (e.g. -10..-5, 3.., ..0)"));
        let (lo, hi) = g.split_once("..").ok_or_else(bad)?;
        let lo = if lo.trim().is_empty() { -1e9 } else { lo.trim().parse::<f64>().map_err(|_| bad())? };
        let hi = if hi.trim().is_empty() { 1e9 } else { hi.trim().parse::<f64>().map_err(|_| bad())? };
        if lo.is_nan() || hi.is_nan() || lo > hi {
            return Err(bad());
        }
        f.goldstein = Some((lo.max(-1e9), hi.min(1e9)));
    }
    f.since = p.date("since")?;
    f.until = p.date("until")?;
    if let (Some(a), Some(b)) = (f.since, f.until) {
        if a > b {
            return Err(ApiError::bad(format!("`since` {a} is after `until` {b}")));
        }
    }
    f.location_country = p.get("location_country").map(str::to_ascii_uppercase);
    f.text = p.get("match").map(str::to_string);
    Ok(f)
}

// ---------------------------------------------------------------- handlers

/// A stored event as JSON: the renderer's record, plus, in each of its
/// `sentences`, the `source_span` and `target_span` (byte ranges into the
/// sentence) the dashboard highlights.
fn stored_json(renderer: &dyn Renderer, e: &StoredEvent, mentions: &[Mention]) -> Value {
    let mut v = renderer.stored_event(e, mentions);
    if let Some(sentences) = v.get_mut("sentences").and_then(Value::as_array_mut) {
        for (s, m) in sentences.iter_mut().zip(mentions) {
            if let Some(obj) = s.as_object_mut() {
                let ev = &m.event;
                obj.insert("source_span".into(), json!(relative(ev.source.span, ev.sentence_span)));
                obj.insert(
                    "target_span".into(),
                    json!(ev.target.as_ref().and_then(|t| relative(t.span, ev.sentence_span))),
                );
            }
        }
    }
    v
}

fn relative(span: Span, sentence: Span) -> Option<[usize; 2]> {
    (span.start >= sentence.start && span.end <= sentence.end)
        .then(|| [span.start - sentence.start, span.end - sentence.start])
}

async fn events(State(state): State<Shared>, Query(raw): Query<HashMap<String, String>>) -> ApiResult {
    let p = Params::new(raw, &allowed(&["limit", "offset"]))?;
    let f = filter(&p)?;
    let limit = p.u64("limit", DEFAULT_PAGE, MAX_PAGE)?;
    let offset = p.u64("offset", 0, i64::MAX as u64)?;
    let renderer = state.config.renderer.clone();
    let err = query_error(f.text.is_some());
    let body = with_store(&state, move |store| {
        let total = store.count(&f).map_err(&err)?;
        let found = store.events(&f, Page { limit, offset }).map_err(&err)?;
        let mut out = Vec::with_capacity(found.len());
        for e in &found {
            let mentions = store.mentions(e.id)?;
            out.push(stored_json(renderer.as_ref(), e, &mentions));
        }
        Ok(json!({"total": total, "limit": limit, "offset": offset, "events": out}))
    })
    .await?;
    Ok(Json(body).into_response())
}

async fn event(State(state): State<Shared>, Path(id): Path<String>) -> ApiResult {
    let id: i64 = id.parse().map_err(|_| ApiError::bad(format!("event id `{id}` is not an integer")))?;
    let renderer = state.config.renderer.clone();
    let body = with_store(&state, move |store| {
        let e = store.event(id)?.ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, format!("no event {id}")))?;
        let mentions = store.mentions(id)?;
        let coded: Vec<Value> = mentions.iter().map(|m| mention_as_coded(renderer.as_ref(), m)).collect();
        Ok(json!({"event": stored_json(renderer.as_ref(), &e, &mentions), "mentions": coded}))
    })
    .await?;
    Ok(Json(body).into_response())
}

/// A mention as a `dyad code` record: the document is reduced to the
/// mention's sentence, so every span is rebased onto it.
fn mention_as_coded(renderer: &dyn Renderer, m: &Mention) -> Value {
    let sentence = m.event.sentence_span;
    let outside = Span::new(m.sentence.len() + 1, m.sentence.len() + 1);
    let rebase = |s: Span| {
        if s.start >= sentence.start && s.end <= sentence.end {
            Span::new(s.start - sentence.start, s.end - sentence.start)
        } else {
            outside
        }
    };
    let mut event = m.event.clone();
    event.sentence_span = Span::new(0, m.sentence.len());
    event.source.span = rebase(event.source.span);
    if let Some(t) = event.target.as_mut() {
        t.span = rebase(t.span);
    }
    if let Some(l) = event.location.as_mut() {
        l.span = rebase(l.span);
    }
    event.evidence.trigger_span = rebase(event.evidence.trigger_span);
    let doc = Document {
        id: m.document.key.clone(),
        text: m.sentence.clone(),
        title: m.document.title.clone(),
        published: m.document.published,
        url: m.document.url.clone(),
        source: m.document.outlet.clone(),
    };
    let mut v = renderer.coded_event(&doc, 0, &event);
    if let Some(obj) = v.as_object_mut() {
        obj.insert("url".into(), json!(m.document.url));
        obj.insert("outlet".into(), json!(m.document.outlet));
    }
    v
}

async fn series(State(state): State<Shared>, Query(raw): Query<HashMap<String, String>>) -> ApiResult {
    let p = Params::new(raw, &allowed(&["by"]))?;
    let f = filter(&p)?;
    let (by, period) = match p.get("by").unwrap_or("month") {
        "day" => ("day", Period::Day),
        "week" => ("week", Period::Week),
        "month" => ("month", Period::Month),
        "year" => ("year", Period::Year),
        other => return Err(ApiError::bad(format!("`by`: `{other}` is not day, week, month or year"))),
    };
    let body = with_store(&state, move |store| {
        let s = store.series(&f, period).map_err(query_error(f.text.is_some()))?;
        let rows: Vec<Value> = s
            .rows
            .iter()
            .map(|r| {
                json!({
                    "period": r.period,
                    "start": r.start.format("%Y-%m-%d").to_string(),
                    "events": r.events,
                    "verbal_cooperation": r.quad[0],
                    "material_cooperation": r.quad[1],
                    "verbal_conflict": r.quad[2],
                    "material_conflict": r.quad[3],
                    "goldstein_mean": r.goldstein_mean.map(|g| (g * 1000.0).round() / 1000.0),
                    "mentions": r.mentions,
                })
            })
            .collect();
        Ok(json!({"by": by, "left_out": s.left_out, "rows": rows}))
    })
    .await?;
    Ok(Json(body).into_response())
}

async fn actors(State(state): State<Shared>, Query(raw): Query<HashMap<String, String>>) -> ApiResult {
    let p = Params::new(raw, &allowed(&["limit", "by_country", "q"]))?;
    let f = filter(&p)?;
    let limit = p.u64("limit", 20, MAX_ACTORS)?;
    let level = if p.flag("by_country")? { ActorLevel::Country } else { ActorLevel::Code };
    let q = p.get("q").map(str::to_ascii_uppercase);
    let err = query_error(f.text.is_some());
    let body = with_store(&state, move |store| {
        // With a search prefix, rank among more actors and keep the matches.
        let fetch = if q.is_some() { MAX_ACTORS } else { limit };
        let matches = |code: &str| q.as_deref().is_none_or(|q| code.starts_with(q));
        let actors: Vec<Value> = store
            .top_actors(&f, level, fetch)
            .map_err(&err)?
            .into_iter()
            .filter(|a| matches(&a.actor))
            .take(limit as usize)
            .map(|a| {
                json!({"actor": a.actor, "events": a.as_source + a.as_target, "as_source": a.as_source,
                       "as_target": a.as_target, "mentions": a.mentions})
            })
            .collect();
        let dyads: Vec<Value> = store
            .top_dyads(&f, level, fetch)
            .map_err(&err)?
            .into_iter()
            .filter(|d| matches(&d.a) || matches(&d.b))
            .take(limit as usize)
            .map(|d| {
                json!({"a": d.a, "b": d.b, "events": d.a_to_b + d.b_to_a, "a_to_b": d.a_to_b, "b_to_a": d.b_to_a,
                       "goldstein_mean": (d.goldstein_mean * 1000.0).round() / 1000.0, "mentions": d.mentions})
            })
            .collect();
        Ok(json!({"actors": actors, "dyads": dyads}))
    })
    .await?;
    Ok(Json(body).into_response())
}

async fn code(State(state): State<Shared>, body: Result<Bytes, BytesRejection>) -> ApiResult {
    let body = body.map_err(|e| {
        let status = e.status();
        let message = if status == StatusCode::PAYLOAD_TOO_LARGE {
            format!("request body larger than {MAX_BODY} bytes")
        } else {
            e.body_text()
        };
        ApiError::new(status, message)
    })?;
    let value: Value =
        serde_json::from_slice(&body).map_err(|e| ApiError::bad(format!("body is not valid JSON: {e}")))?;
    let Value::Object(mut map) = value else {
        return Err(ApiError::bad("body must be a JSON object {\"text\": ..., \"date\": \"YYYY-MM-DD\"}"));
    };
    let text = match map.remove("text") {
        Some(Value::String(s)) => s,
        None | Some(Value::Null) => return Err(ApiError::bad("missing `text`")),
        Some(_) => return Err(ApiError::bad("`text` must be a string")),
    };
    let date = match map.remove("date") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.trim().is_empty() => None,
        Some(Value::String(s)) => Some(parse_day("date", s.trim())?),
        Some(_) => return Err(ApiError::bad("`date` must be a string YYYY-MM-DD")),
    };
    if let Some(k) = map.keys().next() {
        return Err(ApiError::bad(format!("unknown field `{k}` (allowed: text, date)")));
    }
    let coder = state.config.coder.clone();
    let renderer = state.config.renderer.clone();
    let out = tokio::task::spawn_blocking(move || {
        let doc = Document::new("text", text).with_published(date);
        let coded = coder.code(&doc);
        let events: Vec<Value> =
            coded.events.iter().enumerate().map(|(i, e)| renderer.coded_event(&doc, i, e)).collect();
        let mut m = Map::new();
        m.insert("sentences".into(), json!(coded.sentences));
        m.insert("events".into(), Value::Array(events));
        Value::Object(m)
    })
    .await
    .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, format!("coding failed: {e}")))?;
    Ok(Json(out).into_response())
}
