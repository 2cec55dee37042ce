//! Modality, commitment and the codes of embedded acts (`vowed not to`, `urged X to`).

use super::*;

/// Acts of roots 14-20 (protest, force posture, reduced relations,
/// coercion, assault, fighting, mass violence), whose stated intention is a
/// threat (13x) rather than an intent (03x).
pub(super) fn intent_is_threat(code: CameoCode) -> bool {
    matches!(&code.as_str()[..2], "14" | "15" | "16" | "17" | "18" | "19" | "20")
}

/// Acts whose refusal is a rejection (12x): intents, consultation,
/// cooperation, aid, yielding, and accepting a plan (057).
pub(super) fn is_cooperative(code: CameoCode) -> bool {
    matches!(&code.as_str()[..2], "03" | "04" | "06" | "07" | "08") || code.as_str() == "057"
}

/// The family a commitment to an act is coded in: CAMEO files agreeing,
/// promising or vowing to cooperate under express intent (03x, `agreed to
/// withdraw` = 0356) and a stated intention to use force under threaten
/// (13x, `vowed to attack` = 138x), as the modality convention does for
/// `will`. A governor that already names its act is left to `compose`.
pub(super) fn commitment(governor: CameoCode, embedded: CameoCode) -> CameoCode {
    // `agree` (019) taking an infinitive is agreeing *to do* it.
    if !matches!(governor.as_str(), "019" | "03" | "030") {
        return governor;
    }
    let family = if intent_is_threat(embedded) { "130" } else { "030" };
    CameoCode::parse(family).unwrap_or(governor)
}

/// Verbs that take a mandative `that` clause (`insisted that Russia
/// withdraw`, `asked that the rebels free ...`), with the family such a
/// clause is coded in: demand (10x) or appeal (02x).
pub(super) const MANDATIVE: &[(&str, &str)] = &[
    ("insist", "100"),
    ("demand", "100"),
    ("require", "100"),
    ("order", "100"),
    ("urge", "020"),
    ("ask", "020"),
    ("request", "020"),
    ("recommend", "020"),
    ("propose", "020"),
];

/// For a statement verb at `gov` whose `that` clause has its trigger verb
/// in the bare form with no auxiliary but `should` (`insisted that Russia
/// pull its soldiers out`): the clause is what the speaker demands, so the
/// statement is a demand or appeal. A tensed clause (`insisted that Russia
/// had violated ...`) stays reported speech.
pub(super) fn mandative(toks: &[Token], gov: usize, vg_start: usize, trigger_start: usize) -> Option<CameoCode> {
    let family = MANDATIVE.iter().find(|(lemma, _)| toks[gov].lemma == *lemma)?.1;
    let bare = toks[trigger_start].tag == Tag::Verb(VerbForm::Base)
        && toks[vg_start..trigger_start].iter().all(|t| is_adv(t) || is_neg(t) || t.norm == "should");
    bare.then(|| CameoCode::parse(family)).flatten()
}

/// For a noun trigger that is the object of a bare infinitive with no
/// trigger of its own (`to expand joint patrols`, `to hold talks`), the
/// position of that infinitive, whose governor then governs the noun.
pub(super) fn infinitive_object(
    toks: &[Token],
    trigger_start: usize,
    trigger_of: &dyn Fn(usize) -> Option<usize>,
) -> Option<usize> {
    // Only verbs that carry out or widen the act named by the noun: in
    // `to offer special releases` the noun is not the act.
    let v = light_verb(toks, trigger_start).or_else(|| {
        verb_before_noun(toks, trigger_start).filter(|&v| {
            matches!(
                toks[v].lemma.as_str(),
                "hold" | "expand" | "increase" | "boost" | "deepen" | "strengthen" | "step" | "establish"
            )
        })
    })?;
    let to = v.checked_sub(1)?;
    (toks[v].tag == Tag::Verb(VerbForm::Base)
        && trigger_of(v).is_none()
        && (toks[to].tag == Tag::To || toks[to].norm == "to"))
        .then_some(v)
}

