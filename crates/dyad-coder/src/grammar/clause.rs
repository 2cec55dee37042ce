//! Clause signals around a trigger: relatives, attribution, coordination, `between`, `neither ... nor`.

use super::*;

/// `marched through Belgrade, demanding that the government resign`,
/// `blocked roads, calling on the president to quit`: a protest with no
/// target named is aimed at whom the demand of its `-ing` adjunct (after a
/// comma, by the same source; the tagger often reads `demanding` as an
/// adjective) is.
pub(super) fn protest_aims(toks: &[Token], events: &mut [Event]) {
    for i in 0..events.len() {
        let e = &events[i];
        if e.target.is_some() || e.negated || !e.cameo.as_str().starts_with("14") {
            continue;
        }
        let aim = events.iter().find(|d| {
            let at = toks.iter().position(|t| t.span.start == d.evidence.trigger_span.start);
            let adjunct = at.is_some_and(|j| j > 0 && toks[j - 1].norm == "," && toks[j].norm.ends_with("ing"));
            adjunct
                && d.cameo.as_str().starts_with("10")
                && !d.negated
                && d.source.code == e.source.code
                && d.evidence.trigger_span.start > e.evidence.trigger_span.start
        });
        if let Some(t) = aim.and_then(|d| d.target.clone()) {
            events[i].target = Some(t);
        }
    }
}

/// The press as the addressee of a statement (`told Reuters`, `told
/// reporters`, `said in an interview with the BBC`): it is the channel of
/// the statement, not its target. Coded as a target it made "told Reuters"
/// the most frequent dyad of wire text (705 of Reuters' 1,306 statements).
pub(super) fn press_audience(e: &Event) -> bool {
    e.cameo.as_str().starts_with("01") && e.target.as_ref().is_some_and(|t| t.sector.as_deref() == Some("MED"))
}

/// A member ready to code: a role noun still without a country takes one
/// from `fallback`, or is no actor at all. Named actors (including
/// international ones, which have no country) are ready as they are.
/// A country named alone (`Peru`), not one of its organs or people.
pub(super) fn bare_country(m: &Member) -> bool {
    m.code.is_some() && m.code == m.country && m.sector.is_none()
}

pub(super) fn settle(m: &Member, fallback: impl FnOnce() -> Option<String>) -> Option<Member> {
    if m.code.is_some() || m.country.is_some() {
        return Some(m.clone());
    }
    let mut m = m.clone();
    m.country = Some(fallback()?);
    Some(m)
}

/// A participle right after a noun phrase, with the sentence's own verb
/// still to come (`the civilians imprisoned for ... were released`): it
/// describes the noun phrase, it does not report an act by it.
pub(super) fn reduced_relative(
    toks: &[Token],
    input: &Input<'_, '_>,
    found: &[Mention],
    vg_start: usize,
    trigger_start: usize,
    trigger_end: usize,
) -> bool {
    // `troops fighting in Ukraine said`, `forces fighting Islamic State
    // killed`: an `-ing` participle too, whose main verb may be any finite one.
    let gerund = toks[trigger_start].tag == Tag::Verb(VerbForm::Gerund) && toks[trigger_start].norm.ends_with("ing");
    let participle = vg_start == trigger_start
        && (gerund || matches!(toks[trigger_start].tag, Tag::Verb(VerbForm::PastParticiple | VerbForm::Past)));
    if !participle || vg_start == 0 || input.ends[vg_start].is_none() {
        return false;
    }
    // `said` describes a noun only before `to` (`the man said to have
    // ordered it`); `Hamas said on Saturday it ...` is the report itself.
    if toks[trigger_start].lemma == "say" && toks.get(trigger_end).is_none_or(|t| t.norm != "to") {
        return false;
    }
    // The main verb comes soon after a short modifier.
    for j in trigger_end..toks.len().min(trigger_end + 8) {
        let t = &toks[j];
        let main_verb = is_finite_verb(t) && !participle_modifier(toks, j) && !bare_participle_modifier(toks, j);
        // (`troops patrolling the river fired on ...`: a past form after the
        // gerund's object, with no verb before it, is the main verb.)
        let bare_main = is_finite_verb(t) && bare_participle_modifier(toks, j) && !object_modifier(toks, j, j);
        if gerund && (main_verb || bare_main) && !input.in_mention[j] {
            return true;
        }
        if is_stop_punct(t)
            || is_clause_mark(t)
            || t.tag == Tag::Conj
            || norm_is(
                t,
                &["said", "says", "since", "after", "before", "until", "while", "because", "as", "when", "if"],
            )
        {
            return false;
        }
        if toks[j - 1].norm == "to" {
            continue;
        }
        // Only an auxiliary surely is the main verb: a later `jailed` may
        // itself describe a noun (`release jailed activists`).
        if is_aux(t) {
            // A new subject right before it opens a clause of its own
            // (`said Hamas had ...`); an actor after a preposition does not.
            let prev = &toks[j - 1];
            // (Past its adjectives: `in northern Syria are`.)
            let np_start = match input.ends[j] {
                Some(k) => {
                    let mut b = found[k].start;
                    while b > trigger_end
                        && (matches!(toks[b - 1].tag, Tag::Adj | Tag::Det) || is_direction(&toks[b - 1]))
                    {
                        b -= 1;
                    }
                    b
                }
                None => {
                    let mut b = j - 1;
                    // A pronoun is a noun phrase of its own: `on Friday he
                    // was` has its subject after the date.
                    while prev.tag != Tag::Pron
                        && b > trigger_end
                        && matches!(toks[b - 1].tag, Tag::Det | Tag::Adj | Tag::Noun | Tag::ProperNoun | Tag::Num)
                    {
                        b -= 1;
                    }
                    b
                }
            };
            let nominal =
                prev.tag == Tag::Pron || input.ends[j].is_some() || matches!(prev.tag, Tag::Noun | Tag::ProperNoun);
            let own_subject =
                nominal && !preceding_prep(toks, np_start).is_some_and(|p| matches!(p.tag, Tag::Prep | Tag::To));
            return !own_subject;
        }
    }
    false
}

