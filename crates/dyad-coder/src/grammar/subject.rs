//! Finding the source: the subject to the left, pronouns, fronted and reduced clauses.

use super::*;

/// Whether the clause whose verb group starts at `vg_start` opens with a
/// negative quantifier as its subject (`none of the villages was`, `nobody
/// has`, `no country has`, `neither side`): then no one did the act.
/// (`No 10 said`, Downing Street, is a name: a number after `no` is none.)
pub(super) fn negative_subject(toks: &[Token], vg_start: usize) -> bool {
    let Some(c) = subject_start(toks, vg_start) else { return false };
    let next_is_word = toks.get(c + 1).is_some_and(|n| !matches!(n.tag, Tag::Num | Tag::Punct));
    match toks[c].norm.as_str() {
        "none" | "nobody" | "nothing" => true,
        // `neither side`; `neither X nor Y` names who did not act (see [`neither_nor_subject`]).
        "neither" => !toks[c..vg_start].iter().any(|t| t.norm == "nor"),
        "no" => next_is_word && c + 1 < vg_start,
        _ => false,
    }
}

/// The first token of the clause before the verb group at `vg_start`
/// (at most 12 back), when there is one.
pub(super) fn subject_start(toks: &[Token], vg_start: usize) -> Option<usize> {
    let mut c = vg_start;
    while c > 0 && vg_start - c < 12 {
        let t = &toks[c - 1];
        if ends_clause(t) || is_aux(t) || norm_is(t, &["and", "but", "or"]) {
            break;
        }
        c -= 1;
    }
    (c < vg_start).then_some(c)
}

/// `Neither Russia nor China attended`: each named actor did not act, as
/// in `Russia did not attend` (a refusal when the act is cooperative).
pub(super) fn neither_nor_subject(toks: &[Token], vg_start: usize) -> bool {
    subject_start(toks, vg_start)
        .is_some_and(|c| toks[c].norm == "neither" && toks[c..vg_start].iter().any(|t| t.norm == "nor"))
}

/// Hypothetical triggers: under a modal, or inside an `if`/`unless` clause.
/// `will`/`would` (and `ready to`, `plans to` without a trigger of their
/// own) before a trigger: a stated intention, not a realised act.
/// So is a scheduled act, `is to` right before the trigger (`Iran is to
/// release two prisoners`); not a past `was to`, which may not have
/// happened. (`is due to` is an intention word, `mood::INTENT_WORDS`.)
pub(super) fn is_future(toks: &[Token], vg_start: usize, trigger_start: usize) -> bool {
    const BE: &[&str] = &["is", "are", "'s", "'re", "am"];
    toks[vg_start..trigger_start].iter().any(|t| norm_is(t, &["will", "would", "shall", "'ll"]))
        || matches!(&toks[..trigger_start], [.., be, to] if norm_is(be, BE) && to.norm == "to")
}

pub(super) fn is_hypothetical(toks: &[Token], vg_start: usize, trigger_start: usize) -> bool {
    let modal =
        toks[vg_start..trigger_start].iter().any(|t| norm_is(t, MODALS_IRREALIS) && !norm_is(t, &["would", "shall"]));
    if modal {
        return true;
    }
    // Inside an `if`/`unless` clause: no comma between the conjunction and the trigger.
    for t in toks[..vg_start].iter().rev() {
        if norm_is(t, &[",", ";", ":"]) {
            break;
        }
        if norm_is(t, &["if", "unless", "whether"]) {
            return true;
        }
    }
    false
}

/// For a trigger introduced by `to`, the token that governs the infinitive
/// (`refused to`, `plans to`, `urged Iran to`): the act is not realised, and
/// the governor's own pattern (if any) codes it.
pub(super) fn infinitive_governor(
    toks: &[Token],
    in_mention: &[bool],
    vg_start: usize,
    trigger_of: &dyn Fn(usize) -> Option<usize>,
) -> Option<usize> {
    if vg_start == 0 || !(toks[vg_start - 1].tag == Tag::To || toks[vg_start - 1].norm == "to") {
        return None;
    }
    // `called on X to`: the `to` belongs to the governing pattern itself.
    if trigger_of(vg_start - 1).is_some() {
        return Some(vg_start - 1);
    }
    let mut j = vg_start - 1;
    let mut steps = 0;
    while j > 0 && steps < 12 {
        j -= 1;
        steps += 1;
        let t = &toks[j];
        if is_adv(t) || is_neg(t) || in_mention[j] || norm_is(t, &["and", ","]) {
            continue; // adverbs, and an object between the verb and `to`: `urged Iran and Iraq to`
        }
        if governs_infinitive(t) && !matches!(t.tag, Tag::ProperNoun) {
            return Some(j);
        }
        if matches!(t.tag, Tag::ProperNoun | Tag::Det | Tag::Pron | Tag::Num) || t.case != dyad_text::Case::Lower {
            continue;
        }
        // `the decision by India to send troops`: the noun whose agent the
        // `by` phrase names governs the infinitive, as in `India's decision to`.
        if t.norm == "by" && j > 0 && in_mention[j + 1] && !in_mention[j - 1] && toks[j - 1].tag == Tag::Noun {
            return Some(j - 1);
        }
        return None;
    }
    None
}