/// Material acts whose object may be a place rather than an actor: aid
/// delivered to it (07), force shown there (15: `held drills near Taiwan`)
/// or used on it (18-20), property seized or destroyed there (171). A
/// place is never the target of talk.
pub(super) fn aimed_at_place(code: CameoCode) -> bool {
    matches!(&code.as_str()[..2], "07" | "15" | "18" | "19" | "20") || code.as_str().starts_with("171")
}

/// Weapons named in the source phrase that make a generic attack (190) an
/// aerial one (195, `drones attacked`) or an artillery one (194); the
/// convention of cameo.events' header.
pub(super) fn attack_by_weapon(words: &[Token]) -> Option<&'static str> {
    // `shelling` and `bombing` by their written form: their lemmas are verbs.
    words.iter().find_map(|t| match if t.norm.ends_with("ing") { t.norm.as_str() } else { t.lemma.as_str() } {
        "drone" | "warplane" | "jet" | "aircraft" | "helicopter" | "bomber" | "missile" | "airstrike"
        | "airstrikes" | "bombing" => Some("195"),
        "artillery" | "tank" | "rocket" | "mortar" | "howitzer" | "shelling" => Some("194"),
        _ => None,
    })
}

pub(super) const MODALS_IRREALIS: &[&str] = &["would", "could", "might", "may", "should", "must", "can", "shall"];

/// Words that announce an intention when they govern an infinitive and
/// have no pattern of their own (`ready to release`, `plans to meet`). A
/// scheduled act, `is due to sign`, is one too, as `is set to`; `due to` +
/// a noun phrase (`delayed due to the storm`) governs no infinitive.
pub(super) const INTENT_WORDS: &[&str] =
    &["ready", "willing", "prepared", "plan", "intend", "set", "due", "going", "poised", "eager"];

/// `X was seen to break into ...`, `X is said to have attacked Y`, `X is
/// believed to have supplied ...`: a passive verb of perceiving or
/// reporting raises the subject of its infinitive, which reports the act as
/// `it is said that X attacked Y` does (reported speech is coded). Not
/// `expected`, `asked` or `told to`, which have not happened yet.
pub(super) fn raising_report(toks: &[Token], j: usize) -> bool {
    let raising = matches!(
        toks[j].lemma.as_str(),
        "see" | "know" | "say" | "report" | "believe" | "think" | "understand" | "hear" | "rumour" | "rumor"
    );
    raising
        && matches!(toks[j].tag, Tag::Verb(VerbForm::PastParticiple | VerbForm::Past) | Tag::Adj)
        && toks[verb_group_start(toks, j)..j].iter().any(is_be)
}

/// Verbs that govern an infinitive without realising it (`threatened to
/// attack`, `refused to release`, `urged X to withdraw`).
pub(super) fn governs_infinitive(t: &Token) -> bool {
    matches!(t.tag, Tag::Verb(_) | Tag::Noun | Tag::Adj)
        || matches!(
            t.lemma.as_str(),
            "threaten"
                | "plan"
                | "vow"
                | "want"
                | "hope"
                | "intend"
                | "refuse"
                | "decline"
                | "fail"
                | "agree"
                | "promise"
                | "pledge"
                | "seek"
                | "try"
                | "aim"
                | "expect"
                | "propose"
                | "offer"
                | "urge"
                | "ask"
                | "call"
                | "tell"
                | "order"
                | "prepare"
                | "decide"
                | "attempt"
                | "consider"
                | "warn"
                | "demand"
                | "need"
                | "wish"
                | "move"
                | "appeal"
                | "push"
                | "press"
                | "encourage"
                | "invite"
                | "allow"
                | "able"
                | "ready"
                | "willing"
                | "set"
                | "likely"
                | "due"
        )
}

/// Words of hoping, fearing and foreseeing: a clause they govern is what
/// someone hopes, fears or expects another actor to do, not an act done
/// (`France hopes Germany will send tanks`, `amid fears that India will
/// strike`), whatever its tense.
const FORESEEING: &[&str] = &[
    "hope",
    "wish",
    "pray",
    "fear",
    "expect",
    "predict",
    "anticipate",
    "forecast",
    "doubt",
    "speculate",
    "dread",
    "speculation",
    "expectation",
    "prediction",
    // `it is likely Washington will side with Ankara`, `unlikely she will back`.
    "likely",
    "unlikely",
    "possible",
    "probable",
    "conceivable",
    "doubtful",
];

