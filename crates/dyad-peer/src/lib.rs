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

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use chrono::NaiveDate;
use dyad_coder::{Coder, SentenceTrace};
use dyad_core::{Actor, Document, Event, Evidence, RuleRef, Span};
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

impl PeerDiagnostic {
    pub(crate) fn new(file: &str, line: u32, kind: &'static str, message: impl Into<String>) -> PeerDiagnostic {
        PeerDiagnostic { file: file.to_string(), line, kind, message: message.into() }
    }
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
    /// Agents whose peer code dyad's sectors cannot carry.
    pub agent_codes: Vec<AgentCode>,
    /// PETRARCH: every agent with its peer code, in dictionary order. Every
    /// agent phrase of an actor's noun phrase adds its code (`MSF Freedonia
    /// diplomat`: NGO, FRD, GOV), while dyad's engine attaches one sector.
    pub stacked_agents: Vec<AgentCode>,
    /// Generated events `file:line` of patterns with a compound source (`%
    /// *`) → the code the verb has alone, used when the subject is not
    /// compound (dyad's patterns cannot require a compound).
    pub compound_source: HashMap<(String, u32), PeerCode>,
    /// The same for patterns with a compound after the verb (`HAS * WITH
    /// %`): with two or more targets, the events go between them.
    pub compound_target: HashMap<(String, u32), PeerCode>,
    /// TABARI: generated events `file:line` of patterns with words written
    /// with a trailing `_` (`RESOLUTION_`): those words match only as
    /// written, while dyad's pattern words match by lemma. The words
    /// (lower-case, each with the alternatives dyad's element has), and the
    /// code the verb has alone, used when a matched word is another form
    /// (`resolutions`).
    pub exact_words: HashMap<(String, u32), ExactWords>,
    /// TABARI: generated actors `file:line` of phrases ending in `=`
    /// (`GROUCHO=`): the last word takes no noun ending (`Grouchos`,
    /// `Groucho's`); dyad's actor words match by lemma. Value: that word.
    pub exact_actors: HashMap<(String, u32), String>,
    /// TABARI: the words of verbs and patterns take no noun endings, so a
    /// trigger word written with a possessive `'s` attached (`Freedonia
    /// donate's cash`) is no match (dyad's tokens split the `'s` off).
    pub verbs_without_noun_endings: bool,
    /// TABARI: `neither X nor Y` is read as `X and Y`: both members act
    /// (see `neither_nor`).
    pub neither_nor_as_and: bool,
    /// TABARI: a verb matches only words starting with its letters as
    /// written (`LEFT_` is not "leave", `MEET` not "met"), while dyad's
    /// pattern verbs match by lemma; events of other forms are dropped.
    pub verbs_by_letters: bool,
    /// TABARI: generated events `file:line` whose code is written with `?`
    /// (`SAID [023?]`), a subordinate verb: it codes only when no other verb
    /// of its clause does (`is said to restore ties` codes the restoring).
    pub subordinate: HashSet<(String, u32)>,
    /// TABARI: the forms of the verb each generated event `file:line`
    /// belongs to (`restor*`, `accord`): a verb written right after a
    /// determiner (`an accord`, `the restore`) is a noun to TABARI.
    pub verb_forms: HashMap<(String, u32), Vec<String>>,
    /// TABARI: generated events `file:line` whose code is written with `!`
    /// (`ATTEND [031!]`), a dominant verb: under `SET: CODE ALL` a sentence
    /// where it codes gives its events only (`left for X to attend talks`).
    pub dominant: HashSet<(String, u32)>,
    /// TABARI: actor phrases written with spaces (`FREEDONIA TELEVISION`),
    /// each as its space-separated chunks of lower-case words (stems end in
    /// `*`). TABARI's space lets other words come between (`Freedonia
    /// state-run television`); dyad's actor phrases have no gaps, so
    /// [`PeerCoder`] blanks those words before coding.
    pub actor_gaps: Vec<Vec<Vec<String>>>,
    /// TABARI: the words of the actors file's `<ADJECTIVE>` block (lower
    /// case): `and` between two of them (`awful and evil minister`) joins
    /// the words and opens no clause.
    pub adjectives: HashSet<String>,
    /// TABARI: the words of the actors file's `<NOUN>` block (lower case):
    /// `and` between two of them (`goats and sheep of Freedonia`) joins the
    /// nouns; after one, before an unlisted word, it opens another phrase.
    pub nouns: HashSet<String>,
    /// PETRARCH: generated events `file:line` that write a pattern word's
    /// other forms (`charters` for `CHARTER`) in a pattern of its own, coded
    /// as the verb alone; the dictionaries hold no such line, so one coded
    /// as no event is left out of `dyad code`'s dictionaries unreported.
    pub form_variants: HashSet<(String, u32)>,
    /// PETRARCH codes verbs where its parse has them: a verb written right
    /// after `a`, `an`, `the` is a noun (`was in an accord`), and a verb in
    /// an adverbial clause (`after crowds burned ...`) of a verb that codes
    /// is part of that verb's phrase and codes nothing.
    pub petrarch_parse: bool,
}

/// The words of a TABARI pattern that match only as written (each with the
/// alternatives of its dyad element), and the code its verb has alone.
pub type ExactWords = (Vec<Vec<String>>, PeerCode);

/// A peer agent code that dyad's one-sector agents cannot carry (`~GOVFRM`,
/// `~MOP`, a prefix agent `NGO~`): the converted agent codes `sector`, and
/// [`PeerCoder`] rewrites it to `peer` when the actor's words hold the phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgentCode {
    /// The agent phrase, lower-case words.
    pub words: Vec<String>,
    /// The sector the converted agent codes.
    pub sector: String,
    /// The peer's code blocks (`GOVFRM`, `MOP`, `NGO`).
    pub peer: String,
    /// A prefix agent: its code goes before the country (`NGOARN`).
    pub prefix: bool,
    /// The generated agents `file:line`.
    pub line: (String, u32),
    /// `sector` is only a stand-in (the line is left out of the
    /// dictionaries for `dyad code`).
    pub standin: bool,
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

    /// The text of the first source whose name ends with `suffix`
    /// (`.events`, `.synonyms`).
    pub fn source(&self, suffix: &str) -> Option<&str> {
        self.sources.iter().find(|(n, _)| n.ends_with(suffix)).map(|(_, t)| t.as_str())
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
                    let at = (name.clone(), n);
                    let compound =
                        self.tables.compound_source.contains_key(&at) || self.tables.compound_target.contains_key(&at);
                    // A generated form variant stands for no dictionary line:
                    // what it shares with its verb's line is reported there.
                    let variant = self.tables.form_variants.contains(&at);
                    let why = match code {
                        _ if compound => Some("compound-source-pattern"),
                        PeerCode::Null => Some("null-code-pattern"),
                        PeerCode::Discard => Some("discard-code-pattern"),
                        PeerCode::Code { code, paired } => {
                            if code.is_empty() {
                                Some("reverse-only-code")
                            } else if dyad_core::cameo::CameoCode::parse(code).is_none_or(|c| c.as_str() != code) {
                                Some("code-not-in-codebook")
                            } else {
                                if paired.is_some() && !variant {
                                    notes.push((name.clone(), n, "paired-code-first-only"));
                                }
                                None
                            }
                        }
                    };
                    if let Some(why) = why {
                        if !variant {
                            notes.push((name.clone(), n, why));
                        }
                        keep = false;
                    }
                }
                if self.tables.agent_codes.iter().any(|a| a.standin && a.line.0 == *name && a.line.1 == n) {
                    notes.push((name.clone(), n, "agent-sector-not-dyad"));
                    keep = false;
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
        self.diagnostics.push(PeerDiagnostic::new(file, line, kind, message));
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

/// TABARI `DEFAULT: SOURCE [S] PRIOR TARGET [T] AFTER`: actor codes used when
/// a verb has no source or no target.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DefaultActors {
    /// Code for a verb with no actor before it.
    pub source: Option<String>,
    /// `PRIOR`: the default source is used whenever no actor precedes the
    /// verb; without it the first actor after the verb is the source.
    pub prior: bool,
    /// Code for a verb with no target.
    pub target: Option<String>,
    /// `AFTER`: the default target is used whenever no actor follows the
    /// verb (a target found before it, as in a compound subject, is not used).
    pub after: bool,
}

/// TABARI `COMPLEX: VERBS[N] CONJ[M] NOACTPRIOR`: when a sentence is too
/// complex to code; a complex sentence gives no event.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Complexity {
    /// `VERBS[N]`: a sentence with N or more dictionary verbs (a verb
    /// written after `a`, `an`, `the` is a noun and not counted).
    pub verbs: Option<usize>,
    /// `CONJ[M]`: a sentence with M or more of `and`, `but`, `or`, not
    /// counting those joining the members of a compound actor.
    pub conjunctions: Option<usize>,
    /// `NOACTPRIOR`: a sentence whose first verb has no actor written
    /// before it (and no default or forwarded source).
    pub no_actor_prior: bool,
}

/// Peer coding conventions that dyad's engine does not (yet) offer as
/// options; [`PeerCoder`] applies them to the engine's events.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conventions {
    /// TABARI/PETRARCH: an agent with no actor of its own (`officials said`)
    /// is not an actor, even when dyad finds a country in context.
    pub no_bare_agents: bool,
    /// TABARI: only the first verb that codes in a sentence gives events
    /// (dyad codes every verb).
    pub first_trigger_only: bool,
    /// TABARI `SET: CODE BY CLAUSE` (its default): with
    /// `first_trigger_only`, the first verb of each clause codes, a clause
    /// starting at a conjunction that opens a new verb phrase (`... and then
    /// she asked`, `... but Sylvania refused`), not at one joining nouns
    /// (`sheep and goats`).
    pub by_clause: bool,
    /// TABARI/PETRARCH: an event needs a target (a dyad); dyad also codes
    /// events with none (`Freedonia protested`). When off, null actors
    /// (`---`, `###`) are kept.
    pub require_target: bool,
    /// With `no_bare_agents`: code an agent with no actor of its own as this
    /// prefix plus its sector instead of dropping it (PETRARCH's anonymous
    /// agent `---GOV` when no dyad is required; TABARI `CONVERT AGENT`: `~REB`).
    pub agent_prefix: Option<&'static str>,
    /// TABARI/PETRARCH: when the grammar finds no target, the first actor
    /// after the verb is the target, wherever it is (`allowed that Freedonia
    /// ...`, `abandoned an anti- Sylvania rally`).
    pub target_after_verb: bool,
    /// TABARI `SET: MINIMUM WORDS`: a sentence with fewer words is not
    /// coded (0: no minimum).
    pub min_words: usize,
    /// TABARI: an actor coded `###` anywhere in a sentence discards the
    /// sentence (PETRARCH reads `###` as a null actor only).
    pub discard_actors: bool,
    /// TABARI `DEFAULT:` source and target codes.
    pub defaults: Option<DefaultActors>,
    /// TABARI `FORWARD:`: the previous sentence of the story. A pronoun
    /// subject (`he`, `it`, `they`) with no actor before its verb stands for
    /// the first actor of that sentence, as TABARI forwards it.
    pub antecedent: Option<String>,
    /// TABARI `COMMA:`: the comma-delimited clauses left out of coding;
    /// `None`: none.
    pub comma: Option<CommaClauses>,
    /// TABARI: a negated verb codes as the verb (`didn't clash` is a clash)
    /// unless a pattern says otherwise; dyad leaves negated events out.
    pub keep_negated: bool,
    /// TABARI's source: the first actor written in the verb's clause before
    /// the verb, not the subject dyad's grammar finds (TABARI does not
    /// parse), unless the pattern names its source (`$`) or the source
    /// follows the verb (a passive `by`). A verb whose subject is no actor
    /// (`crowds burned`) takes that first actor too.
    pub first_actor_source: bool,
    /// TABARI `SET: CODE ALL`: every verb codes, also one under another
    /// (`urged Sylvania to assist`, the engine's `CoderBuilder::code_governed`),
    /// a verb with no actor after it takes the nearest actor before it as
    /// target, and a dominant verb (`[031!]`) silences the others.
    pub code_all: bool,
    /// TABARI `COMPLEX:`; `None`: no sentence is complex.
    pub complex: Option<Complexity>,
}

impl Default for Conventions {
    fn default() -> Conventions {
        Conventions {
            no_bare_agents: true,
            first_trigger_only: false,
            by_clause: false,
            require_target: true,
            agent_prefix: None,
            target_after_verb: true,
            min_words: 0,
            discard_actors: false,
            defaults: None,
            antecedent: None,
            comma: None,
            keep_negated: false,
            first_actor_source: false,
            code_all: false,
            complex: None,
        }
    }
}

impl Conventions {
    /// TABARI's own conventions (what `dyad validate tabari` codes with):
    /// the first verb that codes, actors coded `###` discard the sentence,
    /// negated verbs code, and the first actor before the verb is the source.
    pub fn tabari() -> Conventions {
        Conventions {
            first_trigger_only: true,
            discard_actors: true,
            keep_negated: true,
            first_actor_source: true,
            ..Conventions::default()
        }
    }

    /// These conventions with a suite record's own settings applied (its
    /// `SET:`, `DEFAULT:`, `FORWARD:`, `COMMA:`, `COMPLEX:` lines, PETRARCH's
    /// `require_dyad`). With `keep_require_target` the record's
    /// `require_dyad` is ignored (`dyad validate --no-target-ok`).
    pub fn for_record(&self, record: &SuiteRecord, keep_require_target: bool) -> Conventions {
        let mut c = self.clone();
        if let Some(required) = record.require_target.filter(|_| !keep_require_target) {
            c.require_target = required;
            // PETRARCH's anonymous agent: `officials said` is `---GOV` when no dyad is required.
            c.agent_prefix = (!required).then_some("---");
        }
        if record.convert_agents == Some(true) {
            c.agent_prefix = Some("~");
        }
        c.min_words = record.min_words.unwrap_or(0);
        c.defaults = record.defaults.clone();
        c.antecedent = record.antecedent.clone();
        c.comma = record.comma;
        c.complex = record.complex;
        c.by_clause = record.code_by == Some(CodeBy::Clause);
        c.first_trigger_only &= record.code_by != Some(CodeBy::All);
        c.code_all = record.code_by == Some(CodeBy::All);
        c
    }
}

/// What the peers read in an actor's noun phrase beyond the engine's mention.
#[derive(Clone, Copy)]
struct NounPhrases<'a> {
    /// Starts of actors written with `former` (the actor's own code plus `ELI`).
    former: &'a [usize],
    /// PETRARCH: starts of role-noun mentions after a possessive actor and
    /// modifiers, with the possessor's code (see `petrarch::possessed_mentions`).
    possessed: &'a HashMap<usize, String>,
    /// The coded text (`""`: unknown).
    text: &'a str,
}

/// dyad's coder plus the side tables of a conversion.
#[derive(Debug)]
pub struct PeerCoder {
    coder: Coder,
    /// The same engine with `code_governed`, for TABARI's `SET: CODE ALL`.
    coder_all: Coder,
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
        let dicts = Arc::new(dicts);
        let engine = |governed: bool| {
            Coder::builder(dicts.clone(), lexicon.clone())
                .keep_targetless_statements(true)
                .code_irrealis(true)
                .wide_gaps(true)
                .code_governed(governed)
                .state_roles_take_any_target_country(true)
                .build()
        };
        let (coder, coder_all) = (engine(false), engine(true));
        let lines =
            converted.sources.iter().map(|(n, t)| (n.clone(), t.lines().map(str::to_string).collect())).collect();
        let tables = converted.tables.clone();
        (PeerCoder { coder, coder_all, tables, lines, conventions: Conventions::default() }, diags)
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

    /// The conventions applied.
    pub fn conventions(&self) -> Conventions {
        self.conventions.clone()
    }