pub(super) fn find_subject(
    s: &Sentence<'_>,
    input: &Input<'_, '_>,
    found: &[Mention],
    vg_start: usize,
    prev_subject: Option<usize>,
) -> Option<usize> {
    let toks = &s.tokens;
    // (`Canada has since March expelled`: the subject is before `has`.)
    // (`X was in Kyiv to meet Y`: the subject of the stay, past the place.)
    let mut j =
        located_purpose(toks, input, found, vg_start).or_else(|| perfect_adjunct(toks, vg_start)).unwrap_or(vg_start);
    let finite = is_finite_verb(&toks[vg_start]) || is_aux(&toks[vg_start]);
    while j > 0 {
        if let Some(k) = input.ends[j] {
            // `troops fighting Islamic State said`, `rebels backed by Rwanda
            // captured`: an actor inside a participle phrase describing the
            // noun before it is not the subject; that noun is.
            let phrase = (finite && !found[k].is_place).then(|| participle_phrase(toks, input, found, found[k].start));
            if let Some(p) = phrase.flatten() {
                // (`the family of a teacher killed by militants`: the head before `of`.)
                let of_head = input.ends[p]
                    .and_then(|h| found[h].start.checked_sub(1))
                    .filter(|&b| toks[b].norm == "of")
                    .and_then(|b| input.ends[b])
                    .filter(|&h| !found[h].is_place);
                if of_head.is_some() {
                    return of_head;
                }
                j = p;
                continue;
            }
            // `migrants from neighbouring Syria and Iran have poured in`: the
            // countries are where the people come from, not who acts.
            if let Some(people) = origin_of_people(toks, input, found, found[k].start) {
                return people;
            }
            // `The US commander in Iraq, ..., held talks`: the actor the
            // `in` phrase locates is the subject.
            let head = found[k]
                .start
                .checked_sub(1)
                .filter(|&b| norm_is(&toks[b], &["in"]))
                .and_then(|b| input.ends[b])
                .filter(|&h| !found[h].is_place);
            if head.is_some() {
                return head;
            }
            // (Not the actor right before a noun trigger: `on Indonesian demands`.)
            let possessor = matches!(toks[found[k].end - 1].norm.as_str(), "'s" | "'");
            let head_noun =
                toks[vg_start].tag == Tag::Noun || !is_finite_verb(&toks[vg_start]) && !is_aux(&toks[vg_start]);
            let own_modifier = (head_noun || possessor)
                && toks[found[k].end..vg_start].iter().all(|t| matches!(t.tag, Tag::Adj | Tag::Noun));
            if let Some(head) = modified_head(toks, input, found, k).filter(|_| !own_modifier) {
                return head;
            }
            if !found[k].is_place {
                return Some(k);
            }
            j = found[k].start;
            continue;
        }
        let t = &toks[j - 1];
        // (Also through a raising chain: `X denies it, but is widely
        // believed to be supporting Y`.)
        let raised_chain = j < vg_start
            && toks[j..vg_start]
                .iter()
                .enumerate()
                .all(|(o, u)| is_aux(u) || is_adv(u) || u.norm == "to" || raising_report(toks, j + o))
            && (j..vg_start).any(|o| raising_report(toks, o) && !is_aux(&toks[o]));
        if norm_is(t, &["and", "but", "or", "nor", "then"]) && (j == vg_start || raised_chain) {
            // Coordinated verbs share the subject: `attacked X and killed Y`,
            // `criticised X but praised Y`, `condemned X or praised Y` (not
            // X's act: the object of the first verb is no subject).
            return prev_subject;
        }
        if norm_is(t, &[","])
            && j == vg_start
            && prev_subject.is_some()
            && matches!(toks[vg_start].tag, Tag::Verb(VerbForm::Past | VerbForm::Present3))
        {
            // A series of verbs shares the subject: `attacked X, killed Y and seized Z`.
            return prev_subject;
        }
        if norm_is(t, &[","]) {
            // Skip a parenthetical: `X, Russia's envoy to the UN, said`; `X, which ..., said`.
            if let Some(q) = toks[..j - 1].iter().rposition(|u| norm_is(u, &[",", ";", ":"])) {
                if toks[q].norm == "," && j - 1 - q <= 30 {
                    let first = &toks[q + 1];
                    let apposition = input.ends[q].is_some();
                    if norm_is(first, &["which", "who", "whom", "whose", "that"]) || apposition {
                        j = q;
                        continue;
                    }
                }
            }
            if j == vg_start || input.ends[j - 1].is_some() {
                j -= 1;
                continue;
            }
            return None;
        }
        if norm_is(t, &["which", "who", "that"]) && j == vg_start {
            // Relative clause: the antecedent right before the pronoun.
            let before = if j >= 2 && toks[j - 2].norm == "," { j - 2 } else { j - 1 };
            return input.ends[before].filter(|&k| !found[k].is_place);
        }
        if norm_is(t, &[";", ":", "\""]) || is_clause_mark(t) || (is_finite_verb(t) && j < vg_start) {
            return None;
        }
        if matches!(t.tag, Tag::Pron) {
            return None;
        }
        // An auxiliary with words other than verbs between it and the verb
        // group belongs to another clause (`Russia has said the attacks
        // would ...`, `said an error was made but now X had apologised`); in
        // one chain it does not (`X was seen to break into`, `X is to meet`).
        let chain = |u: &Token| {
            matches!(u.tag, Tag::Verb(_) | Tag::To | Tag::Adj)
                || is_aux(u)
                || is_adv(u)
                || is_neg(u)
                || norm_is(u, &["about", "to"])
        };
        // (`is likely to`, `is sure to`: a forecast is no part of a realised act.)
        let forecast = toks[j..vg_start]
            .windows(2)
            .any(|w| norm_is(&w[0], &["likely", "unlikely", "sure", "certain", "bound", "due"]) && w[1].norm == "to");
        if matches!(t.tag, Tag::Aux(_) | Tag::Modal)
            && j < vg_start
            && (forecast || !verb_chain(&toks[j..vg_start], toks[vg_start].tag == Tag::Noun, chain))
        {
            return None;
        }
        j -= 1;
    }
    None
}

