//! Scoring coded events against gold codings.
//!
//! A [`Case`] holds a sentence's gold events and the events a coder produced.
//! [`evaluate`] matches them one-to-one within each case and reports
//! precision, recall and F1 at four [`Level`]s (CAMEO root; root + source
//! country; root + source + target; full code + source + target), per CAMEO
//! root and per PLOVER type, a confusion matrix of roots, date and location
//! accuracy, and the misses and false alarms.
//!
//! This crate knows nothing of file formats: callers build the cases.
//!
//! ```
//! use dyad_eval::{evaluate, Case, EvalEvent, Level};
//!
//! let ev = |s: &str, t: &str, c: &str| EvalEvent::new(s, Some(t), c);
//! let cases = vec![Case {
//!     id: "1".into(),
//!     text: "Freedonia met Sylvania.".into(),
//!     gold: vec![ev("FRD", "SYL", "040")],
//!     system: vec![ev("FRD", "SYL", "042")],
//! }];
//! let report = evaluate(&cases);
//! assert_eq!(report.level(Level::RootSourceTarget).recall(), 1.0);
//! assert_eq!(report.level(Level::Full).recall(), 0.0);
//! ```
#![deny(missing_docs)]

use std::collections::BTreeMap;

use dyad_core::cameo::CameoCode;

/// An event, gold or coded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EvalEvent {
    /// Source actor code.
    pub source: String,
    /// Target actor code, `None` when there is none.
    pub target: Option<String>,
    /// CAMEO (or peer) event code.
    pub code: String,
    /// Event date as text (`2025-04-14`, `2025-04`), when known.
    pub date: Option<String>,
    /// Location name, when known.
    pub location: Option<String>,
    /// For coded events: the dictionary line that fired (`file:line`).
    pub rule: Option<String>,
    /// For coded events: the trigger words.
    pub trigger: Option<String>,
}

impl EvalEvent {
    /// An event with source, target and code only.
    pub fn new(source: &str, target: Option<&str>, code: &str) -> EvalEvent {
        EvalEvent {
            source: source.to_string(),
            target: target.filter(|t| !t.is_empty()).map(str::to_string),
            code: code.to_string(),
            ..EvalEvent::default()
        }
    }

    /// The CAMEO root: the first two digits of the code.
    pub fn root(&self) -> &str {
        self.code.get(..2).unwrap_or(&self.code)
    }

    /// The PLOVER type of the code, or `-` when the code does not map.
    pub fn plover(&self) -> String {
        CameoCode::parse(&self.code)
            .and_then(|c| c.plover())
            .map_or_else(|| "-".to_string(), |m| m.event.as_str().to_string())
    }

    /// `SRC TGT CODE` for reports.
    pub fn short(&self) -> String {
        format!("{} / {} / {}", self.source, self.target.as_deref().unwrap_or("-"), self.code)
    }

    fn key(&self, level: Level) -> (String, String, String) {
        let country = |c: &str| c.get(..3).unwrap_or(c).to_string();
        match level {
            Level::Root => (self.root().to_string(), String::new(), String::new()),
            Level::RootSource => (self.root().to_string(), country(&self.source), String::new()),
            Level::RootSourceTarget => {
                (self.root().to_string(), self.source.clone(), self.target.clone().unwrap_or_default())
            }
            Level::Full => (self.code.clone(), self.source.clone(), self.target.clone().unwrap_or_default()),
        }
    }
}

/// One sentence (or story) with its gold and coded events.
#[derive(Clone, Debug, Default)]
pub struct Case {
    /// Case id.
    pub id: String,
    /// The text, for reports.
    pub text: String,
    /// What a careful coder expects.
    pub gold: Vec<EvalEvent>,
    /// What the coder produced.
    pub system: Vec<EvalEvent>,
}

/// How strictly two events must agree to match.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Same CAMEO root.
    Root,
    /// Same root and the same source country (first block of the code).
    RootSource,
    /// Same root, source code and target code.
    RootSourceTarget,
    /// Same full code, source and target.
    Full,
}