    /// Codes a text (one story) and returns the events in the peer's terms.
    pub fn code(&self, text: &str, date: Option<NaiveDate>) -> Vec<PeerEvent> {
        self.code_with(text, date, self.conventions.clone())
    }

    /// As [`PeerCoder::code`], with other conventions (a suite record can
    /// change them, as PETRARCH's `<Config option="require_dyad">`).
    pub fn code_with(&self, text: &str, date: Option<NaiveDate>, conventions: Conventions) -> Vec<PeerEvent> {
        let words = lower_words(text);
        if self.tables.story_discards.iter().chain(&self.tables.discards).any(|p| contains_phrase(&words, p)) {
            return Vec::new();
        }
        // Clauses left out are blanked: byte offsets into `text` still hold.
        let masked = conventions.comma.map(|c| c.eliminate(text));
        let base = masked.as_deref().unwrap_or(text);
        let gapped = mask_actor_gaps(base, &self.tables.actor_gaps);
        let base = gapped.as_deref().unwrap_or(base);
        let nor = if self.tables.neither_nor_as_and { neither_nor(base) } else { None };
        let doc = Document::new("text", nor.as_deref().unwrap_or(base)).with_published(date);
        // The rules below read the mentions `explain` records; plain coding needs no trace.
        let traced = conventions.target_after_verb
            || conventions.discard_actors
            || conventions.defaults.is_some()
            || conventions.antecedent.is_some()
            || conventions.by_clause
            || conventions.first_actor_source
            || conventions.complex.is_some();
        let code_all = conventions.code_all;
        // TABARI does not parse: a verb under another codes on its own (the
        // first verb of the clause is then chosen among them).
        let coder = if conventions.first_actor_source { &self.coder_all } else { &self.coder };
        let (mut events, mut traces) = if traced {
            let (coded, traces) = coder.explain(&doc);
            (coded.events, traces)
        } else {
            (coder.code(&doc).events, Vec::new())
        };
        if self.tables.verbs_without_noun_endings {
            events.retain(|e| !possessive_trigger(text, e));
        }
        if self.tables.verbs_by_letters {
            events.retain(|e| verb_written(e, &self.tables));
        }
        if conventions.first_actor_source {
            // TABARI reads an actor phrase's words as the actor only: `forces`
            // in `security forces are about to restore` is no verb.
            let actors: Vec<Span> =
                traces.iter().flat_map(|t| &t.mentions).filter(|m| !m.codes.is_empty()).map(|m| m.span).collect();
            let in_actor = |s: Span| actors.iter().any(|m| m.start <= s.start && s.start < m.end);
            events.retain(|e| !in_actor(e.evidence.trigger_span));
            for t in &mut traces {
                t.triggers.retain(|x| !in_actor(x.span));
            }
        }
        // Sentences with a `###` actor, dropped after the rules below add events.
        let gone: Vec<usize> = if conventions.discard_actors {
            let discard = |c: &String| self.actor_code(c.trim_start_matches('?')).starts_with("###");
            traces.iter().filter(|t| t.mentions.iter().any(|m| m.codes.iter().any(discard))).map(|t| t.index).collect()
        } else {
            Vec::new()
        };
        // A bare agent is a target only when it will be coded (`~MOS`, `---GOV`).
        let agents_ok = conventions.no_bare_agents && conventions.agent_prefix.is_some();
        if conventions.first_actor_source {
            pronoun_mentions(&mut traces, agents_ok);
        }
        let forward = conventions.antecedent.as_deref().and_then(|prev| self.forwarded_actor(prev, date));
        let defaults = conventions.defaults.as_ref().filter(|d| d.source.is_some());
        // TABARI `COMPLEX:`: too many verbs or conjunctions, or (`NOACTPRIOR`)
        // a first verb with no actor written before it (and no default or
        // forwarded source): the sentence gives no event.
        let limits = conventions.complex.unwrap_or_default();
        let no_prior =
            limits.no_actor_prior && conventions.first_actor_source && defaults.is_none() && forward.is_none();
        let complex: Vec<usize> = traces
            .iter()
            .filter(|t| {
                (no_prior && no_actor_before_first_verb(t, agents_ok))
                    || limits.verbs.is_some_and(|n| verb_count(text, t, &self.tables) >= n)
                    || limits.conjunctions.is_some_and(|n| conjunction_count(t) >= n)
            })
            .map(|t| t.index)
            .collect();
        if defaults.is_some() || forward.is_some() {
            events.extend(default_sources(&traces, defaults, forward.as_deref(), agents_ok));
        }
        // TABARI's clauses also bound the source under `CODE ALL`.
        let clauses: Vec<usize> = if conventions.by_clause || code_all {
            traces.iter().flat_map(|t| clause_starts(t, &self.tables.adjectives, &self.tables.nouns)).collect()
        } else {
            Vec::new()
        };
        // The pattern side of the generated dyad line behind an event.
        let pattern_of = |e: &Event| {
            let rule = self.peer_rule(&format!("{}:{}", e.evidence.rule.file, e.evidence.rule.line));
            rule.and_then(|l| l.split('=').next().map(str::to_string)).unwrap_or_default()
        };
        if conventions.first_actor_source {
            let slot = |e: &Event, slot: &str| pattern_of(e).contains(slot);
            events = first_actor_sources(events, &traces, &clauses, agents_ok, code_all, &slot);
            events.extend(clause_sources(&traces, &clauses, agents_ok));
            // TABARI's `^` passes over an actor: in a pattern with no `+`
            // whose `^` follows a pattern word (`$ HOSTING ^ * TABASKI`), the
            // actor it passed over, among the pattern's words, is not the
            // target; the first actor after the pattern is.
            let skips_inside = |e: &Event| {
                let pattern = pattern_of(e);
                let mut before = pattern.split_whitespace().take_while(|w| *w != "{actor}");
                pattern.contains("{actor}")
                    && !pattern.contains("{target}")
                    && before.any(|w| !w.starts_with('{') && !w.starts_with(".."))
            };
            for e in &mut events {
                let span = e.evidence.trigger_span;
                let inside = e.target.as_ref().is_some_and(|t| span.start < t.span.start && t.span.end <= span.end);
                if inside && skips_inside(e) {
                    e.target = None;
                }
            }
            let target_first = |e: &Event| {
                let pattern = pattern_of(e);
                pattern.trim_start().starts_with("{target}") && !pattern.contains("{source}")
            };
            events = target_slot_before_verb(events, &traces, &clauses, agents_ok, &target_first);
        }
        if conventions.target_after_verb {
            let null = |c: &str| is_null_actor(&self.actor_code(c.trim_start_matches('?')));
            let null = conventions.require_target.then_some(&null as &dyn Fn(&str) -> bool);
            events = targets_after_verb(events, &traces, agents_ok, null, conventions.comma.is_some());
            if code_all {
                events = targets_before_verb(events, &traces, agents_ok);
            } else if conventions.first_actor_source {
                events = targets_between(events, &traces, agents_ok);
            }
        }
        if let Some(d) = &conventions.defaults {
            default_targets(&mut events, d);
        }
        if conventions.first_actor_source {
            // Also the events the rules above added for verbs the grammar found no source for.
            events.retain(|e| !determiner_before_verb(text, e, &self.tables));
            let compound = |e: &Event| {
                self.tables.compound_source.contains_key(&(e.evidence.rule.file.to_string(), e.evidence.rule.line))
            };
            events.retain(|e| compound(e) || first_member_acts(e, &traces, agents_ok));
        }
        if conventions.first_actor_source {
            agent_first_member_only(&mut events, &traces);
        }
        if conventions.min_words > 0 {
            // TABARI counts the words of the sentence as written (`Freedonia's` is one).
            events.retain(|e| {
                let words = e.sentence_span.slice(text).split_whitespace();
                words.filter(|w| w.chars().any(char::is_alphanumeric)).count() >= conventions.min_words
            });
        }
        events.retain(|e| !complex.contains(&e.sentence) && !gone.contains(&e.sentence));
        if self.tables.petrarch_parse {
            events.retain(|e| !determiner_before_verb(text, e, &self.tables));
            let lexicon = self.coder.lexicon();
            events.retain(|e| !petrarch::noun_after_article(text, e, &self.tables, lexicon));
            events = drop_adverbial_clauses(events, text, conventions.require_target);
            // PETRARCH (petr13): no targetless event without an object noun phrase.
            events = petrarch::drop_targetless_without_object(events, text);
        }
        // TABARI and PETRARCH: `former` in an actor's noun phrase makes it ELI.
        let former_eli = conventions.first_actor_source || self.tables.petrarch_parse;
        let former = if former_eli { former_actors(&traces) } else { Vec::new() };
        let possessed =
            if self.tables.petrarch_parse { petrarch::possessed_mentions(&traces, text) } else { HashMap::new() };
        let noun_phrases = NounPhrases { former: &former, possessed: &possessed, text };
        self.translate_in_clauses(&events, conventions, &clauses, &noun_phrases)
    }

    /// TABARI `FORWARD:`: the actor a pronoun of the next sentence stands
    /// for: the first actor of `text`, without its agent (TABARI forwards
    /// the actor only: a president of Freedonia is forwarded as Freedonia),
    /// whose code is the first three-letter block of dyad's code.
    fn forwarded_actor(&self, text: &str, date: Option<NaiveDate>) -> Option<String> {
        let gapped = mask_actor_gaps(text, &self.tables.actor_gaps);
        let doc = Document::new("text", gapped.as_deref().unwrap_or(text)).with_published(date);
        let (_, traces) = self.coder.explain(&doc);
        let code = traces
            .iter()
            .flat_map(|t| &t.mentions)
            .filter(|m| !m.is_place)
            .filter_map(|m| Some((m.span.start, m.codes.iter().find(|c| !c.is_empty() && !c.starts_with('?'))?)))
            .min_by_key(|(start, _)| *start)?
            .1;
        Some(code.get(..3).unwrap_or(code).to_string())
    }

    /// Applies the side tables to events from the engine.
    pub fn translate(&self, events: &[Event]) -> Vec<PeerEvent> {
        self.translate_with(events, self.conventions.clone())
    }

    /// As [`PeerCoder::translate`], with other conventions.
    pub fn translate_with(&self, events: &[Event], conventions: Conventions) -> Vec<PeerEvent> {
        let none = NounPhrases { former: &[], possessed: &HashMap::new(), text: "" };
        self.translate_in_clauses(events, conventions, &[], &none)
    }

