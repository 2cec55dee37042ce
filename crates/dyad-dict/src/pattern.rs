//! Event patterns: compiled form and the matcher over a token stream.

use rustc_hash::FxHashMap;

use dyad_core::cameo::CameoCode;
use dyad_core::RuleRef;

use crate::stems::StemSet;
use crate::TokenKeys;

/// Longest run of tokens a `..` gap may skip (an actor mention counts as one).
pub const MAX_GAP: usize = 3;

/// Most matcher steps spent on one pattern at one anchor (each element tried
/// and each gap position offered counts one): `...` gaps make backtracking
/// polynomial in the sentence length, so the work per pattern is capped (a
/// deterministic count, not a time limit); past it the pattern does not
/// match there.
pub const MAX_STEPS: usize = 5_000;

/// One element of a compiled pattern.
#[derive(Clone, Debug, PartialEq)]
pub enum Elem {
    /// One of several word sequences (a word, `a|b`, or a synonym set), by key.
    Words {
        /// Alternatives; each is a sequence of token keys (lemmas).
        alts: Vec<Vec<String>>,
        /// Written in `[brackets]`.
        optional: bool,
        /// Written with the verb mark [`VERB_MARK`] (`report:v`): an
        /// alternative matches only where its first token reads as a
        /// lexical verb ([`PatternInput::is_verb`]), so that the noun of a
        /// verb-noun word ("a UN report", "reports of shelling") is no
        /// trigger.
        verb: bool,
    },
    /// `..`: up to [`MAX_GAP`] skippable tokens.
    Gap,
    /// `...`: any number of skippable tokens (the clause-bounded gap of the
    /// peer coders' patterns).
    LongGap,
    /// `{source}`: an actor mention.
    Source,
    /// `{target}`: an actor mention.
    Target,
    /// `{actor}`: an actor mention that is neither source nor target: the
    /// pattern passes over it (TABARI's `^`, which skips an actor:
    /// `warn at {actor} ... {target}`).
    Actor,
}

/// A compiled event pattern.
#[derive(Clone, Debug)]
pub struct EventPattern {
    /// The elements in order.
    pub elems: Vec<Elem>,
    /// The CAMEO code it assigns. For a no-event pattern ([`EventPattern::no_event`])
    /// a placeholder, 010, that is never coded: the grammar reads the match
    /// as a statement (a verb after it shares its subject), and between
    /// patterns of equal length it ranks as a three-digit code.
    pub code: CameoCode,
    /// Written with the no-event code [`NO_EVENT`] (`meet .. criteria = ---`):
    /// the phrase is not an event. It takes its words from the patterns it
    /// overlaps, like any more specific pattern, and then codes nothing.
    pub no_event: bool,
    /// Where it was written.
    pub rule: RuleRef,
    /// The pattern as written, for `explain`.
    pub text: String,
    /// Index of the anchor element (first required word element).
    pub anchor: usize,
}

/// The code that marks a phrase as no event (TABARI's null code).
pub const NO_EVENT: &str = "---";

impl EventPattern {
    /// Number of word tokens the pattern requires (its specificity).
    pub fn weight(&self) -> usize {
        self.elems
            .iter()
            .map(|e| match e {
                Elem::Words { alts, optional: false, .. } => alts.iter().map(Vec::len).min().unwrap_or(0) * 2,
                Elem::Source | Elem::Target | Elem::Actor => 1,
                _ => 0,
            })
            .sum()
    }

    /// The code as written: the CAMEO code, or [`NO_EVENT`].
    pub fn code_text(&self) -> &'static str {
        if self.no_event {
            NO_EVENT
        } else {
            self.code.as_str()
        }
    }
}

/// A pattern whose grouping cannot be read (see [`split_elements`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PatternSyntaxError {
    /// A `(` or `[` group that is not closed before the end of the pattern.
    Unclosed(String),
    /// A `)` or `]` that closes no group, or a bracket inside a word.
    Stray(String),
    /// A group inside a group.
    Nested(String),
    /// `()` or `[]`.
    EmptyGroup,
    /// A synonym set inside a multi-word alternative (`(hold &talk|meet)`):
    /// a set is a whole alternative of its own.
    SetInPhrase(String),
    /// A verb mark [`VERB_MARK`] on a slot or gap (`{target}:v`, `..:v`),
    /// on nothing (`:v`), inside a group or an alternative (`(report:v|say)`),
    /// or after a group word that does not close it: it follows a whole
    /// word element (`report:v`, `(call on|urge):v`, `[a|b]:v`).
    VerbMark(String),
}

impl std::fmt::Display for PatternSyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unclosed(g) => write!(f, "group `{g}` is not closed"),
            Self::Stray(w) => write!(f, "`{w}`: a bracket that opens or closes no group"),
            Self::Nested(g) => write!(f, "`{g}`: groups cannot be nested"),
            Self::EmptyGroup => write!(f, "empty group"),
            Self::SetInPhrase(a) => {
                write!(f, "`{a}`: a synonym set cannot be part of a multi-word alternative (write it as an alternative of its own)")
            }
            Self::VerbMark(w) => write!(
                f,
                "`{w}`: the verb mark `{VERB_MARK}` follows a whole word element (`report{VERB_MARK}`, `(call on|urge){VERB_MARK}`), not a slot, a gap or a word inside a group"
            ),
        }
    }
}

impl std::error::Error for PatternSyntaxError {}

/// Splits a pattern as written into its elements. Elements are separated
/// by spaces, except inside a group: `(hold talks|meet with)` is one
/// element whose alternatives are phrases of adjacent words, and so is the
/// optional `[in the|at]`. A group's words are returned joined by `_`
/// (`hold_talks|meet_with`, `[in_the|at]`), the form a phrase takes inside
/// one word. Without groups a space would end the alternative and start a
/// new element: `hold talks|meet with` is `hold`, `talks|meet`, `with`.
pub fn split_elements(text: &str) -> Result<Vec<String>, PatternSyntaxError> {
    let mut out = Vec::new();
    // The open group: its closing bracket and the words so far.
    let mut open: Option<(char, Vec<&str>)> = None;
    for written in text.split_whitespace() {
        // A verb mark after a closing bracket marks the whole group (`(a b|c):v`).
        let (word, mark) = match written.strip_suffix(VERB_MARK) {
            Some(w) if w.ends_with([')', ']']) => (w, VERB_MARK),
            _ => (written, ""),
        };
        if let Some((close, words)) = open.as_mut() {
            if word.contains(['(', '[']) {
                return Err(PatternSyntaxError::Nested(format!("{} {word}", words.join(" "))));
            }
            words.push(word);
            if word.ends_with(*close) {
                let close = *close;
                let words = std::mem::take(words);
                open = None;
                out.push(group(&words.join(" "), close)? + mark);
            } else if word.contains([')', ']']) {
                return Err(PatternSyntaxError::Stray(word.to_string()));
            }
            continue;
        }
        let close = match word.chars().next() {
            Some('(') => ')',
            Some('[') => ']',
            _ if word.contains(['(', ')', '[', ']']) => return Err(PatternSyntaxError::Stray(word.to_string())),
            _ => {
                out.push(word.to_string());
                continue;
            }
        };
        if word.len() > 1 && word.ends_with(close) {
            out.push(group(word, close)? + mark);
        } else if word[1..].contains(['(', ')', '[', ']']) {
            return Err(PatternSyntaxError::Stray(word.to_string()));
        } else {
            open = Some((close, vec![word]));
        }
    }
    match open {
        Some((_, words)) => Err(PatternSyntaxError::Unclosed(words.join(" "))),
        None => Ok(out),
    }
}