impl Level {
    /// All levels, loosest first.
    pub const ALL: [Level; 4] = [Level::Root, Level::RootSource, Level::RootSourceTarget, Level::Full];

    /// A short name (`root`, `root+source`, `root+source+target`, `full`).
    pub fn name(self) -> &'static str {
        match self {
            Level::Root => "root",
            Level::RootSource => "root+source",
            Level::RootSourceTarget => "root+source+target",
            Level::Full => "full",
        }
    }
}

/// True/false positives and false negatives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Matched events.
    pub tp: usize,
    /// Coded events with no gold match.
    pub fp: usize,
    /// Gold events with no coded match.
    pub fn_: usize,
}

impl Counts {
    /// tp / (tp + fp); 1 when nothing was coded.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// tp / (tp + fn); 1 when nothing was expected.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// A gold event the coder missed, or a coded event gold does not have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mismatch {
    /// Case id.
    pub case: String,
    /// The event.
    pub event: EvalEvent,
}

/// Everything [`evaluate`] measures.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Number of cases.
    pub cases: usize,
    /// Cases whose coded events equal the gold events at the full level.
    pub cases_passed: usize,
    /// Gold events.
    pub gold_events: usize,
    /// Coded events.
    pub system_events: usize,
    /// Counts per level, in [`Level::ALL`] order.
    pub levels: Vec<(Level, Counts)>,
    /// Per CAMEO root, at the root+source+target level.
    pub per_root: BTreeMap<String, Counts>,
    /// Per PLOVER type, at the root+source+target level.
    pub per_plover: BTreeMap<String, Counts>,
    /// (gold root, coded root) → count, pairing events with the same source
    /// and target; `-` stands for "no event".
    pub confusion: BTreeMap<(String, String), usize>,
    /// Matched events (root+source+target) whose gold gives a date: (right, total).
    pub dates: (usize, usize),
    /// Matched events whose gold gives a location: (right, total).
    pub locations: (usize, usize),
    /// Gold events not matched at root+source+target.
    pub misses: Vec<Mismatch>,
    /// Coded events not matched at root+source+target.
    pub false_alarms: Vec<Mismatch>,
}

impl Report {
    /// The counts at a level.
    pub fn level(&self, level: Level) -> Counts {
        self.levels.iter().find(|(l, _)| *l == level).map(|(_, c)| *c).unwrap_or_default()
    }
}

/// Matches gold and coded events one-to-one at a level; returns the pairs
/// (gold index, system index).
pub fn match_events(gold: &[EvalEvent], system: &[EvalEvent], level: Level) -> Vec<(usize, usize)> {
    let mut used = vec![false; system.len()];
    let mut pairs = Vec::new();
    // Exact full matches first so that a looser level pairs the right events.
    for pass in [Level::Full, level] {
        for (g, ge) in gold.iter().enumerate() {
            if pairs.iter().any(|(pg, _)| *pg == g) {
                continue;
            }
            let key = ge.key(level);
            let found = system
                .iter()
                .enumerate()
                .find(|(s, se)| !used[*s] && se.key(level) == key && (pass == level || se.key(pass) == ge.key(pass)));
            if let Some((s, _)) = found {
                used[s] = true;
                pairs.push((g, s));
            }
        }
    }
    pairs
}