    /// As [`PeerCoder::translate_with`]; `clauses` are the document offsets
    /// where a clause starts inside a sentence (`first_trigger_only` then
    /// keeps the first verb of each clause); `noun_phrases` holds what the
    /// peers read in an actor's noun phrase.
    fn translate_in_clauses(
        &self,
        events: &[Event],
        conventions: Conventions,
        clauses: &[usize],
        noun_phrases: &NounPhrases<'_>,
    ) -> Vec<PeerEvent> {
        let NounPhrases { former, possessed, text } = *noun_phrases;
        let mut out = Vec::new();
        let mut discarded_sentences = Vec::new();
        let bare_agent = |a: &dyad_core::Actor| {
            a.rule.as_ref().is_some_and(|r| r.file.ends_with(".agents")) && !coordinated_with_actor(a, events)
        };
        // PETRARCH's anonymous agent (`officials said`: `---GOV`), TABARI's converted agent (`~REB`).
        let anonymous = conventions.agent_prefix.filter(|_| conventions.no_bare_agents);
        let kept: Vec<&Event> = events
            .iter()
            .filter(|e| !e.negated || conventions.keep_negated)
            .filter(|e| self.exact_actor(&e.source) && e.target.as_ref().is_none_or(|t| self.exact_actor(t)))
            .filter(|e| {
                anonymous.is_some()
                    || !(conventions.no_bare_agents
                        && (bare_agent(&e.source) || e.target.as_ref().is_some_and(bare_agent)))
            })
            .collect();
        let clause_of = |e: &Event| {
            let at = e.evidence.trigger_span.start;
            (e.sentence, clauses.iter().filter(|&&c| c >= e.sentence_span.start && c <= at).count())
        };
        let rule_key = |e: &Event| (e.evidence.rule.file.to_string(), e.evidence.rule.line);
        // The first verb of each clause, a subordinate one (`said`) only
        // when no other verb of the clause codes: (first other, first subordinate).
        let mut first_triggers: HashMap<(usize, usize), (usize, usize)> = HashMap::new();
        if conventions.first_trigger_only {
            for e in &kept {
                let start = first_triggers.entry(clause_of(e)).or_insert((usize::MAX, usize::MAX));
                let at = e.evidence.trigger_span.start;
                if self.tables.subordinate.contains(&rule_key(e)) {
                    start.1 = start.1.min(at);
                } else {
                    start.0 = start.0.min(at);
                }
            }
        }
        let first_of = |e: &Event| {
            first_triggers.get(&clause_of(e)).map(|&(main, sub)| if main == usize::MAX { sub } else { main })
        };
        // `CODE ALL`: a sentence with a dominant verb gives its events only.
        let dominant = |e: &Event| self.tables.dominant.contains(&rule_key(e));
        let dominated: HashSet<usize> = if conventions.code_all {
            kept.iter().filter(|e| dominant(e)).map(|e| e.sentence).collect()
        } else {
            HashSet::new()
        };
        // The sources of each trigger: a `% *` pattern needs two or more.
        let mut trigger_sources: HashMap<(usize, usize), Vec<&Actor>> = HashMap::new();
        let mut trigger_targets: HashMap<(usize, usize), Vec<&Actor>> = HashMap::new();
        for e in &kept {
            let at = (e.sentence, e.evidence.trigger_span.start);
            for (map, actor) in [(&mut trigger_sources, Some(&e.source)), (&mut trigger_targets, e.target.as_ref())] {
                let list = map.entry(at).or_default();
                if let Some(a) = actor.filter(|a| !list.iter().any(|b| b.code == a.code)) {
                    list.push(a);
                }
            }
        }
        // TABARI's first verb is chosen before it is known whether it has a target.
        for e in kept {
            if conventions.require_target && e.target.is_none() {
                continue;
            }
            if first_of(e).is_some_and(|s| s != e.evidence.trigger_span.start) {
                continue;
            }
            if dominated.contains(&e.sentence) && !dominant(e) {
                continue;
            }
            let key = rule_key(e);
            let sources = trigger_sources.get(&(e.sentence, e.evidence.trigger_span.start));
            let compound = sources.filter(|s| s.len() >= 2 && self.tables.compound_source.contains_key(&key));
            let alone = self.tables.compound_source.get(&key).filter(|_| compound.is_none());
            // `* WITH %`: the events go between the members of a compound target.
            let targets = trigger_targets.get(&(e.sentence, e.evidence.trigger_span.start));
            let compound_target = targets
                .filter(|t| t.len() >= 2 && self.tables.compound_target.contains_key(&key))
                .zip(e.target.as_ref());
            let alone = alone.or_else(|| self.tables.compound_target.get(&key).filter(|_| compound_target.is_none()));
            // A word that matches only as written, matched with an ending (`resolutions`).
            let matched: Vec<String> = lower_words(&e.evidence.trigger);
            let inexact = self.tables.exact_words.get(&key).filter(|(words, _)| {
                words.iter().any(|alts| {
                    !alts.iter().any(|w| matched.contains(w))
                        && matched.iter().any(|m| alts.iter().any(|w| m.len() > w.len() && m.starts_with(w.as_str())))
                })
            });
            let alone = alone.or(inexact.map(|(_, code)| code));
            let (code, paired) = match alone.or_else(|| self.tables.events.get(&key)) {
                Some(PeerCode::Code { code, paired }) => (code.clone(), paired.clone()),
                Some(PeerCode::Null) => continue,
                Some(PeerCode::Discard) => {
                    discarded_sentences.push(e.sentence);
                    continue;
                }
                None => (e.cameo.as_str().to_string(), None),
            };
            let code_of = |a: &Actor| match (anonymous, self.agent_sector(a)) {
                (Some(prefix), Some(sector)) => self.peer_agent(a, &format!("{prefix}{sector}")),
                _ if former.contains(&a.span.start) => format!("{}ELI", self.actor_code(&self.own_code(a))),
                _ => self
                    .stacked_code(a, text, possessed.get(&a.span.start).map(|c| self.actor_code(c)))
                    .unwrap_or_else(|| self.peer_agent(a, &self.actor_code(&a.code))),
            };
            let others = |members: &[&Actor], one: &Actor| {
                members.iter().filter(|a| a.code != one.code).map(|a| code_of(a)).collect::<Vec<_>>().join("/")
            };
            if let Some((members, target)) = compound_target {
                let rule = format!("{}:{}", key.0, key.1);
                for tgt in others(members, target).split('/') {
                    let sub = self.translate_one(e, &code_of(target), tgt, &code, paired.as_deref(), &rule);
                    out.extend(sub.into_iter().map(|x| (e.sentence, x)));
                }
                continue;
            }
            let source = code_of(&e.source);
            let target = match compound {
                // `% *`: the targets are the compound's other members, whatever follows the verb.
                Some(members) => others(members, &e.source),
                None => e.target.as_ref().map(code_of).unwrap_or_default(),
            };
            if conventions.require_target && (is_null_actor(&source) || is_null_actor(&target)) {
                continue;
            }
            // As the engine does, no actor acts on itself (a source re-chosen
            // by the first-actor rule can be the target: `the ministry of
            // Freedonia said that an embargo against Freedonia ...`).
            if source == target {
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

    /// False for an actor from a TABARI phrase ending in `=` whose last word
    /// is written in another form in the text (`Grouchos` for `GROUCHO=`).
    fn exact_actor(&self, a: &Actor) -> bool {
        let Some(rule) = &a.rule else { return true };
        let Some(word) = self.tables.exact_actors.get(&(rule.file.to_string(), rule.line)) else { return true };
        lower_words(&a.text).last().is_some_and(|w| w == word)
    }

    /// Restores a peer agent code dyad's sectors cannot carry: the longest
    /// tabled agent phrase among the actor's words (compared by lemma)
    /// replaces the sector it was converted to (`ARNGOV` → `ARNGOVFRM`,
    /// prefix agents: `ARNNGO` → `NGOARN`).
    fn peer_agent(&self, a: &Actor, code: &str) -> String {
        if self.tables.agent_codes.is_empty() {
            return code.to_string();
        }
        let words = lower_words(&a.text);
        let holds = |ag: &AgentCode| {
            ag.words.len() <= words.len()
                && words.windows(ag.words.len()).any(|win| win.iter().zip(&ag.words).all(|(w, p)| self.same_word(w, p)))
        };
        let fits = |ag: &&AgentCode| code.len() > ag.sector.len() && code.ends_with(&ag.sector);
        // The agent entry that named a bare agent, else the longest phrase among the actor's words.
        let named = a
            .rule
            .as_ref()
            .and_then(|r| self.tables.agent_codes.iter().find(|ag| ag.line.0 == *r.file && ag.line.1 == r.line));
        let best = named.filter(fits).or_else(|| {
            self.tables.agent_codes.iter().filter(fits).filter(|ag| holds(ag)).max_by_key(|ag| ag.words.len())
        });
        match best {
            Some(ag) => {
                let base = &code[..code.len() - ag.sector.len()];
                if ag.prefix {
                    format!("{}{base}", ag.peer)
                } else {
                    format!("{base}{}", ag.peer)
                }
            }
            None => code.to_string(),
        }
    }

    /// A word of the text matches a word of an agent phrase by lemma or as
    /// its plural.
    fn same_word(&self, w: &str, p: &str) -> bool {
        let lex = self.coder.lexicon();
        w == p || lex.lemma(w) == lex.lemma(p) || w.strip_suffix('s').is_some_and(|x| x == p || x == lex.lemma(p))
    }

    /// PETRARCH codes a noun phrase as its actor's code with the code of
    /// every agent phrase in it, left to right (the longest phrase at each
    /// word), where dyad's engine attaches one sector: `MSF Freedonia
    /// diplomat` is NGO (a prefix agent) + FRD + GOV. The phrase is the
    /// mention's words and the agent phrases written right after it
    /// (`Freedonian world government activists`); an agent code already
    /// among the code's blocks is not repeated. `None` for a mention with
    /// no agent phrase, no dictionary actor, or coordinated members (each
    /// member has its own agent: the engine's code is kept). `base`, when
    /// given, is the noun phrase's first actor, in place of the mention's own.
    fn stacked_code(&self, a: &Actor, text: &str, base: Option<String>) -> Option<String> {
        if self.tables.stacked_agents.is_empty() {
            return None;
        }
        let rule = a.rule.as_ref().filter(|r| r.file.ends_with(".actors"))?;
        let line = self.lines.get(&*rule.file)?.get((rule.line as usize).checked_sub(1)?)?;
        let own_words = lower_words(line.split_once('=')?.0);
        let mut words = lower_words(&a.text);
        if a.text.contains(',') || words.iter().any(|w| matches!(w.as_str(), "and" | "or" | "nor")) {
            return None;
        }
        let inside = words.len();
        let after = text.get(a.span.end..).unwrap_or_default();
        words.extend(lower_words(after.split(|c: char| ",;:.()\"!?".contains(c)).next().unwrap_or_default()));
        let matches_at = |i: usize, phrase: &[String]| {
            words.get(i..i + phrase.len()).is_some_and(|win| win.iter().zip(phrase).all(|(w, p)| self.same_word(w, p)))
        };
        let own_at = (0..inside).find(|&i| !own_words.is_empty() && matches_at(i, &own_words));
        let own_end = own_at.map_or(0, |at| at + own_words.len());
        let mut found: Vec<&AgentCode> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            if own_at == Some(i) {
                i = own_end;
                continue;
            }
            let fits = |ag: &&AgentCode| {
                matches_at(i, &ag.words) && own_at.is_none_or(|at| i >= own_end || i + ag.words.len() <= at)
            };
            match self.tables.stacked_agents.iter().filter(fits).max_by_key(|ag| ag.words.len()) {
                Some(ag) => {
                    found.push(ag);
                    i += ag.words.len();
                }
                // Past the mention only agent phrases are read.
                None if i >= inside => break,
                None => i += 1,
            }
        }
        if found.is_empty() {
            return None;
        }
        let mut code = base.unwrap_or_else(|| self.actor_code(&self.own_code(a)));
        let mut prefix = String::new();
        for ag in found {
            let held =
                |c: &str| (0..c.len()).step_by(3).any(|k| c.get(k..).is_some_and(|r| r.starts_with(ag.peer.as_str())));
            if held(&code) || held(&prefix) {
                continue;
            }
            if ag.prefix {
                prefix.push_str(&ag.peer);
            } else {
                code.push_str(&ag.peer);
            }
        }
        Some(prefix + &code)
    }

    /// The code of an actor's own dictionary line, without an agent dyad
    /// attached (`Sylvania prosecutors`: SYL), else its first block.
    fn own_code(&self, a: &Actor) -> String {
        let line = a
            .rule
            .as_ref()
            .filter(|r| r.file.ends_with(".actors"))
            .and_then(|r| self.lines.get(&*r.file)?.get((r.line as usize).checked_sub(1)?));
        let code = line.and_then(|l| l.split_once('=')?.1.split_whitespace().next());
        code.map_or_else(|| a.code.get(..3).unwrap_or(&a.code).to_string(), str::to_string)
    }

    /// The sector of an actor named by an agent entry alone (`officials`),
    /// read from the generated agents line (`officials = GOV`).
    fn agent_sector(&self, a: &Actor) -> Option<String> {
        let rule = a.rule.as_ref().filter(|r| r.file.ends_with(".agents"))?;
        let line = self.lines.get(&*rule.file)?.get((rule.line as usize).checked_sub(1)?)?;
        let code = line.split_once('=')?.1.split_whitespace().next()?;
        Some(code.to_string())
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

/// Gives each event with no target the first actor mentioned after its
/// trigger in the sentence (the peers' target rule), one event per member
/// of a coordinated mention. Role nouns still waiting for a country
/// (`?GOV`) are actors only with `agents_ok`, coded by their sector.
/// With `null` (a dyad is required), a null actor (`---`) is passed over:
/// an event whose target is one takes the next actor after it, as TABARI
/// does (`ties with Freedonia's late king in Sylvania`, the king coded `---`
/// on the story's date: the target is Sylvania). With `whole_sentence`
/// (TABARI with its comma-clause elimination, which has already left the
/// clauses not to code out), the actor may be past a comma or a clause word,
/// as in TABARI; otherwise these stand for the clauses TABARI would leave out.
fn targets_after_verb(
    events: Vec<Event>,
    traces: &[SentenceTrace],
    agents_ok: bool,
    null: Option<&dyn Fn(&str) -> bool>,
    whole_sentence: bool,
) -> Vec<Event> {
    let is_null = |c: &str| null.is_some_and(|f| f(c));
    let usable = |c: &String| codable(c, agents_ok) && !is_null(c);
    let mut out = Vec::with_capacity(events.len());
    for e in events {
        let null_target = e.target.as_ref().filter(|t| is_null(&t.code)).map(|t| t.span.end);
        if e.target.is_some() && null_target.is_none() {
            out.push(e);
            continue;
        }
        let from = null_target.unwrap_or(e.evidence.trigger_span.end);
        let after = traces.iter().find(|t| t.index == e.sentence).and_then(|t| {
            // Not past a comma (a comma-delimited clause is not the verb's:
            // TABARI COMMA, MARK) nor into an adverbial or relative clause
            // unless `whole_sentence`; a `that` complement is the verb's
            // (`allowed that Freedonia ...`).
            let between = |m: &dyad_coder::MentionTrace| {
                let from = e.evidence.trigger_span.end.saturating_sub(t.span.start);
                let to = m.span.start.saturating_sub(t.span.start);
                t.text.get(from..to).is_some_and(|x| {
                    !x.contains([';', ':', '(', ')'])
                        && (whole_sentence || !x.contains(',') && !lower_words(x).iter().any(|w| opens_clause(w)))
                })
            };
            // A pronoun standing for the source itself (`urged Sylvania to
            // assist it`) is no target.
            let own = |m: &dyad_coder::MentionTrace| {
                SENTENCE_PRONOUNS.contains(&m.text.to_lowercase().as_str())
                    && m.codes.iter().any(|c| c.trim_start_matches('?') == e.source.code)
            };
            t.mentions
                .iter()
                .find(|m| m.span.start >= from && m.span != e.source.span && m.codes.iter().any(usable) && !own(m))
                .filter(|m| between(m))
        });
        let Some(m) = after else {
            out.push(e);
            continue;
        };
        out.extend(usable_actors(m, &usable).map(|a| Event { target: Some(a), ..e.clone() }));
    }
    out
}

/// TABARI: `nor` joins actors as `and` does (`Neither Freedonia nor
/// Sylvania praised ...`: both praised): `text` with `nor` written `and`
/// and `neither` blanked (byte offsets hold); `None` without a `nor`.
fn neither_nor(text: &str) -> Option<String> {
    let mut bytes = text.as_bytes().to_vec();
    let mut changed = false;
    let mut at = 0;
    for w in text.split_inclusive(|c: char| !c.is_alphanumeric()) {
        let word = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        match word.to_lowercase().as_str() {
            "nor" => {
                bytes[at..at + 3].copy_from_slice(if word.starts_with('N') { b"And" } else { b"and" });
                changed = true;
            }
            "neither" => bytes[at..at + word.len()].fill(b' '),
            _ => {}
        }
        at += w.len();
    }
    changed.then(|| String::from_utf8(bytes).ok()).flatten()
}

/// Most words TABARI's space in an actor phrase passes over in
/// [`mask_actor_gaps`] (`Jan "The Fox" Novak`).
const MAX_ACTOR_GAP: usize = 2;

/// TABARI's space in an actor phrase (`FREEDONIA TELEVISION`, `JAN NOVAK`):
/// `text` with the words standing between the phrase's chunks blanked
/// (`Freedonia state-run television`, `Jan "The Fox" Novak`), so dyad's
/// gapless phrase matches; byte offsets hold. The blank starts with `of`
/// where the converter wrote the phrase with `of` in its spaces. At most [`MAX_ACTOR_GAP`]
/// words per space, none past a comma, `;`, `:`, a parenthesis or a
/// sentence end. `None` when nothing is blanked.
fn mask_actor_gaps(text: &str, phrases: &[Vec<Vec<String>>]) -> Option<String> {
    if phrases.is_empty() {
        return None;
    }
    // Whitespace-separated words: (start, end, lower-case key, ends a clause).
    let mut words: Vec<(usize, usize, String, bool)> = Vec::new();
    let mut at = 0;
    for w in text.split_inclusive(char::is_whitespace) {
        let raw = w.trim_end();
        if !raw.is_empty() {
            let key = raw.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
            let key = key.strip_suffix("'s").map(str::to_string).unwrap_or(key);
            let breaks = raw.ends_with([',', ';', ':', '.', '!', '?', ')', '(']) || raw.starts_with('(');
            words.push((at, at + raw.len(), key, breaks));
        }
        at += w.len();
    }
    let same = |key: &str, p: &String| match p.strip_suffix('*') {
        Some(stem) => key.starts_with(stem),
        None => key == p,
    };
    // The index after `chunk` written from word `i`, its words adjacent.
    let chunk_at = |i: usize, chunk: &[String]| {
        let end = i + chunk.len();
        let fits = end <= words.len()
            && chunk
                .iter()
                .enumerate()
                .all(|(k, p)| same(&words[i + k].2, p) && (k + 1 == chunk.len() || !words[i + k].3));
        fits.then_some(end)
    };
    let mut blank: Vec<(usize, usize, bool)> = Vec::new();
    for chunks in phrases {
        let Some((first, rest)) = chunks.split_first() else { continue };
        for i in 0..words.len() {
            let Some(mut next) = chunk_at(i, first) else { continue };
            let mut gaps = Vec::new();
            let found = rest.iter().all(|chunk| {
                let from = next;
                for j in from..=(from + MAX_ACTOR_GAP).min(words.len()) {
                    if words[j - 1].3 {
                        return false;
                    }
                    if let Some(end) = chunk_at(j, chunk) {
                        if j > from {
                            // `of` where the converter wrote the phrase with one
                            // (`al of gore`), so that a phrase joined by `_`
                            // (`AL_GORE`) does not match the blanked words.
                            let gap_word = |w: Option<&String>| w.is_some_and(|w| w == "of" || w == "the");
                            let of = chunks.len() <= 3
                                && !gap_word(words.get(from - 1).map(|w| &w.2))
                                && !gap_word(chunk.first());
                            gaps.push((words[from].0, words[j - 1].1, of));
                        }
                        next = end;
                        return true;
                    }
                }
                false
            });
            if found {
                blank.extend(gaps);
            }
        }
    }
    if blank.is_empty() {
        return None;
    }
    let mut bytes = text.as_bytes().to_vec();
    for (from, to, of) in blank {
        bytes[from..to].fill(b' ');
        if of && to - from >= 2 {
            bytes[from..from + 2].copy_from_slice(b"of");
        }
    }
    String::from_utf8(bytes).ok()
}

/// Whether the first verb the grammar coded or found no source for in
/// sentence `t` has no actor written before it, its pattern naming no
/// source (TABARI's complex sentence: `Rebuked by Freedonia, Sylvania
/// ...`, `Resumption of ties between Freedonia and Sylvania may ...`).
fn no_actor_before_first_verb(t: &SentenceTrace, agents_ok: bool) -> bool {
    let usable = |c: &String| codable(c, agents_ok);
    let Some(first) = t.triggers.iter().filter(|x| x.decision.starts_with('#')).min_by_key(|x| x.span.start) else {
        return false;
    };
    !first.pattern.contains("{source}")
        && !t.mentions.iter().any(|m| m.span.end <= first.span.start && m.codes.iter().any(usable))
}

/// TABARI `COMPLEX: VERBS[N]`: the dictionary verbs of sentence `t`, each
/// counted once however many of its patterns matched (overlapping
/// triggers are one verb), a verb read as a noun after a determiner not
/// counted (`the promised aid`).
fn verb_count(text: &str, t: &SentenceTrace, tables: &PeerTables) -> usize {
    let mut spans: Vec<Span> = t
        .triggers
        .iter()
        .filter(|x| {
            let key = x.rule.rsplit_once(':').and_then(|(f, l)| Some((f.to_string(), l.parse().ok()?)));
            !key.is_some_and(|k| written_as_noun(text, &k, x.span, tables))
        })
        .map(|x| x.span)
        .collect();
    spans.sort_by_key(|s| (s.start, s.end));
    let mut count = 0;
    let mut end = 0;
    for s in spans {
        if count == 0 || s.start >= end {
            count += 1;
            end = s.end;
        } else {
            end = end.max(s.end);
        }
    }
    count
}

/// TABARI `COMPLEX: CONJ[M]`: the `and`, `but`, `or` of sentence `t` that
/// do not join the members of a compound actor (inside one mention, or
/// between two actors with nothing but a comma between them: `Freedonia
/// and Sylvania`, not `Freedonia or northern Sylvania`).
fn conjunction_count(t: &SentenceTrace) -> usize {
    let offsets = token_offsets(t);
    let actors: Vec<Span> = t.mentions.iter().filter(|m| !m.is_place).map(|m| m.span).collect();
    let only_commas = |from: usize, to: usize| {
        from <= to && text_between(t, from, to).is_some_and(|x| x.chars().all(|c| c.is_whitespace() || c == ','))
    };
    let joins = |at: usize, end: usize| {
        actors.iter().any(|m| m.start < at && at < m.end)
            || actors.iter().any(|l| only_commas(l.end, at)) && actors.iter().any(|r| only_commas(end, r.start))
    };
    t.tokens
        .iter()
        .zip(&offsets)
        .filter(|(tok, &at)| {
            ["and", "but", "or"].contains(&tok.text.to_lowercase().as_str()) && !joins(at, at + tok.text.len())
        })
        .count()
}

/// The text of sentence `t` between document offsets `from` and `to`.
fn text_between(t: &SentenceTrace, from: usize, to: usize) -> Option<&str> {
    t.text.get(from.checked_sub(t.span.start)?..to.checked_sub(t.span.start)?)
}

/// The document offset of each token of sentence `t`.
fn token_offsets(t: &SentenceTrace) -> Vec<usize> {
    let mut offsets = Vec::with_capacity(t.tokens.len());
    let mut cursor = 0;
    for tok in &t.tokens {
        let at = t.text.get(cursor..).and_then(|rest| rest.find(tok.text.as_str())).map_or(cursor, |i| cursor + i);
        offsets.push(t.span.start + at);
        cursor = at + tok.text.len();
    }
    offsets
}

/// TABARI `SET: CODE ALL`: a verb with no actor after it takes as target the
/// nearest actor written before it that is not its source, as TABARI's
/// records code an infinitive or a later clause (`Freedonia urged Sylvania
/// to assist it`: Freedonia assists Sylvania; `restore ties with Sylvania
/// years after crowds burned its embassy`: the burning targets Sylvania).
fn targets_before_verb(events: Vec<Event>, traces: &[SentenceTrace], agents_ok: bool) -> Vec<Event> {
    let usable = |c: &String| codable(c, agents_ok);
    let mut out = Vec::with_capacity(events.len());
    for e in events {
        let at = e.evidence.trigger_span.start;
        let other = |a: &Actor| a.code != e.source.code;
        let before = traces.iter().find(|t| t.index == e.sentence).and_then(|t| {
            t.mentions.iter().rev().find(|m| {
                !m.is_place
                    && m.span.end <= at
                    && m.span != e.source.span
                    && usable_actors(m, &usable).any(|a| other(&a))
            })
        });
        match before.filter(|_| e.target.is_none()) {
            Some(m) => {
                out.extend(usable_actors(m, &usable).filter(other).map(|a| Event { target: Some(a), ..e.clone() }))
            }
            None => out.push(e),
        }
    }
    out
}

/// TABARI: a verb with no actor after it takes as target the actor written
/// nearest before it after its source (`Freedonia urged Norland to act
/// and then it requested that Sylvania assist`: Freedonia, for `it`,
/// assists Sylvania), as TABARI looks back from the verb for a target.
fn targets_between(events: Vec<Event>, traces: &[SentenceTrace], agents_ok: bool) -> Vec<Event> {
    let usable = |c: &String| codable(c, agents_ok);
    let mut out = Vec::with_capacity(events.len());
    for e in events {
        let (from, to) = (e.source.span.end, e.evidence.trigger_span.start);
        let between = traces.iter().find(|t| t.index == e.sentence).and_then(|t| {
            t.mentions.iter().rev().find(|m| {
                !m.is_place
                    && m.span.start >= from
                    && m.span.end <= to
                    && usable_actors(m, &usable).any(|a| a.code != e.source.code)
            })
        });
        match between.filter(|_| e.target.is_none() && from <= to) {
            Some(m) => out.extend(
                usable_actors(m, &usable)
                    .filter(|a| a.code != e.source.code)
                    .map(|a| Event { target: Some(a), ..e.clone() }),
            ),
            None => out.push(e),
        }
    }
    out
}

/// TABARI: the members of a compound actor act on each other only from its
/// first member (`Freedonia and Sylvania are to restore ties`: Freedonia →
/// Sylvania), as TABARI takes the first actor as source and looks for the
/// target from there. False for an event from a later member to another.
fn first_member_acts(e: &Event, traces: &[SentenceTrace], agents_ok: bool) -> bool {
    let Some(target) = e.target.as_ref().filter(|t| t.span == e.source.span) else {
        return true;
    };
    let usable = |c: &String| codable(c, agents_ok);
    let mention =
        traces.iter().find(|t| t.index == e.sentence).and_then(|t| t.mentions.iter().find(|m| m.span == e.source.span));
    let first = mention.and_then(|m| m.codes.iter().find(|c| usable(c))).map(|c| c.trim_start_matches('?'));
    first.is_none_or(|c| c == e.source.code || target.code == e.source.code)
}

/// Whether a mention member's code can be coded: not empty, and a role
/// noun still waiting for a country (`?GOV`) only when bare agents are.
fn codable(code: &str, agents_ok: bool) -> bool {
    !code.is_empty() && (agents_ok || !code.starts_with('?'))
}

/// The members of a mention whose codes are `usable`, as actors (each code
/// without the `?` of a role noun still waiting for a country).
fn usable_actors<'a>(
    m: &'a dyad_coder::MentionTrace,
    usable: &'a dyn Fn(&String) -> bool,
) -> impl Iterator<Item = Actor> + 'a {
    m.codes.iter().enumerate().filter(|(_, c)| usable(c)).map(|(i, c)| Actor {
        text: m.text.clone(),
        code: c.trim_start_matches('?').to_string(),
        country: None,
        sector: None,
        span: m.span,
        rule: m.rules.get(i).and_then(|r| rule_ref(r)),
    })
}

/// A rule written `file:line`, as the traces carry it.
fn rule_ref(rule: &str) -> Option<RuleRef> {
    let (file, line) = rule.rsplit_once(':')?;
    Some(RuleRef { file: Arc::from(file), line: line.parse().ok()? })
}

/// TABARI's actors (`Conventions::first_actor_source`). The source of a
/// verb is the first actor written in its clause (`clauses`: the offsets
/// where TABARI clauses start) before it: TABARI does not parse, so
/// `Freedonia is ready to restore ties with Sylvania, years after crowds
/// from Norland burned its embassy` codes the burning from Freedonia. The
/// grammar's source stays when it lies inside that first actor, when it
/// follows the verb (a passive `by`), or when the pattern names it
/// (`slot(e, "{source}")`); a verb whose subject is no actor (`crowds
/// burned`) gets the first actor too. A pattern that names its source but
/// not its target takes the first actor after the verb as target, not the
/// subject before it (`Freedonia gave a bag of coins Sylvania to
/// Norland`: Sylvania gave to Norland): its target is left for
/// [`targets_after_verb`].
fn first_actor_sources(
    events: Vec<Event>,
    traces: &[SentenceTrace],
    clauses: &[usize],
    agents_ok: bool,
    code_all: bool,
    slot: &dyn Fn(&Event, &str) -> bool,
) -> Vec<Event> {
    let usable = |c: &String| codable(c, agents_ok);
    // The first actor of the clause of a verb at `span` in sentence `t`.
    fn first<'a>(
        t: &'a SentenceTrace,
        span: Span,
        clauses: &[usize],
        usable: &dyn Fn(&String) -> bool,
    ) -> Option<&'a dyad_coder::MentionTrace> {
        let start = clauses.iter().copied().filter(|&c| c >= t.span.start && c <= span.start).max();
        let start = start.unwrap_or(t.span.start);
        t.mentions
            .iter()
            .find(|m| !m.is_place && m.span.start >= start && m.span.end <= span.start && m.codes.iter().any(usable))
    }
    let inside = |a: &Actor, m: &dyad_coder::MentionTrace| a.span.start >= m.span.start && a.span.end <= m.span.end;
    // Triggers that gave an event (the grammar drops one whose source is a
    // role noun it finds no country for: `security forces are to restore`).
    let coded: HashSet<(usize, usize)> = events.iter().map(|e| (e.sentence, e.evidence.trigger_span.start)).collect();
    let mut out = Vec::with_capacity(events.len());
    for mut e in events {
        let at = e.evidence.trigger_span;
        let named = slot(&e, "{source}");
        let before = |a: &Actor| a.span.start < at.start;
        if named && !slot(&e, "{target}") && !before(&e.source) && e.target.as_ref().is_some_and(before) {
            e.target = None;
        }
        let t = traces.iter().find(|t| t.index == e.sentence);
        let m = t.and_then(|t| first(t, at, clauses, &usable));
        // Under `CODE ALL` a verb under another whose grammar made the first
        // actor its target (`Freedonia and Sylvania urged Norland to assist
        // them`: Norland assists them) takes that actor as source, and its
        // target is found again.
        let target_first = |m: &dyad_coder::MentionTrace| e.target.as_ref().is_some_and(|x| inside(x, m));
        let keep =
            named || !before(&e.source) || m.is_none_or(|m| inside(&e.source, m) || (!code_all && target_first(m)));
        match m.filter(|_| !keep) {
            Some(m) => {
                let target = if target_first(m) { None } else { e.target.clone() };
                out.extend(usable_actors(m, &usable).map(|a| Event { source: a, target: target.clone(), ..e.clone() }));
            }
            None => out.push(e),
        }
    }
    // Verbs whose subject is no actor. A target slot inside the pattern
    // (`ANTI- + PARADE`: `an anti- Sylvania parade`) is the actor written there.
    // With agents coded (`CONVERT AGENT`), also a coded verb left without an
    // event whose first actor is a role noun with no country (`Clerics and
    // lawmakers believe`): TABARI codes the agents as they are (`~MOS`).
    for t in traces {
        let dropped = |x: &&dyad_coder::TriggerTrace| {
            agents_ok && x.decision.contains(": coded as") && !coded.contains(&(t.index, x.span.start))
        };
        for trig in t.triggers.iter().filter(|x| x.decision.ends_with("no source found") || dropped(x)) {
            let Some(m) = first(t, trig.span, clauses, &usable) else { continue };
            if !trig.decision.ends_with("no source found") && !m.codes.iter().any(|c| c.starts_with('?')) {
                continue;
            }
            let within = trig.pattern.contains("{target}").then(|| {
                t.mentions.iter().find(|x| {
                    !x.is_place
                        && x.span.start > trig.span.start
                        && x.span.end <= trig.span.end
                        && x.codes.iter().any(usable)
                })
            });
            let targets: Vec<Option<Actor>> = match within.flatten() {
                Some(x) => usable_actors(x, &usable).map(Some).collect(),
                None => vec![None],
            };
            for a in usable_actors(m, &usable) {
                out.extend(targets.iter().filter_map(|tg| trigger_event(t, trig, a.clone(), tg.clone())));
            }
        }
    }
    out
}