/// The mark that restricts a word element to verbs (`report:v`).
pub const VERB_MARK: &str = ":v";

/// Splits the verb mark [`VERB_MARK`] off an element as
/// [`split_elements`] returns it: the element without the mark, and
/// whether it had one. A mark on a slot, a gap or nothing, or one left
/// inside the element (`report:v|say`, `[report:v]`), is an error.
pub fn strip_verb_mark(element: &str) -> Result<(&str, bool), PatternSyntaxError> {
    let (body, verb) = match element.strip_suffix(VERB_MARK) {
        Some(body) => (body, true),
        None => (element, false),
    };
    let slot_or_gap = body.is_empty() || body.starts_with('{') || body == ".." || body == "...";
    let inner = body.split(['|', '[', ']', '_']).any(|w| w.ends_with(VERB_MARK));
    if (verb && slot_or_gap) || inner {
        return Err(PatternSyntaxError::VerbMark(element.to_string()));
    }
    Ok((body, verb))
}

/// One group as written (`(a b|c)` or `[a b|c]`, brackets included) as an
/// element: `a_b|c` or `[a_b|c]`.
fn group(written: &str, close: char) -> Result<String, PatternSyntaxError> {
    let body = &written[1..written.len() - 1];
    if body.contains(['(', ')', '[', ']']) {
        return Err(PatternSyntaxError::Nested(written.to_string()));
    }
    if body.trim().is_empty() {
        return Err(PatternSyntaxError::EmptyGroup);
    }
    let mut alts = Vec::new();
    for alt in body.split('|') {
        let words: Vec<&str> = alt.split_whitespace().collect();
        if words.len() > 1 && words.iter().any(|w| w.starts_with('&')) {
            return Err(PatternSyntaxError::SetInPhrase(alt.trim().to_string()));
        }
        // An empty alternative stays empty: the element reports it.
        alts.push(words.join("_"));
    }
    let body = alts.join("|");
    Ok(if close == ']' { format!("[{body}]") } else { body })
}

/// What the matcher needs to know about a sentence's tokens.
pub trait PatternInput {
    /// Number of tokens.
    fn len(&self) -> usize;
    /// True when there are no tokens.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Keys token `i` may match under (norm and lemmas; empty strings are ignored).
    fn keys(&self, i: usize) -> [&str; 3];
    /// The vocabulary ids of [`PatternInput::keys`], as
    /// [`crate::Dictionaries::key_id`] gave them with the dictionaries that
    /// match (a [`crate::KeyRow`]'s): the matcher then looks up no string.
    /// `None` (the default): the strings are looked up.
    fn ids(&self, _i: usize) -> Option<[u32; 3]> {
        None
    }
    /// Every token's [`crate::KeyRow`], in order, as
    /// [`crate::Dictionaries::key_row`] made them with the dictionaries that
    /// match, when the input keeps them in a slice: the matcher then reads
    /// each token's ids (as [`PatternInput::ids`] gives them) from the slice
    /// with no call per token, and skips a token whose row says that no
    /// pattern uses its keys. `None` (the default): [`PatternInput::ids`]
    /// is asked.
    fn key_rows(&self) -> Option<&[crate::KeyRow<'_>]> {
        None
    }
    /// End (exclusive) of an actor mention starting at token `i`.
    fn actor_from(&self, i: usize) -> Option<usize>;
    /// Start of an actor mention ending (exclusively) at token `end`.
    fn actor_until(&self, end: usize) -> Option<usize>;
    /// Whether a `..` gap may skip token `i`.
    fn skippable(&self, i: usize) -> bool;
    /// Whether token `i` reads as a lexical verb, for words written with
    /// the verb mark (`report:v`). Inputs without parts of speech say yes,
    /// so that such words match as if unmarked.
    fn is_verb(&self, _i: usize) -> bool {
        true
    }
    /// End of the unit a gap step skips when it starts at token `i`: one
    /// token by default; an input may group a run such as `$1.4 billion`.
    fn gap_unit_end(&self, i: usize) -> usize {
        i + 1
    }
}

/// Suffix of a key that matches by prefix: `argentin*` matches any token
/// whose surface form or lemma starts with `argentin`.
pub const PREFIX_MARK: char = '*';

/// A key compiled from `stem*`: the stem, when the key is a prefix key.
pub fn prefix_of(key: &str) -> Option<&str> {
    key.strip_suffix(PREFIX_MARK).filter(|p| !p.is_empty())
}

/// A pattern matched in a sentence; all positions are token indices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternMatch {
    /// Index of the pattern in [`crate::Dictionaries::patterns`].
    pub pattern: u32,
    /// First token of the match.
    pub start: usize,
    /// One past the last token of the match.
    pub end: usize,
    /// Tokens matched by word elements (the trigger words).
    pub trigger: Vec<usize>,
    /// The `{source}` slot, as a token range.
    pub source: Option<(usize, usize)>,
    /// The `{target}` slot, as a token range.
    pub target: Option<(usize, usize)>,
}

/// A pattern key compiled for the matcher: comparing two integers instead
/// of two strings at every step.
#[derive(Clone, Copy, Debug)]
enum Key {
    /// An exact key, by id (see [`PatternIndex`]).
    Exact(u32),
    /// A stem (`argentin*`), by id (see [`PatternIndex`]): a token matches
    /// it when the stem is among those its keys start with, which are
    /// looked up once per token.
    Prefix(u32),
    /// The empty key, which no token matches.
    Never,
}

/// A token key that no pattern uses exactly.
const NO_KEY: u32 = u32::MAX;

/// An element compiled for the matcher.
#[derive(Debug)]
enum CElem {
    /// `firsts`: the [`Signature`] of the alternatives' first keys, `None`
    /// when one is empty (it matches anywhere): a token none of whose keys
    /// is in it starts no alternative.
    Words {
        alts: Vec<Box<[Key]>>,
        optional: bool,
        verb: bool,
        firsts: Option<Signature>,
    },
    Gap,
    LongGap,
    Source,
    Target,
    Actor,
}

/// A pattern compiled for the matcher.
#[derive(Debug)]
struct Compiled {
    elems: Vec<CElem>,
    anchor: usize,
    /// For each required word element after the anchor (none comes before
    /// it), the key ids (exact or stem) of its first keys: one must occur
    /// after the anchor for the pattern to have a chance. Elements with
    /// large sets are not listed.
    after: Vec<Box<[u32]>>,
    /// Per set of `after`, the [`Signature`] of its ids: a set none of
    /// whose bits occurs after the anchor is rejected without a search.
    after_sigs: Vec<Signature>,
}

/// A 256-bit set of key ids (`id % 256`): a cheap necessary condition for
/// "one of these ids occurs here" before the exact search.
type Signature = [u64; 4];

#[inline]
fn sig_add(sig: &mut Signature, id: u32) {
    sig[(id as usize >> 6) & 3] |= 1 << (id & 63);
}

