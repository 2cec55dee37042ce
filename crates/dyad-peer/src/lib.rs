//! The peer coders' dictionaries and validation suites, read into dyad.
//!
//! TABARI (`.project`, `.actors`, `.agents`, `.verbs`, `.options`) and
//! PETRARCH (verb dictionaries, Phoenix-style actors and agents, discards,
//! issues) are converted **in memory** into dyad dictionary sources and
//! compiled with dyad's own [`dyad_dict::DictionariesBuilder`]; coding is
//! done by dyad's own [`dyad_coder::Coder`]. Nothing converted is written to
//! disk.
//!
//! What dyad's format cannot express is kept beside the sources in a
//! [`PeerTables`] value, keyed by the generated `file:line`: peer event codes
//! that are not in dyad's CAMEO codebook (WEIS codes, `075A`), paired codes
//! (`[032:033]`: an event and its reciprocal), null (`---`) and discard
//! (`###`) codes, and peer actor codes that are not upper-case three-letter
//! blocks. A [`PeerCoder`] applies them to the events the engine produces.
//! Constructs that are neither converted nor tabled are counted and reported
//! as [`PeerDiagnostic`]s, never fatal.
//!
//! The suite readers ([`tabari::read_suite`], [`petrarch::read_suite`]) turn
//! the peers' validation files into [`SuiteRecord`]s.
#![deny(missing_docs)]

mod convert;
pub mod petrarch;
pub mod tabari;
mod xml;

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use chrono::NaiveDate;
use dyad_coder::Coder;
use dyad_core::Event;
use dyad_dict::DictionariesBuilder;
use dyad_text::Lexicon;

pub use convert::{convert_pattern, date_yymmdd, PatternTokens};

/// A construct that was approximated, skipped or not supported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeerDiagnostic {
    /// Peer file name.
    pub file: String,
    /// 1-based line in the peer file (0 for the whole file).
    pub line: u32,
    /// Short class of the problem, used for counting (`unsupported-option`).
    pub kind: &'static str,
    /// What happened.
    pub message: String,
}

impl std::fmt::Display for PeerDiagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}: {}", self.file, self.line, self.kind, self.message)
    }
}

/// What a peer event code means once the engine has matched its pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PeerCode {
    /// Emit an event with this code (as the peer wrote it), and, when
    /// paired, the reciprocal event target→source with the second code.
    Code {
        /// The code.
        code: String,
        /// The paired (reciprocal) code of `[A:B]`.
        paired: Option<String>,
    },
    /// `[---]`: the pattern matches but codes nothing.
    Null,
    /// `[###]`: the sentence is discarded.
    Discard,
}

/// Side tables of a conversion: what dyad's format cannot carry.
#[derive(Clone, Debug, Default)]
pub struct PeerTables {
    /// Generated events `file:line` → peer code.
    pub events: HashMap<(String, u32), PeerCode>,
    /// Placeholder actor blocks (`QQA`) → the peer's actor code (`AR1`, `---`).
    pub actor_blocks: HashMap<String, String>,
    /// Sentence-level discard phrases (lower-case words).
    pub discards: Vec<Vec<String>>,
    /// Story-level discard phrases (lower-case words).
    pub story_discards: Vec<Vec<String>>,
}

/// Peer dictionaries converted into dyad sources.
#[derive(Clone, Debug, Default)]
pub struct Converted {
    /// `(name, text)` dyad dictionary sources; the name's extension gives the kind.
    pub sources: Vec<(String, String)>,
    /// Side tables for what the sources cannot express.
    pub tables: PeerTables,
    /// Every approximation or unsupported construct.
    pub diagnostics: Vec<PeerDiagnostic>,
    /// Entries converted, by kind (`actors`, `agents`, `patterns`, `synonyms`).
    pub converted: BTreeMap<&'static str, usize>,
}