/// TABARI: a pattern that opens with its `+` slot, before the verb (`- +
/// WAS * DEAD`), has the actor written right before the verb as target;
/// the source is the first actor of the clause before that one, else the
/// first actor after the verb (`a Sylvanian envoy was found dead in
/// Freedonia`: Freedonia → Sylvania), where TABARI looks when none is
/// left before the verb. `target_first` tells the events of such patterns.
fn target_slot_before_verb(
    events: Vec<Event>,
    traces: &[SentenceTrace],
    clauses: &[usize],
    agents_ok: bool,
    target_first: &dyn Fn(&Event) -> bool,
) -> Vec<Event> {
    let usable = |c: &String| codable(c, agents_ok);
    let actor = |m: &&dyad_coder::MentionTrace| !m.is_place && m.codes.iter().any(usable);
    let mut out = Vec::with_capacity(events.len());
    for e in events {
        let at = e.evidence.trigger_span;
        let t = traces.iter().find(|t| t.index == e.sentence).filter(|_| target_first(&e));
        let slot = t.and_then(|t| t.mentions.iter().filter(actor).rev().find(|m| m.span.end <= at.start));
        let (Some(t), Some(slot)) = (t, slot) else {
            out.push(e);
            continue;
        };
        let start = clauses.iter().copied().filter(|&c| c >= t.span.start && c <= slot.span.start).max();
        let start = start.unwrap_or(t.span.start);
        let before = t.mentions.iter().filter(actor).find(|m| m.span.start >= start && m.span.end <= slot.span.start);
        let source = before.or_else(|| t.mentions.iter().filter(actor).find(|m| m.span.start >= at.end));
        let Some(source) = source else {
            out.push(e);
            continue;
        };
        for src in usable_actors(source, &usable) {
            for tgt in usable_actors(slot, &usable) {
                out.push(Event { source: src.clone(), target: Some(tgt), ..e.clone() });
            }
        }
    }
    out
}

/// TABARI: an agent written before `of` and a list of actors (`the
/// ambassadors of Freedonia, Sylvania and Norland`) belongs to the first
/// member only (FRDGOV, SYL, MRX); dyad's grammar gives it to every member.
/// An event actor standing for a later member of such a mention, whose
/// members all carry the same agent, loses it.
fn agent_first_member_only(events: &mut [Event], traces: &[SentenceTrace]) {
    // The mentions written `AGENT of A, B and C`: one `of`, before any list.
    let shared: Vec<&dyad_coder::MentionTrace> = traces
        .iter()
        .flat_map(|t| &t.mentions)
        .filter(|m| {
            let text = m.text.to_lowercase();
            let Some((head, rest)) = text.split_once(" of ") else { return false };
            let codes: Vec<&str> = m.codes.iter().map(|c| c.trim_start_matches('?')).collect();
            let agent = codes.first().and_then(|c| c.get(3..)).unwrap_or_default();
            codes.len() >= 2
                && !agent.is_empty()
                && codes.iter().all(|c| c.len() > 3 && c.get(3..) == Some(agent))
                && !head.contains(',')
                && !lower_words(head).iter().any(|w| w == "and")
                && !rest.contains(" of ")
        })
        .collect();
    if shared.is_empty() {
        return;
    }
    for e in events {
        for a in std::iter::once(&mut e.source).chain(e.target.as_mut()) {
            let Some(m) = shared.iter().find(|m| m.span == a.span) else { continue };
            let later = m.codes.iter().skip(1).any(|c| c.trim_start_matches('?') == a.code);
            if later && a.code != m.codes[0].trim_start_matches('?') {
                a.code.truncate(3);
            }
        }
    }
}

