//! The pattern input views of a sentence: slots, reordered words, passives.

use super::*;

pub(super) struct Input<'s, 'a> {
    pub(super) s: &'s Sentence<'a>,
    pub(super) starts: Vec<Option<usize>>,
    pub(super) ends: Vec<Option<usize>>,
    pub(super) in_mention: Vec<bool>,
    /// Inside a mention that names an actor (not only a role noun).
    pub(super) in_named: Vec<bool>,
}

impl<'s, 'a> Input<'s, 'a> {
    pub(super) fn new(s: &'s Sentence<'a>, mentions: &[Mention]) -> Input<'s, 'a> {
        let n = s.tokens.len();
        let mut starts = vec![None; n + 1];
        let mut ends = vec![None; n + 1];
        let mut in_mention = vec![false; n];
        for (k, m) in mentions.iter().enumerate() {
            if m.is_place {
                continue;
            }
            starts[m.start] = Some(k);
            ends[m.end] = Some(k);
            // A determiner is optional for a slot: `{target}` also starts at the noun.
            if m.start + 1 < m.end && s.tokens[m.start].tag == Tag::Det {
                starts[m.start + 1].get_or_insert(k);
            }
            for flag in &mut in_mention[m.start..m.end] {
                *flag = true;
            }
        }
        let mut in_named = vec![false; n];
        for m in mentions.iter().filter(|m| !m.agent_only) {
            for flag in &mut in_named[m.start..m.end] {
                *flag = true;
            }
        }
        Input { s, starts, ends, in_mention, in_named }
    }

    /// Whether token `i` is a capitalised word inside a sentence-case part
    /// of the sentence, so part of a name or title (`title_word`). Each
    /// part of a headline (`Title Case Headline | a sentence`) has its own
    /// case. Asked only of triggers, so most sentences never pay for it.
    pub(super) fn in_title(&self, i: usize) -> bool {
        let toks = &self.s.tokens;
        if i == 0 || norm_is(&toks[i], SEGMENT_BREAKS) || !title_word(toks, i) {
            return false;
        }
        let from = toks[..i].iter().rposition(|t| norm_is(t, SEGMENT_BREAKS)).map_or(0, |b| b + 1);
        let to = toks[i..].iter().position(|t| norm_is(t, SEGMENT_BREAKS)).map_or(toks.len(), |p| i + p);
        i > from && sentence_case(&toks[from..to])
    }
}

/// Marks between the parts of a headline or a sentence and its tail.
const SEGMENT_BREAKS: &[&str] = &["|", "-", "--", ":", "(", ")"];

/// Short words a title-case headline leaves in lower case.
const TITLE_LOWER: &[&str] = &[
    "with", "from", "into", "over", "than", "amid", "after", "that", "this", "about", "against", "between", "before",
    "without", "under", "during", "upon", "onto", "near", "says", "said",
];

/// Whether the words are written in sentence case: three words of four
/// letters or more in lower case, which a title-case headline (`Putin Says
/// Russia and Belarus Moving Towards Unification`) does not have.
fn sentence_case(toks: &[Token]) -> bool {
    toks.iter()
        .filter(|t| {
            t.case == Case::Lower
                && t.norm.len() >= 4
                && t.norm.bytes().all(|b| b.is_ascii_lowercase())
                && !norm_is(t, TITLE_LOWER)
        })
        .nth(2)
        .is_some()
}

/// `the Rolling Stones' Emotional Rescue`, `his new comedy, Meet the
/// Fockers`, `Finance Minister Sue Essex`, `Ask Jeeves`: in a sentence-case
/// sentence, a capitalised word after a word, comma or possessive (not
/// after a colon, quote, dash or bracket, where a sentence may begin) is
/// part of a name or a title, and a trigger word there is no act. Not
/// before a lower-case noun or verb (`lost his Federal Court fight`): a
/// no-event pattern may start there.
fn title_word(toks: &[Token], i: usize) -> bool {
    let prev = &toks[i - 1];
    if toks.get(i + 1).is_some_and(|t| matches!(t.tag, Tag::Noun | Tag::Verb(_)) && t.case == Case::Lower) {
        return false;
    }
    let mid_sentence = prev.norm == ","
        || prev.tag == Tag::Possessive
        || prev.norm.chars().next().is_some_and(|c| c.is_alphanumeric());
    toks[i].case == Case::Title && toks[i].norm != "i" && mid_sentence
}

