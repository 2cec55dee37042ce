//! `dyad eval GOLD`: code a gold file and score the events.
//!
//! Gold files are the JSONL format of `tests/gold/` (see its README) or a
//! PETRARCH validation XML (`PETR2_GSR_validation.xml`), whose records'
//! `<EventCoding>`s are the gold events.

use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::anyhow;
use chrono::NaiveDate;
use clap::Args;
use dyad_eval::{evaluate, Case, EvalEvent, Level, Report};
use serde_json::{json, Value};

use crate::cli::DictArgs;
use crate::commands::validate::ReportFormat;
use crate::dicts;
use crate::status::{Failure, Status};

/// `dyad eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Gold file: JSONL (`tests/gold` format) or a PETRARCH validation `.xml`.
    #[arg(value_name = "GOLD")]
    pub gold: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: ReportFormat,
    /// List at most N misses and N false alarms (text format; JSON lists all).
    #[arg(long, value_name = "N", default_value_t = 30)]
    pub list: usize,
    #[command(flatten)]
    pub dicts: DictArgs,
}

/// A gold case before coding.
struct GoldCase {
    id: String,
    text: String,
    published: Option<NaiveDate>,
    events: Vec<EvalEvent>,
}

fn read_gold(path: &PathBuf) -> Result<Vec<GoldCase>, Failure> {
    let bytes =
        std::fs::read(path).map_err(|e| Failure::new(Status::Io, anyhow!("cannot read {}: {e}", path.display())))?;
    let text = String::from_utf8_lossy(&bytes);
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("xml")) {
        let name = path.display().to_string();
        let suite = dyad_peer::petrarch::read_suite(&name, &text);
        return Ok(suite
            .records
            .into_iter()
            .map(|r| GoldCase {
                id: r.id,
                text: r.text,
                published: r.date,
                events: r.expected.iter().map(|e| EvalEvent::new(&e.source, Some(&e.target), &e.code)).collect(),
            })
            .collect());
    }
    let mut cases = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(line).map_err(|e| {
            Failure::new(Status::InputProblems, anyhow!("{}:{}: not a gold record: {e}", path.display(), i + 1))
        })?;
        let s = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
        let events = v["events"]
            .as_array()
            .map(|evs| {
                evs.iter()
                    .map(|e| EvalEvent {
                        source: s(e, "source").unwrap_or_default(),
                        target: s(e, "target"),
                        code: s(e, "cameo").unwrap_or_default(),
                        date: s(e, "date"),
                        location: s(e, "location"),
                        ..EvalEvent::default()
                    })
                    .collect()
            })
            .unwrap_or_default();
        cases.push(GoldCase {
            id: s(&v, "id").unwrap_or_else(|| format!("line{}", i + 1)),
            text: s(&v, "text").unwrap_or_default(),
            published: s(&v, "date")
                .and_then(|d| NaiveDate::parse_from_str(d.get(..10).unwrap_or(&d), "%Y-%m-%d").ok()),
            events,
        });
    }
    Ok(cases)
}

/// Runs `dyad eval`.
pub fn run(args: &EvalArgs) -> Result<Status, Failure> {
    let gold = read_gold(&args.gold)?;
    let coder = dicts::coder(&args.dicts)?;
    let cases: Vec<Case> = gold
        .into_iter()
        .map(|g| {
            let coded = coder.code_text(&g.text, g.published);
            // As in the gold test: events coded as negated are not counted.
            let system = coded
                .events
                .iter()
                .filter(|e| !e.negated)
                .map(|e| EvalEvent {
                    source: e.source.code.clone(),
                    target: e.target.as_ref().map(|t| t.code.clone()),
                    code: e.cameo.as_str().to_string(),
                    date: e.date.map(|d| d.to_string()),
                    location: e.location.as_ref().map(|l| l.name.clone()),
                    rule: Some(format!("{}:{}", e.evidence.rule.file, e.evidence.rule.line)),
                    trigger: Some(e.evidence.trigger.clone()),
                })
                .collect();
            Case { id: g.id, text: g.text, gold: g.events, system }
        })
        .collect();
    let report = evaluate(&cases);
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let written = match args.format {
        ReportFormat::Text => write!(out, "{}", dyad_eval::render(&report, args.list))
            .and_then(|()| writeln!(out, "\n(explain a case: dyad explain \"TEXT\" --date YYYY-MM-DD)")),
        ReportFormat::Json => serde_json::to_writer_pretty(&mut out, &report_json(&report, &cases))
            .map_err(io::Error::other)
            .and_then(|()| writeln!(out)),
    };
    match written {
        Ok(()) => Ok(Status::Ok),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(Status::Ok),
        Err(e) => Err(Failure::new(Status::Io, anyhow!("cannot write to standard output: {e}"))),
    }
}

fn counts_json(c: &dyad_eval::Counts) -> Value {
    let r = |x: f64| (x * 10000.0).round() / 10000.0;
    json!({"tp": c.tp, "fp": c.fp, "fn": c.fn_, "precision": r(c.precision()), "recall": r(c.recall()), "f1": r(c.f1())})
}

fn event_json(e: &EvalEvent) -> Value {
    json!({"source": e.source, "target": e.target, "cameo": e.code, "date": e.date, "location": e.location, "rule": e.rule, "trigger": e.trigger})
}

fn report_json(r: &Report, cases: &[Case]) -> Value {
    let text_of = |id: &str| cases.iter().find(|c| c.id == id).map(|c| c.text.clone()).unwrap_or_default();
    let rsf = r.level(Level::RootSourceTarget);
    json!({
        "cases": r.cases,
        "cases_passed": r.cases_passed,
        "gold_events": r.gold_events,
        "coded_events": r.system_events,
        "precision": counts_json(&rsf)["precision"],
        "recall": counts_json(&rsf)["recall"],
        "f1": counts_json(&rsf)["f1"],
        "levels": r.levels.iter().map(|(l, c)| (l.name().to_string(), counts_json(c))).collect::<serde_json::Map<_, _>>(),
        "per_root": r.per_root.iter().map(|(k, c)| (k.clone(), counts_json(c))).collect::<serde_json::Map<_, _>>(),
        "per_plover": r.per_plover.iter().map(|(k, c)| (k.clone(), counts_json(c))).collect::<serde_json::Map<_, _>>(),
        "confusion": r.confusion.iter().map(|((g, s), n)| json!({"gold": g, "coded": s, "count": n})).collect::<Vec<_>>(),
        "dates": {"right": r.dates.0, "total": r.dates.1},
        "locations": {"right": r.locations.0, "total": r.locations.1},
        "misses": r.misses.iter().map(|m| json!({"case": m.case, "text": text_of(&m.case), "event": event_json(&m.event)})).collect::<Vec<_>>(),
        "false_alarms": r.false_alarms.iter().map(|m| json!({"case": m.case, "text": text_of(&m.case), "event": event_json(&m.event)})).collect::<Vec<_>>(),
    })
}
