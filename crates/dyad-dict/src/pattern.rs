//! Event patterns: compiled form and the matcher over a token stream.

use rustc_hash::FxHashMap;

use dyad_core::cameo::CameoCode;
use dyad_core::RuleRef;

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
}

/// A compiled event pattern.
#[derive(Clone, Debug)]
pub struct EventPattern {
    /// The elements in order.
    pub elems: Vec<Elem>,
    /// The CAMEO code it assigns.
    pub code: CameoCode,
    /// Where it was written.
    pub rule: RuleRef,
    /// The pattern as written, for `explain`.
    pub text: String,
    /// Index of the anchor element (first required word element).
    pub anchor: usize,
}

impl EventPattern {
    /// Number of word tokens the pattern requires (its specificity).
    pub fn weight(&self) -> usize {
        self.elems
            .iter()
            .map(|e| match e {
                Elem::Words { alts, optional: false } => alts.iter().map(Vec::len).min().unwrap_or(0) * 2,
                Elem::Source | Elem::Target => 1,
                _ => 0,
            })
            .sum()
    }
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
    /// End (exclusive) of an actor mention starting at token `i`.
    fn actor_from(&self, i: usize) -> Option<usize>;
    /// Start of an actor mention ending (exclusively) at token `end`.
    fn actor_until(&self, end: usize) -> Option<usize>;
    /// Whether a `..` gap may skip token `i`.
    fn skippable(&self, i: usize) -> bool;
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

#[derive(Clone, Default)]
struct State {
    trigger: Vec<usize>,
    source: Option<(usize, usize)>,
    target: Option<(usize, usize)>,
    /// Matcher steps left (see [`MAX_STEPS`]).
    budget: usize,
}

/// Patterns indexed by the keys of their anchors.
#[derive(Debug, Default)]
pub struct PatternIndex {
    by_anchor: FxHashMap<Box<str>, Vec<u32>>,
    /// Patterns whose anchor is a prefix key (`stem*`), by stem.
    by_prefix: FxHashMap<Box<str>, Vec<u32>>,
}

impl PatternIndex {
    pub(crate) fn build(patterns: &[EventPattern]) -> PatternIndex {
        let mut by_anchor: FxHashMap<Box<str>, Vec<u32>> = FxHashMap::default();
        let mut by_prefix: FxHashMap<Box<str>, Vec<u32>> = FxHashMap::default();
        for (id, p) in patterns.iter().enumerate() {
            if let Elem::Words { alts, .. } = &p.elems[p.anchor] {
                for alt in alts {
                    if let Some(first) = alt.first() {
                        let (map, key) = match prefix_of(first) {
                            Some(stem) => (&mut by_prefix, stem),
                            None => (&mut by_anchor, first.as_str()),
                        };
                        let list = map.entry(key.into()).or_default();
                        if !list.contains(&(id as u32)) {
                            list.push(id as u32);
                        }
                    }
                }
            }
        }
        PatternIndex { by_anchor, by_prefix }
    }

    /// True when some pattern is anchored on `key`: a cheap pre-filter.
    pub fn is_anchor(&self, key: &str) -> bool {
        self.by_anchor.contains_key(key) || self.prefix_anchors(key).next().is_some()
    }

    /// Patterns anchored on a prefix key that `key` starts with.
    fn prefix_anchors<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a Vec<u32>> + 'a {
        let none = self.by_prefix.is_empty();
        key.char_indices()
            .skip(1)
            .map(|(i, _)| i)
            .chain(std::iter::once(key.len()))
            .take_while(move |_| !none)
            .filter_map(move |end| self.by_prefix.get(&key[..end]))
    }

    /// Every pattern match in the input, in order of anchor position.
    pub fn find_all(&self, patterns: &[EventPattern], input: &dyn PatternInput) -> Vec<PatternMatch> {
        let mut out = Vec::new();
        let mut seen: Vec<u32> = Vec::new();
        for i in 0..input.len() {
            seen.clear();
            let keys = input.keys(i);
            for key in keys.iter().filter(|k| !k.is_empty()) {
                for &id in self.by_anchor.get(*key).into_iter().chain(self.prefix_anchors(key)).flatten() {
                    if seen.contains(&id) {
                        continue;
                    }
                    seen.push(id);
                    if let Some(m) = match_anchored(&patterns[id as usize], id, i, input) {
                        out.push(m);
                    }
                }
            }
        }
        out
    }
}

