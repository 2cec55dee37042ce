//! `dyad validate tabari PROJECT` / `dyad validate petrarch XML`: run a peer
//! coder's validation suite with its own dictionaries, converted in memory
//! into dyad's format and coded by dyad's engine.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::anyhow;
use clap::{Args, ValueEnum};
use dyad_peer::{petrarch, tabari, Conventions, Converted, PeerCoder, PeerEvent, Suite, SuiteRecord};
use dyad_text::Lexicon;
use serde_json::{json, Value};

use crate::status::{Failure, Status};

/// Which peer suite.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SuiteKind {
    /// TABARI: a `.project` file naming actors, agents, verbs, options and the validation text.
    Tabari,
    /// PETRARCH: a validation XML whose `<Environment>` names the dictionaries.
    Petrarch,
}

/// Dictionary format for `--dict-format`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum DictFormat {
    /// dyad's own format (docs/dictionaries.md).
    #[default]
    Dyad,
    /// TABARI, from a `.project` file (`--project FILE`).
    Tabari,
    /// PETRARCH, from a directory of its dictionaries (`--dict DIR`).
    Petrarch,
}

/// A builder holding peer dictionaries converted for `dyad code` and
/// `dyad explain` (`--dict-format tabari|petrarch`). What dyad's format
/// cannot express is left out and reported on stderr as a count by kind.
pub fn peer_builder(args: &crate::cli::DictArgs) -> Result<dyad_dict::DictionariesBuilder, Failure> {
    let lexicon = Lexicon::english();
    let io_fail = |p: &Path, e: io::Error| Failure::new(Status::Io, anyhow!("cannot read {}: {e}", p.display()));
    let converted = match args.dict_format {
        DictFormat::Dyad => return Err(Failure::new(Status::Usage, anyhow!("not a peer format"))),
        DictFormat::Tabari => {
            let Some(project) = &args.project else {
                return Err(Failure::new(Status::Usage, anyhow!("--dict-format tabari needs --project FILE")));
            };
            tabari::Project::read(project).map_err(|e| io_fail(project, e))?.convert(&lexicon)
        }
        DictFormat::Petrarch => {
            let [dir] = &args.dirs[..] else {
                return Err(Failure::new(Status::Usage, anyhow!("--dict-format petrarch needs one --dict DIR")));
            };
            petrarch::Dictionaries::from_dir(dir).map_err(|e| io_fail(dir, e))?.convert(&lexicon)
        }
    };
    let converted = converted.for_dyad();
    let counts: Vec<String> = converted.counts().iter().map(|(k, v)| format!("{k} {v}")).collect();
    if !counts.is_empty() {
        crate::report::emit(format_args!(
            "dyad: peer dictionaries: not converted / approximated: {}",
            counts.join(", ")
        ));
    }
    let coder_check = converted.builder().check(&lexicon);
    if !coder_check.is_empty() {
        crate::report::emit(format_args!(
            "dyad: peer dictionaries: {} converted entries rejected by dyad (first: {})",
            coder_check.len(),
            coder_check[0]
        ));
    }
    // Rejected lines are blanked so that the rest compiles.
    let bad: std::collections::HashSet<(String, u32)> = coder_check.iter().map(|d| (d.file.clone(), d.line)).collect();
    let mut builder = dyad_dict::DictionariesBuilder::new();
    for (name, text) in &converted.sources {
        let kept: Vec<&str> = text
            .lines()
            .enumerate()
            .map(|(i, l)| if bad.contains(&(name.clone(), i as u32 + 1)) { "" } else { l })
            .collect();
        builder.add_source(name, &kept.join("\n"));
    }
    Ok(builder)
}

/// Report format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// For people.
    Text,
    /// One JSON object, for tools.
    Json,
}

/// `dyad validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// The suite's format.
    #[arg(value_enum)]
    pub suite: SuiteKind,
    /// TABARI `.project` file, or PETRARCH validation `.xml` file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: ReportFormat,
    /// List at most N failing records (text format; JSON lists them all).
    #[arg(long, value_name = "N", default_value_t = 40)]
    pub failures: usize,
    /// Only run records of this section (repeatable).
    #[arg(long, value_name = "SECTION")]
    pub section: Vec<String>,
    /// Also list every conversion diagnostic (text format).
    #[arg(long)]
    pub diagnostics: bool,
    /// TABARI: code every verb of a sentence (dyad's convention) instead of
    /// only the first verb that codes (TABARI's).
    #[arg(long)]
    pub all_verbs: bool,
    /// Let an agent with no actor of its own (`officials said`) take a
    /// country from context, as dyad does; the peers do not code it.
    #[arg(long)]
    pub bare_agents: bool,
    /// Count events that have no target, as dyad does; the peers code
    /// only events with a source and a target.
    #[arg(long)]
    pub no_target_ok: bool,
    /// Do not take the first actor after the verb as the target when the
    /// grammar finds none (the peers do).
    #[arg(long)]
    pub no_target_after_verb: bool,
}