/// `X was in Kyiv on Monday to meet Y`, `X is at the White House to
/// discuss Y`: `be` with a place (`in` or `at` a name, then only time words)
/// before the `to` of the verb group at `vg_start`; the infinitive gives the
/// purpose of the stay, and the subject of `be` is its subject. The index of `be`.
fn located_purpose(toks: &[Token], input: &Input<'_, '_>, found: &[Mention], vg_start: usize) -> Option<usize> {
    if vg_start < 4 || toks[vg_start - 1].norm != "to" {
        return None;
    }
    // (A place need not be an actor: `Washington` here is where he is.)
    let named = |p: usize| {
        toks.get(p).is_some_and(|u| u.tag == Tag::ProperNoun || u.case != Case::Lower)
            || input.starts.get(p).copied().flatten().is_some_and(|k| found[k].is_place)
    };
    let time = |u: &Token| {
        matches!(u.tag, Tag::Num | Tag::Det | Tag::ProperNoun)
            || u.case != Case::Lower
            || norm_is(u, &["on", "in", "at", "this", "last", "next", "early", "late", "week", "weekend", "month"])
            || norm_is(u, &["morning", "afternoon", "evening", "night", "day", "today", "yesterday", "tomorrow"])
    };
    let mut b = vg_start - 1;
    while b > 0 && vg_start - b < 14 {
        b -= 1;
        if is_be(&toks[b]) {
            let place = norm_is(&toks[b + 1], &["in", "at"])
                && (named(b + 2) || toks[b + 2].norm == "the" && named(b + 3))
                && toks[b + 1..vg_start - 1].iter().all(time);
            return place.then_some(b);
        }
        if !time(&toks[b]) {
            return None;
        }
    }
    None
}

/// `has since March expelled`, `have, for the second time this year,
/// deported`: a perfect `have` and its participle with one time or manner
/// phrase between them (opening with a preposition, `this` or `last`) are
/// one verb group; the index of `have`. (Not a modal's: `will in May send`
/// is no realised act.)
pub(super) fn perfect_adjunct(toks: &[Token], vg_start: usize) -> Option<usize> {
    let verb = toks.get(vg_start)?;
    if !matches!(verb.tag, Tag::Verb(VerbForm::Past | VerbForm::PastParticiple)) || verb.case != Case::Lower {
        return None;
    }
    let opening = |t: &Token| {
        matches!(t.tag, Tag::Prep | Tag::Sconj)
            && norm_is(t, &["since", "for", "in", "on", "over", "during", "throughout", "at", "within", "after"])
            || norm_is(t, &["this", "last"])
    };
    let np_word = |t: &Token| matches!(t.tag, Tag::Det | Tag::Adj | Tag::Noun | Tag::ProperNoun | Tag::Num);
    let e = vg_start.checked_sub(1)?;
    let a = if toks[e].norm == "," {
        // Between commas, a phrase of up to eight words; the tagger's slips
        // there are harmless (`for the second time/VB this year`).
        let c = toks[e.saturating_sub(9)..e].iter().rposition(|t| t.norm == ",")? + e.saturating_sub(9);
        let inner = &toks[c + 1..e];
        let plain = |t: &Token| np_word(t) || t.case == Case::Lower && t.tag == Tag::Verb(VerbForm::Base);
        if inner.len() < 2 || !opening(&inner[0]) || !inner[1..].iter().all(plain) {
            return None;
        }
        c.checked_sub(1)?
    } else {
        let mut b = e;
        while b > 0 && np_word(&toks[b]) && !opening(&toks[b]) && e - b < 6 {
            b -= 1;
        }
        if b == e || !opening(&toks[b]) {
            return None;
        }
        b.checked_sub(1)?
    };
    (is_aux(&toks[a]) && norm_is(&toks[a], &["has", "have", "had"])).then_some(a)
}

/// The start of the actor in a `from` phrase at `from` (`from
/// neighbouring Syria`), past lower-case modifiers.
pub(super) fn origin_start(toks: &[Token], from: usize) -> Option<usize> {
    let mut b = from + 1;
    if toks.get(from)?.norm != "from" {
        return None;
    }
    while toks.get(b).is_some_and(|t| {
        t.case == Case::Lower && (matches!(t.tag, Tag::Adj | Tag::Verb(VerbForm::Gerund)) || is_direction(t))
    }) {
        b += 1;
    }
    Some(b)
}