impl Converted {
    /// Diagnostics counted by kind.
    pub fn counts(&self) -> BTreeMap<&'static str, usize> {
        let mut out = BTreeMap::new();
        for d in &self.diagnostics {
            *out.entry(d.kind).or_insert(0) += 1;
        }
        out
    }

    /// A builder holding the converted sources (without dyad's defaults).
    pub fn builder(&self) -> DictionariesBuilder {
        let mut b = DictionariesBuilder::new();
        for (name, text) in &self.sources {
            b.add_source(name, text);
        }
        b
    }

    /// The sources as plain dyad dictionaries, for coding with dyad's own
    /// output (no side tables): patterns whose peer code is not a CAMEO code
    /// of the codebook, null (`---`) and discard (`###`) patterns, and actors
    /// whose code needed a placeholder are left out and reported; paired
    /// codes keep their first code only (reported).
    pub fn for_dyad(&self) -> Converted {
        let mut out = self.clone();
        out.tables = PeerTables::default();
        let mut notes = Vec::new();
        for (name, text) in &mut out.sources {
            let mut lines: Vec<String> = Vec::new();
            for (i, line) in text.lines().enumerate() {
                let n = i as u32 + 1;
                let mut keep = true;
                if let Some(code) = self.tables.events.get(&(name.clone(), n)) {
                    let why = match code {
                        PeerCode::Null => Some("null-code-pattern"),
                        PeerCode::Discard => Some("discard-code-pattern"),
                        PeerCode::Code { code, paired } => {
                            if code.is_empty() {
                                Some("reverse-only-code")
                            } else if dyad_core::cameo::CameoCode::parse(code).is_none_or(|c| c.as_str() != code) {
                                Some("code-not-in-codebook")
                            } else {
                                if paired.is_some() {
                                    notes.push((name.clone(), n, "paired-code-first-only"));
                                }
                                None
                            }
                        }
                    };
                    if let Some(why) = why {
                        notes.push((name.clone(), n, why));
                        keep = false;
                    }
                }
                if name.ends_with(".actors") {
                    let code = line.split_once('=').map(|(_, r)| r.split_whitespace().next().unwrap_or(""));
                    if code.is_some_and(|c| {
                        (0..c.len() / 3).any(|b| self.tables.actor_blocks.contains_key(&c[b * 3..b * 3 + 3]))
                    }) {
                        notes.push((name.clone(), n, "actor-code-not-dyad"));
                        keep = false;
                    }
                }
                lines.push(if keep { line.to_string() } else { String::new() });
            }
            *text = lines.join("\n");
            text.push('\n');
        }
        for (file, line, kind) in notes {
            out.diag(&file, line, kind, "left out of the dyad dictionaries");
        }
        out
    }

    pub(crate) fn diag(&mut self, file: &str, line: u32, kind: &'static str, message: impl Into<String>) {
        self.diagnostics.push(PeerDiagnostic { file: file.to_string(), line, kind, message: message.into() });
    }

    pub(crate) fn count(&mut self, what: &'static str) {
        *self.converted.entry(what).or_insert(0) += 1;
    }
}

/// An event in the peer's terms: peer actor and event codes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeerEvent {
    /// Source actor code as the peer writes it.
    pub source: String,
    /// Target actor code, empty when there is none.
    pub target: String,
    /// Event code as the peer writes it.
    pub code: String,
    /// Generated dictionary `file:line` that fired.
    pub rule: String,
    /// Trigger words.
    pub trigger: String,
    /// Whether this is the reciprocal half of a paired code.
    pub paired: bool,
}

/// Peer coding conventions that dyad's engine does not (yet) offer as
/// options; [`PeerCoder`] applies them to the engine's events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Conventions {
    /// TABARI/PETRARCH: an agent with no actor of its own (`officials said`)
    /// is not an actor, even when dyad finds a country in context.
    pub no_bare_agents: bool,
    /// TABARI: only the first verb that codes in a sentence gives events
    /// (dyad codes every verb).
    pub first_trigger_only: bool,
    /// TABARI/PETRARCH: an event needs a target (a dyad); dyad also codes
    /// events with none (`Freedonia protested`).
    pub require_target: bool,
}

impl Default for Conventions {
    fn default() -> Conventions {
        Conventions { no_bare_agents: true, first_trigger_only: false, require_target: true }
    }
}