/// A signature folded to 64 bits (`id % 64`). Two signatures that meet
/// still meet folded, so a folded test that fails rejects for sure.
#[inline]
fn fold(sig: &Signature) -> u64 {
    sig[0] | sig[1] | sig[2] | sig[3]
}

/// Whether `id`'s bit is in `sig`.
#[inline]
fn sig_has(sig: &Signature, id: u32) -> bool {
    sig[(id as usize >> 6) & 3] & (1 << (id & 63)) != 0
}

#[inline]
fn sig_meets(a: &Signature, b: &Signature) -> bool {
    (a[0] & b[0]) | (a[1] & b[1]) | (a[2] & b[2]) | (a[3] & b[3]) != 0
}

/// Flag of a candidate listed under more than one key (see
/// [`PatternIndex::find_all`]).
const SHARED: u32 = 1 << 31;

/// Longest list of candidates scanned whole. TABARI's `SAID` anchors some
/// 1,800 patterns and occurs in most news sentences, which nearly all of
/// them cannot match: a longer list is also split by the keys of its
/// patterns' first `after` sets, so that a sentence visits the patterns
/// whose first later word it has (the pre-check would reject the others).
const SPLIT_LIST: usize = 64;

/// A long candidate list split by the first `after` set of its patterns:
/// positions in the list, ascending.
#[derive(Debug, Default)]
struct Split {
    /// By key id, the patterns whose first `after` set holds it.
    by_key: FxHashMap<u32, Vec<u32>>,
    /// The patterns with no `after` set (always candidates).
    rest: Vec<u32>,
}

/// A pattern in a list of candidates (see [`PatternIndex`]).
#[derive(Clone, Copy, Debug)]
struct Candidate {
    /// The signatures of the pattern's first two `after` sets folded to 64
    /// bits (all bits: no such set): a frequent anchor or a short stem
    /// lists hundreds of patterns, and most fail this test, which then
    /// reads the list alone and nothing of the pattern.
    quick: [u64; 2],
    /// The pattern's id, with the [`SHARED`] bit when some other list
    /// holds it too.
    entry: u32,
}

/// The [`Signature`] of the first keys of `alts` (see [`CElem::Words`]).
fn first_keys(alts: &[Box<[Key]>]) -> Option<Signature> {
    let mut sig = Signature::default();
    for alt in alts {
        match alt.first() {
            None => return None,
            Some(Key::Exact(id) | Key::Prefix(id)) => sig_add(&mut sig, *id),
            Some(Key::Never) => {}
        }
    }
    Some(sig)
}

/// Largest set of first keys checked before trying a pattern.
const MAX_PRECHECK: usize = 16;

/// Patterns indexed by the keys of their anchors.
///
/// Every exact key a pattern uses has an id, and so has every stem (`stem*`
/// keys), numbered after the exact keys. A token *has* the exact ids of its
/// keys and the ids of every stem one of its keys starts with. With TABARI's
/// dictionaries most pattern words are stems, so stems are handled like
/// exact keys: the stems of each vocabulary key are listed once, when the
/// dictionaries are built, so a token's stems are a table lookup (no string
/// compare per token or per matcher step), and stem ids take part in the
/// pre-check, which rejects most candidate patterns before the search.
#[derive(Debug, Default)]
pub struct PatternIndex {
    /// Id of every exact key a pattern uses.
    ids: FxHashMap<Box<str>, u32>,
    /// The stems, with their ids.
    stems: StemSet<u32>,
    /// The patterns anchored on key id `k` (exact or stem), in pattern
    /// order: `candidates[anchored[k]..anchored[k + 1]]`, each with the
    /// [`SHARED`] bit when some other list holds it too.
    anchored: Vec<u32>,
    candidates: Vec<Candidate>,
    /// By key id, the first quick bits of its list's candidates, or'ed: a
    /// list none of whose first `after` sets can meet the keys after a
    /// token is passed over whole.
    list_quick: Vec<u64>,
    compiled: Vec<Compiled>,
    /// By key id, for lists longer than [`SPLIT_LIST`], the list split by
    /// the first `after` set of its patterns.
    splits: Vec<Option<Box<Split>>>,
    /// By vocabulary id of the dictionaries (see [`PatternInput::ids`]),
    /// what a token key with that id has here: one record, so that a key
    /// costs one read (with few stems, most records list none, and the
    /// stem work is skipped).
    vocabulary: Vec<VocabularyKey>,
    /// The key ids of the vocabulary keys (see [`VocabularyKey`]).
    vocabulary_keys: Vec<u32>,
    /// Whether a token key without a vocabulary id may be a string other
    /// than `""` (a stem of the dictionaries' that no phrase lists as a
    /// key): only then does such a key cost a look at the strings.
    pub(crate) keys_without_id: bool,
}

/// What a vocabulary key has in a [`PatternIndex`]: its own id (none
/// when no pattern uses it exactly) and the ids of the stems it starts
/// with, shortest first: `vocabulary_keys[keys.0..keys.1]`, the key ids a
/// token with this key has.
#[derive(Clone, Copy, Debug)]
struct VocabularyKey {
    keys: (u32, u32),
    /// The `list_quick` bits of the lists of its key ids, or'ed: 0 when
    /// no pattern is anchored on the key or one of its stems, or when none
    /// of their candidates can pass the quick test (see
    /// [`PatternIndex::find_all_with`]).
    quick: u64,
}

/// Key ids handed out while compiling, in order of first use: exact keys
/// and stems are numbered apart (stems are moved past the exact keys once
/// all are known).
#[derive(Default)]
struct KeyIds {
    exact: FxHashMap<Box<str>, u32>,
    stems: FxHashMap<Box<str>, u32>,
}

impl KeyIds {
    fn key(&mut self, key: &str) -> Key {
        if key.is_empty() {
            return Key::Never;
        }
        match prefix_of(key) {
            Some(stem) => {
                let next = self.stems.len() as u32;
                Key::Prefix(*self.stems.entry(stem.into()).or_insert(next))
            }
            None => {
                let next = self.exact.len() as u32;
                Key::Exact(*self.exact.entry(key.into()).or_insert(next))
            }
        }
    }
}