/// The noun phrase a reduced passive participle at `vg_start` follows
/// (`the journalist captured by ...`, `soldier X, allegedly executed by
/// ...`, `Russian ship detained by ...`): the one it was done to.
pub(super) fn reduced_patient(
    toks: &[Token],
    input: &Input<'_, '_>,
    found: &[Mention],
    vg_start: usize,
) -> Option<usize> {
    let mut e = vg_start;
    if e > 0 && toks[e - 1].norm == "," {
        e -= 1;
    }
    let b = e;
    while e > 0 && input.ends[e].is_none() && b - e < 2 && toks[e - 1].tag == Tag::Noun {
        e -= 1;
    }
    input.ends[e].filter(|&k| !found[k].is_place)
}

/// A participle with its `of`/`by` phrase right after the object of an
/// earlier verb in the same clause (`executed several men accused of
/// collaborating`): background about the object, not an act by it. Not
/// after a reporting verb, whose clause has a subject of its own (`said
/// the men accused ...`).
pub(super) fn object_modifier(toks: &[Token], vg_start: usize, trigger_start: usize) -> bool {
    let bare = bare_participle_modifier(toks, trigger_start);
    if vg_start != trigger_start
        || trigger_start == 0
        || !(participle_modifier(toks, trigger_start) || bare)
        || !matches!(toks[trigger_start - 1].tag, Tag::Noun | Tag::ProperNoun)
    {
        return false;
    }
    for j in (0..trigger_start - 1).rev() {
        let t = &toks[j];
        // A bare participle after `and` or a clause word (`how many
        // volunteers travelled to Syria`) may be a clause's own verb.
        let opens_clause = t.tag == Tag::Conj || norm_is(t, &["since", "how", "where", "why", "what", "until", "once"]);
        if is_stop_punct(t) || is_clause_mark(t) || (bare && opens_clause) {
            return false;
        }
        // A gerund right after a noun describes that noun (`soldiers guarding
        // the border fired on ...`): it heads no clause, so look further back.
        if bare
            && t.tag == Tag::Verb(VerbForm::Gerund)
            && j > 0
            && matches!(toks[j - 1].tag, Tag::Noun | Tag::ProperNoun)
        {
            continue;
        }
        // (Or an infinitive or a gerund inside the clause: `a fee to receive
        // remnants of the group captured over five years of war`; not the
        // opening word of `Chanting protesters took to the streets`.)
        let non_finite = bare
            && j > 0
            && (t.tag == Tag::Verb(VerbForm::Base) && toks[j - 1].tag == Tag::To
                || t.tag == Tag::Verb(VerbForm::Gerund) && t.norm.ends_with("ing"));
        // (A participle after its auxiliary heads a verb group too: `has asked X to extradite ...`.)
        // So does a bare auxiliary: `would be the first person prosecuted under ...`.
        let perfect = matches!(t.tag, Tag::Verb(_)) && j > 0 && is_aux(&toks[j - 1]);
        // A past form opening the clause before its noun is an adjective
        // the tagger read as a verb (`Suspected militants killed ...`,
        // `Armed men seized ...`): the clause has no subject before it.
        // (After `who`/`that` a past form is the relative clause's verb:
        // `militants who killed villagers accused of ...`.)
        let opening_modifier = j == 0
            || is_stop_punct(&toks[j - 1])
            || is_clause_mark(&toks[j - 1]) && !norm_is(&toks[j - 1], &["who", "which", "that", "whom", "whose"]);
        let opening_modifier = opening_modifier
            && t.tag == Tag::Verb(VerbForm::Past)
            && toks.get(j + 1).is_some_and(|n| matches!(n.tag, Tag::Adj | Tag::Noun | Tag::ProperNoun));
        if opening_modifier {
            continue;
        }
        if is_finite_verb(t) || non_finite || perfect || bare && is_aux(t) {
            let reporting = REPORTING_VERBS.contains(&t.lemma.as_str());
            return !reporting;
        }
    }
    false
}