/// dyad's coder plus the side tables of a conversion.
#[derive(Debug)]
pub struct PeerCoder {
    coder: Coder,
    tables: PeerTables,
    lines: HashMap<String, Vec<String>>,
    conventions: Conventions,
}

impl PeerCoder {
    /// Compiles converted sources with dyad's dictionary builder and builds
    /// the coder. Entries the builder rejects are returned as diagnostics
    /// (kind `rejected-by-dyad`) and left out; the rest is compiled.
    pub fn build(converted: &Converted, lexicon: Arc<Lexicon>) -> (PeerCoder, Vec<PeerDiagnostic>) {
        let mut sources = converted.sources.clone();
        let mut diags = Vec::new();
        let builder = converted.builder();
        let problems = builder.check(&lexicon);
        if !problems.is_empty() {
            let bad: std::collections::HashSet<(String, u32)> =
                problems.iter().map(|d| (d.file.clone(), d.line)).collect();
            for d in &problems {
                diags.push(PeerDiagnostic {
                    file: d.file.clone(),
                    line: d.line,
                    kind: "rejected-by-dyad",
                    message: d.message.clone(),
                });
            }
            // Blank the rejected lines (keeping line numbers stable).
            for (name, text) in &mut sources {
                let lines: Vec<&str> = text.lines().collect();
                let kept: Vec<String> = lines
                    .iter()
                    .enumerate()
                    .map(
                        |(i, l)| {
                            if bad.contains(&(name.clone(), i as u32 + 1)) {
                                String::new()
                            } else {
                                l.to_string()
                            }
                        },
                    )
                    .collect();
                *text = kept.join("\n");
                text.push('\n');
            }
        }
        let mut b = DictionariesBuilder::new();
        for (name, text) in &sources {
            b.add_source(name, text);
        }
        let dicts = match b.build(&lexicon) {
            Ok(d) => d,
            Err(e) => {
                diags.push(PeerDiagnostic {
                    file: String::new(),
                    line: 0,
                    kind: "rejected-by-dyad",
                    message: format!("dictionaries still invalid after removing bad lines: {e}"),
                });
                DictionariesBuilder::new().build(&lexicon).expect("empty dictionaries are valid")
            }
        };
        // The peers' own rules (first verb, target required) choose among all triggers.
        let coder =
            Coder::builder(Arc::new(dicts), lexicon).keep_targetless_statements(true).code_irrealis(true).build();
        let lines =
            converted.sources.iter().map(|(n, t)| (n.clone(), t.lines().map(str::to_string).collect())).collect();
        (PeerCoder { coder, tables: converted.tables.clone(), lines, conventions: Conventions::default() }, diags)
    }

    /// Sets the peer conventions to apply.
    pub fn with_conventions(mut self, conventions: Conventions) -> PeerCoder {
        self.conventions = conventions;
        self
    }

    /// The underlying dyad coder.
    pub fn coder(&self) -> &Coder {
        &self.coder
    }

    /// The generated dyad line behind a rule (`file:line`), with the peer
    /// `file:line` it came from in its comment.
    pub fn peer_rule(&self, rule: &str) -> Option<String> {
        let (file, line) = rule.rsplit_once(':')?;
        let n: usize = line.parse().ok()?;
        self.lines.get(file)?.get(n.checked_sub(1)?).map(|l| l.trim().to_string())
    }

    /// The side tables.
    pub fn tables(&self) -> &PeerTables {
        &self.tables
    }

    /// Codes a text (one story) and returns the events in the peer's terms.
    pub fn code(&self, text: &str, date: Option<NaiveDate>) -> Vec<PeerEvent> {
        let words = lower_words(text);
        if self.tables.story_discards.iter().chain(&self.tables.discards).any(|p| contains_phrase(&words, p)) {
            return Vec::new();
        }
        let coded = self.coder.code_text(text, date);
        self.translate(&coded.events)
    }