/// Pronouns TABARI replaces by the first actor of the sentence (`Freedonia
/// urged Sylvania to act and then it asked Norland ...`, `... and
/// Norland asked him`).
const SENTENCE_PRONOUNS: &[&str] = &["he", "she", "it", "they", "him", "her", "them"];

/// TABARI's pronouns: a personal pronoun written after the sentence's first
/// actor stands for that actor (all members of a compound: `Freedonia and
/// Sylvania ... then they asked`), so the source and target rules read it
/// as an actor mention at the pronoun's place. A pronoun before any actor
/// is left to `FORWARD:` ([`default_sources`]).
fn pronoun_mentions(traces: &mut [SentenceTrace], agents_ok: bool) {
    let usable = |c: &String| codable(c, agents_ok);
    for t in traces {
        let Some(first) = t.mentions.iter().find(|m| !m.is_place && m.codes.iter().any(usable)).cloned() else {
            continue;
        };
        let mut cursor = 0;
        let mut added = Vec::new();
        for tok in &t.tokens {
            let Some(at) = t.text.get(cursor..).and_then(|rest| rest.find(tok.text.as_str())).map(|i| cursor + i)
            else {
                continue;
            };
            cursor = at + tok.text.len();
            let start = t.span.start + at;
            if start < first.span.end || !SENTENCE_PRONOUNS.contains(&tok.text.to_lowercase().as_str()) {
                continue;
            }
            let span = Span::new(start, start + tok.text.len());
            if t.mentions.iter().any(|m| m.span.start < span.end && span.start < m.span.end) {
                continue;
            }
            added.push(dyad_coder::MentionTrace { text: tok.text.clone(), span, ..first.clone() });
        }
        t.mentions.extend(added);
        t.mentions.sort_by_key(|m| m.span.start);
    }
}

/// TABARI's clauses (`SET: CODE BY CLAUSE`): the document offsets of the
/// conjunctions (`and`, `but`, `or`) in a sentence that open a new verb
/// phrase: after them, adverbs and at most a noun phrase or pronoun (a new
/// subject) come before a verb. A conjunction followed by a noun phrase and
/// then anything else (`sheep and goats from Sylvania`) joins nouns.
fn clause_starts(t: &SentenceTrace, adjectives: &HashSet<String>, nouns: &HashSet<String>) -> Vec<usize> {
    let offsets = token_offsets(t);
    let verb = |tag: &str| tag.starts_with("VB") || tag.starts_with("MD") || tag.starts_with("AUX");
    let subject = |tag: &str| {
        tag.starts_with("RB")
            || tag.starts_with("PRP")
            || tag.starts_with("NN")
            || tag == "DT"
            || tag.starts_with("JJ")
            || tag == "POS"
    };
    let mut out = Vec::new();
    for (i, tok) in t.tokens.iter().enumerate() {
        if !["and", "but", "or"].contains(&tok.text.to_lowercase().as_str()) {
            continue;
        }
        // A conjunction inside a compound actor (`Freedonia and Sylvania
        // urged`) joins the subject.
        if t.mentions.iter().any(|m| m.span.start < offsets[i] && offsets[i] < m.span.end) {
            continue;
        }
        // TABARI: `awful and evil minister` joins two listed adjectives.
        let adjective =
            |x: Option<&dyad_coder::TokenTrace>| x.is_some_and(|x| adjectives.contains(&x.text.to_lowercase()));
        if i > 0 && adjective(t.tokens.get(i - 1)) && adjective(t.tokens.get(i + 1)) {
            continue;
        }
        // TABARI `<NOUN>`: `sheep and goats` joins two listed nouns; after a
        // listed noun, `and` opens another phrase, its `of` phrase with it
        // (`Freedonia's sheep and pigs of Sylvania warned`: Sylvania warned).
        let noun = |x: Option<&dyad_coder::TokenTrace>| x.is_some_and(|x| nouns.contains(&x.text.to_lowercase()));
        let after_noun = i > 0 && noun(t.tokens.get(i - 1));
        if after_noun && noun(t.tokens.get(i + 1)) {
            continue;
        }
        let of = |x: &dyad_coder::TokenTrace| after_noun && x.text.eq_ignore_ascii_case("of");
        let next = t.tokens[i + 1..].iter().find(|x| !subject(x.tag) && !of(x));
        if next.is_some_and(|x| verb(x.tag)) {
            out.push(offsets[i]);
        }
    }
    out
}

/// Whether a trigger word of `e` is written with a possessive `'s`
/// attached (`donate's`): TABARI's verbs and pattern words take no noun
/// endings ([`PeerTables::verbs_without_noun_endings`]).
fn possessive_trigger(text: &str, e: &Event) -> bool {
    let span = e.evidence.trigger_span;
    let Some(inside) = text.get(span.start..) else { return false };
    let lower = inside.to_ascii_lowercase();
    let mut at = 0;
    for w in e.evidence.trigger.split_whitespace().map(str::to_ascii_lowercase) {
        let Some(i) = lower.get(at..).and_then(|r| r.find(&w)) else { return false };
        at += i + w.len();
        if at > span.len() {
            return false;
        }
        let rest = &lower[at..];
        if rest.starts_with("'s") || rest.starts_with("\u{2019}s") {
            return true;
        }
    }
    false
}

/// Whether a word of `e`'s trigger starts with a form of its TABARI verb as
/// written: TABARI compares letters, so `LEFT_` does not match "leave" and
/// `MEET` not "met" (dyad's lemmas do). Events of other rules pass.
fn verb_written(e: &Event, tables: &PeerTables) -> bool {
    let key = (e.evidence.rule.file.to_string(), e.evidence.rule.line);
    let Some(forms) = tables.verb_forms.get(&key) else { return true };
    let words = lower_words(&e.evidence.trigger);
    forms.iter().any(|f| {
        let head = f.trim_end_matches('*').split(['_', ' ']).next().unwrap_or_default();
        !head.is_empty() && words.iter().any(|w| w.starts_with(head))
    })
}

/// Whether the verb word of `e`'s trigger is written right after `a`, `an`
/// or `the`, or capitalised inside its sentence: TABARI reads it as a noun
/// (`was in an accord`, `about the restore`, `about To Restore`) and does
/// not match it.
fn determiner_before_verb(text: &str, e: &Event, tables: &PeerTables) -> bool {
    let key = (e.evidence.rule.file.to_string(), e.evidence.rule.line);
    written_as_noun(text, &key, e.evidence.trigger_span, tables)
}

/// [`determiner_before_verb`] for the trigger at `span` of the pattern `key`.
fn written_as_noun(text: &str, key: &(String, u32), span: Span, tables: &PeerTables) -> bool {
    determiner_before(text, key, span, tables) || capitalised_verb(text, key, span, tables)
}

/// Whether the verb word of the trigger at `span` (pattern `key`) is
/// written right after `a`, `an` or `the`.
fn determiner_before(text: &str, key: &(String, u32), span: Span, tables: &PeerTables) -> bool {
    let Some(forms) = tables.verb_forms.get(key) else { return false };
    let (Some(before), Some(inside)) = (text.get(..span.start), text.get(span.start..span.end)) else {
        return false;
    };
    let mut prev = lower_words(before).pop();
    for w in lower_words(inside) {
        if verb_form(forms, &w) {
            return prev.as_deref().is_some_and(|p| ["a", "an", "the"].contains(&p));
        }
        prev = Some(w);
    }
    false
}

/// Whether the lower-case word `w` is one of a TABARI verb's `forms`.
fn verb_form(forms: &[String], w: &str) -> bool {
    forms.iter().any(|f| match f.strip_suffix('*') {
        Some(stem) => w.starts_with(stem),
        None => f.split(['_', ' ']).next() == Some(w),
    })
}

/// Whether the verb word of the trigger at `span` (pattern `key`) is
/// capitalised inside its sentence: TABARI reads it as a name, not a verb
/// (`Freedonia is about To Resume ties`). A word opening a sentence, and
/// one in capitals only, is read as written.
fn capitalised_verb(text: &str, key: &(String, u32), span: Span, tables: &PeerTables) -> bool {
    let Some(forms) = tables.verb_forms.get(key) else { return false };
    let Some(inside) = text.get(span.start..span.end) else { return false };
    let mut at = span.start;
    for piece in inside.split_inclusive(|c: char| !c.is_alphanumeric()) {
        let start = at;
        at += piece.len();
        let w = piece.trim_end_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() || !verb_form(forms, &w.to_lowercase()) {
            continue;
        }
        let before = text[..start].trim_end();
        let opens = before.is_empty() || before.ends_with(['.', '!', '?', '"', ':', '\u{201c}']);
        let mut chars = w.chars();
        return !opens && chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase);
    }
    false
}

/// An actor that stands for a TABARI default code, placed at `at`.
fn default_actor(code: &str, at: usize) -> Actor {
    Actor {
        text: String::new(),
        code: code.to_string(),
        country: None,
        sector: None,
        span: Span::new(at, at),
        rule: None,
    }
}

/// Subject pronouns TABARI replaces by a forwarded actor.
const FORWARDED_PRONOUNS: &[&str] = &["he", "she", "it", "they"];

/// TABARI `DEFAULT: SOURCE`: a verb the grammar found no source for, with no
/// actor before it in the sentence, gets the default source (`PRIOR`), or
/// else the first actor after it, whose coordinated partners are then its
/// targets (`Freedonia and Sylvania`: Freedonia→Sylvania). With `forward`
/// (TABARI `FORWARD:`), such a verb with a subject pronoun before it gets the
/// forwarded actor first, as TABARI puts that actor in the pronoun's place.
fn default_sources(
    traces: &[SentenceTrace],
    defaults: Option<&DefaultActors>,
    forward: Option<&str>,
    agents_ok: bool,
) -> Vec<Event> {
    let usable = |c: &String| codable(c, agents_ok);
    let mut out = Vec::new();
    for t in traces {
        let actors: Vec<&dyad_coder::MentionTrace> =
            t.mentions.iter().filter(|m| !m.is_place && m.codes.iter().any(usable)).collect();
        for trig in t.triggers.iter().filter(|x| x.decision.ends_with("no source found")) {
            if actors.iter().any(|m| m.span.start < trig.span.start) {
                continue;
            }
            let event = |source: Actor, target: Option<Actor>| trigger_event(t, trig, source, target);
            let before = t.text.get(..trig.span.start.saturating_sub(t.span.start)).unwrap_or_default();
            let pronoun = lower_words(before).iter().any(|w| FORWARDED_PRONOUNS.contains(&w.as_str()));
            if let Some(code) = forward.filter(|_| pronoun) {
                out.extend(event(default_actor(code, trig.span.start), None));
                continue;
            }
            let Some(d) = defaults else { continue };
            let after = actors.iter().find(|m| m.span.start >= trig.span.end).filter(|_| !d.prior);
            let Some(m) = after else {
                let code = d.source.as_deref().unwrap_or_default();
                out.extend(event(default_actor(code, trig.span.start), None));
                continue;
            };
            let mut members = m.codes.iter().filter(|c| usable(c)).map(|c| c.trim_start_matches('?'));
            let first = members.next().unwrap_or_default();
            let source = Actor { text: m.text.clone(), span: m.span, ..default_actor(first, 0) };
            let partners: Vec<&str> = members.collect();
            if partners.is_empty() {
                out.extend(event(source.clone(), None));
            }
            for p in partners {
                out.extend(event(source.clone(), Some(Actor { text: m.text.clone(), ..default_actor(p, m.span.end) })));
            }
        }
    }
    out
}

/// TABARI: the starts of the actors whose noun phrase has `former`: right
/// before the actor or inside it (`former Sylvania prosecutors`), or before
/// or after an agent phrase joined to it (`Former security officials in
/// the Palace`, `Sylvania former security officials`).
fn former_actors(traces: &[SentenceTrace]) -> Vec<usize> {
    let mut out = Vec::new();
    for t in traces {
        let offsets = token_offsets(t);
        let word = |i: usize| t.tokens.get(i).map(|x| x.text.to_lowercase()).unwrap_or_default();
        let first_token = |at: usize| offsets.iter().position(|&o| o >= at);
        let bare_agent = |i: usize| {
            t.mentions.iter().find(|m| m.span.start == offsets[i] && m.codes.iter().all(|c| c.starts_with('?')))
        };
        for m in t.mentions.iter().filter(|m| m.codes.iter().any(|c| !c.is_empty() && !c.starts_with('?'))) {
            let (Some(first), last) = (first_token(m.span.start), first_token(m.span.end).unwrap_or(offsets.len()))
            else {
                continue;
            };
            let inside = (first..last).any(|i| word(i) == "former");
            let before = first > 0 && word(first - 1) == "former";
            // An agent phrase before (`former security officials in`) or after (`former security officials`).
            let agent_before = (0..first).rev().take(3).any(|i| {
                bare_agent(i).is_some_and(|a| {
                    let end = first_token(a.span.end).unwrap_or(first);
                    i > 0 && word(i - 1) == "former" && (end..first).all(|k| matches!(word(k).as_str(), "in" | "of"))
                })
            });
            let agent_after = word(last) == "former" && last + 1 < offsets.len() && bare_agent(last + 1).is_some();
            if inside || before || agent_before || agent_after {
                out.push(m.span.start);
            }
        }
    }
    out
}

/// TABARI: a verb opening a clause with no actor of its own before it
/// (`Freedonia accepts that ... or assail Sylvania`) and no source found by
/// the grammar shares the source of the clause before: that clause's first
/// actor (else the sentence's first actor before the clause).
fn clause_sources(traces: &[SentenceTrace], clauses: &[usize], agents_ok: bool) -> Vec<Event> {
    let usable = |c: &String| codable(c, agents_ok);
    let mut out = Vec::new();
    for t in traces {
        let starts: Vec<usize> = clauses.iter().copied().filter(|&c| c > t.span.start && c < t.span.end).collect();
        let actors: Vec<&dyad_coder::MentionTrace> =
            t.mentions.iter().filter(|m| !m.is_place && m.codes.iter().any(usable)).collect();
        for trig in t.triggers.iter().filter(|x| x.decision.ends_with("no source found")) {
            let Some(pos) = starts.iter().rposition(|&c| c <= trig.span.start) else { continue };
            let start = starts[pos];
            if actors.iter().any(|m| m.span.start >= start && m.span.start < trig.span.start) {
                continue;
            }
            let previous = if pos == 0 { t.span.start } else { starts[pos - 1] };
            let before = |m: &&&dyad_coder::MentionTrace| m.span.start < start;
            let Some(m) =
                actors.iter().filter(before).find(|m| m.span.start >= previous).or(actors.iter().find(before))
            else {
                continue;
            };
            let code = m.codes.iter().find(|c| usable(c)).map(|c| c.trim_start_matches('?')).unwrap_or_default();
            let source = Actor { text: m.text.clone(), span: m.span, ..default_actor(code, 0) };
            out.extend(trigger_event(t, trig, source, None));
        }
    }
    out
}

/// The event a trigger the grammar left without a source codes between
/// `source` and `target` (`None` when its rule or code cannot be read).
fn trigger_event(
    t: &SentenceTrace,
    trig: &dyad_coder::TriggerTrace,
    source: Actor,
    target: Option<Actor>,
) -> Option<Event> {
    Some(Event {
        sentence: t.index,
        sentence_span: t.span,
        source,
        target,
        cameo: dyad_core::cameo::CameoCode::parse(&trig.code)?,
        negated: false,
        date: None,
        date_text: None,
        location: None,
        evidence: Evidence { trigger: trig.text.clone(), trigger_span: trig.span, rule: rule_ref(&trig.rule)? },
    })
}

/// TABARI `DEFAULT: TARGET`: an event with no target gets the default one;
/// with `AFTER`, so does one whose target and source both precede the verb.
fn default_targets(events: &mut [Event], d: &DefaultActors) {
    let Some(code) = d.target.as_deref() else { return };
    for e in events {
        let at = e.evidence.trigger_span.start;
        let before = |a: &Actor| a.span.start < at;
        let replace = match &e.target {
            None => true,
            Some(t) => d.after && before(t) && before(&e.source),
        };
        if replace {
            e.target = Some(default_actor(code, e.evidence.trigger_span.end));
        }
    }
}