/// Nouns of evidence: after `no`, `little` or `scant` the clause they
/// govern did not happen as far as anyone knows (`no sign Russia was
/// willing to press Assad`, `no evidence that Letts had joined Isis`).
const EVIDENCE: &[&str] = &["sign", "indication", "evidence", "suggestion", "proof"];

/// Words of warning, worry or belief: their clause is a prediction only
/// when it is stated as future or under a modal (`warned that Russia would
/// attack`, `believed the militias would use human shields`); a past act
/// they report happened (`warned that Russia had deployed`).
const WARNING: &[&str] = &[
    "warn",
    "caution",
    "worry",
    "concern",
    "concerned",
    "afraid",
    "believe",
    "think",
    "confident",
    "convinced",
    "sure",
    "certain",
    "optimistic",
    "pessimistic",
];

/// Whether the trigger at `trigger_start` (verb group at `vg_start`) is
/// the act of a named actor in a clause governed by a word of hoping,
/// fearing or warning (`Ukraine fears that Russia will attack`, `officials
/// hope Iran releases ...`): a prediction about a third party. A pronoun
/// subject (`Iran warned that it would retaliate`, `hopes it will sign`)
/// is the speaker's own commitment and is left to the intent and threat
/// rules.
pub(super) fn foreseen(
    toks: &[Token],
    input: &Input<'_, '_>,
    found: &[Mention],
    vg_start: usize,
    trigger_start: usize,
) -> bool {
    if awaited(toks, vg_start, trigger_start) || conditioned(toks, vg_start, trigger_start) {
        return true;
    }
    // A noun trigger after a light verb (`will launch strikes`) has that verb's group.
    let vg = light_verb(toks, trigger_start).map_or(vg_start, |v| verb_group_start(toks, v));
    let Some(k) = input.ends.get(vg).copied().flatten() else { return false };
    if found[k].is_place {
        return false;
    }
    let Some(mut g) = found[k].start.checked_sub(1) else { return false };
    if toks[g].norm == "that" {
        let Some(before) = g.checked_sub(1) else { return false };
        g = before;
    }
    let t = &toks[g];
    if !matches!(t.tag, Tag::Verb(_) | Tag::Noun | Tag::Adj) {
        return false;
    }
    let lemma = t.lemma.as_str();
    // `demanded the president resign`, `insisted the militias withdraw`:
    // a bare verb after a verb of demanding is what was asked for.
    let asked_for = MANDATIVE.iter().any(|(l, _)| *l == lemma)
        && matches!(t.tag, Tag::Verb(_))
        && toks[trigger_start].tag == Tag::Verb(VerbForm::Base)
        && toks[vg..trigger_start].iter().all(|u| is_adv(u) || is_neg(u) || u.norm == "should");
    if asked_for {
        return true;
    }
    let unseen =
        EVIDENCE.contains(&lemma) && g.checked_sub(1).is_some_and(|b| norm_is(&toks[b], &["no", "little", "scant"]));
    unseen
        || FORESEEING.contains(&lemma)
        || WARNING.contains(&lemma) && (is_future(toks, vg, trigger_start) || is_hypothetical(toks, vg, trigger_start))
}

/// Conjunctions of a condition or of a time still to come: under a future
/// or a modal, their clause's present tense is not an act done (`will sign
/// as soon as Baku agrees`, `will free the crew once Britain releases the
/// tanker`, `won't recognise Kosovo until Pristina withdraws`).
const PENDING: &[&str] = &["once", "until", "till", "when", "before", "after", "provided", "providing"];

/// Words that put the main clause in the future or under a modal.
const FUTURE_MAIN: &[&str] = &[
    "will", "'ll", "wo", "would", "shall", "could", "can", "may", "might", "must", "should", "ready", "willing",
    "prepared",
];

/// Words of a future told in the past (`said it would`, `was ready to`).
const BACKSHIFTED_MAIN: &[&str] = &["would", "'d", "could", "might", "ready", "willing", "prepared"];