/// A participle after a lower-case noun that takes no object of its own but
/// goes on with a place, time or circumstance (`released fishermen detained
/// near the border`, `questioned journalists arrested while covering the
/// protest`): a passive participle describing the noun; a transitive main
/// verb would name its object.
pub(super) fn bare_participle_modifier(toks: &[Token], i: usize) -> bool {
    toks.get(i).is_some_and(|t| matches!(t.tag, Tag::Verb(VerbForm::Past | VerbForm::PastParticiple)))
        && i > 0
        && toks[i - 1].tag == Tag::Noun
        && toks[i - 1].case == Case::Lower
        && toks.get(i + 1).is_some_and(|t| {
            // `the deal signed between X and Y` is the pair's own act.
            (t.tag == Tag::Prep && !norm_is(t, &["of", "by", "between"]))
                || norm_is(t, &["while", "when", "during", "last", "earlier", "yesterday"])
        })
}

/// A one-word participle trigger with no auxiliary, right before the noun it
/// describes (`detained lawyers`).
pub(super) fn is_attributive_participle(
    toks: &[Token],
    vg_start: usize,
    trigger_start: usize,
    trigger_end: usize,
) -> bool {
    let t = &toks[trigger_start];
    let participle =
        matches!(t.tag, Tag::Verb(VerbForm::PastParticiple | VerbForm::Past) | Tag::Adj) && t.norm.ends_with("ed");
    // (Or a capitalised modifier and its noun after a verb: `freed jailed
    // American journalists`; not after a verb of saying, `Israel says killed
    // Hamas commander`.)
    let named_noun = vg_start > 0
        && matches!(toks[vg_start - 1].tag, Tag::Verb(_))
        && !takes_clause(&toks[vg_start - 1])
        && toks.get(trigger_end).is_some_and(|n| matches!(n.tag, Tag::Adj | Tag::ProperNoun) && n.case == Case::Title)
        && toks.get(trigger_end + 1).is_some_and(|n| n.tag == Tag::Noun && n.case == Case::Lower);
    let next_is_noun = named_noun
        || toks.get(trigger_end).is_some_and(|n| matches!(n.tag, Tag::Noun | Tag::Adj) && n.case == Case::Lower);
    let after_det = vg_start > 0
        && matches!(toks[vg_start - 1].tag, Tag::Det | Tag::Num | Tag::Adj | Tag::Possessive)
        && !norm_is(&toks[vg_start - 1], &["which", "that", "who", "whom", "whose", "what"]);
    // `the UK's most visited museum`, `the newly elected president`: degree
    // and time adverbs between a determiner and the participle.
    let adverbs_only = toks[vg_start..trigger_start].iter().all(|t| is_adv(t) && !is_aux(t) && !is_neg(t));
    trigger_end == trigger_start + 1
        && (vg_start == trigger_start || after_det && adverbs_only)
        && participle
        && next_is_noun
        && (after_det || vg_start == 0 || !matches!(toks[vg_start - 1].tag, Tag::Noun | Tag::ProperNoun | Tag::Pron))
        && !coordinated_verb(toks, trigger_start)
        && perfect_adjunct(toks, vg_start).is_none()
}

/// A past form right after `and` that goes on with a verb phrase of
/// the clause before it (`condemned the raid on Monday and promised aid`,
/// `criticised the coup and urged restraint`): the second verb of a
/// coordination, not a participle describing its noun. It needs a finite
/// verb earlier in the clause, and no parallel noun phrase before the
/// conjunction: after a plural noun, a plural noun after the participle may
/// be a second object (`freed jailed activists and detained journalists`),
/// and after an adjective or participle the pair modifies one noun
/// (`wounded and displaced civilians`). After `but` and `or` too
/// (`criticised X but praised local officials`).
pub(super) fn coordinated_verb(toks: &[Token], i: usize) -> bool {
    let Some(c) = i.checked_sub(1).filter(|&c| c > 0 && norm_is(&toks[c], &["and", "but", "or"])) else {
        return false;
    };
    let before = &toks[c - 1];
    let plural = |t: &Token| t.tag == Tag::Noun && t.norm != t.lemma;
    let parallel = plural(before) && toks.get(i + 1).is_some_and(plural);
    let participle = matches!(before.tag, Tag::Adj | Tag::Verb(VerbForm::Past | VerbForm::PastParticiple));
    if participle || before.norm.ends_with("ed") || parallel {
        return false;
    }
    toks[..c].iter().rev().take_while(|t| !is_stop_punct(t) && !is_clause_mark(t)).any(is_finite_verb)
}

/// Inside `, who/which ... ,` (a non-restrictive relative clause).
pub(super) fn in_relative_clause(toks: &[Token], i: usize) -> bool {
    for j in (0..i).rev() {
        let t = &toks[j];
        if norm_is(t, &[",", ";", ":"]) {
            return false;
        }
        if norm_is(t, &["who", "which", "whom", "whose"]) {
            return j > 0 && toks[j - 1].norm == ",";
        }
    }
    false
}