/// For the actor starting at `start`, the origin in `N from X`: the
/// people who come from it are the subject (`migrants from neighbouring
/// Syria have poured in`), not the country. `Some(None)` when they are no
/// actor (`tourists from ...`); `None` when it is no such phrase.
/// (`diplomats from France` are France's: mentions.rs joins role nouns to
/// their `from` phrase, or the role takes its countries in `code_sentence`.)
pub(super) fn origin_of_people(
    toks: &[Token],
    input: &Input<'_, '_>,
    found: &[Mention],
    start: usize,
) -> Option<Option<usize>> {
    const PEOPLE: &[&str] = &[
        "migrant",
        "immigrant",
        "emigrant",
        "refugee",
        "asylum-seeker",
        "seeker",
        "worker",
        "labourer",
        "laborer",
        "tourist",
        "student",
        "pilgrim",
        "visitor",
        "traveller",
        "traveler",
        "passenger",
        "family",
        "people",
        "civilian",
        "child",
        "resident",
        "exile",
        "expatriate",
        "evacuee",
        "deportee",
        "returnee",
    ];
    let from = (0..start).rev().find(|&b| origin_start(toks, b) == Some(start))?;
    if let Some(h) = input.ends[from] {
        return found[h].agent_only.then_some(Some(h));
    }
    let noun = &toks[from.checked_sub(1)?];
    (noun.tag == Tag::Noun && PEOPLE.contains(&noun.lemma.as_str())).then_some(None)
}

/// Verbs that take an object before a `to` infinitive (`urged Iran to`);
/// right before `to` they are passive. (Not `ask`: `Ukraine asked to join`
/// is Ukraine asking.)
pub(super) fn object_control(t: &Token) -> bool {
    const VERBS: &[&str] =
        &["urge", "press", "tell", "order", "advise", "invite", "encourage", "pressure", "force", "compel", "instruct"];
    VERBS.contains(&t.lemma.as_str())
}

/// Verbs of saying and thinking: a participle of theirs after an object
/// is a clause of its own (`object_modifier`), and they are the first of
/// the verbs that take a clause with no `that` ([`takes_clause`]).
pub(super) const REPORTING_VERBS: &[&str] =
    &["say", "claim", "report", "tell", "announce", "state", "believe", "think", "allege", "insist"];

/// Verbs whose clause complement may follow with no `that` (`said Russia
/// attacked`, `feared the army would`): a participle of theirs is a verb of
/// its own clause, not a modifier.
pub(super) fn takes_clause(t: &Token) -> bool {
    const MORE: &[&str] = &[
        "warn",
        "fear",
        "hope",
        "expect",
        "know",
        "add",
        "note",
        "argue",
        "suggest",
        "confirm",
        "admit",
        "acknowledge",
        "deny",
        "estimate",
        "suspect",
        "show",
        "reveal",
        "indicate",
        "feel",
        "find",
        "learn",
        "agree",
        "decide",
        "declare",
        "stress",
        "understand",
        "mean",
        "predict",
        "assume",
    ];
    let lemma = t.lemma.as_str();
    REPORTING_VERBS.contains(&lemma) || MORE.contains(&lemma)
}

/// For a mention starting at `start`, the participle opening the phrase
/// after a noun that the mention sits in: `forces fighting [Islamic
/// State]`, `rebels backed by [Rwandan troops]`, `prisoners held in
/// [Israeli] jails`. Such a phrase describes the noun before the
/// participle. A `-ed` form counts only with a preposition right after it
/// (`captured in`, `backed by`): with an object it may be a verb of its own.
/// (Not a product whose maker acts through it: `an attack claimed by X
/// killed`, `a statement issued by X demanded`.)
pub(super) fn participle_phrase(
    toks: &[Token],
    input: &Input<'_, '_>,
    found: &[Mention],
    start: usize,
) -> Option<usize> {
    let mut j = start;
    let mut steps = 0;
    while j > 1 && steps < 8 {
        steps += 1;
        if let Some(h) = input.ends[j].filter(|&h| found[h].start < j) {
            j = found[h].start;
            continue;
        }
        let t = &toks[j - 1];
        let p = j - 1;
        // `the ruling party`, `a towing company`: a gerund before a bare
        // singular noun is part of its name (not before a determiner:
        // `rebels fighting the government`).
        let compound = p + 1 == start
            && toks[start].tag == Tag::Noun
            && toks[start].case == Case::Lower
            && toks[start].norm == toks[start].lemma;
        let gerund = t.tag == Tag::Verb(VerbForm::Gerund) && t.norm.ends_with("ing") && !compound;
        let by = toks.get(p + 1).is_some_and(|n| n.norm == "by");
        let past = matches!(t.tag, Tag::Verb(VerbForm::Past | VerbForm::PastParticiple))
            && toks.get(p + 1).is_some_and(|n| n.tag == Tag::Prep || n.norm == "by");
        if gerund || past {
            let before = &toks[p - 1];
            let after_noun = input.ends[p].is_some() || matches!(before.tag, Tag::Noun | Tag::ProperNoun);
            let authored = by
                && input.ends[p].is_none()
                && matches!(
                    t.lemma.as_str(),
                    "claim" | "issue" | "release" | "publish" | "carry" | "launch" | "conduct" | "write" | "stage"
                );
            return (after_noun && !authored && !is_aux(before) && !takes_clause(t)).then_some(p);
        }
        let infinitive = t.tag == Tag::Verb(VerbForm::Base) && p > 0 && toks[p - 1].tag == Tag::To;
        let np_word = matches!(
            t.tag,
            Tag::Det | Tag::Adj | Tag::Num | Tag::Noun | Tag::ProperNoun | Tag::Possessive | Tag::Prep | Tag::To
        ) || t.norm == "and" && j != start;
        // (`until the US brokered`, `since volunteers joined`: a clause of its own.)
        let opens_clause = norm_is(t, &["until", "till", "since", "than", "once"]);
        if !(np_word || infinitive) || is_stop_punct(t) || is_clause_mark(t) || opens_clause {
            return None;
        }
        j -= 1;
    }
    None
}