/// Counts for a set of records.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    records: usize,
    passed: usize,
    expected: usize,
    found: usize,
    matched: usize,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.records += other.records;
        self.passed += other.passed;
        self.expected += other.expected;
        self.found += other.found;
        self.matched += other.matched;
    }

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

    fn json(&self) -> Value {
        json!({
            "records": self.records,
            "passed": self.passed,
            "pass_rate": round(if self.records == 0 { 1.0 } else { self.passed as f64 / self.records as f64 }),
            "events_expected": self.expected,
            "events_found": self.found,
            "events_missing": self.expected - self.matched,
            "events_extra": self.found - self.matched,
            "precision": round(self.precision()),
            "recall": round(self.recall()),
        })
    }
}

fn round(x: f64) -> f64 {
    (x * 10000.0).round() / 10000.0
}

/// One coded record.
struct Outcome<'a> {
    record: &'a SuiteRecord,
    found: Vec<PeerEvent>,
    tally: Tally,
}

/// Loads the suite and its dictionaries, converted.
fn load(kind: SuiteKind, file: &Path, lexicon: &Lexicon) -> Result<(Converted, Suite), Failure> {
    let io_fail = |e: io::Error| Failure::new(Status::Io, anyhow!("cannot read {}: {e}", file.display()));
    match kind {
        SuiteKind::Tabari => {
            let project = tabari::Project::read(file).map_err(io_fail)?;
            if project.texts.is_empty() {
                return Err(Failure::new(Status::Usage, anyhow!("{}: no <textfile> in the project", file.display())));
            }
            let mut suite = Suite::default();
            let settings = tabari::Settings::from_options(project.options.iter().map(|(_, t)| t.as_str()));
            for (name, text) in &project.texts {
                let s = tabari::read_suite_with(name, text, settings.clone());
                suite.records.extend(s.records);
                suite.diagnostics.extend(s.diagnostics);
            }
            Ok((project.convert(lexicon), suite))
        }
        SuiteKind::Petrarch => {
            let xml = tabari::read_lossy(file).map_err(io_fail)?;
            let env = petrarch::environment(&xml);
            let dir = file.parent().unwrap_or(Path::new("."));
            let dicts = petrarch::Dictionaries::from_environment(&env, dir).map_err(io_fail)?;
            let name =
                file.file_name().map_or_else(|| file.display().to_string(), |n| n.to_string_lossy().into_owned());
            Ok((dicts.convert(lexicon), petrarch::read_suite(&name, &xml)))
        }
    }
}

/// Scores one record: events are compared as (source, target, code) multisets.
fn score<'a>(record: &'a SuiteRecord, found: Vec<PeerEvent>) -> Outcome<'a> {
    let mut left: Vec<&PeerEvent> = found.iter().collect();
    let mut matched = 0;
    for e in &record.expected {
        if let Some(p) = left.iter().position(|f| f.source == e.source && f.target == e.target && f.code == e.code) {
            left.remove(p);
            matched += 1;
        }
    }
    let passed = matched == record.expected.len() && matched == found.len();
    let tally =
        Tally { records: 1, passed: usize::from(passed), expected: record.expected.len(), found: found.len(), matched };
    Outcome { record, found, tally }
}

/// Runs `dyad validate`.
pub fn run(args: &ValidateArgs) -> Result<Status, Failure> {
    let lexicon = Arc::new(Lexicon::english());
    let (converted, suite) = load(args.suite, &args.file, &lexicon)?;
    let (coder, rejected) = PeerCoder::build(&converted, lexicon);
    let base = match args.suite {
        SuiteKind::Tabari => Conventions::tabari(),
        SuiteKind::Petrarch => Conventions::default(),
    };
    let coder = coder.with_conventions(Conventions {
        no_bare_agents: !args.bare_agents,
        first_trigger_only: base.first_trigger_only && !args.all_verbs,
        require_target: !args.no_target_ok,
        target_after_verb: !args.no_target_after_verb,
        ..base
    });
    let mut diag_counts: BTreeMap<&str, usize> = converted.counts();
    for d in rejected.iter().chain(&suite.diagnostics) {
        *diag_counts.entry(d.kind).or_insert(0) += 1;
    }
    let records: Vec<&SuiteRecord> = suite
        .records
        .iter()
        .filter(|r| args.section.is_empty() || args.section.iter().any(|s| s.eq_ignore_ascii_case(&r.section)))
        .collect();
    let outcomes: Vec<Outcome<'_>> = records
        .iter()
        .map(|r| score(r, coder.code_with(&r.text, r.date, coder.conventions().for_record(r, args.no_target_ok))))
        .collect();
    let mut total = Tally::default();
    let mut sections: BTreeMap<&str, Tally> = BTreeMap::new();
    for o in &outcomes {
        total.add(&o.tally);
        sections.entry(o.record.section.as_str()).or_default().add(&o.tally);
    }
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let written = match args.format {
        ReportFormat::Json => {
            let mut v = total.json();
            let obj = v.as_object_mut().expect("object");
            obj.insert("suite".into(), json!(format!("{:?}", args.suite).to_lowercase()));
            obj.insert("file".into(), json!(args.file.display().to_string()));
            obj.insert("sections".into(), sections.iter().map(|(k, t)| (k.to_string(), t.json())).collect());
            obj.insert("converted".into(), json!(converted.converted));
            obj.insert("diagnostics".into(), json!(diag_counts));
            let failing: Vec<Value> = outcomes
                .iter()
                .filter(|o| o.tally.passed == 0)
                .map(|o| {
                    json!({
                        "id": o.record.id,
                        "section": o.record.section,
                        "text": o.record.text,
                        "expected": o.record.expected.iter().map(|e| json!({"source": e.source, "target": e.target, "code": e.code})).collect::<Vec<_>>(),
                        "found": o.found.iter().map(|e| json!({"source": e.source, "target": e.target, "code": e.code, "rule": e.rule, "peer_rule": coder.peer_rule(&e.rule), "trigger": e.trigger})).collect::<Vec<_>>(),
                    })
                })
                .collect();
            obj.insert("failing".into(), Value::Array(failing));
            serde_json::to_writer_pretty(&mut out, &v).map_err(io::Error::other).and_then(|()| writeln!(out))
        }
        ReportFormat::Text => write_text(
            &mut out,
            args,
            &converted,
            &rejected,
            &suite,
            &diag_counts,
            &outcomes,
            &sections,
            &total,
            &coder,
        ),
    };
    match written {
        Ok(()) => Ok(Status::Ok),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(Status::Ok),
        Err(e) => Err(Failure::new(Status::Io, anyhow!("cannot write to standard output: {e}"))),
    }
}