/// Inside an `according to` phrase (`according to officials who attended
/// the talks`, `according to a statement by the ministry`): the phrase names
/// where the news comes from. It runs to the next punctuation, or to a finite
/// verb outside a relative clause (`according to Reuters Iran attacked`).
pub(super) fn in_attribution(toks: &[Token], i: usize) -> bool {
    let Some(a) = toks[..i].iter().rposition(|t| is_stop_punct(t) || t.norm == "according") else { return false };
    if toks[a].norm != "according" || toks.get(a + 1).is_none_or(|t| t.norm != "to") || a + 1 >= i {
        return false;
    }
    let mut relative = false;
    for t in &toks[a + 2..i] {
        if norm_is(t, &["who", "which", "that", "whom", "whose"]) {
            relative = true;
        } else if is_finite_verb(t) && !relative {
            return false;
        }
    }
    relative || !is_finite_verb(&toks[i])
}

/// Acts that a compound subject does to each other when no target is named
/// (`X and Y held talks`, `... signed a deal`, `... clashed`); others are
/// done by each member alone (`Russia and China vetoed the resolution`).
pub(super) fn is_mutual(code: CameoCode) -> bool {
    let c = code.as_str();
    (matches!(&c[..2], "03" | "04" | "05" | "06" | "19") && c != "045")
        || c == "019"
        || c.starts_with("0871")
        || c.starts_with("084")
        || c.starts_with("161")
}

/// Acts that a pair does together whatever it is about: consulting (04),
/// cooperating (06, and agreeing to: 031, 036), signing (057), a ceasefire
/// and exchanges. Not one-sided acts toward a third party (`pledged support
/// for X`, `praised X`), nor force, whose compound of allies hits a third
/// party in a place (`US and British jets struck targets in Yemen`).
pub(super) fn is_joint(code: CameoCode) -> bool {
    let c = code.as_str();
    is_mutual(code) && ["031", "036", "04", "057", "06", "0871", "084"].iter().any(|p| c.starts_with(p))
}

/// Whether an actor starting at `start`, after a trigger ending at `from`,
/// is the trigger's own object or party: right after it (past determiners
/// and adjectives), after `with`/`to`/`against`, the object of an
/// infinitive after it (`agreed to help X`), or the `with`/`between`
/// party of its object noun (`welcomed a resumption of ties with X`); not inside a
/// phrase about something else (`the crisis in X`, `a deal brokered by X`),
/// nor, in talks, one that modifies the topic noun (`discussed the Gaza
/// truce`, `Syria's future`; `ratified Finnish membership` is Finland's).
pub(super) fn is_own_object(toks: &[Token], from: usize, k: &Mention, code: CameoCode) -> bool {
    let start = k.start;
    let party = preceding_prep(toks, start).is_some_and(|p| norm_is(p, &["with", "between"]));
    let talks = code.as_str().starts_with("04") || code.as_str() == "036";
    let topic = talks
        && toks.get(k.end).is_some_and(|t| t.tag == Tag::Noun && t.case == Case::Lower || t.tag == Tag::Possessive);
    party
        || !topic
            && (start < from
                || toks[from..start].iter().all(|t| {
                    matches!(
                        t.tag,
                        Tag::Det | Tag::Adj | Tag::Num | Tag::Possessive | Tag::To | Tag::Verb(VerbForm::Base)
                    ) || norm_is(t, &["with", "to", "against", "toward", "towards", "the", "a", "an"])
                }))
}

/// The first token of the clause that a sentence ending in `?` asks
/// (after the last comma, colon or quote before the question mark).
pub(super) fn question_clause(toks: &[Token]) -> Option<usize> {
    let mut end = toks.len();
    while end > 0 && norm_is(&toks[end - 1], &["\"", "'", ")"]) {
        end -= 1;
    }
    if end == 0 || toks[end - 1].norm != "?" {
        return None;
    }
    let start =
        toks[..end - 1].iter().rposition(|t| norm_is(t, &[",", ";", ":", "\"", "--", "("])).map_or(0, |p| p + 1);
    Some(start)
}

/// A mention made only of role nouns that have no country yet.
pub(super) fn open_agent(m: &Mention) -> bool {
    m.agent_only && m.members.iter().all(|member| member.country.is_none())
}

/// `between X and Y` right after a nominal trigger: the pair's mention.
pub(super) fn between_pair(
    s: &Sentence<'_>,
    input: &Input<'_, '_>,
    found: &[Mention],
    trigger_start: usize,
    after: usize,
) -> Option<usize> {
    let toks = &s.tokens;
    // `the ceasefire between ...`, or a nominal pattern that ends in
    // `between` itself (`&ceasefire between`).
    // `fighting between ...` is a gerund used as a noun.
    let between = if toks.get(after).is_some_and(|t| t.norm == "between")
        && after > 0
        && (matches!(toks[after - 1].tag, Tag::Noun | Tag::Verb(VerbForm::Gerund))
            || toks[trigger_start].tag == Tag::Noun && nominal_passive_end(toks, trigger_start + 1) == Some(after))
    {
        after
    } else if after > 0 && toks[after - 1].norm == "between" && toks[trigger_start].tag == Tag::Noun {
        after - 1
    } else {
        return None;
    };
    let k = input.starts.get(between + 1).copied().flatten().or(input.starts.get(between + 2).copied().flatten())?;
    (found[k].members.len() >= 2).then_some(k)
}