    /// Applies the side tables to events from the engine.
    pub fn translate(&self, events: &[Event]) -> Vec<PeerEvent> {
        let mut out = Vec::new();
        let mut discarded_sentences = Vec::new();
        let bare_agent = |a: &dyad_core::Actor| a.rule.as_ref().is_some_and(|r| r.file.ends_with(".agents"));
        let kept: Vec<&Event> = events
            .iter()
            .filter(|e| !e.negated)
            .filter(|e| {
                !(self.conventions.no_bare_agents
                    && (bare_agent(&e.source) || e.target.as_ref().is_some_and(bare_agent)))
            })
            .collect();
        let mut first_triggers: HashMap<usize, usize> = HashMap::new();
        if self.conventions.first_trigger_only {
            for e in &kept {
                let start = first_triggers.entry(e.sentence).or_insert(usize::MAX);
                *start = (*start).min(e.evidence.trigger_span.start);
            }
        }
        // TABARI's first verb is chosen before it is known whether it has a target.
        for e in kept {
            if self.conventions.require_target && e.target.is_none() {
                continue;
            }
            if first_triggers.get(&e.sentence).is_some_and(|s| *s != e.evidence.trigger_span.start) {
                continue;
            }
            let key = (e.evidence.rule.file.to_string(), e.evidence.rule.line);
            let (code, paired) = match self.tables.events.get(&key) {
                Some(PeerCode::Code { code, paired }) => (code.clone(), paired.clone()),
                Some(PeerCode::Null) => continue,
                Some(PeerCode::Discard) => {
                    discarded_sentences.push(e.sentence);
                    continue;
                }
                None => (e.cameo.as_str().to_string(), None),
            };
            let source = self.actor_code(&e.source.code);
            let target = e.target.as_ref().map(|t| self.actor_code(&t.code)).unwrap_or_default();
            if is_null_actor(&source) || is_null_actor(&target) {
                continue;
            }
            let rule = format!("{}:{}", key.0, key.1);
            // PETRARCH actors coded `[A/B/C]` stand for several actors: one event each.
            for src in source.split('/') {
                for tgt in target.split('/') {
                    let sub = self.translate_one(e, src, tgt, &code, paired.as_deref(), &rule);
                    out.extend(sub.into_iter().map(|x| (e.sentence, x)));
                }
            }
        }
        let mut events: Vec<PeerEvent> =
            out.into_iter().filter(|(s, _)| !discarded_sentences.contains(s)).map(|(_, e)| e).collect();
        // Paired codes can repeat an event the text also states: keep one.
        let mut seen = std::collections::HashSet::new();
        events.retain(|e| seen.insert((e.source.clone(), e.target.clone(), e.code.clone())));
        events
    }

    fn translate_one(
        &self,
        e: &Event,
        source: &str,
        target: &str,
        code: &str,
        paired: Option<&str>,
        rule: &str,
    ) -> Vec<PeerEvent> {
        let (source, target) = (source.to_string(), target.to_string());
        let mut out = Vec::new();
        if let Some(p) = paired.filter(|_| !target.is_empty()) {
            out.push(PeerEvent {
                source: target.clone(),
                target: source.clone(),
                code: p.to_string(),
                rule: rule.to_string(),
                trigger: e.evidence.trigger.clone(),
                paired: true,
            });
        }
        if code.is_empty() {
            return out;
        }
        out.push(PeerEvent {
            source,
            target,
            code: code.to_string(),
            rule: rule.to_string(),
            trigger: e.evidence.trigger.clone(),
            paired: false,
        });
        out
    }

    /// Replaces placeholder blocks by the peer's actor codes.
    pub fn actor_code(&self, code: &str) -> String {
        if self.tables.actor_blocks.is_empty() || code.len() < 3 {
            return code.to_string();
        }
        let mut out = String::new();
        let mut i = 0;
        while i + 3 <= code.len() {
            let block = &code[i..i + 3];
            match self.tables.actor_blocks.get(block) {
                Some(peer) => out.push_str(peer),
                None => out.push_str(block),
            }
            i += 3;
        }
        out.push_str(&code[i..]);
        out
    }
}