pub(super) struct SlotView<'i, 's, 'a> {
    pub(super) input: &'i Input<'s, 'a>,
    pub(super) mentions: &'i [Mention],
    /// `CoderBuilder::wide_gaps`: gaps stop only at the end of the sentence.
    pub(super) wide_gaps: bool,
}

impl PatternInput for SlotView<'_, '_, '_> {
    fn len(&self) -> usize {
        self.input.s.tokens.len()
    }
    fn keys(&self, i: usize) -> [&str; 3] {
        **self.input.s.keys(i)
    }
    fn ids(&self, i: usize) -> Option<[u32; 3]> {
        dyad_dict::TokenKeys::ids(self.input.s.keys(i))
    }
    fn key_rows(&self) -> Option<&[dyad_dict::KeyRow<'_>]> {
        Some(self.input.s.key_rows())
    }
    fn is_verb(&self, i: usize) -> bool {
        self.input.s.tokens[i].tag.is_verb()
    }
    fn actor_from(&self, i: usize) -> Option<usize> {
        self.input.starts.get(i).copied().flatten().map(|k| self.mentions[k].end)
    }
    fn actor_until(&self, end: usize) -> Option<usize> {
        self.input.ends.get(end).copied().flatten().map(|k| self.mentions[k].start)
    }
    fn gap_unit_end(&self, i: usize) -> usize {
        // An amount (`$1.4 billion`, `50,000`) is one step of a gap.
        let toks = &self.input.s.tokens;
        let amount = |t: &Token| {
            t.tag == Tag::Num || norm_is(t, &["$", "million", "billion", "trillion", "%", "percent", "bn", "m"])
        };
        let mut j = i;
        while j < toks.len() && amount(&toks[j]) {
            j += 1;
        }
        j.max(i + 1)
    }
    fn skippable(&self, i: usize) -> bool {
        let t = &self.input.s.tokens[i];
        if self.wide_gaps {
            return !norm_is(t, &[";", ".", "!", "?"]);
        }
        // Mentions may be skipped: `expelled .. diplomats` over `two Russian`.
        !is_stop_punct(t) && !is_clause_mark(t) && !matches!(t.tag, Tag::Conj)
    }
}

/// A [`SlotView`] read in another token order (`order[v]` is the sentence
/// token at virtual position `v`); an actor or a gap unit is kept only
/// where its tokens stay in a row.
pub(super) struct Reordered<'v, 'i, 's, 'a> {
    pub(super) base: &'v SlotView<'i, 's, 'a>,
    pub(super) order: Vec<usize>,
}

impl Reordered<'_, '_, '_, '_> {
    /// The virtual end of a run of `len` sentence tokens starting at virtual `v`, if in a row.
    fn run_end(&self, v: usize, len: usize) -> Option<usize> {
        let last = (v + len).checked_sub(1)?;
        (len > 0 && self.order.get(last).is_some_and(|&r| r + 1 == self.order[v] + len)).then_some(v + len)
    }
}

impl PatternInput for Reordered<'_, '_, '_, '_> {
    fn len(&self) -> usize {
        self.order.len()
    }
    fn keys(&self, v: usize) -> [&str; 3] {
        self.base.keys(self.order[v])
    }
    fn ids(&self, v: usize) -> Option<[u32; 3]> {
        self.base.ids(self.order[v])
    }
    fn is_verb(&self, v: usize) -> bool {
        self.base.is_verb(self.order[v])
    }
    fn actor_from(&self, v: usize) -> Option<usize> {
        let r = self.order[v];
        self.run_end(v, self.base.actor_from(r)? - r)
    }
    fn actor_until(&self, end: usize) -> Option<usize> {
        let r = self.order.get(end.checked_sub(1)?)? + 1;
        let len = r - self.base.actor_until(r)?;
        let v = end.checked_sub(len)?;
        (self.run_end(v, len) == Some(end)).then_some(v)
    }
    fn skippable(&self, v: usize) -> bool {
        self.base.skippable(self.order[v])
    }
    fn gap_unit_end(&self, v: usize) -> usize {
        let r = self.order[v];
        self.run_end(v, self.base.gap_unit_end(r) - r).unwrap_or(v + 1)
    }
}