/// Whether `words` (between an auxiliary and a verb group) continue one verb
/// chain: verbs, `to`, adverbs, and a prepositional phrase after an
/// infinitive (`was known to break in an anti-government parade`). A noun
/// phrase right after a verb starts another clause (`has said the attacks
/// would ...`); a phrase after a finite or passive verb is no part of the
/// subject's act (`were wounded in a shooting`, `is under attack`).
/// The lower-case word right after `to` is its infinitive, whatever the
/// tagger made of it (`was known to breakdown in ...`). Both only before a
/// noun trigger (`noun`): a verb has its own subject right before it
/// (`more difficult to syndicate than bankers feared`).
pub(super) fn verb_chain(words: &[Token], noun: bool, chain: impl Fn(&Token) -> bool) -> bool {
    let mut in_pp = false;
    let mut after_to = false;
    let mut after_infinitive = false;
    words.iter().enumerate().all(|(i, u)| {
        let np_word = matches!(u.tag, Tag::Det | Tag::Adj | Tag::Noun | Tag::ProperNoun | Tag::Num) || u.norm == "-";
        // (A bare verb or singular noun with a prepositional phrase after
        // it: `to groups holding ...` names a noun phrase, not an infinitive.)
        let infinitive = noun
            && after_to
            && u.case == Case::Lower
            && (u.tag == Tag::Verb(VerbForm::Base) || u.tag == Tag::Noun && u.norm == u.lemma)
            && words.get(i + 1).is_some_and(|n| n.tag == Tag::Prep);
        after_to = u.norm == "to";
        if in_pp && np_word {
            return true;
        }
        in_pp = after_infinitive && u.tag == Tag::Prep && u.norm != "to";
        after_infinitive = infinitive;
        in_pp || infinitive || chain(u)
    })
}

/// For a mention inside a modifier after a noun (`the Israeli strike on
/// Sanaa`, `forces loyal to the government`, `rebels backed by Rwanda`),
/// the mention of that noun's phrase, if any: the modifier's actor is not
/// the subject.
pub(super) fn modified_head(
    toks: &[Token],
    input: &Input<'_, '_>,
    found: &[Mention],
    k: usize,
) -> Option<Option<usize>> {
    let mut b = found[k].start.checked_sub(1)?;
    if !norm_is(&toks[b], &["on", "against"]) && !in_modifier_phrase(toks, found[k].start) {
        return None;
    }
    if !norm_is(&toks[b], &["on", "against"]) {
        b -= 1;
    }
    let mut j = b;
    while j > 0 && b - j < 5 {
        if let Some(h) = input.ends[j] {
            return Some((!found[h].is_place).then_some(h));
        }
        if !matches!(toks[j - 1].tag, Tag::Noun | Tag::Adj | Tag::Det | Tag::Num) {
            break;
        }
        j -= 1;
    }
    Some(input.ends[j].filter(|&h| !found[h].is_place))
}

/// A mention starting at `start` inside `loyal to`, `linked with`...: it
/// describes the noun before it (`forces loyal to Assad`).
pub(super) fn in_modifier_phrase(toks: &[Token], start: usize) -> bool {
    start >= 2
        && norm_is(&toks[start - 1], &["to", "with"])
        && norm_is(&toks[start - 2], &["loyal", "allied", "linked", "close", "aligned", "affiliated"])
}

/// The actor named right before a noun trigger, past its adjectives and
/// noun modifiers (`a Taiwanese boycott`, `Philippine request`).
pub(super) fn premodifier(
    toks: &[Token],
    input: &Input<'_, '_>,
    found: &[Mention],
    trigger_start: usize,
) -> Option<usize> {
    let mut j = trigger_start;
    while input.ends[j].is_none() && j > 0 && trigger_start - j < 3 && matches!(toks[j - 1].tag, Tag::Adj | Tag::Noun) {
        j -= 1;
    }
    input.ends[j].filter(|&k| !found[k].is_place)
}

/// `After meeting Putin in Moscow, Witkoff flew ...`, `Following talks
/// with Trump, Starmer announced ...`: a short fronted adverbial shares the
/// subject of the main clause after its comma.
pub(super) fn fronted_subject(
    toks: &[Token],
    input: &Input<'_, '_>,
    found: &[Mention],
    trigger_start: usize,
) -> Option<usize> {
    let opener = norm_is(&toks[0], &["after", "before", "following", "while", "during", "upon", "since"]);
    if !opener || trigger_start == 0 || trigger_start > 3 || toks[1..trigger_start].iter().any(is_stop_punct) {
        return None;
    }
    let comma = trigger_start + toks[trigger_start..].iter().take(16).position(|t| t.norm == ",")?;
    let mut j = comma + 1;
    while toks.get(j).is_some_and(|t| t.tag == Tag::Det) {
        j += 1;
    }
    let k = input.starts.get(j).copied().flatten().filter(|&k| !found[k].is_place)?;
    toks.get(found[k].end).is_some_and(|t| is_finite_verb(t) || is_aux(t) || is_adv(t)).then_some(k)
}

