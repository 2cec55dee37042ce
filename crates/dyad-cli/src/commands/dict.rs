//! `dyad dict check [DIR]`, `dyad dict lookup TEXT`, `dyad dict stats`.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

use chrono::NaiveDate;
use dyad_core::Span;
use dyad_dict::{ActorKind, PatternInput, PhraseCase};
use dyad_geo::Gazetteer;
use dyad_text::{Case, Lexicon, Tag, Token};

use crate::cli::{DictArgs, DictCheckArgs};
use crate::status::{Failure, Status};
use crate::{dicts, report};

/// Checks the default dictionaries plus `DIR`; every problem goes to stderr as
/// `file:line: message`. Status 3 when there is any, 0 when all are valid.
pub fn check(args: &DictCheckArgs) -> Result<Status, Failure> {
    let dict_args =
        DictArgs { dirs: args.dir.iter().cloned().collect(), no_default_dict: false, ..DictArgs::default() };
    let builder = dicts::builder(&dict_args)?;
    let diagnostics = builder.check(&Lexicon::english());
    for d in &diagnostics {
        report::emit(format_args!("{d}"));
    }
    let what = match &args.dir {
        Some(dir) => format!("default dictionaries + {}", dir.display()),
        None => "default dictionaries".to_string(),
    };
    if diagnostics.is_empty() {
        report::emit(format_args!("dyad: {what}: no errors"));
        Ok(Status::Ok)
    } else {
        report::emit(format_args!("dyad: {what}: {} error(s)", diagnostics.len()));
        Ok(Status::Dictionary)
    }
}

// ---------------------------------------------------------------- dict lookup

/// `dyad dict lookup`.
#[derive(Debug, clap::Args)]
pub struct DictLookupArgs {
    /// The text to look up (a phrase or a sentence).
    #[arg(value_name = "TEXT")]
    pub text: String,
    /// Story date (YYYY-MM-DD): shows which dated actor entries apply.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    #[command(flatten)]
    pub dicts: DictArgs,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        Ok(d) if s.len() == 10 => Ok(d),
        _ => Err(format!("`{s}` is not a date in the form YYYY-MM-DD")),
    }
}

/// The analysed text and the keys each token may match under, as the coder
/// computes them (form, lemma in context, context-free lemma).
struct Analysed {
    text: String,
    tokens: Vec<Token>,
    cf: Vec<String>,
    /// Longest actor or agent phrase starting at each token: its end.
    atom_end: Vec<Option<usize>>,
    /// Start of the atom ending (exclusively) at each position.
    atom_start: Vec<Option<usize>>,
}

impl Analysed {
    fn keys(&self, i: usize) -> [&str; 3] {
        let t = &self.tokens[i];
        [t.norm.as_str(), t.lemma.as_str(), self.cf[i].as_str()]
    }

    fn slice(&self, start: usize, end: usize) -> &str {
        &self.text[self.tokens[start].span.start..self.tokens[end - 1].span.end]
    }
}

impl PatternInput for Analysed {
    fn len(&self) -> usize {
        self.tokens.len()
    }
    fn keys(&self, i: usize) -> [&str; 3] {
        Analysed::keys(self, i)
    }
    fn is_verb(&self, i: usize) -> bool {
        self.tokens[i].tag.is_verb()
    }
    fn actor_from(&self, i: usize) -> Option<usize> {
        self.atom_end.get(i).copied().flatten()
    }
    fn actor_until(&self, end: usize) -> Option<usize> {
        self.atom_start.get(end).copied().flatten()
    }
    fn skippable(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        !matches!(t.tag, Tag::Punct | Tag::Conj | Tag::Sconj) && !t.tag.is_verb()
    }
}

/// Whether tokens `start..end` are written as an actor phrase demands.
fn case_fits(tokens: &[Token], case: PhraseCase) -> bool {
    match case {
        PhraseCase::Any => true,
        PhraseCase::Capitalised => tokens[0].case != Case::Lower,
        PhraseCase::Acronym => tokens.iter().all(|t| t.case == Case::Upper),
    }
}