fn token_matches(input: &dyn PatternInput, i: usize, key: &str) -> bool {
    if i >= input.len() {
        return false;
    }
    match prefix_of(key) {
        Some(stem) => input.keys(i).iter().any(|k| !k.is_empty() && k.starts_with(stem)),
        None => input.keys(i).iter().any(|k| !k.is_empty() && *k == key),
    }
}

/// Tries every alternative of a words element at `pos`; returns ends.
fn words_forward(alts: &[Vec<String>], pos: usize, input: &dyn PatternInput) -> Vec<usize> {
    let mut ends = Vec::new();
    for alt in alts {
        if alt.iter().enumerate().all(|(k, key)| token_matches(input, pos + k, key)) {
            ends.push(pos + alt.len());
        }
    }
    ends.sort_unstable_by(|a, b| b.cmp(a));
    ends.dedup();
    ends
}

fn words_backward(alts: &[Vec<String>], end: usize, input: &dyn PatternInput) -> Vec<usize> {
    let mut starts = Vec::new();
    for alt in alts {
        if alt.len() <= end {
            let start = end - alt.len();
            if alt.iter().enumerate().all(|(k, key)| token_matches(input, start + k, key)) {
                starts.push(start);
            }
        }
    }
    starts.sort_unstable();
    starts.dedup();
    starts
}

/// Positions a gap starting at `pos` may end at, nearest first (`max`
/// skipped units).
fn gap_ends(pos: usize, input: &dyn PatternInput, max: usize) -> Vec<usize> {
    let mut seen = vec![false; input.len() + 2];
    let mut reach = vec![pos];
    seen[pos.min(input.len() + 1)] = true;
    let mut frontier = vec![pos];
    for _ in 0..max {
        if frontier.is_empty() {
            break;
        }
        let mut next = Vec::new();
        for &p in &frontier {
            if p >= input.len() || !input.skippable(p) {
                continue;
            }
            next.push(input.gap_unit_end(p).max(p + 1));
            if let Some(e) = input.actor_from(p).filter(|&e| e > p + 1) {
                next.push(e);
            }
        }
        next.retain(|&p| p <= input.len() && !std::mem::replace(&mut seen[p], true));
        next.sort_unstable();
        reach.extend(&next);
        frontier = next;
    }
    reach.sort_unstable();
    reach
}

/// Positions a gap ending at `end` may start at, nearest first.
fn gap_starts(end: usize, input: &dyn PatternInput, max: usize) -> Vec<usize> {
    let mut seen = vec![false; input.len() + 2];
    let mut reach = vec![end];
    seen[end.min(input.len() + 1)] = true;
    let mut frontier = vec![end];
    for _ in 0..max {
        if frontier.is_empty() {
            break;
        }
        let mut next = Vec::new();
        for &p in &frontier {
            if p == 0 || p > input.len() || !input.skippable(p - 1) {
                continue;
            }
            next.push(p - 1);
            if let Some(s) = input.actor_until(p).filter(|&s| s + 1 < p) {
                next.push(s);
            }
        }
        next.retain(|&p| !std::mem::replace(&mut seen[p], true));
        next.sort_unstable();
        reach.extend(&next);
        frontier = next;
    }
    reach.sort_unstable_by(|a, b| b.cmp(a));
    reach
}

fn match_anchored(p: &EventPattern, id: u32, i: usize, input: &dyn PatternInput) -> Option<PatternMatch> {
    let Elem::Words { alts, .. } = &p.elems[p.anchor] else { return None };
    let mut state = State { budget: MAX_STEPS, ..State::default() };
    for anchor_end in words_forward(alts, i, input) {
        state.trigger.clear();
        state.trigger.extend(i..anchor_end);
        state.source = None;
        state.target = None;
        let Some(end) = forward(&p.elems, p.anchor + 1, anchor_end, input, &mut state) else {
            continue;
        };
        if let Some(start) = backward(&p.elems, p.anchor, i, input, &mut state) {
            let mut trigger = std::mem::take(&mut state.trigger);
            trigger.sort_unstable();
            return Some(PatternMatch { pattern: id, start, end, trigger, source: state.source, target: state.target });
        }
    }
    None
}