/// Whether the verb trigger at `trigger_start` is the act of a clause of
/// condition (`unless X agreed`, past any apposition: `unless the
/// president, Bashar al-Assad, agreed`) or of a time to come under a
/// future main clause ([`PENDING`], `as soon as`, `as long as`).
fn conditioned(toks: &[Token], vg_start: usize, trigger_start: usize) -> bool {
    let trigger = &toks[trigger_start];
    if !matches!(trigger.tag, Tag::Verb(_)) {
        return false;
    }
    let simple =
        toks[vg_start..trigger_start].iter().all(|u| is_adv(u) || is_neg(u) || norm_is(u, &["does", "do", "did"]));
    let present = simple && matches!(trigger.tag, Tag::Verb(VerbForm::Base | VerbForm::Present3));
    // Reported, the present moves back a tense: `said it was ready to sign as soon as Baku agreed`.
    let backshifted = simple && trigger.tag == Tag::Verb(VerbForm::Past);
    // Back over the clause's subject (names, commas of apposition) to its conjunction;
    // another verb first means the trigger is in the main clause.
    // (Commas only of an apposition that ends right before the verb.)
    let mut commas = if vg_start > 0 && toks[vg_start - 1].norm == "," { 2 } else { 0 };
    for c in (vg_start.saturating_sub(12)..vg_start).rev() {
        let t = &toks[c];
        if t.norm == "," && commas > 0 {
            commas -= 1;
            continue;
        }
        if norm_is(t, &["unless", "if"]) {
            return true;
        }
        let as_soon = t.norm == "as" && c >= 2 && norm_is(&toks[c - 1], &["soon", "long"]) && toks[c - 2].norm == "as";
        if norm_is(t, PENDING) || as_soon {
            let start = if as_soon { c - 2 } else { c };
            // (The main clause before the conjunction's clause, or after its comma.)
            let mut main = toks[..start].iter().chain(toks[trigger_start..].iter().skip_while(|u| u.norm != ","));
            return present && main.clone().any(|u| norm_is(u, FUTURE_MAIN))
                // (Not `when`, `after`, `before`: with a past verb they mostly tell what happened.)
                || backshifted
                    && !norm_is(t, &["when", "after", "before"])
                    && main.any(|u| norm_is(u, BACKSHIFTED_MAIN));
        }
        if matches!(t.tag, Tag::Verb(_) | Tag::Aux(_) | Tag::Modal) || is_clause_mark(t) || is_stop_punct(t) {
            return false;
        }
    }
    false
}

/// Adjectives that put an act's noun in the future or in doubt: `a
/// possible Russian attack`, `the imminent invasion`, `expected talks`.
const UNREALISED: &[&str] = &[
    "possible",
    "potential",
    "prospective",
    "imminent",
    "impending",
    "looming",
    "feared",
    "long-feared",
    "expected",
    "anticipated",
    "likely",
    "hypothetical",
    "eventual",
    "proposed",
    "planned",
    "mooted",
    "rumoured",
    "rumored",
];

/// Heads whose `for`/`of`/`from` phrase names an act awaited, risked,
/// aimed at or used as a pretext, not one done: `preparations for an
/// attack`, `the risk of a strike`, `weeks away from invading`, `on the
/// brink of war`, `hopes of joining NATO`.
const AWAITING: &[&str] = &[
    "preparation",
    "preparations",
    "prepare",
    "brace",
    "pretext",
    "excuse",
    "justification",
    "away",
    "brink",
    "verge",
    "risk",
    "threat",
    "danger",
    "fear",
    "prospect",
    "spectre",
    "specter",
    "possibility",
    "likelihood",
    // An aim or talk of it: `Turkey's ambition of joining the EU`, `his rhetoric of destroying terrorists`.
    "ambition",
    "aspiration",
    "dream",
    "goal",
    "aim",
    "hope",
    "desire",
    "intention",
    "rhetoric",
    "idea",
    "notion",
];

/// Verbs whose object under `can`/`could`/`may`/`might` is an act that
/// already goes on (`could stop the attacks`, `may end the strikes`).
const ONGOING_OBJECT: &[&str] = &[
    "stop",
    "end",
    "halt",
    "cease",
    "suspend",
    "continue",
    "resume",
    "condemn",
    "investigate",
    "escalate",
    "intensify",
];