/// For a noun trigger, the verb whose object it is, past determiners and
/// modifiers.
pub(super) fn verb_before_noun(toks: &[Token], trigger_start: usize) -> Option<usize> {
    if toks[trigger_start].tag != Tag::Noun {
        return None;
    }
    let mut j = trigger_start;
    while j > 0 && matches!(toks[j - 1].tag, Tag::Det | Tag::Adj | Tag::Num | Tag::Noun) && trigger_start - j < 4 {
        j -= 1;
    }
    let v = j.checked_sub(1)?;
    matches!(toks[v].tag, Tag::Verb(_)).then_some(v)
}

/// For a noun trigger (`patrols`), the light verb whose object it is
/// (`conducted joint patrols`). Verbs of repeating a speech act count too:
/// in `renewed its call on X to withdraw` the call is the subject's own.
pub(super) fn light_verb(toks: &[Token], trigger_start: usize) -> Option<usize> {
    verb_before_noun(toks, trigger_start).filter(|&v| {
        matches!(
            toks[v].lemma.as_str(),
            "conduct"
                | "carry"
                | "launch"
                | "stage"
                | "mount"
                | "wage"
                | "begin"
                | "start"
                | "resume"
                | "intensify"
                | "renew"
                | "repeat"
                | "reiterate"
                | "reaffirm"
        )
    })
}

/// A noun trigger caused by the verb before it (`sparked protests`,
/// `prompted a walkout`): the verb's subject is not the act's.
pub(super) fn causative_verb(toks: &[Token], trigger_start: usize) -> bool {
    verb_before_noun(toks, trigger_start).is_some_and(|v| {
        matches!(toks[v].lemma.as_str(), "spark" | "trigger" | "prompt" | "provoke" | "fuel" | "cause" | "ignite")
    })
}

/// After a noun trigger ending at `after`: `of X by Y` (target X, source
/// Y) or `by Y` with an optional `to`/`on`/`against` X.
pub(super) fn nominal_by(
    toks: &[Token],
    input: &Input<'_, '_>,
    found: &[Mention],
    trigger_start: usize,
    after: usize,
) -> Option<(usize, Option<usize>)> {
    if toks[trigger_start].tag != Tag::Noun || after == 0 || toks[after - 1].tag != Tag::Noun {
        return None;
    }
    // Past numbers and adjectives: `of two Turkish journalists`.
    let mention_at = |mut j: usize| {
        while toks.get(j).is_some_and(|t| matches!(t.tag, Tag::Num | Tag::Adj) && input.starts[j].is_none()) {
            j += 1;
        }
        input.starts.get(j).copied().flatten().filter(|&k| !found[k].is_place)
    };
    let mut j = after;
    let mut target = None;
    if toks.get(j).is_some_and(|t| t.norm == "of") {
        let k = mention_at(j + 1)?;
        target = Some(k);
        j = found[k].end;
    }
    if toks.get(j).is_none_or(|t| t.norm != "by") {
        return None;
    }
    let source = mention_at(j + 1)?;
    let e = found[source].end;
    if target.is_none() && toks.get(e).is_some_and(|t| norm_is(t, &["to", "on", "against"])) {
        target = mention_at(e + 1);
    }
    Some((source, target))
}

/// For a gerund adjunct opening at `vg_start` (`, killing ...`, `by
/// imposing ...`), the subject of the finite verb of the clause it hangs
/// on: `Some(None)` when that clause is passive or has no subject, `None`
/// when no such verb is found. The names between that verb and the gerund
/// are its objects, not the gerund's subject.
pub(super) fn clause_verb_subject(
    s: &Sentence<'_>,
    input: &Input<'_, '_>,
    found: &[Mention],
    vg_start: usize,
) -> Option<Option<usize>> {
    clause_verb(s, input, vg_start)
        .map(|(vg, _, passive)| (!passive).then(|| find_subject(s, input, found, vg, None)).flatten())
}

/// For a finite verb at `vg_start` right after `and`/`but`/`or`, the
/// subject of the verb it is coordinated with, when that verb is no coded
/// trigger: `Belarus shut down the party and jailed its leaders`. (Not
/// after a passive first verb: its subject is acted upon.)
pub(super) fn first_conjunct_subject(
    s: &Sentence<'_>,
    input: &Input<'_, '_>,
    found: &[Mention],
    vg_start: usize,
) -> Option<usize> {
    let toks = &s.tokens;
    let before = toks.get(vg_start.checked_sub(1)?)?;
    if !norm_is(before, &["and", "but", "or"]) {
        return None;
    }
    let (vg, v, passive) = clause_verb(s, input, vg_start)?;
    // A finite verb follows a finite one, a bare verb one under a modal
    // (`may close X and expel Y`, whose mood it shares).
    let modal = toks[vg..=v].iter().any(|t| t.tag == Tag::Modal);
    let agrees = match toks[vg_start].tag {
        Tag::Verb(VerbForm::Past | VerbForm::Present3) => !modal,
        Tag::Verb(VerbForm::Base) => modal,
        _ => false,
    };
    if passive || !agrees {
        return None;
    }
    let k = find_subject(s, input, found, vg, None)?;
    // `X said Y was key and dismissed Z`: the first verb is in a reported
    // clause; the second goes with the reporting verb.
    let mut b = found[k].start;
    if b > 0 && toks[b - 1].norm == "that" {
        b -= 1;
    }
    match b.checked_sub(1).filter(|&r| takes_clause(&toks[r]) && !input.in_mention[r]) {
        Some(r) => find_subject(s, input, found, verb_group_start(toks, r), None),
        None => Some(k),
    }
}