impl PatternIndex {
    pub(crate) fn build(patterns: &[EventPattern]) -> PatternIndex {
        let mut keys = KeyIds::default();
        let mut elems: Vec<Vec<CElem>> = patterns
            .iter()
            .map(|p| {
                p.elems
                    .iter()
                    .map(|e| match e {
                        Elem::Words { alts, optional, verb } => CElem::Words {
                            alts: alts.iter().map(|alt| alt.iter().map(|k| keys.key(k)).collect()).collect(),
                            optional: *optional,
                            verb: *verb,
                            firsts: None,
                        },
                        Elem::Gap => CElem::Gap,
                        Elem::LongGap => CElem::LongGap,
                        Elem::Source => CElem::Source,
                        Elem::Target => CElem::Target,
                        Elem::Actor => CElem::Actor,
                    })
                    .collect()
            })
            .collect();
        // Stems are numbered after the exact keys.
        let shift = keys.exact.len() as u32;
        for e in elems.iter_mut().flatten() {
            if let CElem::Words { alts, firsts, .. } = e {
                for key in alts.iter_mut().flat_map(|alt| alt.iter_mut()) {
                    if let Key::Prefix(n) = key {
                        *n += shift;
                    }
                }
                *firsts = first_keys(alts);
            }
        }
        debug_assert!(patterns.len() < SHARED as usize);
        let mut lists = vec![Vec::new(); keys.exact.len() + keys.stems.len()];
        let mut lists_of = vec![0u32; patterns.len()];
        for (id, (p, elems)) in patterns.iter().zip(&elems).enumerate() {
            if let CElem::Words { alts, .. } = &elems[p.anchor] {
                for first in alts.iter().filter_map(|alt| alt.first()) {
                    if let Key::Exact(k) | Key::Prefix(k) = *first {
                        let list: &mut Vec<u32> = &mut lists[k as usize];
                        if !list.contains(&(id as u32)) {
                            list.push(id as u32);
                            lists_of[id] += 1;
                        }
                    }
                }
            }
        }
        let compiled: Vec<Compiled> =
            patterns.iter().zip(elems).map(|(p, elems)| PatternIndex::compile(elems, p.anchor)).collect();
        let mut index = PatternIndex {
            ids: keys.exact,
            stems: StemSet::new(keys.stems.into_iter().map(|(stem, n)| (stem, n + shift))),
            ..PatternIndex::default()
        };
        index.anchored.push(0);
        for list in lists {
            let mut any = 0;
            for id in list {
                let mut quick = [!0; 2];
                for (q, sig) in quick.iter_mut().zip(&compiled[id as usize].after_sigs) {
                    *q = fold(sig);
                }
                let entry = if lists_of[id as usize] > 1 { id | SHARED } else { id };
                index.candidates.push(Candidate { quick, entry });
                any |= quick[0];
            }
            index.list_quick.push(any);
            index.anchored.push(index.candidates.len() as u32);
        }
        index.splits = (0..index.anchored.len() - 1)
            .map(|k| {
                let range = index.candidates_of(k as u32);
                (range.len() > SPLIT_LIST).then(|| {
                    let mut split = Split::default();
                    for (n, c) in index.candidates[range].iter().enumerate() {
                        match compiled[(c.entry & !SHARED) as usize].after.first() {
                            Some(set) => set.iter().for_each(|&id| split.by_key.entry(id).or_default().push(n as u32)),
                            None => split.rest.push(n as u32),
                        }
                    }
                    Box::new(split)
                })
            })
            .collect();
        index.compiled = compiled;
        index
    }

    fn compile(elems: Vec<CElem>, anchor: usize) -> Compiled {
        // The first keys of a required element (a never-matching
        // alternative adds none).
        let firsts = |e: &CElem| -> Option<Box<[u32]>> {
            let CElem::Words { alts, optional: false, .. } = e else { return None };
            let mut ids = Vec::new();
            for alt in alts {
                match alt.first() {
                    Some(Key::Exact(id) | Key::Prefix(id)) => ids.push(*id),
                    Some(Key::Never) => {}
                    None => return None,
                }
            }
            ids.sort_unstable();
            ids.dedup();
            (ids.len() <= MAX_PRECHECK).then(|| ids.into())
        };
        // An element after the anchor starts past the anchor's first token
        // only when every alternative of the anchor has a word.
        let after: Vec<Box<[u32]>> = match &elems[anchor] {
            CElem::Words { alts, .. } if alts.iter().all(|a| !a.is_empty()) => {
                elems[anchor + 1..].iter().filter_map(firsts).collect()
            }
            _ => Vec::new(),
        };
        let after_sigs = after
            .iter()
            .map(|set| {
                let mut sig = Signature::default();
                set.iter().for_each(|&id| sig_add(&mut sig, id));
                sig
            })
            .collect();
        Compiled { elems, anchor, after, after_sigs }
    }

    /// Maps the dictionaries' vocabulary ids to this index's key ids, and
    /// lists the stems each vocabulary key starts with, for inputs that
    /// give [`PatternInput::ids`].
    pub(crate) fn set_vocabulary(&mut self, by_id: &[&str]) {
        self.vocabulary_keys.clear();
        self.vocabulary = by_id
            .iter()
            .map(|&key| {
                let from = self.vocabulary_keys.len() as u32;
                self.vocabulary_keys.extend(self.ids.get(key).copied());
                self.vocabulary_keys.extend(self.stems.prefixes_of(key).map(|(_, &s)| s));
                let to = self.vocabulary_keys.len() as u32;
                let quick = self.vocabulary_keys[from as usize..]
                    .iter()
                    .fold(0, |q, &id| q | self.list_quick.get(id as usize).copied().unwrap_or(0));
                VocabularyKey { keys: (from, to), quick }
            })
            .collect();
        self.keys_without_id = true;
    }

    /// Says whether [`crate::Dictionaries::key_id`] may give a key other
    /// than `""` without a vocabulary id (after [`PatternIndex::set_vocabulary`]).
    pub(crate) fn set_keys_without_id(&mut self, any: bool) {
        self.keys_without_id = any;
    }

    /// The range in `candidates` of the patterns anchored on key id `k`.
    fn candidates_of(&self, k: u32) -> std::ops::Range<usize> {
        match self.anchored.get(k as usize..k as usize + 2) {
            Some(at) => at[0] as usize..at[1] as usize,
            None => 0..0,
        }
    }

    /// True when some pattern is anchored on `key`: a cheap pre-filter.
    pub fn is_anchor(&self, key: &str) -> bool {
        let anchors = |id: u32| !self.candidates_of(id).is_empty();
        self.ids.get(key).is_some_and(|&id| anchors(id)) || self.stems.prefixes_of(key).any(|(_, &s)| anchors(s))
    }

    /// Every pattern match in the input, in order of anchor position.
    /// `patterns` are the ones the index was built from.
    pub fn find_all(&self, patterns: &[EventPattern], input: &dyn PatternInput) -> Vec<PatternMatch> {
        self.find_all_with(patterns, input, &mut PatternScratch::default())
    }