/// An agent coordinated inside an actor's noun phrase (`Danish media and
/// government`: DNKMED, DNKGOV) has that actor's country and is no bare
/// agent: the same mention also names a dictionary actor. An agent whose
/// country the engine carried from elsewhere (`he said government
/// proposed`) is a mention of its own.
fn coordinated_with_actor(a: &Actor, events: &[Event]) -> bool {
    let named = |b: &Actor| b.rule.as_ref().is_some_and(|r| !r.file.ends_with(".agents"));
    events
        .iter()
        .flat_map(|e| std::iter::once(&e.source).chain(e.target.as_ref()))
        .any(|b| b.span == a.span && named(b))
}

/// Words that open an adverbial clause wherever they stand.
const ADVERBIAL_OPENERS: &[&str] = &["after", "before", "while", "when", "because", "although", "though", "unless"];

/// Words that open an adverbial clause before a subject but are as often a
/// preposition or adverb (`until Friday`, `once again`): only
/// [`drop_adverbial_clauses`], whose clause must hold the event's source,
/// reads them as clause openers.
const ADVERBIAL_OR_PREPOSITION: &[&str] = &["since", "until", "once"];

/// Words that open a relative clause (`who`, `which`) or a clause of
/// condition or question (`if`, `whether`): the end of a verb's object,
/// but no adverbial clause for [`drop_adverbial_clauses`].
const RELATIVE_OR_CONDITION: &[&str] = &["where", "who", "which", "whom", "whose", "if", "whether"];

fn listed(lists: &[&[&str]], word: &str) -> bool {
    lists.iter().any(|l| l.iter().any(|w| word.eq_ignore_ascii_case(w)))
}

/// Whether `word` (any case) opens an adverbial clause.
fn opens_adverbial_clause(word: &str) -> bool {
    listed(&[ADVERBIAL_OPENERS, ADVERBIAL_OR_PREPOSITION], word)
}

/// Whether `word` (any case) opens an adverbial or relative clause, which
/// ends the search for a verb's target.
fn opens_clause(word: &str) -> bool {
    listed(&[ADVERBIAL_OPENERS, RELATIVE_OR_CONDITION], word)
}

/// PETRARCH codes a verb phrase with the clauses inside it: a verb in an
/// adverbial clause that follows a verb which codes (`Freedonia restored
/// ties with Sylvania after Norland crowds burned its embassy`) gives no
/// event of its own. The clause runs from its opening word to the next
/// comma, `;` or `:` (`..., a senior official said` is not inside it) and
/// holds the event's source. A verb that codes needs a target when the
/// record requires one.
fn drop_adverbial_clauses(events: Vec<Event>, text: &str, require_target: bool) -> Vec<Event> {
    let codes = |e: &Event| !e.negated && (e.target.is_some() || !require_target);
    let inside = |outer: &Event, e: &Event| {
        let (from, to) = (outer.evidence.trigger_span.end, e.evidence.trigger_span.start);
        if outer.sentence != e.sentence || from >= to || e.source.span.start < from {
            return false;
        }
        let Some(between) = text.get(from..to) else { return false };
        let mut word_start = None;
        for (i, c) in between.char_indices().chain([(between.len(), ' ')]) {
            if c.is_alphanumeric() {
                word_start.get_or_insert(i);
                continue;
            }
            let Some(start) = word_start.take() else { continue };
            let opens = opens_adverbial_clause(&between[start..i]);
            if opens && from + i <= e.source.span.start && !between[i..].contains([',', ';', ':']) {
                return true;
            }
        }
        false
    };
    let drop: Vec<bool> = events.iter().map(|e| events.iter().any(|o| codes(o) && inside(o, e))).collect();
    events.into_iter().zip(drop).filter(|(_, d)| !d).map(|(e, _)| e).collect()
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

/// TABARI `COMMA:` and PETRARCH `comma_*` options: a comma-delimited clause
/// whose length in words lies within the bounds for its place is left out
/// of coding. An internal clause lies between two commas (`MIN`, `MAX`), the
/// initial one runs from the start of the sentence to its first comma
/// (`BMIN`, `BMAX`), the terminal one from the last comma to the end
/// (`EMIN`, `EMAX`). A maximum of 0 (or below its minimum) leaves no clause
/// of that place out. The defaults are TABARI's: internal and terminal
/// clauses of 2 to 10 words, no initial clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CommaClauses {
    /// Internal clause bounds.
    pub min: usize,
    /// See `min`.
    pub max: usize,
    /// Terminal clause bounds.
    pub emin: usize,
    /// See `emin`.
    pub emax: usize,
    /// Initial clause bounds.
    pub bmin: usize,
    /// See `bmin`.
    pub bmax: usize,
}

impl Default for CommaClauses {
    fn default() -> CommaClauses {
        CommaClauses { min: 2, max: 10, emin: 2, emax: 10, bmin: 255, bmax: 0 }
    }
}

impl CommaClauses {
    /// No clause is left out.
    pub const OFF: CommaClauses = CommaClauses { min: 0, max: 0, emin: 0, emax: 0, bmin: 0, bmax: 0 };

    /// Applies the text of a TABARI `COMMA:` command (`MIN = 3 MAX = 7`,
    /// `OFF`); false when it cannot be read.
    pub fn apply(&mut self, command: &str) -> bool {
        let words: Vec<&str> =
            command.split(|c: char| c.is_whitespace() || c == '=').filter(|w| !w.is_empty()).collect();
        if words.iter().map(|w| w.to_uppercase()).collect::<Vec<_>>() == ["OFF"] {
            *self = CommaClauses::OFF;
            return true;
        }
        if words.is_empty() || words.len() % 2 != 0 {
            return false;
        }
        let mut next = *self;
        for pair in words.chunks(2) {
            let Ok(n) = pair[1].parse::<usize>() else { return false };
            if !next.set(pair[0], n) {
                return false;
            }
        }
        *self = next;
        true
    }

    /// Sets one bound by its name (`MIN`, `emax`, `comma_bmin`); false for
    /// an unknown name.
    pub fn set(&mut self, name: &str, n: usize) -> bool {
        let name = name.to_lowercase();
        let field = match name.strip_prefix("comma_").unwrap_or(&name) {
            "min" => &mut self.min,
            "max" => &mut self.max,
            "emin" => &mut self.emin,
            "emax" => &mut self.emax,
            "bmin" => &mut self.bmin,
            "bmax" => &mut self.bmax,
            _ => return false,
        };
        *field = n;
        true
    }

    /// `text` with the clauses these bounds leave out blanked (each byte of
    /// a clause and of the comma that sets it off becomes a space, so byte
    /// offsets into the text still hold). A terminal clause keeps the
    /// sentence's closing punctuation.
    pub fn eliminate(&self, text: &str) -> String {
        let commas: Vec<usize> = text.match_indices(',').map(|(i, _)| i).collect();
        let (Some(&first), Some(&last)) = (commas.first(), commas.last()) else { return text.to_string() };
        let end = text.trim_end().trim_end_matches(['.', '!', '?', '"', '\'']).len().max(last + 1);
        let words =
            |a: usize, b: usize| text[a..b].split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
        let within = |n: usize, lo: usize, hi: usize| n >= lo && n <= hi && hi > 0;
        let mut blank: Vec<(usize, usize)> = Vec::new();
        // A comma closing a clause left out opens no other (TABARI: `X, in
        // remarks on Monday, urged Y ...` leaves out the remarks only).
        let mut closed = None;
        if within(words(0, first), self.bmin, self.bmax) {
            blank.push((0, first + 1));
            closed = Some(first);
        }
        // A member of a list (`A, the awful B, and C`; `X and Y, and Z and
        // W,`) is no clause: neither it nor the clause after it may start
        // with a conjunction.
        let conjunction = |at: usize| {
            let next = text[at + 1..].split_whitespace().next().unwrap_or("").to_lowercase();
            matches!(next.as_str(), "and" | "or" | "but" | "nor")
        };
        for pair in commas.windows(2) {
            if conjunction(pair[0]) || conjunction(pair[1]) {
                continue;
            }
            if closed != Some(pair[0]) && within(words(pair[0] + 1, pair[1]), self.min, self.max) {
                blank.push((pair[0], pair[1]));
                closed = Some(pair[1]);
            }
        }
        if closed != Some(last) && within(words(last + 1, end), self.emin, self.emax) {
            blank.push((last, end));
        }
        let mut out = text.as_bytes().to_vec();
        for (a, b) in blank {
            out[a..b].fill(b' ');
        }
        String::from_utf8(out).unwrap_or_else(|_| text.to_string())
    }
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
    /// Whether the suite requires a source and a target for this record
    /// (PETRARCH `<Config option="require_dyad">`); `None`: the default.
    pub require_target: Option<bool>,
    /// Whether bare agents are coded `~` plus their code for this record
    /// (TABARI `SET: CONVERT AGENT`); `None`: the default (no).
    pub convert_agents: Option<bool>,
    /// TABARI `SET: MINIMUM WORDS` for this record; `None`: no minimum.
    pub min_words: Option<usize>,
    /// TABARI `DEFAULT:` codes for this record; `None`: none.
    pub defaults: Option<DefaultActors>,
    /// TABARI `SET: CODE BY ...` for this record; `None`: the coder's own
    /// convention.
    pub code_by: Option<CodeBy>,
    /// TABARI `FORWARD:`: the text of the previous record of the same
    /// story, whose first actor a pronoun subject stands for; `None`: none.
    pub antecedent: Option<String>,
    /// TABARI `COMMA:` for this record; `None`: no clause left out.
    pub comma: Option<CommaClauses>,
    /// TABARI `COMPLEX:` for this record; `None`: no sentence is complex.
    pub complex: Option<Complexity>,
}