fn is_null_actor(code: &str) -> bool {
    code.starts_with("---") || code.starts_with("###") || code.starts_with("+++")
}

/// Lower-case word tokens of a text (letters, digits, `'` and `-`).
pub fn lower_words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn contains_phrase(words: &[String], phrase: &[String]) -> bool {
    !phrase.is_empty() && words.windows(phrase.len()).any(|w| w == phrase)
}

/// One record of a peer validation suite.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SuiteRecord {
    /// Record id (`DEMO-01`).
    pub id: String,
    /// Section (the category, or the id before its last `-`).
    pub section: String,
    /// Story date.
    pub date: Option<NaiveDate>,
    /// The text to code.
    pub text: String,
    /// Expected events (empty: no event expected).
    pub expected: Vec<ExpectedEvent>,
    /// 1-based line of the record in the suite file.
    pub line: u32,
}

/// An expected event of a suite record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExpectedEvent {
    /// Source actor code.
    pub source: String,
    /// Target actor code (empty when none).
    pub target: String,
    /// Event code.
    pub code: String,
}

/// A whole suite: records plus what was skipped while reading it.
#[derive(Clone, Debug, Default)]
pub struct Suite {
    /// The records to code.
    pub records: Vec<SuiteRecord>,
    /// Records skipped or constructs not used, with reasons.
    pub diagnostics: Vec<PeerDiagnostic>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project() -> tabari::Project {
        tabari::Project {
            actors: vec![("t.actors".into(), "FREEDONIA [FRD]\nSYLVANIA [SYL]\nMARXLAND [M4X]\n".into())],
            agents: vec![("t.agents".into(), "HARBOUR_MASTER_ [~GOV]\n".into())],
            verbs: vec![("t.verbs".into(), "GREET [042:043]\nSCOLD [---]\n- * SHARPLY [987]\nPRAISE [051]\n".into())],
            options: Vec::new(),
            texts: Vec::new(),
        }
    }

    #[test]
    fn peer_coder_applies_the_side_tables() {
        let lexicon = Arc::new(Lexicon::english());
        let conv = project().convert(&lexicon);
        let (coder, rejected) = PeerCoder::build(&conv, lexicon);
        assert!(rejected.is_empty(), "{rejected:?}");
        let codes = |text: &str| -> Vec<(String, String, String)> {
            coder.code(text, None).into_iter().map(|e| (e.source, e.target, e.code)).collect()
        };
        let t = |s: &str, t: &str, c: &str| (s.to_string(), t.to_string(), c.to_string());
        assert_eq!(codes("Freedonia greeted Sylvania."), vec![t("SYL", "FRD", "043"), t("FRD", "SYL", "042")]);
        assert_eq!(codes("Freedonia scolded Marxland sharply."), vec![t("FRD", "M4X", "987")]);
        assert!(codes("Freedonia scolded Sylvania.").is_empty());
        // Bare agents and events with no target are not peer events.
        assert!(codes("The harbour master praised Sylvania.").is_empty());
        assert!(codes("Freedonia praised.").is_empty());
        // The peers code a future or modal act as the act itself.
        assert_eq!(codes("Freedonia will praise Sylvania."), vec![t("FRD", "SYL", "051")]);
        assert_eq!(codes("Freedonia could praise Sylvania."), vec![t("FRD", "SYL", "051")]);
    }

    #[test]
    fn for_dyad_leaves_out_what_dyad_cannot_express() {
        let lexicon = Lexicon::english();
        let conv = project().convert(&lexicon).for_dyad();
        let all: String = conv.sources.iter().map(|(_, t)| t.as_str()).collect();
        assert!(all.contains("greet = 042"), "{all}");
        assert!(!all.contains("sharply"), "{all}");
        assert!(!all.contains("marxland"), "{all}");
        let counts = conv.counts();
        assert_eq!(counts.get("code-not-in-codebook"), Some(&1));
        assert_eq!(counts.get("actor-code-not-dyad"), Some(&1));
        assert_eq!(counts.get("paired-code-first-only"), Some(&1));
        assert!(conv.builder().check(&lexicon).is_empty());
    }
}