/// `Two prisoners were released by Freedonia`: a passive participle with
/// a `by` agent whose subject is people (a role noun or a person, not a
/// country or a thing) is matched as the active clause it reports, with
/// the subject moved after the verb, so that the verb's `{target}`
/// patterns (`release {target}`) apply with the subject as their target.
/// Only for a participle no pattern matched as written; and the subject
/// must fill the pattern's `{target}`: `figures released by the ministry`
/// names no actor there and codes nothing (a `release by {source}`
/// pattern coded such phrases, 11 of 12 wrong on the news corpora).
pub(super) fn passive_matches(
    dicts: &Dictionaries,
    view: &SlotView<'_, '_, '_>,
    found: &[Mention],
    matches: &[PatternMatch],
) -> Vec<PatternMatch> {
    let toks = &view.input.s.tokens;
    let mut out = Vec::new();
    for i in 1..toks.len().saturating_sub(2) {
        let participle = matches!(toks[i].tag, Tag::Verb(VerbForm::PastParticiple | VerbForm::Past));
        if !participle || toks[i + 1].norm != "by" || view.input.in_mention[i] {
            continue;
        }
        let vg_start = verb_group_start(toks, i);
        if !toks[vg_start..i].iter().any(is_be) || matches.iter().any(|m| m.trigger.contains(&i)) {
            continue;
        }
        let agent = view.input.starts[i + 2].or(view.input.starts.get(i + 3).copied().flatten());
        let subject = view.input.ends[vg_start].or_else(|| parenthesised_subject(toks, view.input, vg_start));
        let Some(k) = subject.filter(|_| agent.is_some_and(|a| !found[a].is_place)) else {
            continue;
        };
        let subject = &found[k];
        let people = !subject.is_place && subject.members.iter().all(|m| m.sector.is_some());
        if !people {
            continue;
        }
        let len = subject.end - subject.start;
        let order: Vec<usize> = std::iter::once(i).chain(subject.start..subject.end).chain(i + 1..toks.len()).collect();
        let moved = Reordered { base: view, order };
        let real = |v: usize| moved.order[v];
        for m in dicts.find_patterns(&moved) {
            let fills_target = m.target == Some((1, 1 + len)) && m.source.is_none();
            if !fills_target || m.trigger.first() != Some(&0) || m.trigger.iter().any(|&t| (1..=len).contains(&t)) {
                continue;
            }
            let trigger: Vec<usize> = m.trigger.iter().map(|&t| real(t)).collect();
            let end = trigger.iter().max().map_or(i + 1, |&t| t + 1);
            out.push(PatternMatch {
                pattern: m.pattern,
                start: i,
                end,
                trigger,
                source: None,
                target: Some((subject.start, subject.end)),
            });
        }
    }
    out
}

/// `The hostages, who were seized in October, were freed by X`, `The
/// journalist, detained in May, was released by X`: the subject of the
/// verb group at `vg_start` before a relative or participle clause set off
/// by commas. (Without it the passive found no subject and coded nothing.)
pub(super) fn parenthesised_subject(toks: &[Token], input: &Input<'_, '_>, vg_start: usize) -> Option<usize> {
    let close = vg_start.checked_sub(1).filter(|&c| toks[c].norm == ",")?;
    let open = toks[..close].iter().rposition(|u| norm_is(u, &[",", ";", ":"]))?;
    let first = &toks[open + 1];
    let clause = norm_is(first, &["who", "which", "whom", "whose"])
        || matches!(first.tag, Tag::Verb(VerbForm::PastParticiple | VerbForm::Past)) && first.case == Case::Lower;
    (toks[open].norm == "," && close - open <= 30 && clause).then(|| input.ends[open]).flatten()
}