/// Prints every dictionary entry and gazetteer place that matches a span of
/// the text, with its `file:line`.
pub fn lookup(args: &DictLookupArgs) -> Result<Status, Failure> {
    let lexicon = Lexicon::english();
    let dictionaries = dicts::builder(&args.dicts)?.build(&lexicon).map_err(dicts::failure)?;
    let geo = Gazetteer::world();
    let text = args.text.clone();
    let tokens = lexicon.analyze(&text, Span::new(0, text.len()));
    let cf = tokens.iter().map(|t| lexicon.lemma(&t.norm).to_string()).collect();
    let n = tokens.len();
    let mut a = Analysed { text, tokens, cf, atom_end: vec![None; n], atom_start: vec![None; n + 1] };
    let mut lines = Vec::new();

    let tags: Vec<String> = a.tokens.iter().map(|t| format!("{}/{}/{}", t.norm, t.lemma, t.tag.short())).collect();
    lines.push(format!("tokens: {}", tags.join(" ")));

    let mut next_free = 0;
    for i in 0..n {
        let mut longest = None;
        for (end, ids) in dictionaries.actor_trie().matches_at(i, n, |k| a.keys(k)) {
            for &id in ids {
                let e = &dictionaries.actors()[id as usize];
                let mut notes = Vec::new();
                if !case_fits(&a.tokens[i..end], e.case) {
                    notes.push(format!("not as written: needs {:?} case", e.case));
                }
                if !e.applies(args.date) {
                    notes.push("not in force on --date".to_string());
                }
                let usable = notes.is_empty();
                match e.kind {
                    ActorKind::Person => notes.push("person".to_string()),
                    ActorKind::Collective => notes.push("collective".to_string()),
                    ActorKind::Unspecified => {}
                }
                if e.is_bounded() {
                    let day = |d: Option<NaiveDate>| d.map_or("-".to_string(), |d| d.to_string());
                    notes.push(format!("from {} until {}", day(e.from), day(e.until)));
                }
                if usable {
                    longest = longest.max(Some(end));
                }
                let notes = if notes.is_empty() { String::new() } else { format!("  ({})", notes.join("; ")) };
                lines.push(format!(
                    "actor    {:<28} {:<12} {}{}",
                    format!("{:?}", a.slice(i, end)),
                    e.code,
                    e.rule,
                    notes
                ));
            }
        }
        for (end, ids) in dictionaries.agent_trie().matches_at(i, n, |k| a.keys(k)) {
            longest = longest.max(Some(end));
            for &id in ids {
                let e = &dictionaries.agents()[id as usize];
                lines.push(format!("agent    {:<28} {:<12} {}", format!("{:?}", a.slice(i, end)), e.sector, e.rule));
            }
        }
        for (end, ids) in dictionaries.place_trie().matches_at(i, n, |k| a.keys(k)) {
            for &id in ids {
                let e = &dictionaries.places()[id as usize];
                let capital = if e.capital { " capital" } else { "" };
                lines.push(format!(
                    "place    {:<28} {:<12} {}  ({:.2}, {:.2}){capital}",
                    format!("{:?}", a.slice(i, end)),
                    e.country,
                    e.rule,
                    e.lat,
                    e.lon
                ));
            }
        }
        // Actor slots of patterns: the longest phrases, left to right, as
        // the coder groups them (without its noun-phrase grammar).
        if let Some(end) = longest.filter(|_| i >= next_free) {
            a.atom_end[i] = Some(end);
            a.atom_start[end] = Some(i);
            next_free = end;
        }
    }

    for m in dictionaries.find_patterns(&a) {
        let p = &dictionaries.patterns()[m.pattern as usize];
        let trigger: Vec<&str> = m.trigger.iter().map(|&t| a.slice(t, t + 1)).collect();
        let slot = |name: &str, s: Option<(usize, usize)>| {
            s.map(|(x, y)| format!(" {name}={:?}", a.slice(x, y))).unwrap_or_default()
        };
        lines.push(format!(
            "pattern  {:<28} {:<12} {}  `{}` {}{}{}",
            format!("{:?}", trigger.join(" ")),
            p.code_text(),
            p.rule,
            p.text,
            if p.no_event { "no event" } else { p.code.name() },
            slot("source", m.source),
            slot("target", m.target),
        ));
    }

    // Gazetteer: every span of up to max_words tokens that names a place;
    // in text with capitals, only spans that start with a capital.
    let has_capitals = a.text.chars().any(char::is_uppercase);
    for i in 0..n {
        if a.tokens[i].tag == Tag::Punct || (has_capitals && a.tokens[i].case == Case::Lower) {
            continue;
        }
        for end in i + 1..=(i + geo.max_words()).min(n) {
            let name = a.slice(i, end);
            let hits: Vec<_> = geo.lookup(name).collect();
            let Some(best) = hits.first() else { continue };
            let capital = if best.capital { " capital" } else { "" };
            let more = if hits.len() > 1 {
                let others: Vec<String> =
                    hits[1..].iter().take(3).map(|p| format!("{} {}", p.name, p.country)).collect();
                format!("; {} more: {}{}", hits.len() - 1, others.join(", "), if hits.len() > 4 { ", ..." } else { "" })
            } else {
                String::new()
            };
            lines.push(format!(
                "gazetteer {:<27} {:<12} {} ({:.3}, {:.3}) pop {}{capital}{more}",
                format!("{name:?}"),
                best.country,
                best.name,
                best.lat,
                best.lon,
                best.population
            ));
        }
    }
    if lines.len() == 1 {
        lines.push("no dictionary entry or place matches".to_string());
    }
    write_lines(&lines)
}