#[allow(clippy::too_many_arguments)]
fn write_text(
    out: &mut impl Write,
    args: &ValidateArgs,
    converted: &Converted,
    rejected: &[dyad_peer::PeerDiagnostic],
    suite: &Suite,
    diag_counts: &BTreeMap<&str, usize>,
    outcomes: &[Outcome<'_>],
    sections: &BTreeMap<&str, Tally>,
    total: &Tally,
    coder: &PeerCoder,
) -> io::Result<()> {
    let shown = |v: &[(String, String, String)]| {
        if v.is_empty() {
            "(none)".to_string()
        } else {
            v.iter()
                .map(|(s, t, c)| format!("{s} / {} / {c}", if t.is_empty() { "-" } else { t }))
                .collect::<Vec<_>>()
                .join("; ")
        }
    };
    let mut failing = 0;
    for o in outcomes.iter().filter(|o| o.tally.passed == 0) {
        failing += 1;
        if failing > args.failures {
            continue;
        }
        let want: Vec<_> =
            o.record.expected.iter().map(|e| (e.source.clone(), e.target.clone(), e.code.clone())).collect();
        let got: Vec<_> = o.found.iter().map(|e| (e.source.clone(), e.target.clone(), e.code.clone())).collect();
        writeln!(out, "FAIL {} [{}]: {}", o.record.id, o.record.section, o.record.text)?;
        writeln!(out, "    want: {}", shown(&want))?;
        writeln!(out, "    got:  {}", shown(&got))?;
        for e in &o.found {
            let peer = coder.peer_rule(&e.rule).unwrap_or_default();
            writeln!(
                out,
                "      {} / {} / {}  trigger \"{}\"  {}  {}",
                e.source, e.target, e.code, e.trigger, e.rule, peer
            )?;
        }
    }
    if failing > args.failures {
        writeln!(out, "... {} more failing records (use --failures N)", failing - args.failures)?;
    }
    if args.diagnostics {
        for d in converted.diagnostics.iter().chain(rejected).chain(&suite.diagnostics) {
            writeln!(out, "{d}")?;
        }
    }
    writeln!(out)?;
    let conv: Vec<String> = converted.converted.iter().map(|(k, v)| format!("{v} {k}")).collect();
    writeln!(out, "converted: {}", conv.join(", "))?;
    let diags: Vec<String> = diag_counts.iter().map(|(k, v)| format!("{k} {v}")).collect();
    writeln!(out, "not converted / approximated: {}", diags.join(", "))?;
    writeln!(out)?;
    writeln!(
        out,
        "{:<12} {:>7} {:>7} {:>8} {:>6} {:>7} {:>7} {:>9} {:>7}",
        "section", "records", "passed", "expected", "found", "missing", "extra", "precision", "recall"
    )?;
    let row = |out: &mut dyn Write, name: &str, t: &Tally| {
        writeln!(
            out,
            "{:<12} {:>7} {:>7} {:>8} {:>6} {:>7} {:>7} {:>9.3} {:>7.3}",
            name,
            t.records,
            t.passed,
            t.expected,
            t.found,
            t.expected - t.matched,
            t.found - t.matched,
            t.precision(),
            t.recall()
        )
    };
    for (name, t) in sections {
        row(out, name, t)?;
    }
    row(out, "TOTAL", total)?;
    let rate = if total.records == 0 { 1.0 } else { total.passed as f64 / total.records as f64 };
    writeln!(out, "passed {}/{} records ({:.1}%)", total.passed, total.records, rate * 100.0)
}