/// The finite verb a gerund adjunct at `vg_start` hangs on, within its
/// clause: (its verb group's start, the verb, whether it is passive).
pub(super) fn clause_verb(s: &Sentence<'_>, input: &Input<'_, '_>, vg_start: usize) -> Option<(usize, usize, bool)> {
    let toks = &s.tokens;
    let mut j = vg_start.checked_sub(1)?;
    while j > 0 {
        j -= 1;
        let t = &toks[j];
        if input.in_mention[j] {
            continue;
        }
        if norm_is(t, &[";", ":", "\"", "(", ")"]) || is_clause_mark(t) {
            return None;
        }
        if is_finite_verb(t) || is_aux(t) {
            let vg = verb_group_start(toks, j);
            let passive = toks[vg..=j].iter().any(is_be)
                && toks.get(j + 1).is_some_and(|n| n.tag == Tag::Verb(VerbForm::PastParticiple));
            return Some((vg, j, passive));
        }
    }
    None
}

/// A pronoun subject after a preposition and `which` (`a letter in which
/// it accused`, `a speech during which he urged`).
pub(super) fn which_pronoun(toks: &[Token], vg_start: usize) -> bool {
    vg_start >= 3
        && norm_is(&toks[vg_start - 1], &["he", "she", "it", "they", "we"])
        && norm_is(&toks[vg_start - 2], &["which", "whom"])
        && toks[vg_start - 3].tag == Tag::Prep
}

/// What a source can be referred back to as.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Referent {
    /// One person (`he`, `she`): a named person, an office-holder, a singular role noun.
    Person,
    /// Several (`they`): a plural role noun or a compound.
    Group,
    /// A country or organisation (`it`, sometimes `they`).
    Body,
}

/// Singular role nouns that name a body, not a person.
pub(super) const BODY_NOUNS: &[&str] = &[
    "government",
    "govt",
    "administration",
    "authority",
    "ministry",
    "department",
    "army",
    "military",
    "navy",
    "police",
    "force",
    "court",
    "parliament",
    "party",
    "council",
    "cabinet",
    "regime",
    "junta",
    "legislature",
    "congress",
    "senate",
    "agency",
    "office",
    "embassy",
    "coalition",
    "alliance",
    "opposition",
    "group",
    "movement",
    "militia",
    "network",
    "company",
    "firm",
    "bank",
    "media",
    "press",
    "union",
    "committee",
    "service",
    "commission",
    "board",
    "assembly",
    "guard",
    "team",
    "organisation",
    "organization",
    "state",
    "leadership",
    "establishment",
    "command",
    "staff",
    "public",
    "community",
    "crowd",
    "mob",
];

/// Plurals whose lemma does not show them (`police` are, `people` are).
pub(super) const PLURAL_NOUNS: &[&str] = &["police", "people", "personnel", "clergy", "militants", "troops", "forces"];

/// Whether a source is one person, several, or a body (a country or organisation).
pub(super) fn referent_number(s: &Sentence<'_>, m: &Mention) -> Referent {
    let [member] = m.members.as_slice() else {
        return if m.members.is_empty() { Referent::Body } else { Referent::Group };
    };
    if member.kind == ActorKind::Person {
        return Referent::Person;
    }
    // A role noun (`the Turkish minister`, `Greek police`): its head word gives its number.
    if let Some(head) = s.tokens.get(m.end.saturating_sub(1)).filter(|t| t.tag == Tag::Noun) {
        return if norm_is(head, PLURAL_NOUNS) || head.norm != head.lemma && head.norm.ends_with('s') {
            Referent::Group
        } else if norm_is(head, BODY_NOUNS) {
            Referent::Body
        } else {
            Referent::Person
        };
    }
    // Another named actor: a person unless its dictionary or its code says a collective.
    let code = member.code.as_deref().unwrap_or("");
    let body = member.kind == ActorKind::Collective
        || member.country.as_deref() == Some(code)
        || ["IGO", "NGO", "MNC"].iter().any(|p| code.starts_with(p));
    if body {
        Referent::Body
    } else {
        Referent::Person
    }
}

/// The antecedent of a subject pronoun, agreeing in number: `he`/`she`
/// only a person, `they` a plural or compound source (of this or the
/// two sentences before) before a country or organisation, `it`/`we` the
/// last source (`we` only a source that acted, not a subject remembered
/// from a sentence that coded nothing: that `we` is often the writer's).
pub(super) fn pronoun_antecedent(
    pronoun: &Token,
    last: &Option<(Rc<Mention>, Referent)>,
    ctx: &DocContext,
    index: usize,
) -> Option<Mention> {
    match pronoun.norm.as_str() {
        "he" | "she" => ctx.last_person.as_deref().cloned(),
        "they" => match &ctx.last_group {
            Some((group, at)) if at + 2 >= index => Some(Mention::clone(group)),
            _ => last.as_ref().filter(|(_, r)| *r != Referent::Person).map(|(m, _)| Mention::clone(m)),
        },
        "we" if ctx.subject_only => None,
        _ => last.as_ref().map(|(m, _)| Mention::clone(m)),
    }
}