/// For a trigger whose subject is introduced by `that` (`demanded that
/// Israel halt its strikes`, `allegations that it had fired`), the token
/// governing the clause and the clause's subject mention.
pub(super) fn that_clause_governor(
    s: &Sentence<'_>,
    input: &Input<'_, '_>,
    found: &[Mention],
    skippable: &[bool],
    vg_start: usize,
) -> Option<(usize, Option<usize>)> {
    let toks = &s.tokens;
    let (subject, subject_start) = match input.ends.get(vg_start).copied().flatten() {
        Some(k) => (Some(k), found[k].start),
        None => (None, pronoun_subject(s, vg_start)?),
    };
    let mut that = subject_start.checked_sub(1)?;
    // (Past the words before the actor: `that the interim government resign`.)
    while that > 0 && (matches!(toks[that].tag, Tag::Det | Tag::Adj) || lower_noun(&toks[that])) {
        that -= 1;
    }
    if !norm_is(&toks[that], &["that"]) {
        return None;
    }
    let mut j = that;
    while j > 0 {
        j -= 1;
        let t = &toks[j];
        if is_adv(t) || norm_is(t, &[","]) || skippable[j] {
            continue;
        }
        // The source of a claim between its noun and the clause:
        // `accusations from Eritrea that ...`, `claims by Moscow that ...`.
        if norm_is(t, &["from", "by"]) && j + 1 < that && skippable[j + 1] {
            continue;
        }
        return Some((j, subject));
    }
    None
}

/// A lower-case noun, which before an actor modifies it (the tagger reads
/// `interim` in `the interim government` as one).
fn lower_noun(t: &Token) -> bool {
    t.tag == Tag::Noun && t.case == Case::Lower
}

/// The actor that opens a `that` clause right after a trigger (`alleged
/// that France ...`), within a few words.
pub(super) fn that_subject(toks: &[Token], input: &Input<'_, '_>, from: usize) -> Option<usize> {
    let mut j = from;
    // (A trigger may end with the `that` itself: `demand that`.)
    if from == 0 || toks[from - 1].norm != "that" {
        if toks.get(j).is_some_and(|t| t.norm == ",") {
            j += 1;
        }
        if toks.get(j).is_none_or(|t| t.norm != "that") {
            return None;
        }
        j += 1;
    }
    // (A lower-case noun before the actor modifies it: `that the interim
    // government`, which the tagger reads as two nouns.)
    while toks
        .get(j)
        .is_some_and(|t| matches!(t.tag, Tag::Det | Tag::Adj) || lower_noun(t) && input.starts[j].is_none())
    {
        j += 1;
    }
    input.starts.get(j).copied().flatten()
}

pub(super) fn actor(m: &Member, span: Span, text: &str) -> Option<Actor> {
    Some(Actor {
        text: span.slice(text).to_string(),
        code: m.code()?,
        country: m.country.clone(),
        sector: m.sector.clone(),
        span,
        rule: m.rule.clone(),
    })
}

/// Keeps the best pattern where triggers overlap: longest trigger, then
/// heaviest pattern, then most specific code, then latest line.
pub(super) fn select(dicts: &Dictionaries, toks: &[Token], mut matches: Vec<PatternMatch>) -> Vec<PatternMatch> {
    // At equal length a trigger led by a verb wins: `proposed talks with
    // Ukraine` is a proposal (036), not talks (`talk with {target}`).
    let rank = |m: &PatternMatch| {
        let p = &dicts.patterns()[m.pattern as usize];
        let verb_led = m.trigger.first().is_some_and(|&t| matches!(toks[t].tag, Tag::Verb(_)));
        (m.trigger.len(), verb_led, p.weight(), p.code.level(), m.target.is_some(), p.rule.line)
    };
    matches.sort_by_key(|m| std::cmp::Reverse(rank(m)));
    let mut taken: Vec<usize> = Vec::new();
    let mut out = Vec::new();
    for m in matches {
        if m.trigger.iter().any(|t| taken.contains(t)) {
            continue;
        }
        taken.extend(&m.trigger);
        out.push(m);
    }
    out.sort_by_key(|m| m.trigger.first().copied().unwrap_or(m.start));
    out
}

/// A noun or gerund trigger in the same clause after another trigger is
/// that trigger's complement, not an event of its own: `accused Armenia of
/// violating the ceasefire`, `vetoed the EU sanctions package`.
pub(super) fn is_nominal_complement(toks: &[Token], governor_end: usize, trigger_start: usize) -> bool {
    let nominal = matches!(toks[trigger_start].tag, Tag::Noun | Tag::Verb(VerbForm::Gerund))
        || is_compound_noun(toks, trigger_start);
    nominal
        && governor_end <= trigger_start
        && !toks[governor_end..trigger_start]
            .iter()
            .any(|t| norm_is(t, &[",", ";", ":", "."]) || is_clause_mark(t) || is_finite_verb(t))
}

/// Particles of phrasal verbs (`called off`, `put off`, `held up`); what
/// follows them is still the verb's object.
pub(super) const PHRASAL_PARTICLES: &[&str] = &["off", "out", "up", "down", "away", "back", "over"];