    /// [`PatternIndex::find_all`] with the buffers of `scratch`: a worker
    /// that keeps one across sentences allocates only for the matches.
    pub fn find_all_with(
        &self,
        patterns: &[EventPattern],
        input: &dyn PatternInput,
        scratch: &mut PatternScratch,
    ) -> Vec<PatternMatch> {
        debug_assert!(self.compiled.is_empty() || patterns.len() == self.compiled.len());
        let mut out = Vec::new();
        let len = input.len();
        if self.compiled.is_empty() || len == 0 {
            return out;
        }
        let PatternScratch {
            keys,
            key_at,
            anchoring,
            last_at,
            present,
            sig_after,
            tried,
            set,
            picked,
            stack,
            seen,
            frontier,
            next,
            trigger,
        } = scratch;
        // The last sentence's positions are cleared before the table is
        // sized for this index.
        for id in present.drain(..) {
            last_at[id as usize] = 0;
        }
        last_at.resize(self.anchored.len().saturating_sub(1), 0);
        self.key_rows(input, keys, key_at, anchoring, last_at, present);
        if anchoring.is_empty() {
            return out;
        }
        let (keys, key_at) = (&keys[..], &key_at[..]);
        signatures(keys, key_at, anchoring, sig_after);
        // Every branch clears the bits it set: all are clear here.
        seen.clear();
        seen.resize(len + 2, false);
        let mut m = Matcher {
            input,
            len,
            keys,
            key_at,
            stack: std::mem::take(stack),
            seen: std::mem::take(seen),
            frontier: std::mem::take(frontier),
            next: std::mem::take(next),
            trigger: std::mem::take(trigger),
            budget: 0,
            source: None,
            target: None,
        };
        // The shared patterns a token has tried, as a bit set by pattern
        // id, and the ids set in it (to clear them for the next token).
        // A token visits each list once (its keys' ids are distinct), so
        // only a pattern listed under several keys may come twice; it is
        // tried the first time only.
        // The last sentence's bits are cleared before the set is sized for
        // this index.
        for id in set.drain(..) {
            tried[id as usize / 64] &= !(1 << (id % 64));
        }
        tried.resize(self.compiled.len().div_ceil(64), 0);
        for (&(i, quick), after) in anchoring.iter().zip(sig_after.iter()) {
            // All bits when no key follows: every candidate passes the
            // quick test, and `precheck` rejects those that need one.
            let folded = match fold(after) {
                0 => !0,
                folded => folded,
            };
            // No list of the token's keys has a candidate that can pass the
            // quick test (the lists' bits or'ed): the loop below would skip
            // each. (The shared bits set so far are cleared at the next
            // token that is visited.)
            if quick & folded == 0 {
                continue;
            }
            if !set.is_empty() {
                for id in set.drain(..) {
                    tried[id as usize / 64] &= !(1 << (id % 64));
                }
            }
            // One candidate: the quick test (implied by `precheck`: folded
            // signatures of sets that meet meet), the shared patterns'
            // bits, `precheck`, the search. A macro, so that both loops
            // below read their lists with no call or branch per candidate.
            macro_rules! visit {
                ($c:expr) => {{
                    let c: &Candidate = $c;
                    if (c.quick[0] & folded == 0) | (c.quick[1] & folded == 0) {
                        continue;
                    }
                    let id = c.entry & !SHARED;
                    if c.entry & SHARED != 0 {
                        let (word, bit) = (id as usize / 64, 1 << (id % 64));
                        if tried[word] & bit != 0 {
                            continue;
                        }
                        tried[word] |= bit;
                        set.push(id);
                    }
                    let p = &self.compiled[id as usize];
                    if !precheck(p, i, last_at, after) {
                        continue;
                    }
                    if let Some(found) = m.anchored(p, id, i) {
                        out.push(found);
                    }
                }};
            }
            for &key in &keys[key_at[i] as usize..key_at[i + 1] as usize] {
                // (An empty list has no bits.)
                if self.list_quick.get(key as usize).is_none_or(|&q| q & folded == 0) {
                    continue;
                }
                let list = &self.candidates[self.candidates_of(key)];
                // A long list keeps the patterns whose first `after` set
                // has a key after `i` (and those without such a set).
                let split = if list.len() > SPLIT_LIST {
                    self.splits.get(key as usize).and_then(Option::as_deref)
                } else {
                    None
                };
                match split {
                    None => {
                        for c in list {
                            visit!(c);
                        }
                    }
                    Some(split) => {
                        picked.clear();
                        picked.extend_from_slice(&split.rest);
                        for &id in present.iter() {
                            if last_at[id as usize] as usize > i + 1 {
                                picked.extend(split.by_key.get(&id).into_iter().flatten());
                            }
                        }
                        picked.sort_unstable();
                        picked.dedup();
                        for &n in picked.iter() {
                            visit!(&list[n as usize]);
                        }
                    }
                }
            }
        }
        (*stack, *seen, *frontier, *next, *trigger) = (m.stack, m.seen, m.frontier, m.next, m.trigger);
        out
    }

    /// The key ids each token has (`keys[key_at[i]..key_at[i + 1]]`: for
    /// each of its keys in turn, its exact id, then the ids of the stems it
    /// starts with, each id once), the tokens that may anchor a pattern
    /// (`anchoring`, each with the `list_quick` bits of its keys' lists
    /// or'ed, all bits when not known), and the last position of each key id (`last_at[id]`,
    /// one past it; 0 where the id does not occur; the ids set are listed in
    /// `present`, and `last_at` is all 0 on entry). From here on keys are
    /// ids; the order is the order in which a token's lists of candidates
    /// are visited.
    #[inline(never)]
    fn key_rows(
        &self,
        input: &dyn PatternInput,
        keys: &mut Vec<u32>,
        key_at: &mut Vec<u32>,
        anchoring: &mut Vec<(usize, u64)>,
        last_at: &mut [u32],
        present: &mut Vec<u32>,
    ) {
        let len = input.len();
        keys.clear();
        key_at.clear();
        anchoring.clear();
        // The ids say it all when a key without an id is `""`.
        let by_ids = !self.vocabulary.is_empty() && !self.keys_without_id;
        match input.key_rows().filter(|rows| by_ids && rows.len() == len) {
            Some(rows) => {
                key_at.resize(len + 1, 0);
                for ((i, row), at) in rows.iter().enumerate().zip(&mut key_at[1..]) {
                    // Most tokens' keys are in no pattern: their row says so.
                    let bits = row.starts();
                    if bits & crate::trie::ROW_KNOWN == 0 || bits & crate::PATTERN_KEY != 0 {
                        if let Some(ids) = row.ids() {
                            self.token_ids(i, ids, keys, anchoring, last_at, present);
                        }
                    }
                    *at = keys.len() as u32;
                }
            }
            None => {
                key_at.push(0);
                for i in 0..len {
                    let vocab = if self.vocabulary.is_empty() { None } else { input.ids(i) };
                    match vocab {
                        Some(ids) if by_ids => self.token_ids(i, ids, keys, anchoring, last_at, present),
                        _ => self.token_strs(input, i, vocab, keys, anchoring, last_at, present),
                    }
                    key_at.push(keys.len() as u32);
                }
            }
        }
    }

    /// [`PatternIndex::key_rows`] for token `i` with vocabulary ids `ids`.
    #[inline(always)]
    fn token_ids(
        &self,
        i: usize,
        [a, b, c]: [u32; 3],
        keys: &mut Vec<u32>,
        anchoring: &mut Vec<(usize, u64)>,
        last_at: &mut [u32],
        present: &mut Vec<u32>,
    ) {
        let token = keys.len();
        // A key equal to an earlier one of the token (most tokens' keys are
        // equal) has had its ids listed; `NO_KEY` is in no record.
        let mut quick = self.vocabulary_ids(a, keys, token);
        if b != a {
            quick |= self.vocabulary_ids(b, keys, token);
        }
        if c != a && c != b {
            quick |= self.vocabulary_ids(c, keys, token);
        }
        // Only a token with a list whose candidates may pass the quick
        // test can match (see `VocabularyKey::quick`).
        if quick != 0 {
            anchoring.push((i, quick));
        }
        note_last(&keys[token..], i, last_at, present);
    }

