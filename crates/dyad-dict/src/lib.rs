//! dyad's dictionaries: the plain-text format, its parser and the compiled matchers.
//!
//! Dictionaries are plain, line-oriented text files (documented in
//! `docs/dictionaries.md`): actors, agents (sectors), event patterns, synonym
//! sets and places. A [`DictionariesBuilder`] collects sources (the
//! compiled-in defaults, directories, strings), reports every problem with
//! its `file:line`, and compiles them into an immutable [`Dictionaries`]
//! value that is shared by reference across threads. There is no global
//! state: two differently built dictionaries can be used side by side.
//!
//! Every phrase is matched on lemmas, using the same [`Lexicon`] that
//! analyses the text, so one entry covers all inflections.
//!
//! ```
//! use dyad_dict::DictionariesBuilder;
//! use dyad_text::Lexicon;
//!
//! let lexicon = Lexicon::english();
//! let mut builder = DictionariesBuilder::new();
//! builder.add_source("my.actors", "Freedonia = FRD\n");
//! builder.add_source("my.events", "hold talks with {target} = 040\n");
//! let dicts = builder.build(&lexicon).unwrap();
//! assert_eq!(dicts.stats().actors, 1);
//! assert_eq!(dicts.stats().patterns, 1);
//! ```
#![deny(missing_docs)]

mod parse;
mod pattern;
mod stems;
mod trie;

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use compact_str::CompactString;
use dyad_core::cameo::{self, CameoCode};
use dyad_core::{RuleRef, Span};
use dyad_text::{Case, Lexicon, Scratch};

pub use parse::FileKind;
pub use pattern::{
    prefix_of, Elem, EventPattern, PatternIndex, PatternInput, PatternMatch, PatternScratch, MAX_GAP, MAX_STEPS,
    NO_EVENT, PREFIX_MARK, VERB_MARK,
};
pub use trie::{KeyRow, PhraseTrie, TokenKeys, NO_KEY};

use parse::{diag, parse_date, raw_lines, RawLine};

include!(concat!(env!("OUT_DIR"), "/defaults.rs"));

/// A problem found in a dictionary file, with its place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DictDiagnostic {
    /// File name as given to the builder.
    pub file: String,
    /// 1-based line (0 when the problem is the whole file).
    pub line: u32,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for DictDiagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// Errors building dictionaries.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or directory could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// One or more entries are invalid.
    #[error("{} error(s) in dictionaries, first: {}", .0.len(), .0[0])]
    Invalid(Vec<DictDiagnostic>),
}

/// A named actor: country, organisation, person, metonym.
#[derive(Clone, Debug, PartialEq)]
pub struct ActorEntry {
    /// The phrase as written.
    pub phrase: String,
    /// Full CAMEO actor code.
    pub code: String,
    /// ISO alpha-3 (or historical CAMEO) country, when the code starts with one.
    pub country: Option<String>,
    /// First sector block of the code, when it has one.
    pub sector: Option<String>,
    /// First day the entry applies.
    pub from: Option<NaiveDate>,
    /// Last day the entry applies.
    pub until: Option<NaiveDate>,
    /// Where it was written.
    pub rule: RuleRef,
    /// How the text must be written to match (from how the phrase is written).
    pub case: PhraseCase,
    /// One person or a collective, when the dictionary says (`kind=`, `@kind`).
    pub kind: ActorKind,
}

/// What an actor entry names, so that `he`/`she` and `they` can agree with it.
/// Dictionaries say it with `kind=` on a line or an `@kind = ...` line that
/// holds for the rest of the file; peer dictionaries leave it unspecified.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ActorKind {
    /// Not said: the grammar judges from the words.
    #[default]
    Unspecified,
    /// One person (`kind=person`).
    Person,
    /// A country, organisation, institution or group (`kind=collective`).
    Collective,
}

impl ActorKind {
    fn parse(value: &str) -> Option<ActorKind> {
        match value {
            "person" => Some(ActorKind::Person),
            "collective" => Some(ActorKind::Collective),
            _ => None,
        }
    }
}

/// How a phrase must be written in the text to match, learnt from how the
/// dictionary writes it: `US` and `WHO` only as capitals, `Turkey` and
/// `Chad` only capitalised, `the kremlin` any way. All-caps text matches all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhraseCase {
    /// Written in lower case: matches any case.
    Any,
    /// Written with an initial capital: the first word must be capitalised.
    Capitalised,
    /// Written as an acronym (`US`, `WHO`, `U.N.`): every word in capitals.
    Acronym,
}

impl PhraseCase {
    /// Infers the rule from the phrase as written in the dictionary.
    pub fn of(phrase: &str) -> PhraseCase {
        let letters: Vec<char> = phrase.chars().filter(|c| c.is_alphabetic()).collect();
        match letters.first() {
            Some(c) if c.is_uppercase() => {
                let words: Vec<&str> = phrase.split_whitespace().collect();
                if words.len() == 1 && letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
                    PhraseCase::Acronym
                } else {
                    PhraseCase::Capitalised
                }
            }
            _ => PhraseCase::Any,
        }
    }
}

impl ActorEntry {
    /// Whether the entry applies to a story dated `date` (undated stories
    /// accept every entry).
    pub fn applies(&self, date: Option<NaiveDate>) -> bool {
        let Some(d) = date else { return true };
        self.from.is_none_or(|f| f <= d) && self.until.is_none_or(|u| d <= u)
    }

    /// True when the entry carries date bounds.
    pub fn is_bounded(&self) -> bool {
        self.from.is_some() || self.until.is_some()
    }
}

/// A role noun that gives an actor its sector.
#[derive(Clone, Debug, PartialEq)]
pub struct AgentEntry {
    /// The phrase as written.
    pub phrase: String,
    /// Sector code(s), e.g. `GOV`.
    pub sector: String,
    /// Where it was written.
    pub rule: RuleRef,
}

/// A place for event locations.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceEntry {
    /// The name as written.
    pub name: String,
    /// ISO alpha-3 country.
    pub country: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// A capital or seat of government.
    pub capital: bool,
    /// Where it was written.
    pub rule: RuleRef,
}

/// Entry counts by kind, for `dyad dict stats`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Files read.
    pub files: usize,
    /// Actor entries.
    pub actors: usize,
    /// Agent entries.
    pub agents: usize,
    /// Event patterns.
    pub patterns: usize,
    /// Synonym sets.
    pub synonyms: usize,
    /// Places.
    pub places: usize,
}

/// Collects dictionary sources, then compiles them.
#[derive(Debug, Default)]
pub struct DictionariesBuilder {
    sources: Vec<(String, String)>,
}

impl DictionariesBuilder {
    /// An empty builder.
    pub fn new() -> DictionariesBuilder {
        DictionariesBuilder::default()
    }

