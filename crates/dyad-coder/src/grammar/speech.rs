//! Reported speech about another actor: `A said (that) B ...`, or `B ...,
//! A said`, whose clause codes no event of its own, is A 010 B
//! (tests/gold/README.md, Reported speech). A clause that codes an event
//! gives that event only, and a statement about nobody stays uncoded.

use super::*;

/// Gives a bare statement (010, no target, not negated, a verb trigger) the actor its reported clause is about: the clause's subject,
/// when it is another actor than the speaker and nothing in the clause is
/// coded. Pushes one event per member of that subject.
pub(super) fn aim_statements(
    s: &Sentence<'_>,
    input: &Input<'_, '_>,
    found: &[Mention],
    dates: &[DateMention],
    text: &str,
    events: &mut Vec<Event>,
) {
    let toks = &s.tokens;
    let mut added: Vec<Event> = Vec::new();
    for ei in 0..events.len() {
        let e = &events[ei];
        if e.cameo.as_str() != "010" || e.target.is_some() || e.negated {
            continue;
        }
        // The trigger's first word, a verb, and its last (`told reporters`).
        let trigger = e.evidence.trigger_span;
        let Some(t) = toks.iter().position(|tk| tk.span.start == trigger.start) else { continue };
        let Some(t_end) = toks.iter().rposition(|tk| tk.span.end == trigger.end).map(|i| i + 1) else { continue };
        if !matches!(toks[t].tag, Tag::Verb(_)) {
            continue;
        }
        let Some(src_start) = toks.iter().position(|tk| tk.span.start == e.source.span.start) else { continue };
        let Some(src_end) = toks.iter().rposition(|tk| tk.span.end == e.source.span.end).map(|i| i + 1) else {
            continue;
        };
        // (A name after a preposition is inside the speaker's phrase, not
        // the speaker: `the High Commissioner to Britain said`.)
        if src_start > 0 && toks[src_start - 1].tag == Tag::Prep {
            continue;
        }
        // A speaker must be known in its own right: not a role noun that
        // took its country from the sentence (`Britain and Australia offered
        // wheat, officials said`), nor `it`, which in the news is as often a
        // firm, a paper or a report as the last actor named.
        let unsettled = |m: &Mention| m.members.iter().all(|x| x.country.is_none() && x.code.is_none());
        let open_speaker = found.iter().any(|m| m.start == src_start && m.end == src_end && unsettled(m));
        if open_speaker || src_end == src_start + 1 && norm_is(&toks[src_start], &["it"]) {
            continue;
        }
        let Some((k, from, to)) = complement_clause(toks, input, found, dates, (t, t_end), (src_start, src_end))
            .or_else(|| fronted_clause(toks, input, found, t, (src_start, src_end)))
        else {
            continue;
        };
        // A clause that codes an event of its own is reported by that event
        // alone; one that reports a statement of its own (`B has said ...`)
        // is that statement's, coded or not.
        let (lo, hi) = (toks[from].span.start, toks[to - 1].span.end);
        let coded = events.iter().any(|x| (lo..hi).contains(&x.evidence.trigger_span.start));
        if coded {
            continue;
        }
        let span = s.span_of(found[k].start, found[k].end);
        for member in &found[k].members {
            let Some(target) = clause::actor(member, span, text) else { continue };
            // (A role with no country, `GOV`, names no one in particular.)
            let countryless_role = target.country.is_none() && target.sector.as_deref() == Some(target.code.as_str());
            if countryless_role || same_side(&e.source, &target) {
                continue;
            }
            // A comment already coded between the two (`accused`, `criticised`) is not doubled.
            let known = events
                .iter()
                .chain(&added)
                .any(|x| x.source.code == e.source.code && x.target.as_ref().is_some_and(|y| y.code == target.code));
            if known {
                continue;
            }
            let mut aimed = e.clone();
            aimed.target = Some(target);
            added.push(aimed);
        }
    }
    events.extend(added);
}

/// The speaker and the clause's subject are one side: the same code, or the
/// same country with the same sector or both the bare country or a state
/// organ (`Russia said Russian troops ...`, `the Kremlin said Russia ...`).
/// Organs of one state speak for it too: `Downing Street confirmed British
/// troops are on standby` is a government on its own forces.
fn same_side(a: &Actor, b: &Actor) -> bool {
    let state = |x: &Actor| x.sector.as_deref().is_none_or(|sec| STATE_SECTORS.contains(&sec));
    let bare = |x: &Actor| x.sector.is_none();
    a.code == b.code
        || a.country.is_some()
            && a.country == b.country
            && (a.sector == b.sector || bare(a) || bare(b) || state(a) && state(b))
}