/// Scores the cases.
pub fn evaluate(cases: &[Case]) -> Report {
    let mut r = Report { cases: cases.len(), ..Report::default() };
    let mut levels: Vec<(Level, Counts)> = Level::ALL.iter().map(|l| (*l, Counts::default())).collect();
    for case in cases {
        r.gold_events += case.gold.len();
        r.system_events += case.system.len();
        for (level, counts) in &mut levels {
            let pairs = match_events(&case.gold, &case.system, *level);
            counts.tp += pairs.len();
            counts.fn_ += case.gold.len() - pairs.len();
            counts.fp += case.system.len() - pairs.len();
            if *level == Level::Full && pairs.len() == case.gold.len() && pairs.len() == case.system.len() {
                r.cases_passed += 1;
            }
        }
        let pairs = match_events(&case.gold, &case.system, Level::RootSourceTarget);
        for &(g, s) in &pairs {
            let (ge, se) = (&case.gold[g], &case.system[s]);
            r.per_root.entry(ge.root().to_string()).or_default().tp += 1;
            r.per_plover.entry(ge.plover()).or_default().tp += 1;
            if let Some(d) = &ge.date {
                r.dates.1 += 1;
                r.dates.0 += usize::from(se.date.as_ref() == Some(d));
            }
            if let Some(l) = &ge.location {
                r.locations.1 += 1;
                r.locations.0 += usize::from(se.location.as_ref().is_some_and(|x| x.eq_ignore_ascii_case(l)));
            }
        }
        for (g, ge) in case.gold.iter().enumerate() {
            if !pairs.iter().any(|(pg, _)| *pg == g) {
                r.per_root.entry(ge.root().to_string()).or_default().fn_ += 1;
                r.per_plover.entry(ge.plover()).or_default().fn_ += 1;
                r.misses.push(Mismatch { case: case.id.clone(), event: ge.clone() });
            }
        }
        for (s, se) in case.system.iter().enumerate() {
            if !pairs.iter().any(|(_, ps)| *ps == s) {
                r.per_root.entry(se.root().to_string()).or_default().fp += 1;
                r.per_plover.entry(se.plover()).or_default().fp += 1;
                r.false_alarms.push(Mismatch { case: case.id.clone(), event: se.clone() });
            }
        }
        confusion(&mut r.confusion, &case.gold, &case.system);
    }
    r.levels = levels;
    r
}

fn confusion(m: &mut BTreeMap<(String, String), usize>, gold: &[EvalEvent], system: &[EvalEvent]) {
    let pairs = match_events(gold, system, Level::RootSourceTarget);
    let mut g_used: Vec<bool> = (0..gold.len()).map(|g| pairs.iter().any(|(pg, _)| *pg == g)).collect();
    let mut s_used: Vec<bool> = (0..system.len()).map(|s| pairs.iter().any(|(_, ps)| *ps == s)).collect();
    for &(g, _) in &pairs {
        *m.entry((gold[g].root().to_string(), gold[g].root().to_string())).or_insert(0) += 1;
    }
    // Same actors, different root.
    for (g, ge) in gold.iter().enumerate() {
        if g_used[g] {
            continue;
        }
        let found =
            system.iter().enumerate().find(|(s, se)| !s_used[*s] && se.source == ge.source && se.target == ge.target);
        if let Some((s, se)) = found {
            s_used[s] = true;
            g_used[g] = true;
            *m.entry((ge.root().to_string(), se.root().to_string())).or_insert(0) += 1;
        }
    }
    for (g, ge) in gold.iter().enumerate() {
        if !g_used[g] {
            *m.entry((ge.root().to_string(), "-".to_string())).or_insert(0) += 1;
        }
    }
    for (s, se) in system.iter().enumerate() {
        if !s_used[s] {
            *m.entry(("-".to_string(), se.root().to_string())).or_insert(0) += 1;
        }
    }
}