    /// Adds the compiled-in default dictionaries.
    pub fn with_defaults(mut self) -> DictionariesBuilder {
        for (name, text) in DEFAULT_FILES {
            self.sources.push((name.to_string(), text.to_string()));
        }
        self
    }

    /// Adds every dictionary file under `dir` (recursively, sorted by path).
    /// A `dir` that is a single file adds that file.
    pub fn add_dir(&mut self, dir: &Path) -> Result<&mut DictionariesBuilder, Error> {
        let mut files = Vec::new();
        if dir.is_file() {
            files.push(dir.to_path_buf());
        } else {
            collect_files(dir, &mut files)?;
        }
        files.sort();
        for path in files {
            let bytes = std::fs::read(&path).map_err(|source| Error::Io { path: path.clone(), source })?;
            let text = String::from_utf8_lossy(&bytes).into_owned();
            self.sources.push((path.display().to_string(), text));
        }
        Ok(self)
    }

    /// Adds one dictionary source; its kind comes from `name`'s extension.
    pub fn add_source(&mut self, name: &str, text: &str) -> &mut DictionariesBuilder {
        self.sources.push((name.to_string(), text.to_string()));
        self
    }

    /// Parses everything and returns every problem found (empty when valid).
    pub fn check(&self, lexicon: &Lexicon) -> Vec<DictDiagnostic> {
        self.compile(lexicon).1
    }

    /// Compiles the dictionaries; fails when any entry is invalid.
    pub fn build(&self, lexicon: &Lexicon) -> Result<Dictionaries, Error> {
        let (dicts, diags) = self.compile(lexicon);
        if diags.is_empty() {
            Ok(dicts)
        } else {
            Err(Error::Invalid(diags))
        }
    }

    fn compile(&self, lexicon: &Lexicon) -> (Dictionaries, Vec<DictDiagnostic>) {
        let mut c = Compiler {
            lexicon,
            diags: Vec::new(),
            d: Dictionaries::empty(),
            synonyms: HashMap::new(),
            synonym_origin: HashMap::new(),
            scratch: RefCell::default(),
        };
        let parsed: Vec<(Arc<str>, FileKind, Vec<RawLine<'_>>)> = self
            .sources
            .iter()
            .filter_map(|(name, text)| {
                let Some(kind) = FileKind::from_name(name) else {
                    c.diags.push(diag(
                        name,
                        0,
                        "unknown dictionary file kind (expected .actors, .agents, .events, .synonyms or .places)",
                    ));
                    return None;
                };
                let lines = raw_lines(name, text, &mut c.diags);
                Some((Arc::from(name.as_str()), kind, lines))
            })
            .collect();
        c.d.stats.files = parsed.len();
        // Synonyms first: event patterns in any file may use them.
        for (file, kind, lines) in &parsed {
            if *kind == FileKind::Synonyms {
                for line in lines {
                    c.synonym(file, line);
                }
            }
        }
        for (file_no, (file, kind, lines)) in parsed.iter().enumerate() {
            let mut actor_kind = ActorKind::Unspecified;
            for line in lines {
                match kind {
                    FileKind::Actors if line.left == "@kind" => match line.right[..] {
                        [value] if line.keys.is_empty() && ActorKind::parse(value).is_some() => {
                            actor_kind = ActorKind::parse(value).unwrap_or_default()
                        }
                        _ => c.err(file, line.line, "expected `@kind = person` or `@kind = collective`"),
                    },
                    FileKind::Actors => c.actor(file_no, file, line, actor_kind),
                    FileKind::Agents => c.agent(file_no, file, line),
                    FileKind::Events => c.event(file_no, file, line),
                    FileKind::Places => c.place(file_no, file, line),
                    FileKind::Synonyms => {}
                }
            }
        }
        c.d.stats.synonyms = c.synonyms.len();
        let mut d = c.d;
        d.finish();
        d.index_words(lexicon);
        (d, c.diags)
    }
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), Error> {
    let entries = std::fs::read_dir(dir).map_err(|source| Error::Io { path: dir.to_path_buf(), source })?;
    for entry in entries {
        let entry = entry.map_err(|source| Error::Io { path: dir.to_path_buf(), source })?;
        let path = entry.path();
        if path.is_dir() {
            collect_files(&path, out)?;
        } else if path.file_name().and_then(|n| n.to_str()).and_then(FileKind::from_name).is_some() {
            out.push(path);
        }
    }
    Ok(())
}

/// Phrase entries keyed by their key sequence, remembering which file set them
/// so that a later file overrides an earlier one.
#[derive(Debug, Default)]
struct Keyed {
    by_key: HashMap<Vec<String>, (usize, Vec<u32>)>,
}

impl Keyed {
    fn add(&mut self, keys: Vec<String>, file_no: usize, id: u32) {
        let slot = self.by_key.entry(keys).or_insert((file_no, Vec::new()));
        if slot.0 != file_no {
            *slot = (file_no, Vec::new());
        }
        slot.1.push(id);
    }

    fn into_trie(self) -> PhraseTrie {
        let mut trie = PhraseTrie::new();
        let mut all: Vec<_> = self.by_key.into_iter().collect();
        all.sort();
        for (keys, (_, ids)) in all {
            for id in ids {
                trie.insert(&keys, id);
            }
        }
        trie
    }
}

struct Compiler<'a> {
    lexicon: &'a Lexicon,
    diags: Vec<DictDiagnostic>,
    d: Dictionaries,
    synonyms: HashMap<String, Vec<Vec<String>>>,
    synonym_origin: HashMap<String, (Arc<str>, u32)>,
    /// The lexicon's buffers, reused for every phrase (see [`Compiler::keys`]).
    scratch: RefCell<Scratch>,
}

/// How [`Compiler::keys`] keys a capitalised word.
#[derive(Clone, Copy)]
enum Names {
    /// By its lemma, like every other word (patterns, synonyms, places).
    Lemmatised,
    /// As written, in an actor or agent phrase: the surname `Pence`, which
    /// the lexicon reads as the plural of `penny`, must not match `Penny`.
    AsWritten,
}