/// Light verbs whose passive realises the noun before them (`sanctions
/// were imposed`, `talks were held`, `an attack was carried out`); a verb
/// with an act of its own (`the attack was condemned`) does not.
pub(super) const LIGHT_PASSIVES: &[&str] = &[
    "hold", "impose", "slap", "sign", "reach", "conduct", "carry", "launch", "stage", "mount", "declare", "announce",
    "agree", "level", "lodge", "file", "issue", "extend", "deliver", "provide", "grant", "make", "organise",
    "organize",
];

/// For a noun trigger ending at `after`, the end of the passive light verb
/// group after it (`were also imposed`, `has been carried out`), or of a
/// bare participle with its `by` agent (`sanctions imposed by the US`).
pub(super) fn nominal_passive_end(toks: &[Token], after: usize) -> Option<usize> {
    if after == 0 || toks[after - 1].tag != Tag::Noun {
        return None;
    }
    let mut j = after;
    let mut be = false;
    while toks.get(j).is_some_and(|t| is_aux(t) || is_adv(t) || is_neg(t)) {
        be |= is_be(&toks[j]);
        j += 1;
    }
    let verb = toks.get(j)?;
    let light = matches!(verb.tag, Tag::Verb(VerbForm::PastParticiple | VerbForm::Past))
        && LIGHT_PASSIVES.contains(&verb.lemma.as_str());
    if !light || !be && j != after {
        return None;
    }
    j += 1;
    if toks.get(j).is_some_and(|t| norm_is(t, &["out", "up"])) {
        j += 1;
    }
    (be || toks.get(j).is_some_and(|t| t.norm == "by")).then_some(j)
}

/// First token of the verb group ending at the trigger (auxiliaries,
/// modals, negation and adverbs before it).
pub(super) fn verb_group_start(toks: &[Token], trigger_start: usize) -> usize {
    let mut j = trigger_start;
    while j > 0 {
        let t = &toks[j - 1];
        // `will likely attack`: the tagger reads `likely` as an adjective, but
        // between an auxiliary and the verb it is the adverb.
        let likely_adverb = t.norm == "likely" && j >= 2 && is_aux(&toks[j - 2]);
        if is_aux(t) || is_neg(t) || is_adv(t) || likely_adverb {
            j -= 1;
        } else {
            break;
        }
    }
    j
}

/// `Neither Russia nor China condemned ...`: the two actors are one
/// coordinated subject (or object), each denied the act; coded from the
/// second alone, the first was lost. The `neither` before the first makes
/// [`negative_subject`] negate the events.
pub(super) fn neither_nor(toks: &[Token], found: &mut Vec<Mention>) {
    let mut k = 0;
    while k + 1 < found.len() {
        let a = &found[k];
        let opens = opens_with_neither(toks, a);
        let joined = found[k + 1].start == a.end + 1 && toks[a.end].norm == "nor";
        if !(opens && joined) {
            k += 1;
            continue;
        }
        // Stay on `k`: `neither A nor B nor C` joins C too.
        join_next(found, k);
    }
}

/// Joins mention `k + 1` into mention `k`: one coordination of both's actors.
pub(super) fn join_next(found: &mut Vec<Mention>, k: usize) {
    let b = found.remove(k + 1);
    let a = &mut found[k];
    a.end = b.end;
    a.members.extend(b.members);
    a.agent_only &= b.agent_only;
    a.is_place &= b.is_place;
    if a.backed.is_none() {
        a.backed = b.backed;
    }
}

/// `Turkey, along with Saudi Arabia, has condemned ...`: an actor added
/// between commas right before the verb shares the act, as with `and`;
/// before, the subject search skipped it as a parenthetical.
pub(super) fn comitative(toks: &[Token], found: &mut Vec<Mention>) {
    const LINKS: &[&[&str]] = &[&["along", "with"], &["together", "with"], &["as", "well", "as"], &["alongside"]];
    let mut k = 0;
    while k + 1 < found.len() {
        let (a, b) = (&found[k], &found[k + 1]);
        let link = LINKS.iter().find(|l| {
            let from = a.end + 1;
            toks.get(a.end).is_some_and(|t| t.norm == ",")
                && toks.get(from..from + l.len()).is_some_and(|w| w.iter().zip(l.iter()).all(|(t, x)| t.norm == *x))
                && b.start == from + l.len()
        });
        let closed = toks.get(b.end).is_some_and(|t| t.norm == ",")
            && toks.get(b.end + 1).is_some_and(|t| matches!(t.tag, Tag::Verb(_)) || is_aux(t) || is_adv(t));
        if link.is_none() || !closed || a.is_place || b.is_place {
            k += 1;
            continue;
        }
        join_next(found, k);
    }
}

pub(super) fn opens_with_neither(toks: &[Token], m: &Mention) -> bool {
    toks[m.start].norm == "neither" || (m.start > 0 && toks[m.start - 1].norm == "neither")
}