fn write_lines(lines: &[String]) -> Result<Status, Failure> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let result = lines.iter().try_for_each(|l| writeln!(out, "{l}")).and_then(|()| out.flush());
    match result {
        Ok(()) => Ok(Status::Ok),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(Status::Ok),
        Err(e) => Err(Failure::new(Status::Io, anyhow::anyhow!("cannot write output: {e}"))),
    }
}

// ---------------------------------------------------------------- dict stats

/// `dyad dict stats`.
#[derive(Debug, clap::Args)]
pub struct DictStatsArgs {
    #[command(flatten)]
    pub dicts: DictArgs,
}

/// Prints entry counts by kind and by file, and the gazetteer's size.
pub fn stats(args: &DictStatsArgs) -> Result<Status, Failure> {
    let lexicon = Lexicon::english();
    let d = dicts::builder(&args.dicts)?.build(&lexicon).map_err(dicts::failure)?;
    let geo = Gazetteer::world();
    let s = d.stats();
    let countries: BTreeSet<&str> = d.actors().iter().filter_map(|a| a.country.as_deref()).collect();
    let people = d.actors().iter().filter(|a| a.is_bounded()).count();
    let of_kind = |kind| d.actors().iter().filter(|a| a.kind == kind).count();
    let mut lines = vec![
        format!("{:<26} {:>7}", "dictionary files", s.files),
        format!("{:<26} {:>7}", "actors", s.actors),
        format!("{:<26} {:>7}", "  dated (office-holders)", people),
        format!("{:<26} {:>7}", "  distinct country codes", countries.len()),
        format!("{:<26} {:>7}", "  persons (kind=person)", of_kind(ActorKind::Person)),
        format!("{:<26} {:>7}", "  collectives", of_kind(ActorKind::Collective)),
        format!("{:<26} {:>7}", "agents", s.agents),
        format!("{:<26} {:>7}", "event patterns", s.patterns),
        format!("{:<26} {:>7}", "synonym sets", s.synonyms),
        format!("{:<26} {:>7}", "places", s.places),
        format!("{:<26} {:>7}", "gazetteer places", geo.len()),
        format!("{:<26} {:>7}", "  gazetteer names", geo.names()),
        format!("{:<26} {:>7}", "  gazetteer countries", geo.countries().len()),
        String::new(),
        "by file:".to_string(),
    ];
    let mut by_file: BTreeMap<&str, usize> = BTreeMap::new();
    let files = d
        .actors()
        .iter()
        .map(|e| &e.rule)
        .chain(d.agents().iter().map(|e| &e.rule))
        .chain(d.places().iter().map(|e| &e.rule))
        .chain(d.patterns().iter().map(|e| &e.rule));
    for rule in files {
        *by_file.entry(&rule.file).or_default() += 1;
    }
    for (file, count) in by_file {
        lines.push(format!("  {file:<40} {count:>7}"));
    }
    write_lines(&lines)
}