impl Compiler<'_> {
    /// Keys for an actor or agent phrase: lemmas (names as written), and a
    /// stem key for each word written `stem*` (see [`Compiler::prefix_keys`]).
    fn phrase_keys(&self, phrase: &str) -> Result<Vec<String>, String> {
        if !phrase.contains(PREFIX_MARK) {
            return Ok(self.keys(phrase, Names::AsWritten));
        }
        self.prefix_keys(&phrase.split_whitespace().collect::<Vec<_>>().join("_"))
    }

    /// Token keys for a phrase: the context-free lemma of each token, or,
    /// with [`Names::AsWritten`], a word written with a capital and then
    /// lower case keeps its own form.
    ///
    /// Neither needs the tagger: the lexicon lookup alone (`lex_into`) gives
    /// each token's norm, case and context-free lemma (what
    /// [`Lexicon::lemma`] says), with buffers reused from phrase to phrase;
    /// this is most of the dictionaries' start-up time.
    fn keys(&self, phrase: &str, names: Names) -> Vec<String> {
        let mut scratch = self.scratch.borrow_mut();
        self.lexicon.lex_into(phrase, Span::new(0, phrase.len()), &mut scratch);
        (0..scratch.len())
            .map(|i| {
                let norm = scratch.norm(i);
                match (names, scratch.case(i)) {
                    (Names::AsWritten, Case::Title) => norm.to_string(),
                    _ => scratch.lemma(i).unwrap_or(norm).to_string(),
                }
            })
            .collect()
    }

    fn err(&mut self, file: &str, line: u32, message: impl Into<String>) {
        self.diags.push(diag(file, line, message));
    }

    fn actor(&mut self, file_no: usize, file: &Arc<str>, line: &RawLine<'_>, mut kind: ActorKind) {
        let [code] = line.right[..] else {
            return self.err(
                file,
                line.line,
                "actor entry needs exactly one code: `PHRASE = CODE [from=..] [until=..] [kind=..]`",
            );
        };
        let Some((country, sector)) = split_actor_code(code) else {
            return self.err(
                file,
                line.line,
                format!("invalid actor code `{code}`: expected upper-case three-letter blocks"),
            );
        };
        let (mut from, mut until) = (None, None);
        for (k, v) in &line.keys {
            let date = parse_date(v);
            match (*k, date) {
                ("from", Some(d)) => from = Some(d),
                ("until", Some(d)) => until = Some(d),
                ("from" | "until", None) => {
                    return self.err(file, line.line, format!("invalid date `{v}`: expected YYYY-MM-DD"))
                }
                ("kind", _) => match ActorKind::parse(v) {
                    Some(k) => kind = k,
                    None => {
                        return self.err(file, line.line, format!("invalid kind `{v}`: expected person or collective"))
                    }
                },
                _ => return self.err(file, line.line, format!("unknown key `{k}` (expected from=, until= or kind=)")),
            }
        }
        if let (Some(f), Some(u)) = (from, until) {
            if f > u {
                return self.err(file, line.line, "`from` is after `until`");
            }
        }
        let keys = match self.phrase_keys(line.left) {
            Ok(k) => k,
            Err(e) => return self.err(file, line.line, e),
        };
        if keys.is_empty() {
            return self.err(file, line.line, "phrase has no words");
        }
        let id = self.d.actors.len() as u32;
        self.d.actors.push(ActorEntry {
            phrase: line.left.to_string(),
            code: code.to_string(),
            country,
            sector,
            from,
            until,
            rule: RuleRef { file: file.clone(), line: line.line },
            case: PhraseCase::of(line.left),
            kind,
        });
        self.d.actor_keyed.add(keys, file_no, id);
    }

    fn agent(&mut self, file_no: usize, file: &Arc<str>, line: &RawLine<'_>) {
        let [sector] = line.right[..] else {
            return self.err(file, line.line, "agent entry needs exactly one sector code: `PHRASE = SECTOR`");
        };
        if !line.keys.is_empty() {
            return self.err(file, line.line, "agent entries take no keys");
        }
        let valid = sector.len() % 3 == 0
            && !sector.is_empty()
            && sector.as_bytes().chunks(3).all(|b| cameo::actor_type(std::str::from_utf8(b).unwrap_or("")).is_some());
        if !valid {
            return self.err(
                file,
                line.line,
                format!("unknown sector `{sector}`: expected CAMEO type codes such as GOV, MIL, REB"),
            );
        }
        let keys = match self.phrase_keys(line.left) {
            Ok(k) => k,
            Err(e) => return self.err(file, line.line, e),
        };
        if keys.is_empty() {
            return self.err(file, line.line, "phrase has no words");
        }
        let id = self.d.agents.len() as u32;
        self.d.agents.push(AgentEntry {
            phrase: line.left.to_string(),
            sector: sector.to_string(),
            rule: RuleRef { file: file.clone(), line: line.line },
        });
        self.d.agent_keyed.add(keys, file_no, id);
    }

    fn place(&mut self, file_no: usize, file: &Arc<str>, line: &RawLine<'_>) {
        let (country, lat, lon, capital) = match line.right[..] {
            [c, lat, lon] => (c, lat, lon, false),
            [c, lat, lon, "capital"] => (c, lat, lon, true),
            _ => return self.err(file, line.line, "place entry: `NAME = COUNTRY LAT LON [capital]`"),
        };
        let (Ok(lat), Ok(lon)) = (lat.parse::<f64>(), lon.parse::<f64>()) else {
            return self.err(file, line.line, "latitude and longitude must be decimal degrees");
        };
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            return self.err(file, line.line, "coordinates out of range");
        }
        if country.len() != 3 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
            return self.err(file, line.line, format!("invalid country `{country}`: expected ISO alpha-3"));
        }
        let keys = self.keys(line.left, Names::Lemmatised);
        if keys.is_empty() {
            return self.err(file, line.line, "place name has no words");
        }
        let id = self.d.places.len() as u32;
        self.d.places.push(PlaceEntry {
            name: line.left.to_string(),
            country: country.to_string(),
            lat,
            lon,
            capital,
            rule: RuleRef { file: file.clone(), line: line.line },
        });
        self.d.place_keyed.add(keys, file_no, id);
    }

    fn synonym(&mut self, file: &Arc<str>, line: &RawLine<'_>) {
        let Some(name) = line.left.strip_prefix('&').filter(|n| !n.is_empty() && !n.contains(char::is_whitespace))
        else {
            return self.err(file, line.line, "synonym set name must look like `&name`");
        };
        let members: Vec<Vec<String>> = line
            .right_raw
            .split(',')
            .map(str::trim)
            .filter(|m| !m.is_empty())
            .map(|m| self.keys(m, Names::Lemmatised))
            .filter(|k| !k.is_empty())
            .collect();
        if members.is_empty() {
            return self.err(file, line.line, "synonym set has no members");
        }
        // A later file may redefine a set (override); twice in one file is a mistake.
        match self.synonym_origin.insert(name.to_string(), (file.clone(), line.line)) {
            Some((old_file, old_line)) if old_file == *file => {
                self.err(file, line.line, format!("synonym set `&{name}` is defined twice (also line {old_line})"));
            }
            _ => {
                self.synonyms.insert(name.to_string(), members);
            }
        }
    }

    fn event(&mut self, file_no: usize, file: &Arc<str>, line: &RawLine<'_>) {
        let [code_text] = line.right[..] else {
            return self.err(file, line.line, "event entry needs exactly one CAMEO code or `---`: `PATTERN = CODE`");
        };
        let no_event = code_text == NO_EVENT;
        // A no-event pattern's code is a placeholder that is never coded.
        let code = if no_event { CameoCode::parse("010") } else { CameoCode::parse(code_text) };
        let Some(code) = code else {
            return self.err(file, line.line, format!("unknown CAMEO code `{code_text}` (no event: `---`)"));
        };
        if !line.keys.is_empty() {
            return self.err(file, line.line, "event entries take no keys");
        }
        let raws = match pattern::split_elements(line.left) {
            Ok(raws) => raws,
            Err(e) => return self.err(file, line.line, e.to_string()),
        };
        let mut elems = Vec::new();
        for raw in &raws {
            match self.element(raw) {
                Ok(e) => elems.push(e),
                Err(msg) => return self.err(file, line.line, msg),
            }
        }
        let Some(anchor) = elems.iter().position(|e| matches!(e, Elem::Words { optional: false, .. })) else {
            return self.err(file, line.line, "pattern has no required word to anchor it");
        };
        let gap = |e: Option<&Elem>| matches!(e, Some(Elem::Gap | Elem::LongGap));
        if gap(elems.first()) || gap(elems.last()) {
            return self.err(file, line.line, "a pattern cannot start or end with `..` or `...`");
        }
        let slots = |want: &Elem| elems.iter().filter(|e| *e == want).count();
        if slots(&Elem::Source) > 1 || slots(&Elem::Target) > 1 {
            return self.err(file, line.line, "at most one {source} and one {target} per pattern");
        }
        let text = line.left.split_whitespace().collect::<Vec<_>>().join(" ");
        let id = self.d.patterns.len();
        if let Some(&old) = self.d.pattern_by_text.get(&text) {
            let (old_file, old_id) = old;
            if old_file == file_no {
                return self.err(
                    file,
                    line.line,
                    format!("duplicate pattern `{text}` (also line {})", self.d.patterns[old_id].rule.line),
                );
            }
            // A later file overrides: retire the earlier pattern.
            self.d.retired.push(old_id);
        }
        self.d.pattern_by_text.insert(text.clone(), (file_no, id));
        self.d.patterns.push(EventPattern {
            elems,
            code,
            no_event,
            rule: RuleRef { file: file.clone(), line: line.line },
            text,
            anchor,
        });
    }

    /// Keys of an alternative with stems (`argentin*`, `peace_keep*`): a
    /// word ending in `*` matches any token that starts with it (surface
    /// form or lemma, lower case); other words match by lemma.
    fn prefix_keys(&self, alt: &str) -> Result<Vec<String>, String> {
        let mut keys = Vec::new();
        for word in alt.split('_').filter(|w| !w.is_empty()) {
            match word.strip_suffix(PREFIX_MARK) {
                Some(stem)
                    if !stem.is_empty() && stem.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'')) =>
                {
                    keys.push(format!("{}{PREFIX_MARK}", stem.to_lowercase()));
                }
                _ if word.contains(PREFIX_MARK) => {
                    return Err(format!("`{word}`: a stem is letters followed by one `*` (`argentin*`)"));
                }
                _ => keys.extend(self.keys(word, Names::Lemmatised)),
            }
        }
        if keys.is_empty() {
            return Err(format!("`{alt}` has no words"));
        }
        Ok(keys)
    }

    fn element(&self, raw: &str) -> Result<Elem, String> {
        let (raw, verb) = pattern::strip_verb_mark(raw).map_err(|e| e.to_string())?;
        match raw {
            ".." => return Ok(Elem::Gap),
            "..." => return Ok(Elem::LongGap),
            "{source}" => return Ok(Elem::Source),
            "{target}" => return Ok(Elem::Target),
            "{actor}" => return Ok(Elem::Actor),
            _ => {}
        }
        if raw.starts_with('{') {
            return Err(format!("unknown slot `{raw}` (expected {{source}}, {{target}} or {{actor}})"));
        }
        let (body, optional) = match raw.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            Some(inner) => (inner, true),
            None if raw.contains(['[', ']']) => return Err(format!("unbalanced brackets in `{raw}`")),
            None => (raw, false),
        };
        let mut alts = Vec::new();
        for alt in body.split('|') {
            if alt.is_empty() {
                return Err(format!("empty alternative in `{raw}`"));
            }
            if let Some(name) = alt.strip_prefix('&') {
                let Some(members) = self.synonyms.get(name) else {
                    return Err(format!("unknown synonym set `&{name}`"));
                };
                alts.extend(members.iter().cloned());
            } else if alt.contains(PREFIX_MARK) {
                alts.push(self.prefix_keys(alt)?);
            } else {
                let keys = self.keys(&alt.replace('_', " "), Names::Lemmatised);
                if keys.is_empty() {
                    return Err(format!("`{alt}` has no words"));
                }
                alts.push(keys);
            }
        }
        Ok(Elem::Words { alts, optional, verb })
    }
}