/// Whether the noun or gerund trigger at `trigger_start` names an act
/// that has not happened: under an adjective of possibility (`a possible
/// Russian attack`), indefinite before a modal (`an attack would ...`), after a head of waiting or risk (`preparations for a
/// potential blockade`, `weeks away from invading`), or the object of a
/// verb under `can`, `could`, `may` or `might` (`cannot afford attacks`,
/// `could face sanctions`). A light verb (`launched its threatened
/// offensive`) realises the act and is left to its own verb group.
fn awaited(toks: &[Token], vg_start: usize, trigger_start: usize) -> bool {
    let t = &toks[trigger_start];
    let being = trigger_start > 0 && toks[vg_start..trigger_start].iter().any(|u| u.norm == "being");
    if !(matches!(t.tag, Tag::Noun | Tag::Verb(VerbForm::Gerund)) || being) || light_verb(toks, trigger_start).is_some()
    {
        return false;
    }
    // The noun phrase before the trigger: determiners, modifiers, names.
    let mut j = vg_start.min(trigger_start);
    while j > 0 && trigger_start - j < 6 {
        let u = &toks[j - 1];
        let modifier = matches!(u.tag, Tag::Det | Tag::Adj | Tag::Num | Tag::Possessive | Tag::ProperNoun | Tag::Adv)
            || u.tag == Tag::Noun
            || matches!(u.tag, Tag::Verb(VerbForm::PastParticiple | VerbForm::Past)) && u.case == Case::Lower;
        if !modifier || norm_is(u, &["which", "that", "who", "whose", "what"]) {
            break;
        }
        if norm_is(u, UNREALISED) {
            return true;
        }
        j -= 1;
    }
    if j < trigger_start && norm_is(&toks[j], &["a", "an", "any", "another"]) && modal_after(toks, trigger_start) {
        return true;
    }
    let Some(p) = j.checked_sub(1) else { return false };
    if norm_is(&toks[p], &["for", "of", "from"]) {
        return p
            .checked_sub(1)
            .is_some_and(|h| norm_is(&toks[h], AWAITING) || AWAITING.contains(&toks[h].lemma.as_str()));
    }
    // `cannot afford attacks`: the verb whose object the noun is, under a modal of possibility.
    verb_before_noun(toks, trigger_start).is_some_and(|v| {
        !ONGOING_OBJECT.contains(&toks[v].lemma.as_str())
            && toks[verb_group_start(toks, v)..v]
                .iter()
                .any(|u| norm_is(u, &["can", "could", "may", "might", "cannot", "ca"]))
    })
}

/// `a US attack would cause disaster`, `an Israeli strike on Iran could
/// trigger a war`, `any invasion will be met with force`: the verb of the
/// clause after the noun at `noun` is a modal (or `will`). Said of an
/// indefinite act, it is one imagined, not one done.
fn modal_after(toks: &[Token], noun: usize) -> bool {
    for t in toks.iter().skip(noun + 1).take(8) {
        if is_stop_punct(t) || is_clause_mark(t) {
            return false;
        }
        if norm_is(t, &["would", "could", "might", "will", "may", "wo", "'d", "'ll"]) {
            return true;
        }
        if is_finite_verb(t) || is_aux(t) {
            return false;
        }
    }
    false
}

/// `pledged not to attack`, `vowed never to invade`: a commitment not to
/// use force is a stated intention to de-escalate (0356), not a threat.
/// `commitment_code` is [`commitment`]'s code for the pair; `negated` says a
/// negation stands between the governor and the act.
pub(super) fn renounced_force(commitment_code: CameoCode, negated: bool) -> Option<CameoCode> {
    (negated && commitment_code.as_str() == "130").then(|| CameoCode::parse("0356")).flatten()
}