/// A personal pronoun as subject right before the verb group.
pub(super) fn pronoun_subject(s: &Sentence<'_>, vg_start: usize) -> Option<usize> {
    let j = vg_start.checked_sub(1)?;
    norm_is(&s.tokens[j], &["he", "she", "it", "they", "we"]).then_some(j)
}

/// The antecedent, in its own sentence, of a subject pronoun at `p` that
/// opens the complement of a verb or a clause after `as`, `because`...
/// (`the UN said it would`, `Poland asked for time because it feared`):
/// the subject of that verb when it agrees with the pronoun. `Some(Some(k))`
/// is that actor; `Some(None)` is a subject that names no actor (`the
/// company said it`, `the decision hurt ties as it`, `the shipowners said they`),
/// so an earlier sentence's source is not meant; `None` when the sentence
/// does not settle it.
pub(super) fn local_antecedent(
    s: &Sentence<'_>,
    input: &Input<'_, '_>,
    found: &[Mention],
    p: usize,
) -> Option<Option<usize>> {
    const CONNECTIVES: &[&str] =
        &["that", "as", "because", "since", "while", "when", "although", "though", "until", "unless", "if"];
    let toks = &s.tokens;
    let pronoun = toks[p].norm.as_str();
    // (`we` is the speaker's side, not the subject of the verb before it.)
    if !matches!(pronoun, "he" | "she" | "it" | "they") {
        return None;
    }
    let before = toks.get(p.checked_sub(1)?)?;
    let (vg, verb, passive) = if matches!(before.tag, Tag::Verb(VerbForm::Past | VerbForm::Present3 | VerbForm::Base))
        || before.tag == Tag::Verb(VerbForm::PastParticiple) && p >= 2 && is_aux(&toks[p - 2])
    {
        let vg = verb_group_start(toks, p - 1);
        (vg, p - 1, toks[vg..p - 1].iter().any(is_be))
    } else if norm_is(before, CONNECTIVES) {
        clause_verb(s, input, p)?
    } else {
        return None;
    };
    // `fighters that we captured` is a relative clause; `the motive is that he`
    // has no agent.
    let relative = before.norm == "that" && !takes_clause(&toks[verb]);
    if passive || vg == 0 || relative || is_be(&toks[verb]) {
        return None;
    }
    if let Some(k) = find_subject(s, input, found, vg, None) {
        let referent = referent_number(s, &found[k]);
        let agrees = match pronoun {
            "he" | "she" => referent == Referent::Person,
            "they" => referent != Referent::Person,
            _ => referent == Referent::Body,
        };
        return agrees.then_some(Some(k));
    }
    // A noun or organisation's name right before the verb (not after a
    // preposition, `on Tuesday said`) is the subject, and no actor. (Not a
    // person's name: it may be one the dictionaries know by another title;
    // nor `its involvement ... when it`, whose pronoun is the owner.)
    let head = &toks[vg - 1];
    let subject = subject_start(toks, vg).map_or(&toks[vg - 1..vg], |c| &toks[c..vg]);
    let possessive = subject.iter().any(|t| norm_is(t, &["its", "their", "his", "her"]) || t.norm.ends_with("'s"));
    if input.in_mention[vg - 1] || vg >= 2 && toks[vg - 2].tag == Tag::Prep || possessive {
        return None;
    }
    // (A word the lemmatiser does not know, `shipowners`, by its ending.)
    let s_ending =
        head.norm.len() > 3 && head.norm.ends_with('s') && !["ss", "us", "is"].iter().any(|e| head.norm.ends_with(e));
    let plural = norm_is(head, PLURAL_NOUNS) || s_ending;
    let unnamed = match pronoun {
        "it" => head.tag == Tag::ProperNoun || head.tag == Tag::Noun && !plural,
        "they" => head.tag == Tag::Noun && plural,
        _ => false,
    };
    unnamed.then_some(None)
}

/// The country of an armed group named without one, from the state it is
/// said to fight right after it (`rebels fighting the Malian government`,
/// `insurgents battling the Somali army`, `militants opposed to the Afghan
/// regime`): a rebellion is against its own state. Only a government or a
/// national army: troops or forces fought may be foreign (`rebels fighting
/// French troops`).
pub(super) fn fought_state_country(toks: &[Token], found: &[Mention], k: usize) -> Option<String> {
    const STATE_HEADS: &[&str] =
        &["government", "govt", "regime", "junta", "army", "authorities", "state", "president", "administration"];
    let m = &found[k];
    let armed =
        m.members.iter().all(|a| a.sector.as_deref().is_some_and(|s| crate::resolve::NON_STATE_ARMED.contains(&s)));
    if !open_agent(m) || !armed {
        return None;
    }
    let e = m.end;
    let opposed = toks.get(e).is_some_and(|t| t.norm == "opposed") && toks.get(e + 1).is_some_and(|t| t.norm == "to");
    let fighting = toks.get(e).is_some_and(|t| norm_is(t, &["fighting", "battling", "against"]));
    let start = if opposed {
        e + 2
    } else if fighting {
        e + 1
    } else {
        return None;
    };
    let state = found.iter().find(|o| o.start == start && o.members.len() == 1)?;
    let head = toks.get(state.end.checked_sub(1)?)?;
    norm_is(head, STATE_HEADS).then(|| state.members[0].country.clone()).flatten()
}