/// Splits an actor code into its country and first sector.
/// Returns `None` when the code is not made of upper-case three-letter blocks.
pub fn split_actor_code(code: &str) -> Option<(Option<String>, Option<String>)> {
    if code.is_empty() || code.len() % 3 != 0 || code.len() > 18 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let blocks: Vec<&str> = (0..code.len()).step_by(3).map(|i| &code[i..i + 3]).collect();
    let first = blocks[0];
    let (country, rest) = if cameo::is_transnational_prefix(first) || cameo::actor_type(first).is_some() {
        (None, &blocks[..])
    } else {
        (Some(first.to_string()), &blocks[1..])
    };
    let sector = rest
        .iter()
        .find(|b| cameo::actor_type(b).is_some() && !cameo::is_transnational_prefix(b))
        .map(|b| b.to_string());
    Some((country, sector))
}

/// A [`Dictionaries::by_word`] entry whose key has no vocabulary id (a
/// stem not listed as a key itself): it is looked up by string.
const HASHED: u32 = NO_KEY - 1;

// A key row's `starts` bits (see `Dictionaries::key_row`): the tries by
// slot, and the pattern anchors.
const ACTOR_SLOT: u8 = 1;
const AGENT_SLOT: u8 = 2;
const PLACE_SLOT: u8 = 4;
pub(crate) const ANCHOR_BIT: u8 = 8;
/// Some event pattern uses the key, exactly or by a stem it starts with:
/// a token whose row lacks the bit has no key id in the pattern search.
pub(crate) const PATTERN_KEY: u8 = 16;
/// Every bit: what a key outside the vocabulary may do.
const ALL_STARTS: u8 = ACTOR_SLOT | AGENT_SLOT | PLACE_SLOT | ANCHOR_BIT | PATTERN_KEY;
/// What makes a sentence worth coding (see [`Dictionaries::opens`]).
const OPENS: u8 = ACTOR_SLOT | AGENT_SLOT | ANCHOR_BIT;