/// `said (on Monday) (that) B VERB ...`, `told reporters that B VERB ...`:
/// the subject mention of the clause after the reporting verb `t`, and the
/// clause's tokens (to the end of the sentence).
fn complement_clause(
    toks: &[Token],
    input: &Input<'_, '_>,
    found: &[Mention],
    dates: &[DateMention],
    (t, t_end): (usize, usize),
    speaker: (usize, usize),
) -> Option<(usize, usize, usize)> {
    // The speaker right before the verb group, or before `and` joining it
    // to another verb (`welcomed the plan and said ...`); a name further
    // back is seldom the speaker (`after talks with X, Mr Y said`).
    if speaker.0 > t {
        return None;
    }
    let mut v = t;
    while v > speaker.1 && (is_adv(&toks[v - 1]) || is_aux(&toks[v - 1]) || is_neg(&toks[v - 1])) {
        v -= 1;
    }
    if v != speaker.1 && toks[v - 1].norm != "and" {
        return None;
    }
    let in_date = |j: usize| dates.iter().any(|d| d.start <= j && j < d.end);
    let mut j = t_end;
    while toks.get(j).is_some_and(|tk| is_adv(tk) || in_date(j) || tk.norm == ",") {
        j += 1;
    }
    // `told reporters that ...`, `said in a statement that ...`: an addressee
    // or a short phrase of manner comes before an explicit `that` only.
    let that = (j..toks.len().min(j + 8)).find(|&i| toks[i].norm == "that").filter(|&i| {
        toks[j..i].iter().all(|tk| !is_stop_punct(tk) && !is_finite_verb(tk) && !is_aux(tk) || tk.norm == ",")
    });
    let tell = toks[t].lemma == "tell" && t_end == t + 1;
    match that {
        Some(i) if i == j || tell || toks[j].tag == Tag::Prep => j = i + 1,
        _ if tell => return None,
        _ => {}
    }
    let k = clause_subject(toks, input, found, j)?;
    (found[k].start != speaker.0).then_some((k, j, toks.len()))
}

/// `B VERB ..., A said`, `"B VERB ...," said A`: the subject mention of the
/// clause fronted before the attribution whose verb is `t`, and the clause's
/// tokens (from the start of the sentence, past a dateline, to the comma).
fn fronted_clause(
    toks: &[Token],
    input: &Input<'_, '_>,
    found: &[Mention],
    t: usize,
    speaker: (usize, usize),
) -> Option<(usize, usize, usize)> {
    // The attribution opens after a comma or closing quote: `..., A said` or `..., said A`.
    let opens = if speaker.1 <= t {
        let between = &toks[speaker.1..t];
        if !between.iter().all(|tk| is_adv(tk) || is_aux(tk)) {
            return None;
        }
        speaker.0
    } else {
        t
    };
    // (Past the speaker's own modifiers: `, a senior Egyptian official said`.)
    let mut comma = opens.checked_sub(1)?;
    while comma > 0
        && (matches!(toks[comma].tag, Tag::Det | Tag::Adj)
            || toks[comma].tag == Tag::Noun && toks[comma].case == Case::Lower)
    {
        comma -= 1;
    }
    // `B ..., its deputy leader said`: the speaker is B's own.
    if toks[comma + 1..=opens].iter().any(|tk| norm_is(tk, &["its", "their", "his", "her"])) {
        return None;
    }
    while comma > 0 && toks[comma].norm == "\"" {
        comma -= 1;
    }
    if !norm_is(&toks[comma], &[",", "\""]) || comma == 0 {
        return None;
    }
    // Past a dateline (`MOSCOW (Reuters) -`) and an opening quote.
    let mut j = toks[..comma.min(8)].iter().rposition(|tk| norm_is(tk, &["-", "--", ":"])).map_or(0, |d| d + 1);
    while toks.get(j).is_some_and(|tk| tk.norm == "\"") {
        j += 1;
    }
    let k = clause_subject(toks, input, found, j)?;
    (found[k].end < comma).then_some((k, j, comma))
}

/// The actor that opens a clause at `j` (past determiners and adjectives)
/// and is its subject: a named actor, not a place, a role noun or a
/// possessed one (`its troops`), with the clause's finite verb, auxiliary
/// or modal right after it (`Russia's economy` and `Russia, which ...` are
/// no subject).
fn clause_subject(toks: &[Token], input: &Input<'_, '_>, found: &[Mention], mut j: usize) -> Option<usize> {
    while toks.get(j).is_some_and(|tk| matches!(tk.tag, Tag::Det | Tag::Adj) && input.starts[j].is_none()) {
        j += 1;
    }
    let k = input.starts.get(j).copied().flatten()?;
    let m = &found[k];
    let possessed = norm_is(&toks[m.start], &["its", "their", "his", "her", "our", "my"]);
    if m.is_place || m.agent_only || possessed {
        return None;
    }
    let mut v = m.end;
    while toks.get(v).is_some_and(|tk| is_adv(tk) || is_neg(tk)) {
        v += 1;
    }
    toks.get(v).is_some_and(|tk| is_finite_verb(tk) || is_aux(tk)).then_some(k)
}