    /// [`PatternIndex::key_rows`] for token `i` when some key may have no
    /// vocabulary id: the strings are read for those keys.
    #[allow(clippy::too_many_arguments)]
    fn token_strs(
        &self,
        input: &dyn PatternInput,
        i: usize,
        vocab: Option<[u32; 3]>,
        keys: &mut Vec<u32>,
        anchoring: &mut Vec<(usize, u64)>,
        last_at: &mut [u32],
        present: &mut Vec<u32>,
    ) {
        let token = keys.len();
        let mut strs: Option<[&str; 3]> = None;
        let mut row = [NO_KEY; 3];
        for k in 0..3 {
            let known = vocab.and_then(|v| self.vocabulary.get(v[k] as usize));
            match known {
                Some(key) => {
                    let ids = &self.vocabulary_keys[key.keys.0 as usize..key.keys.1 as usize];
                    push_new(keys, token, ids.iter().copied());
                }
                None => {
                    let words = *strs.get_or_insert_with(|| input.keys(i));
                    if vocab.is_none() && k == 0 {
                        row = self.exact_ids(words);
                    }
                    if row[k] != NO_KEY {
                        push_new(keys, token, std::iter::once(row[k]));
                    }
                    // Most keys here are `""` (no dictionary uses the word).
                    if !words[k].is_empty() {
                        push_new(keys, token, self.stems.prefixes_of(words[k]).map(|(_, &s)| s));
                    }
                }
            }
        }
        // Most tokens anchor no pattern under any key or stem: the search
        // visits the others only.
        if keys[token..].iter().any(|id| !self.candidates_of(*id).is_empty()) {
            anchoring.push((i, !0));
        }
        note_last(&keys[token..], i, last_at, present);
    }

    /// Whether the vocabulary key with id `id` has a key id here (it is
    /// used by a pattern, exactly or by a stem it starts with).
    pub(crate) fn has_keys(&self, id: u32) -> bool {
        self.vocabulary.get(id as usize).is_some_and(|key| key.keys.0 < key.keys.1)
    }

    /// Adds the key ids of the key with vocabulary id `id` to the token's
    /// (`keys[token..]`); returns its [`VocabularyKey::quick`] bits (0: it
    /// anchors no pattern that can be tried).
    #[inline(always)]
    fn vocabulary_ids(&self, id: u32, keys: &mut Vec<u32>, token: usize) -> u64 {
        let Some(key) = self.vocabulary.get(id as usize) else { return 0 };
        // Most keys have no id here: nothing to gather.
        if key.keys.0 < key.keys.1 {
            let ids = &self.vocabulary_keys[key.keys.0 as usize..key.keys.1 as usize];
            if keys.len() == token {
                // One or two ids, mostly: pushes cost less than a copy.
                for &id in ids {
                    keys.push(id);
                }
            } else {
                push_new(keys, token, ids.iter().copied());
            }
        }
        key.quick
    }

    /// The exact ids of a token's keys, looked up by string.
    fn exact_ids(&self, keys: [&str; 3]) -> [u32; 3] {
        let mut row = [NO_KEY; 3];
        for k in 0..3 {
            let key = keys[k];
            // Keys from the dictionaries are mostly the same string
            // when equal: the pointer test spares the byte compare.
            row[k] = match (0..k).find(|&j| std::ptr::eq(keys[j], key) || keys[j] == key) {
                Some(j) => row[j],
                None if key.is_empty() => NO_KEY,
                None => self.ids.get(key).copied().unwrap_or(NO_KEY),
            };
        }
        row
    }
}

/// Notes token `i` as the last position so far of its key ids `ids` (see
/// [`PatternIndex::key_rows`]).
#[inline(always)]
fn note_last(ids: &[u32], i: usize, last_at: &mut [u32], present: &mut Vec<u32>) {
    for &id in ids {
        let last = &mut last_at[id as usize];
        if *last == 0 {
            present.push(id);
        }
        *last = i as u32 + 1;
    }
}

/// For each anchoring position, the [`Signature`] of the key ids after it
/// (`sig_after`, parallel to `anchoring`: no other position reads one), in
/// one pass from the end over the ids alone.
#[inline(never)]
fn signatures(keys: &[u32], key_at: &[u32], anchoring: &[(usize, u64)], sig_after: &mut Vec<Signature>) {
    sig_after.clear();
    sig_after.resize(anchoring.len(), Signature::default());
    let mut sig = Signature::default();
    let mut from = keys.len();
    for (after, &(i, _)) in sig_after.iter_mut().zip(anchoring).rev() {
        let end = (key_at[i + 1] as usize).min(from);
        for &id in &keys[end..from] {
            sig_add(&mut sig, id);
        }
        from = end;
        *after = sig;
    }
}

/// Pushes onto `keys` the ids not yet listed since `token` (where the
/// current token's ids begin): a token's ids are listed once.
#[inline]
fn push_new(keys: &mut Vec<u32>, token: usize, ids: impl Iterator<Item = u32>) {
    for id in ids {
        if !keys[token..].contains(&id) {
            keys.push(id);
        }
    }
}

/// Whether every required word element after the anchor that lists its
/// first keys has one of them after anchor position `i`: when one has none,
/// the pattern cannot match there, so it is not tried (most anchors fail
/// this way, and cheaply). `last_at` as [`signatures`] makes it.
fn precheck(p: &Compiled, i: usize, last_at: &[u32], sig_after: &Signature) -> bool {
    p.after
        .iter()
        .zip(&p.after_sigs)
        .all(|(set, sig)| sig_meets(sig, sig_after) && set.iter().any(|&id| last_at[id as usize] as usize > i + 1))
}

/// Reusable buffers for [`PatternIndex::find_all_with`]: keep one per
/// thread. Between calls they hold nothing that matters but their memory
/// (and `tried`, whose set bits `set` lists).
#[derive(Debug, Default)]
pub struct PatternScratch {
    keys: Vec<u32>,
    key_at: Vec<u32>,
    anchoring: Vec<(usize, u64)>,
    last_at: Vec<u32>,
    present: Vec<u32>,
    sig_after: Vec<Signature>,
    tried: Vec<u64>,
    set: Vec<u32>,
    picked: Vec<u32>,
    stack: Vec<usize>,
    seen: Vec<bool>,
    frontier: Vec<usize>,
    next: Vec<usize>,
    trigger: Vec<usize>,
}

/// The matcher over one sentence, with its reusable buffers: no allocation
/// per step. `stack` holds the candidate positions of every open branch.
struct Matcher<'a> {
    input: &'a dyn PatternInput,
    len: usize,
    /// The key ids of each token (see [`PatternIndex::key_rows`]).
    keys: &'a [u32],
    key_at: &'a [u32],
    stack: Vec<usize>,
    seen: Vec<bool>,
    frontier: Vec<usize>,
    next: Vec<usize>,
    trigger: Vec<usize>,
    /// Matcher steps left (see [`MAX_STEPS`]).
    budget: usize,
    source: Option<(usize, usize)>,
    target: Option<(usize, usize)>,
}

/// A point to return to: trigger length and the two slots.
type Saved = (usize, Option<(usize, usize)>, Option<(usize, usize)>);