/// Compiled, immutable dictionaries; share them across threads by reference.
#[derive(Debug)]
pub struct Dictionaries {
    actors: Vec<ActorEntry>,
    agents: Vec<AgentEntry>,
    places: Vec<PlaceEntry>,
    patterns: Vec<EventPattern>,
    actor_trie: PhraseTrie,
    agent_trie: PhraseTrie,
    place_trie: PhraseTrie,
    index: PatternIndex,
    /// Every token key some trie or pattern uses, with its id (see
    /// [`Dictionaries::key_id`]).
    /// The keys are stored inline (up to 24 bytes, nearly every word):
    /// `key_id` probes this map for every token, and a key behind a pointer
    /// costs a cache miss to compare.
    vocabulary: rustc_hash::FxHashMap<CompactString, u32>,
    /// Stem -> `stem*` and its vocabulary id, for prefix keys (the id is
    /// stored so that `key_id` hashes a word once, not twice).
    stems: stems::StemSet<(Box<str>, u32)>,
    /// [`Dictionaries::key_id`] of every one-byte ASCII key, by byte:
    /// punctuation and `a` are frequent tokens, and a table read costs less
    /// than a hash and a probe.
    ascii: Vec<(Box<str>, u32)>,
    /// By vocabulary id: which tries a phrase may start in with the key,
    /// and whether it anchors a pattern (see [`Dictionaries::key_row`] and
    /// [`Dictionaries::opens`]).
    starts: Vec<u8>,
    /// The vocabulary's keys by id.
    by_id: Vec<Box<str>>,
    /// By lexicon word id, the vocabulary ids of [`Dictionaries::key_id`]
    /// of the form and of its context-free lemma ([`NO_KEY`]: `""`;
    /// [`HASHED`]: ask `key_id`), and the `starts` bits of the row
    /// [form, form, lemma]; see [`Dictionaries::word_key_ids`] and
    /// [`Dictionaries::word_key_row`].
    by_word: Vec<([u32; 2], u8)>,
    stats: Stats,
    // Build-time only.
    actor_keyed: Keyed,
    agent_keyed: Keyed,
    place_keyed: Keyed,
    pattern_by_text: HashMap<String, (usize, usize)>,
    retired: Vec<usize>,
}

impl Dictionaries {
    fn empty() -> Dictionaries {
        Dictionaries {
            actors: Vec::new(),
            agents: Vec::new(),
            places: Vec::new(),
            patterns: Vec::new(),
            actor_trie: PhraseTrie::new(),
            agent_trie: PhraseTrie::new(),
            place_trie: PhraseTrie::new(),
            index: PatternIndex::default(),
            vocabulary: Default::default(),
            stems: Default::default(),
            ascii: Vec::new(),
            starts: Vec::new(),
            by_id: Vec::new(),
            by_word: Vec::new(),
            stats: Stats::default(),
            actor_keyed: Keyed::default(),
            agent_keyed: Keyed::default(),
            place_keyed: Keyed::default(),
            pattern_by_text: HashMap::new(),
            retired: Vec::new(),
        }
    }

    fn finish(&mut self) {
        self.actor_trie = std::mem::take(&mut self.actor_keyed).into_trie();
        self.agent_trie = std::mem::take(&mut self.agent_keyed).into_trie();
        self.place_trie = std::mem::take(&mut self.place_keyed).into_trie();
        let mut retired = std::mem::take(&mut self.retired);
        retired.sort_unstable();
        for id in retired.into_iter().rev() {
            self.patterns.remove(id);
        }
        self.pattern_by_text = HashMap::new();
        self.index = PatternIndex::build(&self.patterns);
        let mut vocabulary = rustc_hash::FxHashSet::default();
        for trie in [&self.actor_trie, &self.agent_trie, &self.place_trie] {
            vocabulary.extend(trie.keys().map(Box::from));
        }
        for p in &self.patterns {
            for e in &p.elems {
                if let Elem::Words { alts, .. } = e {
                    vocabulary.extend(alts.iter().flatten().map(|k| Box::from(k.as_str())));
                }
            }
        }
        vocabulary.remove("");
        // Ids in key order, so that they do not depend on hashing.
        let mut keys: Vec<Box<str>> = vocabulary.into_iter().collect();
        keys.sort_unstable();
        self.vocabulary = keys.iter().enumerate().map(|(id, k)| (CompactString::from(&**k), id as u32)).collect();
        // The keys by id (the pattern index and the tries precompute what
        // each has).
        let by_id: Vec<&str> = keys.iter().map(|k| &**k).collect();
        self.index.set_vocabulary(&by_id);
        let tries = [&mut self.actor_trie, &mut self.agent_trie, &mut self.place_trie];
        for (trie, slot) in tries.into_iter().zip([ACTOR_SLOT, AGENT_SLOT, PLACE_SLOT]) {
            trie.renumber(|k| self.vocabulary.get(k).copied().unwrap_or(NO_KEY));
            trie.index_root_stems(&by_id);
            trie.set_slot(slot);
        }
        // Stems (`argentin*`) must see words no dictionary lists: `key` maps
        // such a word to its longest stem, marked.
        let mut stems: rustc_hash::FxHashMap<Box<str>, Box<str>> = Default::default();
        for trie in [&self.actor_trie, &self.agent_trie, &self.place_trie] {
            stems.extend(trie.stems().map(|s| (Box::from(s), format!("{s}{}", pattern::PREFIX_MARK).into())));
        }
        for p in &self.patterns {
            for e in &p.elems {
                if let Elem::Words { alts, .. } = e {
                    for stem in alts.iter().flatten().filter_map(|k| pattern::prefix_of(k)) {
                        stems.insert(Box::from(stem), format!("{stem}{}", pattern::PREFIX_MARK).into());
                    }
                }
            }
        }
        let vocabulary = &self.vocabulary;
        let mut without_id = false;
        self.stems = stems::StemSet::new(stems.into_iter().map(|(stem, marked)| {
            let id = vocabulary.get(&*marked).copied().unwrap_or(NO_KEY);
            without_id |= id == NO_KEY;
            (stem, (marked, id))
        }));
        // Only such a stem is a key `key_id` gives without an id.
        self.index.set_keys_without_id(without_id);
        self.ascii = (0..128u8)
            .map(|b| {
                let (key, id) = self.key_id_hashed(char::from(b).encode_utf8(&mut [0; 1]));
                (Box::from(key), id)
            })
            .collect();
        self.starts = (0..keys.len() as u32)
            .map(|id| {
                let slots =
                    [(&self.actor_trie, ACTOR_SLOT), (&self.agent_trie, AGENT_SLOT), (&self.place_trie, PLACE_SLOT)];
                let tries = slots.iter().filter(|(t, _)| t.starts_with_id(id)).fold(0, |b, (_, slot)| b | slot);
                tries
                    | if self.index.is_anchor(&keys[id as usize]) { ANCHOR_BIT } else { 0 }
                    | if self.index.has_keys(id) { PATTERN_KEY } else { 0 }
            })
            .collect();
        self.by_id = keys;
        self.stats.actors = self.actors.len();
        self.stats.agents = self.agents.len();
        self.stats.places = self.places.len();
        self.stats.patterns = self.patterns.len();
    }