/// A `neither X nor Y` coordination (joined by [`neither_nor`]).
pub(super) fn neither_list(toks: &[Token], m: &Mention) -> bool {
    m.members.len() >= 2 && opens_with_neither(toks, m) && toks[m.start..m.end].iter().any(|t| t.norm == "nor")
}

/// `asked Russia whether it could act`, `was asked by reporters about the
/// talks`, `asks if aid will come`: `ask` before a question seeks an
/// answer, it is no appeal (02x). `asked for`, `asked X to` still appeal.
pub(super) fn asks_question(toks: &[Token], found: &[Mention], trigger_start: usize, trigger_end: usize) -> bool {
    if toks[trigger_start].lemma != "ask" || trigger_end != trigger_start + 1 {
        return false;
    }
    let mut j = trigger_end;
    let mut object = false;
    // The one asked (`asked Russia`, `asked him`) and a passive's asker (`by reporters`).
    for _ in 0..3 {
        let by = toks.get(j).is_some_and(|t| t.norm == "by");
        let at = j + usize::from(by);
        if let Some(m) = found.iter().find(|m| m.start == at) {
            j = m.end;
        } else if toks
            .get(at)
            .is_some_and(|t| norm_is(t, &["him", "her", "them", "me", "us", "you", "reporters", "journalists"]))
        {
            j = at + 1;
        } else {
            break;
        }
        object = true;
    }
    toks.get(j).is_some_and(|t| {
        norm_is(t, &["whether", "if", "about", "why", "how", "what", "when", "where"])
            || (!object && norm_is(t, &["who", "which"]))
    })
}

/// A warning or a hope is about the actor its `that` clause names
/// (`warned that famine was spreading across Sudan`, `voiced hope that
/// inspectors could return to Iran`, `was confident that the deal with the
/// EU would hold`): the first named actor in the clause after a trigger
/// ending at `from`, not one of the speaker's own country.
pub(super) fn comment_topic(
    toks: &[Token],
    input: &Input<'_, '_>,
    found: &[Mention],
    skippable: &[bool],
    from: usize,
    code: CameoCode,
    subject: Option<usize>,
) -> Option<usize> {
    if !matches!(code.as_str(), "012" | "013") {
        return None;
    }
    // (Past a date or adverb: `warned on Sunday that`.)
    let mut j = from;
    while j < toks.len().min(from + 5) && (skippable[j] || is_adv(&toks[j])) && toks[j].norm != "that" {
        j += 1;
    }
    if toks.get(j).is_none_or(|t| t.norm != "that") {
        return None;
    }
    let own: Vec<&str> =
        subject.map(|k| found[k].members.iter().filter_map(|m| m.country.as_deref()).collect()).unwrap_or_default();
    // The clause's subject, or an actor after its verb; not one inside a
    // subject about something else (`warned that growth in Kenya would slow`).
    let head = |i: usize| toks[j + 1..i].iter().all(|t| matches!(t.tag, Tag::Det | Tag::Adj | Tag::Num));
    // The other party of a subject about ties with it: `hoped that the trade
    // pact with the EU would take effect`, `talks with Washington`.
    let party = |i: usize| {
        preceding_prep(toks, i).is_some_and(|p| norm_is(p, &["with", "between"]))
            && toks[j + 1..i].iter().any(|t| t.tag == Tag::Noun && t.case == Case::Lower)
    };
    // After the verb, not a name inside a phrase about something else: `a
    // repeat of the experience of Libya`, `their US listings`.
    let aside = |m: &Mention| {
        let b = toks[..m.start].iter().rposition(|t| !matches!(t.tag, Tag::Det | Tag::Adj)).map(|b| &toks[b]);
        let possessive = toks.get(m.end).is_some_and(|t| t.tag == Tag::Possessive || t.norm == "'s");
        b.is_some_and(|t| t.norm == "of")
            || !possessive && toks.get(m.end).is_some_and(|t| t.tag == Tag::Noun && t.case == Case::Lower)
    };
    let mut verb = false;
    let mut i = j + 1;
    while i < toks.len().min(j + 1 + 16) {
        if let Some(k) = input.starts[i] {
            let m = &found[k];
            let foreign = m.members.iter().all(|x| x.country.as_deref().is_some_and(|c| !own.contains(&c)));
            // (A party may be an international body: `the pact with the EU`.)
            let other = m.members.iter().all(|x| x.country.as_deref().is_none_or(|c| !own.contains(&c)));
            let party = !verb && other && party(i);
            if !open_agent(m) && Some(k) != subject && (foreign && (verb && !aside(m) || head(i)) || party) {
                return Some(k);
            }
            i = m.end;
            continue;
        }
        let t = &toks[i];
        if is_stop_punct(t) || is_clause_mark(t) || norm_is(t, &["said", "says"]) {
            return None;
        }
        verb |= is_finite_verb(t) || is_aux(t) || t.tag == Tag::Modal;
        i += 1;
    }
    None
}