impl<'a> Matcher<'a> {
    /// The key ids of token `i` (`i < len`).
    #[inline]
    fn keys_of(&self, i: usize) -> &'a [u32] {
        &self.keys[self.key_at[i] as usize..self.key_at[i + 1] as usize]
    }

    fn token_matches(&self, i: usize, key: Key) -> bool {
        if i >= self.len {
            return false;
        }
        // Exact and stem ids are numbered apart: one list holds both.
        match key {
            Key::Exact(id) | Key::Prefix(id) => self.keys_of(i).contains(&id),
            Key::Never => false,
        }
    }

    /// Pushes the ends of every alternative matching at `pos` onto the
    /// stack, farthest first, without duplicates; returns how many.
    fn words_forward(&mut self, alts: &[Box<[Key]>], firsts: Option<&Signature>, pos: usize, verb: bool) -> usize {
        let base = self.stack.len();
        if verb && (pos >= self.len || !self.input.is_verb(pos)) {
            return 0;
        }
        // Most elements have no first key among the token's: one test.
        // (A token's signature would hold the bits of its ids: each is
        // tested instead, most tokens having none or one.)
        let here = if pos < self.len { self.keys_of(pos) } else { &[][..] };
        if firsts.is_some_and(|f| !here.iter().any(|&id| sig_has(f, id))) {
            return 0;
        }
        // Most alternatives fail on their first word (an element may list
        // dozens): the token at `pos` is read once and each first key
        // compared here, without a call per alternative.
        let (here, ids) = (pos < self.len, here);
        for alt in alts {
            let hit = match alt.split_first() {
                None => true,
                Some((&first, rest)) => {
                    here && match first {
                        Key::Exact(id) | Key::Prefix(id) => ids.contains(&id),
                        Key::Never => false,
                    } && rest.iter().enumerate().all(|(k, &key)| self.token_matches(pos + 1 + k, key))
                }
            };
            if hit {
                let end = pos + alt.len();
                if !self.stack[base..].contains(&end) {
                    self.stack.push(end);
                }
            }
        }
        if self.stack.len() > base + 1 {
            self.stack[base..].sort_unstable_by(|a, b| b.cmp(a));
        }
        self.stack.len() - base
    }

    /// Pushes the starts of every alternative ending at `end` onto the
    /// stack, in ascending order, without duplicates; returns how many.
    fn words_backward(&mut self, alts: &[Box<[Key]>], end: usize, verb: bool) -> usize {
        let base = self.stack.len();
        for alt in alts {
            if alt.len() <= end {
                let start = end - alt.len();
                if (!verb || (start < self.len && self.input.is_verb(start)))
                    && alt.iter().enumerate().all(|(k, &key)| self.token_matches(start + k, key))
                    && !self.stack[base..].contains(&start)
                {
                    self.stack.push(start);
                }
            }
        }
        self.stack[base..].sort_unstable();
        self.stack.len() - base
    }

    /// Pushes the positions a gap starting at `pos` may end at (`max`
    /// skipped units), nearest first; returns how many.
    fn gap_ends(&mut self, pos: usize, max: usize) -> usize {
        let (input, len) = (self.input, self.len);
        let base = self.stack.len();
        self.stack.push(pos);
        self.seen[pos.min(len + 1)] = true;
        self.frontier.clear();
        self.frontier.push(pos);
        for _ in 0..max {
            if self.frontier.is_empty() {
                break;
            }
            self.next.clear();
            for &p in &self.frontier {
                if p >= len || !input.skippable(p) {
                    continue;
                }
                let step = input.gap_unit_end(p).max(p + 1);
                if step <= len && !std::mem::replace(&mut self.seen[step], true) {
                    self.next.push(step);
                }
                if let Some(e) = input.actor_from(p).filter(|&e| e > p + 1 && e <= len) {
                    if !std::mem::replace(&mut self.seen[e], true) {
                        self.next.push(e);
                    }
                }
            }
            self.stack.extend_from_slice(&self.next);
            std::mem::swap(&mut self.frontier, &mut self.next);
        }
        for &p in &self.stack[base..] {
            self.seen[p.min(len + 1)] = false;
        }
        self.stack[base..].sort_unstable();
        self.stack.len() - base
    }

    /// Pushes the positions a gap ending at `end` may start at, nearest
    /// first; returns how many.
    fn gap_starts(&mut self, end: usize, max: usize) -> usize {
        let (input, len) = (self.input, self.len);
        let base = self.stack.len();
        self.stack.push(end);
        self.seen[end.min(len + 1)] = true;
        self.frontier.clear();
        self.frontier.push(end);
        for _ in 0..max {
            if self.frontier.is_empty() {
                break;
            }
            self.next.clear();
            for &p in &self.frontier {
                if p == 0 || p > len || !input.skippable(p - 1) {
                    continue;
                }
                if !std::mem::replace(&mut self.seen[p - 1], true) {
                    self.next.push(p - 1);
                }
                // An amount ending at `p` is one step, as in [`Self::gap_ends`].
                let mut s = p - 1;
                while s > 0 && input.skippable(s - 1) && input.gap_unit_end(s - 1) == p {
                    s -= 1;
                }
                if s + 1 < p && !std::mem::replace(&mut self.seen[s], true) {
                    self.next.push(s);
                }
                if let Some(s) = input.actor_until(p).filter(|&s| s + 1 < p) {
                    if !std::mem::replace(&mut self.seen[s], true) {
                        self.next.push(s);
                    }
                }
            }
            self.stack.extend_from_slice(&self.next);
            std::mem::swap(&mut self.frontier, &mut self.next);
        }
        for &p in &self.stack[base..] {
            self.seen[p.min(len + 1)] = false;
        }
        self.stack[base..].sort_unstable_by(|a, b| b.cmp(a));
        self.stack.len() - base
    }

    fn anchored(&mut self, p: &Compiled, id: u32, i: usize) -> Option<PatternMatch> {
        let CElem::Words { alts, verb, .. } = &p.elems[p.anchor] else { return None };
        self.budget = MAX_STEPS;
        let base = self.stack.len();
        // The anchor's keys start an alternative: no signature test.
        let n = self.words_forward(alts, None, i, *verb);
        let mut found = None;
        for at in base..base + n {
            let anchor_end = self.stack[at];
            self.trigger.clear();
            self.trigger.extend(i..anchor_end);
            self.source = None;
            self.target = None;
            let Some(end) = self.forward(&p.elems, p.anchor + 1, anchor_end) else {
                continue;
            };
            if let Some(start) = self.backward(&p.elems, p.anchor, i) {
                let mut trigger = self.trigger.clone();
                trigger.sort_unstable();
                found =
                    Some(PatternMatch { pattern: id, start, end, trigger, source: self.source, target: self.target });
                break;
            }
        }
        self.stack.truncate(base);
        found
    }

    /// Restores the state to a saved point after a failed branch.
    fn rollback(&mut self, saved: Saved) {
        self.trigger.truncate(saved.0);
        self.source = saved.1;
        self.target = saved.2;
    }

    fn save(&self) -> Saved {
        (self.trigger.len(), self.source, self.target)
    }

    fn forward(&mut self, elems: &[CElem], k: usize, pos: usize) -> Option<usize> {
        let Some(elem) = elems.get(k) else { return Some(pos) };
        self.budget = self.budget.checked_sub(1)?;
        let saved = self.save();
        match elem {
            CElem::Words { alts, optional, verb, firsts } => {
                let base = self.stack.len();
                let n = self.words_forward(alts, firsts.as_ref(), pos, *verb);
                for at in base..base + n {
                    let end = self.stack[at];
                    self.trigger.extend(pos..end);
                    if let Some(r) = self.forward(elems, k + 1, end) {
                        self.stack.truncate(base);
                        return Some(r);
                    }
                    self.rollback(saved);
                }
                self.stack.truncate(base);
                if *optional {
                    return self.forward(elems, k + 1, pos);
                }
                None
            }
            CElem::Gap | CElem::LongGap => {
                // Each step skips one token or a whole actor mention, so
                // `extradite .. to` skips `a Colombian drug trafficker` and
                // `expel .. diplomat` still reaches into `two Russian diplomats`.
                let max = if matches!(elem, CElem::Gap) { MAX_GAP } else { self.len };
                let base = self.stack.len();
                let n = self.gap_ends(pos, max);
                let mut result = None;
                if let Some(left) = self.budget.checked_sub(n) {
                    self.budget = left;
                    for at in base..base + n {
                        let p = self.stack[at];
                        if let Some(r) = self.forward(elems, k + 1, p) {
                            result = Some(r);
                            break;
                        }
                        self.rollback(saved);
                    }
                }
                self.stack.truncate(base);
                result
            }
            CElem::Actor => {
                let end = self.input.actor_from(pos)?;
                self.forward(elems, k + 1, end)
            }
            CElem::Source | CElem::Target => {
                let end = self.input.actor_from(pos)?;
                if matches!(elem, CElem::Source) {
                    self.source = Some((pos, end));
                } else {
                    self.target = Some((pos, end));
                }
                let r = self.forward(elems, k + 1, end);
                if r.is_none() {
                    self.rollback(saved);
                }
                r
            }
        }
    }

    /// Matches `elems[..k]` backwards so that they end at `end`.
    fn backward(&mut self, elems: &[CElem], k: usize, end: usize) -> Option<usize> {
        if k == 0 {
            return Some(end);
        }
        self.budget = self.budget.checked_sub(1)?;
        let saved = self.save();
        match &elems[k - 1] {
            CElem::Words { alts, optional, verb, .. } => {
                let base = self.stack.len();
                let n = self.words_backward(alts, end, *verb);
                for at in base..base + n {
                    let start = self.stack[at];
                    self.trigger.extend(start..end);
                    if let Some(r) = self.backward(elems, k - 1, start) {
                        self.stack.truncate(base);
                        return Some(r);
                    }
                    self.rollback(saved);
                }
                self.stack.truncate(base);
                if *optional {
                    return self.backward(elems, k - 1, end);
                }
                None
            }
            gap @ (CElem::Gap | CElem::LongGap) => {
                let max = if matches!(gap, CElem::Gap) { MAX_GAP } else { self.len };
                let base = self.stack.len();
                let n = self.gap_starts(end, max);
                let mut result = None;
                if let Some(left) = self.budget.checked_sub(n) {
                    self.budget = left;
                    for at in base..base + n {
                        let p = self.stack[at];
                        if let Some(r) = self.backward(elems, k - 1, p) {
                            result = Some(r);
                            break;
                        }
                        self.rollback(saved);
                    }
                }
                self.stack.truncate(base);
                result
            }
            CElem::Actor => {
                let start = self.input.actor_until(end)?;
                self.backward(elems, k - 1, start)
            }
            slot @ (CElem::Source | CElem::Target) => {
                let start = self.input.actor_until(end)?;
                if matches!(slot, CElem::Source) {
                    self.source = Some((start, end));
                } else {
                    self.target = Some((start, end));
                }
                let r = self.backward(elems, k - 1, start);
                if r.is_none() {
                    self.rollback(saved);
                }
                r
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{split_elements, strip_verb_mark, PatternSyntaxError};

    fn split(text: &str) -> Vec<String> {
        split_elements(text).unwrap_or_else(|e| panic!("`{text}`: {e}"))
    }

    #[test]
    fn groups_keep_multi_word_alternatives_in_one_element() {
        assert_eq!(split("(hold talks|meet with) {target}"), ["hold_talks|meet_with", "{target}"]);
        assert_eq!(split("launch .. (personal|verbal) attack"), ["launch", "..", "personal|verbal", "attack"]);
        assert_eq!(split("meet [in the|at] capital"), ["meet", "[in_the|at]", "capital"]);
        assert_eq!(split("(&talk|peace process) with"), ["&talk|peace_process", "with"]);
        // Without a group, the spaces split the alternatives (as before).
        assert_eq!(split("hold talks|meet with"), ["hold", "talks|meet", "with"]);
        assert_eq!(split("[a|an] deal"), ["[a|an]", "deal"]);
    }

    #[test]
    fn malformed_groups_are_errors() {
        assert!(matches!(split_elements("(hold talks|meet"), Err(PatternSyntaxError::Unclosed(_))));
        assert!(matches!(split_elements("hold talks)"), Err(PatternSyntaxError::Stray(_))));
        assert!(matches!(split_elements("hold (talks"), Err(PatternSyntaxError::Unclosed(_))));
        assert!(matches!(split_elements("hold ta(lks"), Err(PatternSyntaxError::Stray(_))));
        assert!(matches!(split_elements("(a (b c))"), Err(PatternSyntaxError::Nested(_))));
        assert!(matches!(split_elements("(a [b] c)"), Err(PatternSyntaxError::Nested(_))));
        assert!(matches!(split_elements("hold ()"), Err(PatternSyntaxError::EmptyGroup)));
        assert!(matches!(split_elements("(hold &talk|meet)"), Err(PatternSyntaxError::SetInPhrase(_))));
        assert!(matches!(split_elements("[in the] ]"), Err(PatternSyntaxError::Stray(_))));
    }

    #[test]
    fn verb_marks_follow_whole_word_elements() {
        assert_eq!(split("{actor} report:v"), ["{actor}", "report:v"]);
        assert_eq!(split("(call on|urge):v {target}"), ["call_on|urge:v", "{target}"]);
        assert_eq!(split("[a|an]:v deal"), ["[a|an]:v", "deal"]);
        assert_eq!(strip_verb_mark("report:v"), Ok(("report", true)));
        assert_eq!(strip_verb_mark("call_on|urge:v"), Ok(("call_on|urge", true)));
        assert_eq!(strip_verb_mark("[a|an]:v"), Ok(("[a|an]", true)));
        assert_eq!(strip_verb_mark("report"), Ok(("report", false)));
        // A colon that is no verb mark stays part of the word (peer dictionaries).
        assert_eq!(strip_verb_mark("a:b"), Ok(("a:b", false)));
    }

    #[test]
    fn misplaced_verb_marks_are_errors() {
        for bad in
            ["{target}:v", "..:v", "...:v", ":v", "report:v|say", "[report:v]", "say|report:v:v", "hold_talks:v|meet"]
        {
            assert!(matches!(strip_verb_mark(bad), Err(PatternSyntaxError::VerbMark(_))), "{bad}");
        }
        // A mark on a word inside a group is left in the group's element.
        for group in ["(call:v on|urge)", "(call on:v|urge)", "[in:v the|at]"] {
            let elems = split(group);
            assert!(matches!(strip_verb_mark(&elems[0]), Err(PatternSyntaxError::VerbMark(_))), "{group}: {elems:?}");
        }
    }
}