    /// Fills [`Dictionaries::by_word`] for the words of `lexicon`.
    fn index_words(&mut self, lexicon: &Lexicon) {
        let id = |key: &str| match self.key_id(key) {
            (k, NO_KEY) if !k.is_empty() => HASHED,
            (_, id) => id,
        };
        let forms = || (0..lexicon.word_count() as u32).map(|word| lexicon.form(word).unwrap_or(""));
        let own: Vec<u32> = forms().map(id).collect();
        // A lemma is nearly always a word itself, whose key is known by
        // now: a lexicon probe costs less than a vocabulary probe and a
        // stem walk.
        let by_word: Vec<[u32; 2]> = forms()
            .zip(&own)
            .map(|(form, &own_id)| match lexicon.lemma_static(form) {
                Some(lemma) if lemma != form => {
                    let word = lexicon.word_id(lemma).and_then(|w| own.get(w as usize));
                    [own_id, word.copied().unwrap_or_else(|| id(lemma))]
                }
                _ => [own_id, own_id],
            })
            .collect();
        // The bits of the row a common word's keys make (no row for a key
        // looked up by string: `word_key_row` gives none then).
        let key = |id: u32| self.by_id.get(id as usize).map_or("", |k| &**k);
        self.by_word = by_word
            .into_iter()
            .map(|[own, lemma]| ([own, lemma], self.row_starts([key(own), key(own), key(lemma)], [own, own, lemma])))
            .collect();
    }

    /// [`Dictionaries::key_id`] of the lexicon word with id `word` (see
    /// [`Scratch::word`]) and of its context-free lemma
    /// ([`Lexicon::lemma_static`], or the form itself), read from a table
    /// made when the dictionaries were built: a sentence's keys cost no
    /// hashing for the words the lexicon knows. `None` for a word id
    /// outside the table, or a word whose keys the table does not hold
    /// (then `key_id` gives them). The ids must come from a lexicon like the
    /// one the dictionaries were built with (every [`Lexicon::english`] is).
    #[inline]
    pub fn word_key_ids(&self, word: u32) -> Option<[(&str, u32); 2]> {
        let &([own, lemma], _) = self.by_word.get(word as usize)?;
        Some([self.word_key(own)?, self.word_key(lemma)?])
    }

    /// The key of a [`Dictionaries::by_word`] id (`None` for [`HASHED`]).
    #[inline]
    fn word_key(&self, id: u32) -> Option<(&str, u32)> {
        match id {
            NO_KEY => Some(("", NO_KEY)),
            id => self.by_id.get(id as usize).map(|k| (&**k, id)),
        }
    }