/// A plain-text rendering of a report (the CLI's `--format text`).
pub fn render(report: &Report, max_listed: usize) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "cases {}  passed {}  gold events {}  coded events {}",
        report.cases, report.cases_passed, report.gold_events, report.system_events
    );
    let _ = writeln!(
        s,
        "\n{:<20} {:>5} {:>5} {:>5} {:>9} {:>9} {:>9}",
        "level", "tp", "fp", "fn", "precision", "recall", "f1"
    );
    for (level, c) in &report.levels {
        let _ = writeln!(
            s,
            "{:<20} {:>5} {:>5} {:>5} {:>9.3} {:>9.3} {:>9.3}",
            level.name(),
            c.tp,
            c.fp,
            c.fn_,
            c.precision(),
            c.recall(),
            c.f1()
        );
    }
    let table = |s: &mut String, title: &str, m: &BTreeMap<String, Counts>| {
        let _ = writeln!(
            s,
            "\n{:<20} {:>5} {:>5} {:>5} {:>9} {:>9} {:>9}",
            title, "tp", "fp", "fn", "precision", "recall", "f1"
        );
        for (k, c) in m {
            let _ = writeln!(
                s,
                "{:<20} {:>5} {:>5} {:>5} {:>9.3} {:>9.3} {:>9.3}",
                k,
                c.tp,
                c.fp,
                c.fn_,
                c.precision(),
                c.recall(),
                c.f1()
            );
        }
    };
    table(&mut s, "root (r+s+t)", &report.per_root);
    table(&mut s, "plover (r+s+t)", &report.per_plover);
    let _ = writeln!(s, "\nconfusion (gold root -> coded root, `-` = none):");
    for ((g, c), n) in &report.confusion {
        if g != c {
            let _ = writeln!(s, "  {g:>2} -> {c:<2} {n}");
        }
    }
    let pct = |(a, b): (usize, usize)| {
        if b == 0 {
            "n/a".to_string()
        } else {
            format!("{a}/{b} ({:.3})", a as f64 / b as f64)
        }
    };
    let _ = writeln!(s, "\ndates right: {}\nlocations right: {}", pct(report.dates), pct(report.locations));
    let _ = writeln!(s, "\nmisses ({}):", report.misses.len());
    for m in report.misses.iter().take(max_listed) {
        let _ = writeln!(s, "  {}: {}", m.case, m.event.short());
    }
    let _ = writeln!(s, "\nfalse alarms ({}):", report.false_alarms.len());
    for m in report.false_alarms.iter().take(max_listed) {
        let _ = writeln!(
            s,
            "  {}: {}  [{} \"{}\"]",
            m.case,
            m.event.short(),
            m.event.rule.as_deref().unwrap_or("-"),
            m.event.trigger.as_deref().unwrap_or("")
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(s: &str, t: &str, c: &str) -> EvalEvent {
        EvalEvent::new(s, Some(t), c)
    }

    #[test]
    fn levels_and_tables() {
        let cases = vec![
            Case {
                id: "a".into(),
                text: String::new(),
                gold: vec![ev("FRDGOV", "SYL", "040"), ev("SYL", "FRDGOV", "040")],
                system: vec![ev("FRDMIL", "SYL", "042"), ev("SYL", "FRDGOV", "040")],
            },
            Case { id: "b".into(), text: String::new(), gold: vec![], system: vec![ev("FRD", "SYL", "190")] },
        ];
        let r = evaluate(&cases);
        assert_eq!(r.level(Level::Root), Counts { tp: 2, fp: 1, fn_: 0 });
        assert_eq!(r.level(Level::RootSource), Counts { tp: 2, fp: 1, fn_: 0 });
        assert_eq!(r.level(Level::RootSourceTarget), Counts { tp: 1, fp: 2, fn_: 1 });
        assert_eq!(r.level(Level::Full), Counts { tp: 1, fp: 2, fn_: 1 });
        assert_eq!(r.cases_passed, 0);
        assert_eq!(r.per_root["04"], Counts { tp: 1, fp: 1, fn_: 1 });
        assert_eq!(r.per_root["19"], Counts { tp: 0, fp: 1, fn_: 0 });
        assert_eq!(r.confusion[&("-".to_string(), "19".to_string())], 1);
        assert_eq!(r.misses.len(), 1);
        assert_eq!(r.false_alarms.len(), 2);
        assert!(render(&r, 10).contains("root+source+target"));
    }

    #[test]
    fn full_matches_pair_first_and_dates_count() {
        let mut g = ev("FRD", "SYL", "042");
        g.date = Some("2025-01-02".into());
        let mut s = g.clone();
        s.date = Some("2025-01-03".into());
        let cases = vec![Case {
            id: "x".into(),
            text: String::new(),
            gold: vec![ev("FRD", "SYL", "040"), g],
            system: vec![s, ev("FRD", "SYL", "040")],
        }];
        let r = evaluate(&cases);
        assert_eq!(r.level(Level::Full).tp, 2);
        assert_eq!(r.cases_passed, 1);
        assert_eq!(r.dates, (0, 1));
        let p = Counts { tp: 3, fp: 1, fn_: 3 };
        assert!((p.f1() - 0.6).abs() < 1e-9);
    }
}