/// Restores the state to a saved point after a failed branch (no cloning
/// on the hot path: most branches fail at their first word).
fn rollback(state: &mut State, saved: Saved) {
    state.trigger.truncate(saved.0);
    state.source = saved.1;
    state.target = saved.2;
}

/// A point to return to: trigger length and the two slots.
type Saved = (usize, Option<(usize, usize)>, Option<(usize, usize)>);

fn save(state: &State) -> Saved {
    (state.trigger.len(), state.source, state.target)
}

fn forward(elems: &[Elem], k: usize, pos: usize, input: &dyn PatternInput, state: &mut State) -> Option<usize> {
    let Some(elem) = elems.get(k) else { return Some(pos) };
    state.budget = state.budget.checked_sub(1)?;
    let saved = save(state);
    match elem {
        Elem::Words { alts, optional } => {
            for end in words_forward(alts, pos, input) {
                state.trigger.extend(pos..end);
                if let Some(r) = forward(elems, k + 1, end, input, state) {
                    return Some(r);
                }
                rollback(state, saved);
            }
            if *optional {
                return forward(elems, k + 1, pos, input, state);
            }
            None
        }
        Elem::Gap | Elem::LongGap => {
            // Each step skips one token or a whole actor mention, so
            // `extradite .. to` skips `a Colombian drug trafficker` and
            // `expel .. diplomat` still reaches into `two Russian diplomats`.
            let max = if matches!(elem, Elem::Gap) { MAX_GAP } else { input.len() };
            let ends = gap_ends(pos, input, max);
            state.budget = state.budget.checked_sub(ends.len())?;
            for p in ends {
                if let Some(r) = forward(elems, k + 1, p, input, state) {
                    return Some(r);
                }
                rollback(state, saved);
            }
            None
        }
        Elem::Source | Elem::Target => {
            let end = input.actor_from(pos)?;
            if matches!(elem, Elem::Source) {
                state.source = Some((pos, end));
            } else {
                state.target = Some((pos, end));
            }
            let r = forward(elems, k + 1, end, input, state);
            if r.is_none() {
                rollback(state, saved);
            }
            r
        }
    }
}

/// Matches `elems[..k]` backwards so that they end at `end`.
fn backward(elems: &[Elem], k: usize, end: usize, input: &dyn PatternInput, state: &mut State) -> Option<usize> {
    if k == 0 {
        return Some(end);
    }
    state.budget = state.budget.checked_sub(1)?;
    let saved = save(state);
    match &elems[k - 1] {
        Elem::Words { alts, optional } => {
            for start in words_backward(alts, end, input) {
                state.trigger.extend(start..end);
                if let Some(r) = backward(elems, k - 1, start, input, state) {
                    return Some(r);
                }
                rollback(state, saved);
            }
            if *optional {
                return backward(elems, k - 1, end, input, state);
            }
            None
        }
        gap @ (Elem::Gap | Elem::LongGap) => {
            let max = if matches!(gap, Elem::Gap) { MAX_GAP } else { input.len() };
            let starts = gap_starts(end, input, max);
            state.budget = state.budget.checked_sub(starts.len())?;
            for p in starts {
                if let Some(r) = backward(elems, k - 1, p, input, state) {
                    return Some(r);
                }
                rollback(state, saved);
            }
            None
        }
        slot @ (Elem::Source | Elem::Target) => {
            let start = input.actor_until(end)?;
            if matches!(slot, Elem::Source) {
                state.source = Some((start, end));
            } else {
                state.target = Some((start, end));
            }
            let r = backward(elems, k - 1, start, input, state);
            if r.is_none() {
                rollback(state, saved);
            }
            r
        }
    }
}