    /// The [`Dictionaries::key_row`] of the keys [form, form, context-free
    /// lemma] of the lexicon word with id `word` (those of
    /// [`Dictionaries::word_key_ids`]), its bits read from the table: the
    /// row of a common word whose lemma in context is still to be chosen.
    /// `None` when `word_key_ids` gives `None`.
    #[inline]
    pub fn word_key_row(&self, word: u32) -> Option<KeyRow<'_>> {
        let &([own, lemma], starts) = self.by_word.get(word as usize)?;
        let ((n, ni), (c, ci)) = (self.word_key(own)?, self.word_key(lemma)?);
        Some(KeyRow::with_starts([n, n, c], [ni, ni, ci], starts))
    }

    /// Entry counts by kind.
    pub fn stats(&self) -> Stats {
        self.stats
    }

    /// All actor entries (ids index into this).
    pub fn actors(&self) -> &[ActorEntry] {
        &self.actors
    }

    /// All agent entries.
    pub fn agents(&self) -> &[AgentEntry] {
        &self.agents
    }

    /// All places.
    pub fn places(&self) -> &[PlaceEntry] {
        &self.places
    }

    /// All event patterns.
    pub fn patterns(&self) -> &[EventPattern] {
        &self.patterns
    }

    /// Trie of actor phrases (entry ids into [`Dictionaries::actors`]).
    pub fn actor_trie(&self) -> &PhraseTrie {
        &self.actor_trie
    }

    /// Trie of agent phrases.
    pub fn agent_trie(&self) -> &PhraseTrie {
        &self.agent_trie
    }

    /// Trie of place names.
    pub fn place_trie(&self) -> &PhraseTrie {
        &self.place_trie
    }

    /// Event patterns indexed by anchor.
    pub fn pattern_index(&self) -> &PatternIndex {
        &self.index
    }

    /// The dictionaries' own copy of a token key when some phrase or pattern
    /// uses it, else `""`, which no matcher matches. The tries and the
    /// pattern matcher compare keys only for equality, so a sentence may map
    /// its keys through this once per token and hand the matchers borrowed
    /// strings: no key is stored per token, and tokens that no dictionary
    /// knows cost the matchers nothing. With prefix keys (`stem*`), a word
    /// no dictionary lists maps to its longest stem, marked (`argentin*`):
    /// it matches every stem it starts with and no exact key.
    pub fn key(&self, key: &str) -> &str {
        self.key_id(key).0
    }

    /// [`Dictionaries::key`] and the key's vocabulary id ([`NO_KEY`] for
    /// `""`): a [`KeyRow`] of these lets the tries compare integers.
    pub fn key_id(&self, key: &str) -> (&str, u32) {
        if let [b] = key.as_bytes() {
            if let Some((k, id)) = self.ascii.get(usize::from(*b)) {
                return (k, *id);
            }
        }
        self.key_id_hashed(key)
    }

    /// [`Dictionaries::key_id`] without the one-byte table.
    fn key_id_hashed(&self, key: &str) -> (&str, u32) {
        if let Some((k, &id)) = self.vocabulary.get_key_value(key) {
            return (k.as_str(), id);
        }
        match self.stems.longest_prefix_of(key) {
            Some((_, (stem, id))) => (stem, *id),
            None => ("", NO_KEY),
        }
    }

    /// The [`KeyRow`] of a token's keys and their ids (as
    /// [`Dictionaries::key_id`] gives them), noting from the ids which
    /// tries a phrase may start in with them: the tries then read a bit
    /// instead of looking the ids up at every token.
    #[inline]
    pub fn key_row<'a>(&self, keys: [&'a str; 3], ids: [u32; 3]) -> KeyRow<'a> {
        KeyRow::with_starts(keys, ids, self.row_starts(keys, ids))
    }

    /// The `starts` bits of [`Dictionaries::key_row`].
    #[inline]
    fn row_starts(&self, keys: [&str; 3], ids: [u32; 3]) -> u8 {
        let bits = |k: usize| match self.starts.get(ids[k] as usize) {
            Some(&bits) => bits,
            // A stem no dictionary lists as a key: the tries look.
            None if !keys[k].is_empty() => ALL_STARTS,
            None => 0,
        };
        trie::ROW_KNOWN | bits(0) | bits(1) | bits(2)
    }

    /// Whether a token's row of keys (from [`Dictionaries::key_row`]) may
    /// anchor an event pattern or start an actor or agent phrase, as
    /// [`Dictionaries::opens`] says of its keys; `None` for a row that
    /// does not say.
    #[inline]
    pub fn row_opens(&self, row: &KeyRow<'_>) -> Option<bool> {
        let bits = row.starts();
        (bits & trie::ROW_KNOWN != 0).then_some(bits & OPENS != 0)
    }

    /// Whether an actor or an agent phrase may start at a token with the
    /// row `row`: `actor_trie().may_start(row) || agent_trie().may_start(row)`
    /// in one test of the row's bits (the mention finder asks it at every
    /// token).
    #[inline]
    pub fn may_start_mention(&self, row: &KeyRow<'_>) -> bool {
        let bits = row.starts();
        bits & trie::ROW_KNOWN == 0 || bits & (ACTOR_SLOT | AGENT_SLOT) != 0
    }

    /// Whether a token with the key `key` and its id (as
    /// [`Dictionaries::key_id`] gives them) may anchor an event pattern or
    /// start an actor or agent phrase. A sentence none of whose tokens'
    /// keys open anything yields no event and no actor mention; the coder
    /// skips it before tagging. A key outside the vocabulary (a stem not
    /// listed as a key itself) is taken to open something.
    pub fn opens(&self, key: &str, id: u32) -> bool {
        match self.starts.get(id as usize) {
            Some(&bits) => bits & OPENS != 0,
            None => !key.is_empty(),
        }
    }

    /// Every pattern match in a sentence.
    pub fn find_patterns(&self, input: &dyn PatternInput) -> Vec<PatternMatch> {
        self.index.find_all(&self.patterns, input)
    }

    /// [`Dictionaries::find_patterns`] with a worker's reusable buffers.
    pub fn find_patterns_with(&self, input: &dyn PatternInput, scratch: &mut PatternScratch) -> Vec<PatternMatch> {
        self.index.find_all_with(&self.patterns, input, scratch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_text::Token;

    /// A sentence's keys as the coder gives them (mapped through
    /// `key_id`), with or without their ids.
    struct Keyed<'a> {
        rows: Vec<KeyRow<'a>>,
        with_ids: bool,
    }

    impl PatternInput for Keyed<'_> {
        fn len(&self) -> usize {
            self.rows.len()
        }
        fn keys(&self, i: usize) -> [&str; 3] {
            *self.rows[i]
        }
        fn ids(&self, i: usize) -> Option<[u32; 3]> {
            self.rows[i].ids().filter(|_| self.with_ids)
        }
        fn actor_from(&self, _: usize) -> Option<usize> {
            None
        }
        fn actor_until(&self, _: usize) -> Option<usize> {
            None
        }
        fn skippable(&self, _: usize) -> bool {
            true
        }
    }

    /// The pattern matcher finds the same matches from the vocabulary ids
    /// (`PatternInput::ids`) as from the key strings, stems included.
    #[test]
    fn one_byte_keys_from_the_table_are_the_hashed_ones() {
        let lexicon = Lexicon::english();
        let dicts = DictionariesBuilder::new().with_defaults().build(&lexicon).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(dicts.ascii.len(), 128);
        let mut known = 0;
        for b in 0..128u8 {
            let key = char::from(b).to_string();
            assert_eq!(dicts.key_id(&key), dicts.key_id_hashed(&key), "{key:?}");
            known += usize::from(dicts.key_id(&key).1 != NO_KEY);
        }
        // Some one-byte keys are dictionary words: the table is used.
        assert!(known > 0, "no one-byte key in the default dictionaries");
    }

    /// The word table gives what `key_id` gives, for every lexicon word
    /// and its context-free lemma.
    #[test]
    fn word_keys_from_the_table_are_the_hashed_ones() {
        let lexicon = Lexicon::english();
        let dicts = DictionariesBuilder::new().with_defaults().build(&lexicon).unwrap_or_else(|e| panic!("{e}"));
        let mut known = 0;
        for word in 0..lexicon.word_count() as u32 {
            let form = lexicon.form(word).unwrap_or_else(|| panic!("word {word}"));
            let lemma = lexicon.lemma(form);
            let Some([own, cf]) = dicts.word_key_ids(word) else { continue };
            assert_eq!(own, dicts.key_id(form), "{form}");
            assert_eq!(cf, dicts.key_id(lemma), "{form} -> {lemma}");
            let row = dicts.key_row([own.0, own.0, cf.0], [own.1, own.1, cf.1]);
            assert_eq!(dicts.word_key_row(word), Some(row), "{form}");
            known += 1;
        }
        assert_eq!(known, lexicon.word_count());
        assert_eq!(dicts.word_key_ids(lexicon.word_count() as u32), None);
        assert_eq!(dicts.word_key_row(lexicon.word_count() as u32), None);
    }

    /// The keys of the tokens of `text` (norm, lemma, context-free lemma)
    /// and their ids, as the coder gives them.
    fn keys_of<'d>(lexicon: &Lexicon, dicts: &'d Dictionaries, text: &str) -> Vec<([&'d str; 3], [u32; 3])> {
        let tokens = lexicon.analyze(text, Span::new(0, text.len()));
        let keys = |t: &Token| [dicts.key_id(&t.norm), dicts.key_id(&t.lemma), dicts.key_id(lexicon.lemma(&t.norm))];
        tokens.iter().map(keys).map(|[(n, ni), (l, li), (c, ci)]| ([n, l, c], [ni, li, ci])).collect()
    }

    /// The pattern matches in `text`, from its keys' vocabulary ids and
    /// from their strings.
    fn matches_both_ways(
        lexicon: &Lexicon,
        dicts: &Dictionaries,
        text: &str,
    ) -> (Vec<PatternMatch>, Vec<PatternMatch>) {
        let rows: Vec<KeyRow<'_>> =
            keys_of(lexicon, dicts, text).into_iter().map(|(k, ids)| KeyRow::new(k, ids)).collect();
        let by_ids = dicts.find_patterns(&Keyed { rows: rows.clone(), with_ids: true });
        (by_ids, dicts.find_patterns(&Keyed { rows, with_ids: false }))
    }

    /// With an actor stem that no pattern lists, `key_id` gives a key
    /// without an id (the stem), and the pattern matcher still looks at it.
    #[test]
    fn a_stem_without_an_id_is_still_matched() {
        let lexicon = Lexicon::english();
        let mut b = DictionariesBuilder::new();
        b.add_source("t.actors", "freedon* = FRD\n").add_source("t.events", "denounce freedon* = 111\nmeet = 040\n");
        let with_pattern = b.build(&lexicon).unwrap_or_else(|e| panic!("{e}"));
        assert!(!with_pattern.index.keys_without_id);
        let mut b = DictionariesBuilder::new();
        // `freed*` is no vocabulary key's stem but the token's key `freedon*`'s.
        b.add_source("t.actors", "freedon* = FRD\n").add_source("t.events", "freed* = 080\nmeet = 040\n");
        let dicts = b.build(&lexicon).unwrap_or_else(|e| panic!("{e}"));
        assert!(dicts.index.keys_without_id);
        let (key, id) = dicts.key_id("freedonian");
        assert_eq!((key, id), ("freedon*", NO_KEY));
        for (d, text, expect) in [
            (&dicts, "Freedonian envoys met the minister.", 2),
            (&with_pattern, "They denounced Freedonian envoys and met.", 2),
        ] {
            let (by_ids, by_strings) = matches_both_ways(&lexicon, d, text);
            assert_eq!(by_ids, by_strings, "{text}");
            assert_eq!(by_ids.len(), expect, "{text}");
        }
    }

    #[test]
    fn patterns_match_the_same_by_ids_and_by_strings() {
        let lexicon = Lexicon::english();
        let dicts = DictionariesBuilder::new().with_defaults().build(&lexicon).unwrap_or_else(|e| panic!("{e}"));
        let mut found = 0;
        for text in [
            "The minister stated that the talks would resume on Monday.",
            "Rebels kept bombing the northern town, officials said.",
            "The government requested urgent aid from its neighbours.",
            "Police arrested dozens of protesters after the rally.",
            "The two leaders met and signed a trade agreement.",
        ] {
            let (by_ids, by_strings) = matches_both_ways(&lexicon, &dicts, text);
            assert_eq!(by_ids, by_strings, "{text}");
            found += by_ids.len();
        }
        assert!(found >= 3, "{found} matches");
    }

    /// A row from `key_row` finds in each trie what a row without its
    /// bits finds and what the strings find: exact keys, stems with and
    /// without an id, and words no dictionary lists.
    #[test]
    fn key_rows_find_what_plain_rows_find() {
        let lexicon = Lexicon::english();
        let mut b = DictionariesBuilder::new();
        b.add_source(
            "t.actors",
            "freedon* = FRD
Sylvania = SYL
united nations = IGOUNO
",
        )
        .add_source(
            "t.agents",
            "minister = GOV
rebel* = REB
",
        )
        .add_source(
            "t.events",
            "freed* = 080
meet = 040
",
        );
        let dicts = b.build(&lexicon).unwrap_or_else(|e| panic!("{e}"));
        let text = "Freedonian rebels met the Sylvanian minister and United Nations envoys in Sylvania.";
        let rows: Vec<(KeyRow<'_>, KeyRow<'_>, [&str; 3])> = keys_of(&lexicon, &dicts, text)
            .into_iter()
            .map(|(k, ids)| (dicts.key_row(k, ids), KeyRow::new(k, ids), k))
            .collect();
        assert!(rows.iter().all(|(row, _, _)| row.starts() & trie::ROW_KNOWN != 0));
        let mut found = 0;
        for trie in [dicts.actor_trie(), dicts.agent_trie(), dicts.place_trie()] {
            for start in 0..rows.len() {
                let with_bits = trie.matches_at(start, rows.len(), |i| rows[i].0);
                assert_eq!(with_bits, trie.matches_at(start, rows.len(), |i| rows[i].1), "at {start}");
                assert_eq!(with_bits, trie.matches_at(start, rows.len(), |i| rows[i].2), "at {start}");
                found += with_bits.len();
            }
        }
        // Freedonian, rebels, minister, United Nations, Sylvania.
        assert!(found >= 5, "{found} matches");
        // The mention finder's one test says what the two tries say, with
        // and without the row's bits.
        for (row, plain, _) in &rows {
            for r in [row, plain] {
                let tries = dicts.actor_trie().may_start(r) || dicts.agent_trie().may_start(r);
                assert_eq!(dicts.may_start_mention(r), tries, "{r:?}");
            }
        }
        assert!(rows.iter().any(|(row, _, _)| !dicts.may_start_mention(row)), "`met` starts no phrase");
    }
    #[test]
    fn an_actor_kind_comes_from_the_file_directive_or_the_entry() {
        let lexicon = Lexicon::english();
        let mut b = DictionariesBuilder::new();
        b.add_source(
            "a.actors",
            "Freedonia = FRD\n@kind = person\nRufus Firefly = FRDGOV\nFredonia Council = FRDGOV kind=collective\n",
        )
        .add_source("b.actors", "Sylvania = SYL\n");
        let dicts = b.build(&lexicon).unwrap_or_else(|e| panic!("{e}"));
        let kinds: Vec<(&str, ActorKind)> = dicts.actors().iter().map(|e| (e.phrase.as_str(), e.kind)).collect();
        assert_eq!(
            kinds,
            [
                ("Freedonia", ActorKind::Unspecified),
                ("Rufus Firefly", ActorKind::Person),
                ("Fredonia Council", ActorKind::Collective),
                ("Sylvania", ActorKind::Unspecified),
            ]
        );
    }

    #[test]
    fn a_bad_actor_kind_is_reported_with_its_line() {
        let lexicon = Lexicon::english();
        let mut b = DictionariesBuilder::new();
        b.add_source("a.actors", "@kind = crowd\nRufus Firefly = FRDGOV kind=people\n");
        let Err(Error::Invalid(diags)) = b.build(&lexicon) else { panic!("expected errors") };
        let lines: Vec<(u32, &str)> = diags.iter().map(|d| (d.line, d.message.as_str())).collect();
        assert_eq!(
            lines,
            [
                (1, "expected `@kind = person` or `@kind = collective`"),
                (2, "invalid kind `people`: expected person or collective"),
            ]
        );
    }
}