/// TABARI `SET: CODE BY CLAUSE`, `SET: CODE BY SENTENCE`, `SET: CODE ALL`:
/// which verbs of a sentence code.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CodeBy {
    /// The first verb that codes in each clause (TABARI's default).
    #[default]
    Clause,
    /// The first verb that codes in the sentence.
    Sentence,
    /// Every verb.
    All,
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
            actors: vec![("t.actors".into(), "FREEDONIA [FRD]\nSYLVANIA [SYL]\nNORLAND [M4X]\nGROUCHO [###]\n".into())],
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
        assert_eq!(codes("Freedonia scolded Norland sharply."), vec![t("FRD", "M4X", "987")]);
        assert!(codes("Freedonia scolded Sylvania.").is_empty());
        // Bare agents and events with no target are not peer events.
        assert!(codes("The harbour master praised Sylvania.").is_empty());
        assert!(codes("Freedonia praised.").is_empty());
        // The peers code a future or modal act as the act itself.
        assert_eq!(codes("Freedonia will praise Sylvania."), vec![t("FRD", "SYL", "051")]);
        assert_eq!(codes("Freedonia could praise Sylvania."), vec![t("FRD", "SYL", "051")]);
        // TABARI: a `###` actor anywhere in the sentence discards it.
        let tabari = Conventions { discard_actors: true, ..Conventions::default() };
        assert!(coder.code_with("Freedonia praised Sylvania and Groucho.", None, tabari).is_empty());
        assert_eq!(codes("Freedonia praised Sylvania and Groucho."), vec![t("FRD", "SYL", "051")]);
        // A null actor as the target is passed over: the next actor is the target.
        assert_eq!(codes("Freedonia praised Groucho in Sylvania."), vec![t("FRD", "SYL", "051")]);
        assert!(codes("Freedonia praised Groucho.").is_empty());
    }

    #[test]
    fn code_by_clause_codes_the_first_verb_of_each_clause() {
        let lexicon = Arc::new(Lexicon::english());
        let (coder, _) = PeerCoder::build(&project().convert(&lexicon), lexicon);
        let codes = |text: &str, c: &Conventions| -> Vec<(String, String, String)> {
            let mut v: Vec<_> =
                coder.code_with(text, None, c.clone()).into_iter().map(|e| (e.source, e.target, e.code)).collect();
            v.sort();
            v
        };
        let t = |s: &str, t: &str, c: &str| (s.to_string(), t.to_string(), c.to_string());
        let sentence = Conventions { first_trigger_only: true, ..Conventions::default() };
        let clause = Conventions { by_clause: true, ..sentence.clone() };
        let text = "Freedonia praised Sylvania warmly and then Norland praised Sylvania.";
        assert_eq!(codes(text, &sentence), vec![t("FRD", "SYL", "051")]);
        assert_eq!(codes(text, &clause), vec![t("FRD", "SYL", "051"), t("M4X", "SYL", "051")]);
        // A conjunction before a verb opens a clause with the same subject.
        let text = "Freedonia praised Sylvania on Monday and greeted Norland.";
        assert_eq!(codes(text, &clause), vec![t("FRD", "M4X", "042"), t("FRD", "SYL", "051"), t("M4X", "FRD", "043")]);
        // One joining nouns does not: the first verb of the sentence only.
        let text = "Freedonia praised Sylvania and the delegates from Norland greeting Sylvania.";
        assert_eq!(codes(text, &clause), codes(text, &sentence));
    }

    #[test]
    fn peer_rules_for_targets_gaps_stems_and_agents() {
        let project = tabari::Project {
            actors: vec![("t.actors".into(), "FREEDONIA [FRD]\nSYLVANIA [SYL]\n".into())],
            agents: vec![(
                "t.agents".into(),
                "HARBOUR_MASTER_ [~GOV]\nFOREIGN_MINISTER_ [~GOVFRM]\nGOLDEN_GEESE_ [~GGS]\nMUSLIM_ [~MOS]\n".into(),
            )],
            verbs: vec![(
                "t.verbs".into(),
                "ALLOW [060]\n- * REAL~_PLEASANT [024]\nRESTORE [060]\n- * COMPLETE TIES [064]\nPRAISE [051]\n".into(),
            )],
            options: Vec::new(),
            texts: Vec::new(),
        };
        let lexicon = Arc::new(Lexicon::english());
        let (coder, rejected) = PeerCoder::build(&project.convert(&lexicon), lexicon);
        assert!(rejected.is_empty(), "{rejected:?}");
        let codes = |text: &str, c: &Conventions| -> Vec<(String, String, String)> {
            coder.code_with(text, None, c.clone()).into_iter().map(|e| (e.source, e.target, e.code)).collect()
        };
        let t = |s: &str, t: &str, c: &str| (s.to_string(), t.to_string(), c.to_string());
        let peer = Conventions::default();
        // The first actor after the verb is the target, also in a `that`
        // clause; `~` makes `real` a stem; the gap crosses `that`.
        assert_eq!(
            codes("Freedonia allowed that Sylvania is a really pleasant place.", &peer),
            vec![t("FRD", "SYL", "024")]
        );
        assert_eq!(codes("Freedonia allowed that Sylvania is a nice place.", &peer), vec![t("FRD", "SYL", "060")]);
        let own = Conventions { target_after_verb: false, ..peer.clone() };
        assert!(codes("Freedonia allowed that Sylvania is a nice place.", &own).is_empty());
        // Not past a comma.
        assert!(codes("Freedonia allowed it, when Sylvania was away.", &peer).is_empty());
        // A gap crosses commas (wide gaps).
        assert_eq!(codes("Freedonia restored complete, full ties with Sylvania.", &peer), vec![t("FRD", "SYL", "064")]);
        // Agent codes one dyad sector cannot carry come back from the table.
        assert_eq!(codes("Sylvania's foreign minister praised Freedonia.", &peer), vec![t("SYLGOVFRM", "FRD", "051")]);
        assert_eq!(codes("Freedonia praised Sylvania's golden geese.", &peer), vec![t("FRD", "SYLGGS", "051")]);
        // With no dyad required, a bare agent is PETRARCH's anonymous `---GOV`.
        let loose = Conventions { require_target: false, agent_prefix: Some("---"), ..peer.clone() };
        assert!(codes("The harbour master praised Sylvania.", &peer).is_empty());
        assert_eq!(codes("The harbour master praised Sylvania.", &loose), vec![t("---GOV", "SYL", "051")]);
        // TABARI `CONVERT AGENT`: `~` plus the agent's code, restored when dyad cannot carry it.
        let convert = Conventions { agent_prefix: Some("~"), ..peer.clone() };
        assert_eq!(codes("The harbour master praised Sylvania.", &convert), vec![t("~GOV", "SYL", "051")]);
        assert_eq!(codes("Sylvania praised the golden geese.", &convert), vec![t("SYL", "~GGS", "051")]);
        assert_eq!(codes("Sylvania allowed that the golden geese go.", &convert), vec![t("SYL", "~GGS", "060")]);
        assert!(codes("Sylvania allowed that the golden geese go.", &peer).is_empty());
        // The agent entry that named a bare agent gives its code (also for a plural).
        assert_eq!(codes("Sylvania praised the Muslims.", &convert), vec![t("SYL", "~MOS", "051")]);
        // TABARI `DEFAULT:`: codes for a missing source or target.
        let d = DefaultActors { source: Some("DEF".into()), prior: true, target: Some("TGT".into()), after: true };
        let defaults = Conventions { defaults: Some(d.clone()), ..peer.clone() };
        assert_eq!(codes("Zork praised Sylvania.", &defaults), vec![t("DEF", "SYL", "051")]);
        assert_eq!(codes("Freedonia praised the weather.", &defaults), vec![t("FRD", "TGT", "051")]);
        // Without `PRIOR` the first actor after the verb is the source.
        let later = Conventions { defaults: Some(DefaultActors { prior: false, ..d }), ..peer.clone() };
        assert_eq!(codes("Zork praised Sylvania and Freedonia.", &later), vec![t("SYL", "FRD", "051")]);
        assert_eq!(codes("Zork praised Sylvania.", &later), vec![t("SYL", "TGT", "051")]);
        // TABARI `FORWARD:`: a pronoun subject stands for the first actor of the
        // story's previous sentence, without its agent; not when an actor
        // comes before the verb, nor with no antecedent.
        let fwd = |prev: &str| Conventions { antecedent: Some(prev.to_string()), ..peer.clone() };
        let prev = "Sylvania's foreign minister praised Freedonia.";
        assert_eq!(codes("Later he praised Freedonia again.", &fwd(prev)), vec![t("SYL", "FRD", "051")]);
        assert!(codes("Later he praised Freedonia again.", &peer).is_empty());
        assert_eq!(codes("Freedonia praised Sylvania, it said.", &fwd(prev)), vec![t("FRD", "SYL", "051")]);
        assert!(codes("The weather praised Freedonia again.", &fwd(prev)).is_empty());
        // TABARI `MINIMUM WORDS`: shorter sentences are not coded.
        let short = Conventions { min_words: 5, ..peer.clone() };
        assert!(codes("Sylvania praised the Muslims.", &short).is_empty());
        assert_eq!(codes("Sylvania praised Freedonia on Monday.", &short), vec![t("SYL", "FRD", "051")]);
    }

    /// A TABARI project of three actors and `verbs`, converted, and its coder.
    fn three_actors(verbs: &str) -> (Converted, PeerCoder) {
        tabari_coder("", verbs)
    }

    /// A TABARI project of three actors plus `actors`, and `verbs`, converted, and its coder.
    fn tabari_coder(actors: &str, verbs: &str) -> (Converted, PeerCoder) {
        // Lines coded `[~SECTOR]` are agents.
        let (agents, actors): (Vec<&str>, Vec<&str>) = actors.lines().partition(|l| l.contains("[~"));
        let actors = format!("FREEDONIA [FRD]\nSYLVANIA [SYL]\nGRANDFENWICK [GFW]\n{}", actors.join("\n"));
        let project = tabari::Project {
            actors: vec![("t.actors".into(), actors)],
            agents: vec![("t.agents".into(), agents.join("\n"))],
            verbs: vec![("t.verbs".into(), verbs.into())],
            options: Vec::new(),
            texts: Vec::new(),
        };
        let lexicon = Arc::new(Lexicon::english());
        let converted = project.convert(&lexicon);
        let (coder, rejected) = PeerCoder::build(&converted, lexicon);
        assert!(rejected.is_empty(), "{rejected:?}");
        (converted, coder)
    }

    /// TABARI's conventions on a peer coder's own.
    fn tabari_conventions(coder: &PeerCoder) -> Conventions {
        Conventions { first_actor_source: true, by_clause: true, first_trigger_only: true, ..coder.conventions() }
    }

    /// The events of a text under `c`, sorted, as `SOURCE TARGET CODE; ...`.
    fn joined_codes(coder: &PeerCoder, text: &str, c: &Conventions) -> String {
        let mut v: Vec<String> = coder
            .code_with(text, None, c.clone())
            .into_iter()
            .map(|e| format!("{} {} {}", e.source, e.target, e.code))
            .collect();
        v.sort();
        v.join("; ")
    }

    /// The events of a text as sorted (source, target, code).
    fn sorted_codes(coder: &PeerCoder, text: &str) -> Vec<(String, String, String)> {
        let mut v: Vec<_> = coder.code(text, None).into_iter().map(|e| (e.source, e.target, e.code)).collect();
        v.sort();
        v
    }

    #[test]
    fn comma_clauses_are_left_out_by_length_and_place() {
        let c = CommaClauses { min: 2, max: 4, emin: 2, emax: 2, bmin: 1, bmax: 1 };
        let blank = |text: &str| {
            let out = c.eliminate(text);
            assert_eq!(out.len(), text.len(), "offsets hold");
            out.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        // (text, what is coded, why)
        let cases = [
            (
                "The Freedonians, it seems, praised Sylvania.",
                "The Freedonians , praised Sylvania.",
                "an internal clause",
            ),
            ("Freedonia praised Sylvania, its ally.", "Freedonia praised Sylvania .", "a terminal clause"),
            ("Today, Freedonia praised Sylvania.", "Freedonia praised Sylvania.", "an initial clause"),
            (
                "The Freedonians, in a speech on Monday, praised the old ally.",
                "The Freedonians, in a speech on Monday, praised the old ally.",
                "too long",
            ),
            (
                "Today, it seems, Freedonia praised Sylvania warmly.",
                "it seems, Freedonia praised Sylvania warmly.",
                "a comma that closes a clause opens none",
            ),
            (
                "The Freedonians, the proud Sylvania, and Grandfenwick met.",
                "The Freedonians, the proud Sylvania, and Grandfenwick met.",
                "a list member is no clause",
            ),
        ];
        for (text, want, why) in cases {
            assert_eq!(blank(text), want, "{why}");
        }
        assert_eq!(CommaClauses::OFF.eliminate("A, b c, d."), "A, b c, d.");
    }

    #[test]
    fn tabari_codes_negated_verbs_and_targets_past_left_out_clauses() {
        let (_, coder) = three_actors("PRAISE [041]\nCLASH [190]\n");
        let tabari = Conventions { keep_negated: true, comma: Some(CommaClauses::default()), ..coder.conventions() };
        let t = |s: &str, tg: &str, c: &str| (s.to_string(), tg.to_string(), c.to_string());
        let codes = |text: &str, c: &Conventions| {
            let mut v: Vec<_> =
                coder.code_with(text, None, c.clone()).into_iter().map(|e| (e.source, e.target, e.code)).collect();
            v.sort();
            v
        };
        let negated = "Freedonia didn't clash with Sylvania.";
        assert!(codes(negated, &coder.conventions()).is_empty());
        assert_eq!(codes(negated, &tabari), vec![t("FRD", "SYL", "190")]);
        // With the comma clauses left out, the first actor after the verb is its target.
        let far = "Freedonia praised the plan, almost five long years after the failed summit held in the city of Sylvania, an aide said.";
        assert!(codes(far, &coder.conventions()).is_empty());
        assert_eq!(codes(far, &tabari), vec![t("FRD", "SYL", "041")]);
    }

    #[test]
    fn tabari_actor_gaps_hyphens_and_verbs_inside_actors() {
        let actors = "SECURITY_OFFICIALS_ [~GOV]\nPROSECUTORS_ [~JUD]\nFREEDONIA TELEVISION [FRDTV]\nBO_FIREFLY [RUF]\nBO FIREFLY [RFF]\nFREEDONIA_GUARDS [FRDMIL]\n\
                      <ADJECTIVE>\nAWFUL\nEVIL\n</ADJECTIVE>\n";
        let verbs = "PRAISE [041]\nGUARD [170]\nASSAIL [122]\nWARN [160]\nACCORD [---]\n- IN_* [075]\n- IN_ * [072]\n";
        let (_, coder) = tabari_coder(actors, verbs);
        let tabari = tabari_conventions(&coder);
        let cases = [
            ("Sylvania praised Freedonia state-run television on Monday.", "SYL FRDTV 041", "words between"),
            ("Sylvania praised Freedonia television on Monday.", "SYL FRDTV 041", "adjacent"),
            ("Sylvania praised Freedonia, television and radio on Monday.", "SYL FRD 041", "not past a comma"),
            ("Sylvania praised Freedonia and its new public television.", "SYL FRD 041", "at most two words"),
            ("Sylvania praised Bo-Firefly on Monday.", "SYL RUF 041", "a hyphen joins"),
            ("Sylvania praised Bo Firefly on Monday.", "SYL RUF 041", "joined over spaced"),
            ("Sylvania praised Bo \"The Duck\" Firefly on Monday.", "SYL RFF 041", "spaced only with a gap"),
            ("Freedonia guards praised Sylvania on Monday.", "FRDMIL SYL 041", "no verb inside an actor"),
            (
                "Freedonia accepts that rebels might praise Sylvania or assail Grandfenwick on Friday.",
                "FRD GFW 122; FRD SYL 041",
                "a clause with no actor shares the source",
            ),
            (
                "Freedonia's awful and evil minister Bo Firefly warned Sylvania on Monday.",
                "FRD SYL 160",
                "`and` between listed adjectives opens no clause",
            ),
            ("Neither Freedonia nor Grandfenwick praised Sylvania on Monday.", "FRD SYL 041; GFW SYL 041", "nor"),
            ("Freedonia was in accord with Sylvania on Monday.", "FRD SYL 075", "adjacent over spaced"),
            (
                "Freedonia former security officials praised former Sylvania prosecutors on Monday.",
                "FRDELI SYLELI 041",
                "former",
            ),
            (
                "Former security officials in Freedonia praised Sylvania on Monday.",
                "FRDELI SYL 041",
                "former before an agent joined to the actor",
            ),
        ];
        for (text, want, why) in cases {
            assert_eq!(joined_codes(&coder, text, &tabari), want, "{why}: {text}");
        }
        let text = "Sylvania praised Bo \"The Duck\" Firefly.";
        let gaps = mask_actor_gaps(text, &coder.tables().actor_gaps).unwrap();
        assert_eq!(gaps.len(), text.len(), "offsets hold");
        assert_eq!(gaps.split_whitespace().collect::<Vec<_>>(), ["Sylvania", "praised", "Bo", "of", "Firefly."]);
        assert_eq!(mask_actor_gaps("Sylvania praised Bo.", &coder.tables().actor_gaps), None);
    }

    #[test]
    fn tabari_source_is_the_first_actor_of_the_clause() {
        let verbs = "PRAISE [041]\nBURN DOWN [222]\nCONTRIBUT [070]\n- * COINS_$ [071]\n";
        let (_, coder) = three_actors(verbs);
        let t = |s: &str, tg: &str, c: &str| (s.to_string(), tg.to_string(), c.to_string());
        let dyad = coder.conventions();
        let tabari = Conventions { first_actor_source: true, ..dyad.clone() };
        let codes = |text: &str, c: &Conventions| {
            let mut v: Vec<_> =
                coder.code_with(text, None, c.clone()).into_iter().map(|e| (e.source, e.target, e.code)).collect();
            v.sort();
            v
        };
        // (text, TABARI's events, dyad's events, why); an event is `SOURCE TARGET CODE`.
        let cases = [
            (
                "Freedonia hopes for calm after Grandfenwick praised Sylvania.",
                "FRD SYL 041",
                "GFW SYL 041",
                "first actor",
            ),
            ("Freedonia mourned as angry crowds burned down the embassy of Sylvania.", "FRD SYL 222", "", "no subject"),
            (
                "The ministry of Freedonia mourned as crowds burned down the embassy of Freedonia.",
                "",
                "",
                "no actor acts on itself",
            ),
            ("Sylvania was praised by Freedonia.", "FRD SYL 041", "FRD SYL 041", "a passive source stays"),
            (
                "Freedonia contributed coins Sylvania to Grandfenwick.",
                "SYL GFW 071",
                "SYL FRD 071",
                "`$` after the verb",
            ),
        ];
        let events = |want: &str| -> Vec<(String, String, String)> {
            let w: Vec<&str> = want.split_whitespace().collect();
            w.chunks(3).map(|e| t(e[0], e[1], e[2])).collect()
        };
        for (text, want_tabari, want_dyad, why) in cases {
            assert_eq!(codes(text, &tabari), events(want_tabari), "{why}");
            assert_eq!(codes(text, &dyad), events(want_dyad), "{why}: without the rule");
        }
        // By clause: a clause has its own first actor.
        let clauses = Conventions { by_clause: true, first_trigger_only: true, ..tabari };
        assert_eq!(
            codes("Freedonia praised Sylvania warmly and then Grandfenwick praised Sylvania.", &clauses),
            vec![t("FRD", "SYL", "041"), t("GFW", "SYL", "041")]
        );
    }

    #[test]
    fn tabari_pronouns_and_target_slots() {
        let verbs =
            "URGE [102]\nASSIST [092]\nASK [090]\nPARADE [017]\n- ANTI- + * [111]\nRESUM [065]\n- * TIES [064]\n\
             REGRET [111]\n- SAID $ * [113]\n- SAID * [114]\nFOUND [190]\n- + WAS * DEAD [200]\n";
        let (_, coder) = tabari_coder("SYLVANIAN [SYL]\n", verbs);
        let tabari = tabari_conventions(&coder);
        let codes = |text: &str| joined_codes(&coder, text, &tabari);
        // (text, TABARI's events, why)
        let cases = [
            (
                "Freedonia urged Sylvania on Monday to calm down and then it requested that Grandfenwick assist with the talks.",
                "FRD GFW 092; FRD SYL 102",
                "`it` is the sentence's first actor; the target is found before the verb",
            ),
            (
                "Freedonia urged Sylvania to calm down and Grandfenwick asked him to take part in the talks.",
                "FRD SYL 102; GFW FRD 090",
                "`him` after the verb is the target",
            ),
            (
                "Freedonia and Grandfenwick urged Sylvania to calm down and then they requested that Sylvania assist them.",
                "FRD SYL 092; FRD SYL 102; GFW SYL 092; GFW SYL 102",
                "a compound's pronoun stands for each member; `them` is no target of its own subject",
            ),
            ("Freedonia marched in an anti- Sylvania parade on Saturday.", "FRD SYL 111", "target slot inside the pattern"),
            ("He urged Sylvania to calm down.", "", "a pronoun before any actor is left to FORWARD"),
            (
                "Freedonia and Sylvania are about to resume full diplomatic ties after a long rift.",
                "FRD SYL 064",
                "a compound's members act on each other from its first member only",
            ),
            (
                "Freedonia said on Monday that it regretted the decision of Sylvania to close the border.",
                "FRD SYL 113",
                "`$` filled by a pronoun standing for the first actor",
            ),
            (
                "Freedonia said on Monday that Grandfenwick regretted the decision of Sylvania to close the border.",
                "GFW SYL 113",
                "`$` filled by an actor",
            ),
            (
                "Freedonia said on Monday that the ministers regretted the decision of Sylvania to close the border.",
                "FRD SYL 114",
                "no actor or pronoun in the slot",
            ),
            (
                "A Sylvanian envoy was found dead in Freedonia on Monday, police said.",
                "FRD SYL 200",
                "the `+` slot before the verb is the target; the source is the first actor after the verb",
            ),
            (
                "Freedonia said on Monday that a Sylvanian envoy was found dead near the border.",
                "FRD SYL 200",
                "an actor of the clause before the `+` slot is the source",
            ),
        ];
        for (text, want, why) in cases {
            assert_eq!(codes(text), want, "{why}: {text}");
        }
        // A verb right after a determiner, or capitalised inside its sentence, is a noun to TABARI.
        let text = "Freedonia is about the resume full diplomatic ties with Sylvania on Monday.";
        assert_eq!(codes(text), "");
        assert_eq!(codes("Freedonia is about To Resume full diplomatic ties with Sylvania on Monday."), "");
        assert_eq!(codes("Freedonia is about TO RESUME full diplomatic ties with Sylvania on Monday."), "FRD SYL 064");
        assert_eq!(codes("Freedonia is about to resume full diplomatic ties with Sylvania on Monday."), "FRD SYL 064");
        // Without TABARI's rules the compound's members act on each other each way.
        let text = "Freedonia and Sylvania are about to resume full diplomatic ties after a long rift.";
        assert_eq!(joined_codes(&coder, text, &coder.conventions()), "FRD SYL 064; SYL FRD 064");
    }

    #[test]
    fn tabari_skipped_actor_agent_lists_and_countryless_agents() {
        let agents = "ENVOY_ [~GOV]\nPOLICE_ [~COP]\nLAWMAKER_ [~LEG]\n";
        let verbs =
            "PRAISE [041]\nFEAST [042]\n- $ HOSTING ^ * HARVEST [043]\nEXPECT [020]\nRESUM [065]\n- * TIES [064]\n";
        let (_, coder) = tabari_coder(agents, verbs);
        let tabari = tabari_conventions(&coder);
        let convert = Conventions { agent_prefix: Some("~"), ..tabari.clone() };
        let dyad = coder.conventions();
        // (text, conventions, TABARI's events, dyad's events, why); an event is `SOURCE TARGET CODE`.
        let cases = [
            (
                "Freedonia will be hosting Sylvania to feast on the harvest with Grandfenwick next week.",
                &tabari,
                "FRD GFW 043",
                "FRD SYL 043",
                "`^` passes over the actor among the pattern's words: the target is the one after the pattern",
            ),
            (
                "The envoys of Freedonia and Sylvania praised Grandfenwick on Monday.",
                &tabari,
                "FRDGOV GFW 041; SYL GFW 041",
                "FRDGOV GFW 041; SYLGOV GFW 041",
                "an agent before `of` and a list is the first member's only",
            ),
            (
                "Freedonia and Sylvania envoys praised Grandfenwick on Monday.",
                &tabari,
                "FRDGOV GFW 041; SYLGOV GFW 041",
                "FRDGOV GFW 041; SYLGOV GFW 041",
                "an agent written after the list is every member's",
            ),
            (
                "Police and lawmakers expect Freedonia and Sylvania can manage the drought.",
                &convert,
                "~COP FRD 020; ~COP SYL 020; ~LEG FRD 020; ~LEG SYL 020",
                "",
                "`CONVERT AGENT`: role nouns with no country are coded as agents",
            ),
            (
                "Police are about to resume full ties with lawmakers after a long rift.",
                &convert,
                "~COP ~LEG 064",
                "",
                "`CONVERT AGENT`: role nouns with no country on both sides",
            ),
        ];
        for (text, c, want, want_dyad, why) in cases {
            assert_eq!(joined_codes(&coder, text, c), want, "{why}: {text}");
            assert_eq!(joined_codes(&coder, text, &dyad), want_dyad, "{why}: without TABARI's rules: {text}");
        }
        // Without `CONVERT AGENT` an agent with no country codes nothing.
        assert_eq!(joined_codes(&coder, "Police and lawmakers expect Freedonia can manage the drought.", &tabari), "");
    }

    #[test]
    fn tabari_code_all_subordinate_dominant_and_complex() {
        let verbs = "URGE [102]\nASSIST [092]\nSAID [023?]\nPRAISE [041]\nATTEND [031!]\nLEFT_ [032:033]\n\
                     RESUM [065]\n- * TIES [064]\nREBUKE [121]\n";
        let (converted, coder) = three_actors(verbs);
        assert_eq!((converted.tables.subordinate.len(), converted.tables.dominant.len()), (1, 1));
        let noactprior = Some(Complexity { no_actor_prior: true, ..Complexity::default() });
        let tabari =
            Conventions { first_actor_source: true, keep_negated: true, complex: noactprior, ..coder.conventions() };
        let clause = Conventions { first_trigger_only: true, by_clause: true, ..tabari.clone() };
        let all = Conventions { code_all: true, ..tabari.clone() };
        let codes = |text: &str, c: &Conventions| joined_codes(&coder, text, c);
        // (text, by clause, CODE ALL, why); an event is `SOURCE TARGET CODE`.
        let cases = [
            (
                "Freedonia urged Sylvania on Monday to assist it with the harvest.",
                "FRD SYL 102",
                "FRD SYL 092; FRD SYL 102",
                "a verb under another codes on its own, its target the actor before it",
            ),
            (
                "Freedonia and Grandfenwick urged Sylvania on Monday to assist them with the harvest.",
                "FRD SYL 102; GFW SYL 102",
                "FRD SYL 092; FRD SYL 102; GFW SYL 092; GFW SYL 102",
                "the first actors are the source, not the target the grammar gave them",
            ),
            (
                "The envoy of Freedonia left for Sylvania on Tuesday to attend talks with Grandfenwick.",
                "FRD SYL 032; SYL FRD 033",
                "FRD GFW 031",
                "a dominant verb silences the others",
            ),
            (
                "Freedonia is said to be ready to praise Sylvania soon.",
                "FRD SYL 041",
                "FRD SYL 023; FRD SYL 041",
                "a subordinate verb codes only alone in its clause",
            ),
            ("Freedonia said Sylvania was a fine neighbour.", "FRD SYL 023", "FRD SYL 023", "alone it codes"),
            (
                "Sylvania is pleased by early resumption of ties with Freedonia.",
                "SYL FRD 064",
                "SYL FRD 064",
                "a stem whose word adds an `e` is a prefix too",
            ),
            (
                "Rebuked by Freedonia on Monday, Sylvania praised Grandfenwick warmly.",
                "",
                "",
                "no actor before the first verb: complex",
            ),
        ];
        for (text, want_clause, want_all, why) in cases {
            assert_eq!(codes(text, &clause), want_clause, "{why}: by clause");
            assert_eq!(codes(text, &all), want_all, "{why}: CODE ALL");
        }
        // Without `NOACTPRIOR` such a sentence codes.
        let text = "Rebuked by Freedonia on Monday, Sylvania praised Grandfenwick warmly.";
        assert_ne!(codes(text, &Conventions { complex: None, ..clause.clone() }), "");
        // dyad's own coding of the first case reads the pair as one act.
        assert_eq!(
            codes("Freedonia urged Sylvania on Monday to assist it with the harvest.", &coder.conventions()),
            "FRD SYL 102"
        );
    }

    #[test]
    fn tabari_complex_counts_verbs_and_conjunctions() {
        let verbs = "ACCUSE [112]\nDENY [014]\nPROMISE [050]\nPRAISE [041]\nWARN [130]\nURGE [102]\n";
        let (_, coder) = three_actors(verbs);
        let tabari =
            Conventions { first_actor_source: true, first_trigger_only: true, by_clause: true, ..coder.conventions() };
        let limits = |verbs, conjunctions| Conventions {
            complex: Some(Complexity { verbs: Some(verbs), conjunctions: Some(conjunctions), no_actor_prior: false }),
            ..tabari.clone()
        };
        let codes = |text: &str, c: &Conventions| joined_codes(&coder, text, c);
        // (text, VERBS, CONJ, complex, why); a sentence that is not complex codes as without limits.
        let cases = [
            (
                "Freedonia accused Sylvania of spying, denied any plot, promised calm and warned Grandfenwick.",
                5,
                9,
                false,
                "four verbs (accused, denied, promised, warned) are fewer than five",
            ),
            (
                "Freedonia accused Sylvania of spying, denied any plot, promised calm and warned Grandfenwick.",
                4,
                9,
                true,
                "four verbs or more",
            ),
            (
                "Freedonia accused Sylvania of spying, denied any plot and sent the promised aid to Grandfenwick.",
                3,
                9,
                false,
                "a verb after `the` is a noun: two verbs",
            ),
            (
                "Freedonia and Sylvania praised Grandfenwick or its envoy, but the talks went on and on.",
                9,
                4,
                false,
                "three conjunctions: the `and` of a compound actor is not counted",
            ),
            (
                "Freedonia and Sylvania praised Grandfenwick or its envoy, but the talks went on and on.",
                9,
                3,
                true,
                "three conjunctions or more",
            ),
            (
                "Freedonia praised Grandfenwick or northern Sylvania but the talks went on and on.",
                9,
                3,
                true,
                "a word between two actors: their `or` is no compound's",
            ),
        ];
        for (text, verbs, conjunctions, complex, why) in cases {
            let free = codes(text, &tabari);
            assert!(!free.is_empty(), "{why}: codes without limits: {text}");
            let want = if complex { "" } else { free.as_str() };
            assert_eq!(codes(text, &limits(verbs, conjunctions)), want, "{why}: {text}");
        }
    }

    #[test]
    fn tabari_exact_words_take_no_endings() {
        let verbs = "ADOPT [081]\n- * RESOLUTION_ [102]\nPRAISE [041]\nVOICE [020]\n\
                     - RECENTLY { LOUDLY PRAISED | FIRMLY BACKED } ITS * [043]\n";
        let (converted, coder) = tabari_coder("TIGER= [TGR]\n", verbs);
        assert_eq!(converted.tables.exact_actors.len(), 1);
        let codes = |text: &str| sorted_codes(&coder, text);
        let t = |s: &str, tg: &str, c: &str| (s.to_string(), tg.to_string(), c.to_string());
        // `RESOLUTION_` is the word as written: a plural is no match, and the verb codes alone.
        assert_eq!(codes("Freedonia adopted a resolution on Sylvania."), vec![t("FRD", "SYL", "102")]);
        assert_eq!(codes("Freedonia adopted two resolutions on Sylvania."), vec![t("FRD", "SYL", "081")]);
        // `TIGER=` takes no noun ending.
        assert_eq!(codes("The tiger praised Sylvania."), vec![t("TGR", "SYL", "041")]);
        assert!(codes("The tigers praised Sylvania.").is_empty());
        // A verb written with a possessive `'s` is no verb.
        assert_eq!(codes("Freedonia praises Sylvania warmly."), vec![t("FRD", "SYL", "041")]);
        assert!(codes("Freedonia praise's Sylvania warmly.").is_empty());
        // A space inside `{ | }` alternatives is a gap, as elsewhere.
        assert_eq!(
            codes("Freedonia recently firmly and openly backed its voice for Sylvania."),
            vec![t("FRD", "SYL", "043")]
        );
    }

    #[test]
    fn tabari_verbs_match_their_letters_and_glued_groups() {
        // `FLED_` is an inflected form written exact, `SEEK` a stem; neither
        // matches the other forms of its lemma, as TABARI compares letters.
        let verbs = "FLED_ [032]\nSEEK [020]\nGREET [041]\nSHARE [040]\n- * FRESH_{ RIPE | GREEN }_PLUMS [041]\n\
                     PLUCK HARP [043]\n";
        let (_, coder) = tabari_coder("", verbs);
        let codes = |text: &str| sorted_codes(&coder, text);
        let t = |s: &str, tg: &str, c: &str| (s.to_string(), tg.to_string(), c.to_string());
        assert_eq!(codes("Freedonia fled to Sylvania on Monday morning."), vec![t("FRD", "SYL", "032")]);
        assert!(codes("Freedonia will flee to Sylvania on Monday morning.").is_empty());
        assert_eq!(codes("Freedonia seeks talks with Sylvania on Monday morning."), vec![t("FRD", "SYL", "020")]);
        assert!(codes("Freedonia sought talks with Sylvania on Monday morning.").is_empty());
        assert_eq!(codes("Freedonia greeted Sylvania warmly on Monday morning."), vec![t("FRD", "SYL", "041")]);
        // A `_` next to a `{ | }` group: no word may come between.
        assert_eq!(
            codes("Freedonia will share fresh ripe plums with Sylvania next week."),
            vec![t("FRD", "SYL", "041")]
        );
        assert_eq!(
            codes("Freedonia will share fresh very ripe plums with Sylvania next week."),
            vec![t("FRD", "SYL", "040")]
        );
        // A space in a verb phrase lets other words come between.
        assert_eq!(codes("Freedonia will pluck a golden harp for Sylvania next week."), vec![t("FRD", "SYL", "043")]);
    }

    #[test]
    fn compound_source_pattern_codes_between_the_members() {
        let (converted, coder) = three_actors("CONCUR [081]\n- % * [030:030]\n");
        assert_eq!(converted.tables.compound_source.len(), 1);
        // `dyad code` cannot require a compound: the pattern is left out there.
        assert!(converted.for_dyad().diagnostics.iter().any(|d| d.kind == "compound-source-pattern"));
        let codes = |text: &str| sorted_codes(&coder, text);
        let t = |s: &str, t: &str, c: &str| (s.to_string(), t.to_string(), c.to_string());
        // A compound subject: one event each way between its members.
        assert_eq!(
            codes("Freedonia and Sylvania concur that the border is closed."),
            vec![t("FRD", "SYL", "030"), t("SYL", "FRD", "030")]
        );
        // Whatever follows the verb: the events stay between the members.
        assert_eq!(
            codes("Freedonia and Sylvania concur with Grandfenwick."),
            vec![t("FRD", "SYL", "030"), t("SYL", "FRD", "030")]
        );
        // A single subject: the verb's own code.
        assert_eq!(codes("Freedonia concurred with Grandfenwick."), vec![t("FRD", "GFW", "081")]);
    }

    #[test]
    fn compound_target_pattern_codes_between_the_members() {
        let (converted, coder) = three_actors("SWAP [---]\n- HAS * WITH %  [067]\n");
        assert_eq!(converted.tables.compound_target.len(), 1);
        let codes = |text: &str| sorted_codes(&coder, text);
        let t = |s: &str, t: &str, c: &str| (s.to_string(), t.to_string(), c.to_string());
        // A compound after `with`: one event each way between its members.
        assert_eq!(
            codes("Freedonia has swapped prisoners with Sylvania and Grandfenwick."),
            vec![t("GFW", "SYL", "067"), t("SYL", "GFW", "067")]
        );
        // One target: the verb's own code, here none.
        assert!(codes("Freedonia has swapped prisoners with Sylvania.").is_empty());
    }

    #[test]
    fn for_dyad_leaves_out_what_dyad_cannot_express() {
        let lexicon = Lexicon::english();
        let conv = project().convert(&lexicon).for_dyad();
        let all: String = conv.sources.iter().map(|(_, t)| t.as_str()).collect();
        assert!(all.contains("greet|greet* = 042"), "{all}");
        assert!(!all.contains("sharply"), "{all}");
        assert!(!all.contains("norland"), "{all}");
        let counts = conv.counts();
        assert_eq!(counts.get("code-not-in-codebook"), Some(&1));
        assert_eq!(counts.get("actor-code-not-dyad"), Some(&2));
        assert_eq!(counts.get("paired-code-first-only"), Some(&1));
        assert!(conv.builder().check(&lexicon).is_empty());
    }
}