/// A mediator is between the pair named before it (`Ukraine and Russia
/// exchanged prisoners, with the UAE acting as mediator`, `negotiators from
/// Iran and the US met, with Oman carrying messages between the two
/// delegations`): for a mediation before `trigger_start` with no named
/// target, the last mention of two or more countries before it.
pub(super) fn mediated_pair(
    found: &[Mention],
    code: CameoCode,
    trigger_start: usize,
    source: Option<usize>,
    target: Option<usize>,
) -> Option<usize> {
    if !code.as_str().starts_with("045") || target.is_some_and(|k| !found[k].agent_only) {
        return None;
    }
    let pair = |m: &Mention| {
        let countries: Vec<&str> = m.members.iter().filter_map(|x| x.country.as_deref()).collect();
        countries.len() == m.members.len()
            && countries.len() >= 2
            && countries.iter().skip(1).any(|c| *c != countries[0])
    };
    (0..found.len())
        .rfind(|&k| found[k].end <= trigger_start && Some(k) != source && !found[k].is_place && pair(&found[k]))
}

/// The preposition of a time adjunct that holds the noun trigger at
/// `trigger_start` (`during a visit to X`, `after talks with X`, `on a trip
/// to X`, `days after a meeting between X and Y`): only determiners,
/// possessives, adjectives, numbers and nouns may come between (`an Oval
/// Office meeting`).
pub(super) fn adjunct_preposition(toks: &[Token], in_mention: &[bool], trigger_start: usize) -> Option<usize> {
    if toks[trigger_start].tag != Tag::Noun {
        return None;
    }
    let mut j = trigger_start;
    while j > 0
        && (matches!(toks[j - 1].tag, Tag::Det | Tag::Adj | Tag::Num | Tag::Noun | Tag::ProperNoun)
            || in_mention[j - 1]
            || norm_is(&toks[j - 1], &["his", "her", "their", "its", "'s", "’s"]))
    {
        j -= 1;
    }
    let p = j.checked_sub(1)?;
    norm_is(&toks[p], &["during", "after", "following", "on", "at"]).then_some(p)
}

/// `days after`, `a week before`, `hours after`: a measure of time before
/// the preposition at `p` sets what follows in the past of the news (not a
/// time named before it: `last week after ...`).
pub(super) fn measured_time(toks: &[Token], p: usize) -> bool {
    let Some(unit) = p.checked_sub(1).map(|u| &toks[u]) else { return false };
    let counted = unit.norm != unit.lemma
        || p >= 2 && (toks[p - 2].tag == Tag::Num || norm_is(&toks[p - 2], &["a", "an", "one", "few", "several"]));
    counted
        && norm_is(&toks[p], &["after", "following", "before", "since"])
        && matches!(unit.lemma.as_str(), "minute" | "hour" | "day" | "week" | "month" | "year")
}

/// The addressee of a fronted adjunct (`In a letter to X, Y asked ...`,
/// `During a phone call with X, Y demanded ...`, `On a visit to X, Y
/// signed ...`): the mention after its `to`/`with`, for the clause whose
/// subject opens right after the adjunct's comma.
pub(super) fn fronted_addressee(
    toks: &[Token],
    input: &Input<'_, '_>,
    found: &[Mention],
    subject: usize,
) -> Option<usize> {
    // The adjunct opens the sentence and ends at the comma before the subject.
    let comma = found[subject].start.checked_sub(1).filter(|&c| toks[c].norm == ",")?;
    if !norm_is(&toks[0], &["in", "during", "on", "at"]) || toks[..comma].iter().any(is_stop_punct) {
        return None;
    }
    let head = (1..comma).find(|&j| {
        matches!(
            toks[j].lemma.as_str(),
            "letter" | "call" | "message" | "conversation" | "meeting" | "talk" | "visit" | "trip" | "note"
        ) && toks.get(j + 1).is_some_and(|t| norm_is(t, &["to", "with"]))
    })?;
    let mut a = head + 2;
    while a < comma && toks[a].tag == Tag::Det && input.starts[a].is_none() {
        a += 1;
    }
    let k = input.starts[a]?;
    (found[k].end <= comma && !found[k].is_place && k != subject).then_some(k)
}

/// A meeting or visit with a partner (`to`/`with` right after the noun) in
/// a time adjunct of the clause before it, with no name of its own before
/// the noun (`praised X during a visit to Y`, `released prisoners after
/// talks with Y`, `at a meeting with Y`): the clause's subject took part in
/// it. Not one set back by a measure of time (`days after talks with Y`),
/// nor one with no partner (`during their talks in Sochi`, `a visit by Y`).
pub(super) fn own_adjunct(toks: &[Token], in_mention: &[bool], trigger_start: usize) -> bool {
    if toks.get(trigger_start + 1).is_none_or(|t| !norm_is(t, &["with", "to"])) {
        return false;
    }
    let Some(p) = adjunct_preposition(toks, in_mention, trigger_start) else { return false };
    let lemma = toks[trigger_start].lemma.as_str();
    let fits = match toks[p].norm.as_str() {
        "during" | "after" | "following" => true,
        "on" => matches!(lemma, "visit" | "trip" | "tour"),
        _ => matches!(lemma, "meeting" | "talk" | "summit" | "conference"),
    };
    fits && !measured_time(toks, p) && !in_mention[p + 1..trigger_start].iter().any(|&f| f)
}