/// For a bare verb at `vg_start` coordinated with an earlier one (`could
/// be arrested and deported`, `should be investigated and, where
/// appropriate, prosecuted`, `may close X and expel Y`), the earlier verb
/// group's words up to its verb (start, end), whose modal or negation the
/// second verb shares: it has none of its own.
pub(super) fn coordinated_mood(s: &Sentence<'_>, input: &Input<'_, '_>, vg_start: usize) -> Option<(usize, usize)> {
    let toks = &s.tokens;
    let mut b = vg_start;
    // (Past a short parenthetical after the conjunction: `and, if need be,`.)
    if b > 0 && toks[b - 1].norm == "," {
        let q = toks[b.saturating_sub(6)..b - 1].iter().rposition(|t| t.norm == ",")? + b.saturating_sub(6);
        b = q;
    }
    if b == 0 || !norm_is(&toks[b - 1], &["and", "or"]) {
        return None;
    }
    let (vg, v, passive) = clause_verb(s, input, b)?;
    // A past form after a passive is its participle: `was detained and questioned`.
    let bare = match toks[vg_start].tag {
        Tag::Verb(VerbForm::Base) => !passive,
        Tag::Verb(VerbForm::PastParticiple | VerbForm::Past) => passive,
        _ => false,
    };
    // (The group runs past its auxiliary to the verb: `did not close`.)
    let end = v + toks[v..b].iter().take_while(|t| is_aux(t) || t.tag == Tag::Modal || is_neg(t) || is_adv(t)).count();
    (bare && toks[vg..end].iter().any(|t| t.tag == Tag::Modal || is_neg(t))).then_some((vg, end))
}

/// `Putin to visit China`, `EU to impose new sanctions`: a headline's `to`
/// and bare verb right after its subject stand for `is to`, the future.
/// Only when nothing but that noun phrase comes before `to` (no verb, no
/// preposition: `the decision by X to`, `urged X to` are not headlines).
pub(super) fn headline_future(toks: &[Token], in_mention: &[bool], vg_start: usize) -> bool {
    let Some(to) = vg_start.checked_sub(1) else { return false };
    if to == 0 || !(toks[to].tag == Tag::To || toks[to].norm == "to") || !in_mention[to - 1] {
        return false;
    }
    if toks.get(vg_start).is_none_or(|t| t.tag != Tag::Verb(VerbForm::Base)) {
        return false;
    }
    toks[..to].iter().enumerate().all(|(i, t)| {
        in_mention[i]
            || matches!(t.tag, Tag::ProperNoun | Tag::Noun | Tag::Adj | Tag::Det | Tag::Num | Tag::Possessive)
                && !norm_is(t, &["for"])
    })
}

/// The word right before a clause that opens with a pronoun subject and no
/// `that` (`warned it would`, `warned Israel it would`: past the
/// addressee), for a verb of speech that governs the clause.
pub(super) fn bare_clause_speech(s: &Sentence<'_>, input: &Input<'_, '_>, vg_start: usize) -> Option<usize> {
    let mut w = pronoun_subject(s, vg_start)?.checked_sub(1)?;
    // (Past an addressee: `warned Israel it would`.)
    while w > 0 && input.in_mention[w] {
        w -= 1;
    }
    matches!(s.tokens[w].tag, Tag::Verb(_)).then_some(w)
}

/// `warned Israel (that) it would attack its nuclear sites`: the one warned
/// is the target of the threat the warning states, when the threat names
/// no actor of its own (`warned Israel it would attack Lebanon` aims at Lebanon).
pub(super) fn warned_party(
    warning: &PatternMatch,
    threat: &PatternMatch,
    input: &Input<'_, '_>,
    trigger_start: usize,
) -> Option<usize> {
    if threat.target.is_some() || input.starts[trigger_start..].iter().any(Option::is_some) {
        return None;
    }
    let end = warning.trigger.last().map_or(warning.end, |&t| t + 1);
    warning.target.and_then(|(a, _)| input.starts[a]).or_else(|| input.starts.get(end).copied().flatten())
}

/// Whether a warning (`012`) governing an act of force or pressure states
/// that threat itself (`warned (that) it would strike`): `future_unforeseen`
/// tells whether the act is in the future and not a prediction about
/// another actor, and is only asked when the codes fit.
pub(super) fn warning_states_threat(
    warning: CameoCode,
    act: CameoCode,
    future_unforeseen: impl FnOnce() -> bool,
) -> bool {
    warning.as_str() == "012" && intent_is_threat(act) && future_unforeseen()
}
