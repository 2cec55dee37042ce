//! Finding the target: the object to the right, beneficiaries, places hit.

use super::*;

pub(super) fn find_object(
    s: &Sentence<'_>,
    input: &Input<'_, '_>,
    found: &[Mention],
    from: usize,
    passive: bool,
    verbal: bool,
) -> Option<usize> {
    let toks = &s.tokens;
    let mut j = from;
    // `agreed to send tanks to Kyiv`: a statement of intent to move goods is
    // aimed where the goods go, as the transfer itself is; the goods (a role
    // noun such as `tanks`) give way to the recipient after `to`.
    let verbal = verbal && !transfer_infinitive(toks, from);
    let limit = (from + TARGET_WINDOW).min(toks.len());
    // An open state organ (`supplied armed drones to the army`, `sent troops
    // to Haiti`) is what was moved; an actor after a preposition is the target.
    let mut organ: Option<usize> = None;
    // A role noun that modifies the noun after it (`drone components bound
    // for Iran`, `a drone incursion into Polish airspace`) is the target only
    // when no actor follows that the phrase is aimed at.
    let mut modifier_noun: Option<usize> = None;
    let mut beside_ally = false;
    while j < limit {
        if let Some(k) = input.starts[j] {
            let after_by = j > 0 && toks[j - 1].norm == "by";
            // `said China opposed ...`: a mention followed by its own verb
            // is the subject of a complement clause, not an object.
            let e = found[k].end;
            // (`said hundreds of people had fled`: a quantity's `of` is no preposition.)
            // (`the release of 11 journalists arrested while ...`: past a number
            // after `of` too; not `more than 100 civilians have been killed`.)
            let mut b = j;
            while b > from && matches!(toks[b - 1].tag, Tag::Num | Tag::Det) {
                b -= 1;
            }
            let after_prep = (preceding_prep(toks, j).is_some_and(|p| p.tag == Tag::Prep || p.tag == Tag::To)
                || b < j && b > 0 && toks[b - 1].norm == "of")
                && !(j >= 1 && quantity_of(toks, j - 1))
                && !(b >= 1 && quantity_of(toks, b - 1));
            let subject_of_clause = !after_prep
                && toks.get(e).is_some_and(|t| {
                    (is_finite_verb(t) && !is_compound_noun(toks, e) && !participle_modifier(toks, e))
                        || is_aux(t)
                        || is_adv(t) && toks.get(e + 1).is_some_and(is_finite_verb)
                });
            if subject_of_clause {
                return organ.or(modifier_noun);
            }
            // A verbal act's venue is not its target: `met at the White House`.
            let venue = verbal
                && preceding_prep(toks, j)
                    .is_some_and(|p| norm_is(p, &["at", "during", "near", "inside", "outside", "sidelines"]));
            // `on its officials`: the source's own people are no target, and
            // nothing after them is.
            let own = open_agent(&found[k])
                && (norm_is(&toks[j], &["its", "their"]) || j > 0 && norm_is(&toks[j - 1], &["its", "their"]));
            let open_organ = !verbal
                && open_agent(&found[k])
                && !found[k].members.iter().all(|x| x.sector.as_deref().is_some_and(|c| PEOPLE_SECTORS.contains(&c)));
            let aimed = preceding_prep(toks, j)
                .is_some_and(|p| norm_is(p, &["to", "against", "into", "at", "on", "toward", "towards"]));
            if own {
                // `recalled its ambassador from Algeria`: the country it leaves is the target.
                let mut f = found[k].end + 1;
                if toks.get(f - 1).is_none_or(|t| t.norm != "from") {
                    return organ.or(modifier_noun);
                }
                while toks.get(f).is_some_and(|t| t.case == Case::Lower && (t.tag == Tag::Adj || is_direction(t))) {
                    f += 1;
                }
                return input.starts.get(f).copied().flatten().or(organ).or(modifier_noun);
            }
            let modifier = in_modifier_phrase(toks, j) || j > 0 && in_modifier_phrase(toks, j - 1);
            // `fighting alongside X against Y`: X is an ally, not the target.
            let ally = preceding_prep(toks, j).is_some_and(|p| p.norm == "alongside")
                || j >= 2 && norm_is(&toks[j - 1], &["with"]) && norm_is(&toks[j - 2], &["along", "together"]);
            // (After an ally, only an enemy named as such: `alongside X against Y`.)
            let past_ally = beside_ally && !preceding_prep(toks, j).is_some_and(|p| norm_is(p, &["against"]));
            beside_ally |= ally;
            if !(found[k].is_place
                || passive && after_by
                || venue
                || modifier
                || ally
                || past_ally
                || organ.is_some() && !aimed)
            {
                let last = &toks[e - 1];
                let modifies = found[k].agent_only
                    && last.norm == last.lemma
                    && toks.get(e).is_some_and(|t| t.tag == Tag::Noun && t.case == Case::Lower);
                // (`for` only where goods are bound: `aid for Ukraine` names whom it helps.)
                let aimed_on = preceding_prep(toks, j).is_some_and(|p| {
                    norm_is(p, &["to", "against", "into", "at", "on", "toward", "towards", "over", "upon"])
                }) || j >= 2 && toks[j - 1].norm == "for" && past_as_participle(toks, j - 2);
                if modifier_noun.is_some() && !aimed_on {
                    // (Past the modifier, only an actor the phrase is aimed at.)
                } else if modifies && modifier_noun.is_none() && organ.is_none() {
                    modifier_noun = Some(k);
                } else if open_organ && organ.is_none() {
                    organ = Some(k);
                } else {
                    return Some(k);
                }
            }
            j = found[k].end;
            continue;
        }
        // `condemned what it called Israeli aggression`: the speaker's
        // naming frame is no clause of its own; the object goes on after it.
        if let Some(after) = naming_frame(toks, input, found, j) {
            j = after;
            continue;
        }
        // `welcomed, in a speech to parliament, the decision by X`: a
        // parenthetical adjunct right after the verb; the object follows it.
        if j == from {
            if let Some(after) = verb_parenthetical(toks, input, j) {
                j = after;
                continue;
            }
        }
        let t = &toks[j];
        // A subject pronoun opens a new clause: `said it had approved ...`;
        // so does an auxiliary (`said there was no evidence to hold the
        // man`, `said the infant had been taken to hospital`).
        let subject_pronoun = norm_is(t, &["he", "she", "it", "they", "we", "i"]);
        // `sent food, tents and blankets to Syria`: a comma inside a list of
        // nouns goes on with the object.
        let list_comma = t.norm == "," && noun_list_continues(toks, j);
        // `flew relief supplies to Myanmar`: an `-s` noun of goods the tagger
        // read as a verb, before `to`.
        let goods = !verbal
            && t.tag == Tag::Verb(VerbForm::Present3)
            && j > 0
            && toks[j - 1].tag == Tag::Noun
            && toks[j - 1].case == Case::Lower
            && toks.get(j + 1).is_some_and(|n| n.norm == "to");
        if list_comma || goods || past_as_participle(toks, j) {
            j += 1;
            continue;
        }
        if is_stop_punct(t)
            || is_clause_mark(t)
            || is_finite_verb(t)
            || matches!(t.tag, Tag::Aux(_) | Tag::Modal)
            || subject_pronoun
            || norm_is(t, &["said", "says"])
            || request_infinitive(toks, j)
            || verbal && background_adjunct(toks, j)
        {
            return organ.or(modifier_noun);
        }
        j += 1;
    }
    organ.or(modifier_noun)
}

/// Verbs that move goods or forces to a recipient.
const TRANSFER_VERBS: &[&str] = &["send", "supply", "deliver", "ship", "provide", "give", "transfer", "sell", "export"];

/// `to send`, `to supply`: the infinitive at `j` moves goods to someone.
pub(super) fn transfer_infinitive(toks: &[Token], j: usize) -> bool {
    toks.get(j).is_some_and(|t| t.tag == Tag::To || t.norm == "to")
        && toks.get(j + 1).is_some_and(|v| TRANSFER_VERBS.contains(&v.lemma.as_str()) && v.case == Case::Lower)
}

/// `condemned the decision amid a dispute with X`, `said ahead of talks
/// with X`: a phrase at `j` giving the circumstances of a statement names
/// no one it is aimed at.
pub(super) fn background_adjunct(toks: &[Token], j: usize) -> bool {
    let t = &toks[j];
    let next = |o: usize, w: &str| toks.get(j + o).is_some_and(|u| u.norm == w);
    let after_prep = j > 0 && matches!(toks[j - 1].tag, Tag::Prep | Tag::To);
    norm_is(t, &["amid", "amidst", "despite"])
        || t.norm == "following" && !after_prep
        || t.norm == "ahead" && next(1, "of")
        || t.norm == "in" && (next(1, "response") && next(2, "to") || next(1, "retaliation") && next(2, "for"))
        || t.norm == "in" && next(1, "the") && next(2, "wake") && next(3, "of")
}

/// `what it called`, `what he described as`, `what Moscow said was`: a
/// free relative at `j` by which a speaker names the object that follows;
/// the index after its verb (and `as` or `was`).
pub(super) fn naming_frame(toks: &[Token], input: &Input<'_, '_>, found: &[Mention], j: usize) -> Option<usize> {
    if toks[j].norm != "what" {
        return None;
    }
    let mut v = j + 1;
    if let Some(k) = input.starts.get(v).copied().flatten() {
        v = found[k].end;
    } else if toks.get(v).is_some_and(|t| norm_is(t, &["it", "he", "she", "they", "we"])) {
        v += 1;
    } else {
        return None;
    }
    let verb = toks.get(v)?;
    let naming = norm_is(
        verb,
        &[
            "called",
            "calls",
            "termed",
            "terms",
            "described",
            "describes",
            "branded",
            "brands",
            "dubbed",
            "dubs",
            "labelled",
            "labeled",
            "labels",
        ],
    );
    let saying = norm_is(verb, &["said", "says", "considered", "considers", "saw", "sees"]);
    let next = toks.get(v + 1);
    if naming {
        Some(if next.is_some_and(|t| t.norm == "as") { v + 2 } else { v + 1 })
    } else if saying && next.is_some_and(|t| norm_is(t, &["was", "were", "is", "are", "as"])) {
        Some(v + 2)
    } else {
        None
    }
}

/// `, in a statement read on television, the ...`: at the comma `j` right
/// after a verb, an adjunct between commas (opening with a preposition,
/// at most ten words, no clause of its own) followed by a noun phrase;
/// the index after the second comma.
pub(super) fn verb_parenthetical(toks: &[Token], input: &Input<'_, '_>, j: usize) -> Option<usize> {
    if toks[j].norm != "," || j == 0 || !matches!(toks[j - 1].tag, Tag::Verb(_)) {
        return None;
    }
    let end = (j + 12).min(toks.len());
    let c = j + 1 + toks[j + 1..end].iter().position(|t| t.norm == ",")?;
    let inner = &toks[j + 1..c];
    let opening = inner.first().is_some_and(|t| {
        t.tag == Tag::Prep
            && norm_is(t, &["in", "at", "during", "on", "after", "with", "through", "via", "without", "for", "before"])
    });
    let plain = inner.iter().all(|t| {
        !is_clause_mark(t) && !is_aux(t) && t.tag != Tag::Modal && !norm_is(t, &["he", "she", "it", "they", "we", "i"])
    });
    let object = input.starts.get(c + 1).copied().flatten().is_some()
        || toks.get(c + 1).is_some_and(|t| {
            matches!(t.tag, Tag::Det | Tag::Adj | Tag::Num | Tag::Noun | Tag::ProperNoun | Tag::Possessive)
        });
    (inner.len() >= 2 && opening && plain && object).then_some(c + 1)
}

/// A past form at `j` the tagger read as a finite verb that only describes
/// a noun, so the object phrase goes on past it: an attributive participle
/// after a determiner or preposition (`alarmed by renewed fighting in
/// Congo`, `the failed coup`), or a participle of sending with no object of
/// its own before where the goods go (`cargo bound for Israel`, `weapons
/// shipped to Sudan`).
pub(super) fn past_as_participle(toks: &[Token], j: usize) -> bool {
    let t = &toks[j];
    if j == 0 || t.tag != Tag::Verb(VerbForm::Past) || t.case != Case::Lower {
        return false;
    }
    let prev = &toks[j - 1];
    let next = toks.get(j + 1);
    let attributive = t.norm.ends_with("ed")
        && (matches!(prev.tag, Tag::Det | Tag::Possessive) || prev.tag == Tag::Prep && prev.norm != "that")
        && !norm_is(prev, &["that", "which", "who", "whom", "whose", "what"])
        && next.is_some_and(|n| {
            n.case == Case::Lower && matches!(n.tag, Tag::Noun | Tag::Adj | Tag::Verb(VerbForm::Gerund))
        });
    let sent = prev.tag == Tag::Noun
        && prev.case == Case::Lower
        && norm_is(
            t,
            &[
                "bound",
                "destined",
                "earmarked",
                "intended",
                "meant",
                "sent",
                "shipped",
                "sold",
                "supplied",
                "delivered",
                "exported",
                "smuggled",
                "flown",
                "transferred",
                "allocated",
            ],
        )
        && next.is_some_and(|n| norm_is(n, &["for", "to", "toward", "towards", "into"]));
    attributive || sent
}

/// Whether the comma at `j` sits inside a list of lower-case nouns that
/// ends with `and`/`or` (`wheat, fuel and medicine`).
pub(super) fn noun_list_continues(toks: &[Token], j: usize) -> bool {
    let noun = |t: &Token| t.case == Case::Lower && matches!(t.tag, Tag::Noun | Tag::Adj);
    if !toks.get(j + 1).is_some_and(noun) {
        return false;
    }
    for t in toks.iter().skip(j + 2).take(6) {
        if norm_is(t, &["and", "or"]) {
            return true;
        }
        if !(t.norm == "," || noun(t)) {
            return false;
        }
    }
    false
}

/// Whether mention `k`, after a trigger ending at `from`, sits in an
/// infinitive of purpose or is people in need after `for` (`for refugees`;
/// a country after `for` is the one asking is for, as CAMEO codes it).
pub(super) fn beneficiary(toks: &[Token], from: usize, k: &Mention) -> bool {
    let gap = &toks[from.min(k.start)..k.start];
    let purpose = gap.windows(2).any(|w| w[0].tag == Tag::To && w[1].tag == Tag::Verb(VerbForm::Base));
    let people = k.members.iter().all(|x| x.sector.as_deref().is_some_and(|c| matches!(c, "CVL" | "REF")));
    // Not the subject of an infinitive: `appealed for civilians to leave`.
    let head = toks.get(k.end).is_none_or(|t| t.tag != Tag::To);
    purpose || people && head && preceding_prep(toks, k.start).is_some_and(|p| p.norm == "for")
}

/// The `of` at `i` after a quantity (`dozens of`, `tens of thousands of`,
/// `a number of`): what follows is the object itself, not a phrase about it.
pub(super) fn quantity_of(toks: &[Token], i: usize) -> bool {
    toks[i].norm == "of"
        && i > 0
        && matches!(
            toks[i - 1].lemma.as_str(),
            "dozen" | "ten" | "tens" | "hundred" | "thousand" | "million" | "score" | "number" | "handful" | "couple"
        )
}

/// Whether the mention starting at `start` is the `of` complement of the
/// noun at `noun`: `the arrest of the city's mayor`.
pub(super) fn of_complement(toks: &[Token], noun: usize, start: usize) -> bool {
    noun + 2 <= start
        && toks[noun + 1].norm == "of"
        && toks[noun + 2..start]
            .iter()
            .all(|t| matches!(t.tag, Tag::Det | Tag::Adj | Tag::Num | Tag::Possessive | Tag::Noun))
}

/// `rejected calls to expel X`: the `to` at `j` opens the infinitive of a
/// request or plan noun, and what follows is that infinitive's object.
pub(super) fn request_infinitive(toks: &[Token], j: usize) -> bool {
    toks[j].tag == Tag::To
        && j > 0
        && toks[j - 1].tag == Tag::Noun
        && matches!(
            toks[j - 1].lemma.as_str(),
            "call"
                | "demand"
                | "plan"
                | "proposal"
                | "request"
                | "appeal"
                | "bid"
                | "effort"
                | "attempt"
                | "pressure"
                | "order"
                | "move"
                | "decision"
        )
        && toks.get(j + 1).is_some_and(|n| n.tag == Tag::Verb(VerbForm::Base))
}

/// The first place in the object of a trigger ending at `from`, reached
/// without leaving the clause; a place after `from`, `by` or `with` is
/// where the act came from or who did it, not what it hit.
pub(super) fn object_place<'p>(toks: &[Token], places: &'p [PlaceHit], from: usize) -> Option<&'p PlaceHit> {
    let limit = (from + TARGET_WINDOW).min(toks.len());
    let mut j = from;
    while j < limit {
        if let Some(p) = places.iter().find(|p| p.start == j) {
            let mut b = j;
            while b > from && (matches!(toks[b - 1].tag, Tag::Det | Tag::Adj) || is_direction(&toks[b - 1])) {
                b -= 1;
            }
            let aimed = b == 0
                || toks[b - 1].tag != Tag::Prep
                || norm_is(
                    &toks[b - 1],
                    &[
                        "of",
                        "on",
                        "at",
                        "in",
                        "into",
                        "against",
                        "across",
                        "over",
                        "near",
                        "around",
                        "toward",
                        "towards",
                        "outside",
                        "inside",
                        "to",
                        "throughout",
                        "upon",
                    ],
                );
            if aimed {
                return Some(p);
            }
            j = p.end;
            continue;
        }
        let t = &toks[j];
        if is_stop_punct(t)
            || is_clause_mark(t)
            || is_finite_verb(t)
            || norm_is(t, &["he", "she", "it", "they", "we", "i", "said", "says"])
        {
            return None;
        }
        j += 1;
    }
    None
}

/// The place that is the subject of a passive verb group starting at
/// `vg_start` (`Kherson was shelled`, `a village in Ituri was attacked`).
pub(super) fn subject_place<'p>(toks: &[Token], places: &'p [PlaceHit], vg_start: usize) -> Option<&'p PlaceHit> {
    places.iter().filter(|p| p.end <= vg_start).max_by_key(|p| p.end).filter(|p| {
        !toks[p.end..vg_start].iter().any(ends_clause)
            && p.start.checked_sub(1).is_none_or(|b| !norm_is(&toks[b], &["from", "by", "with"]))
    })
}

/// The preposition before token `j`, skipping a determiner.
pub(super) fn preceding_prep(toks: &[Token], j: usize) -> Option<&Token> {
    let mut p = j.checked_sub(1)?;
    if toks[p].tag == Tag::Det || norm_is(&toks[p], &["the", "a", "an"]) {
        p = p.checked_sub(1)?;
    }
    if norm_is(&toks[p], &["of"]) && p >= 1 && norm_is(&toks[p - 1], &["sidelines"]) {
        return Some(&toks[p - 1]);
    }
    Some(&toks[p])
}

pub(super) fn find_by_agent(s: &Sentence<'_>, input: &Input<'_, '_>, from: usize) -> Option<usize> {
    let toks = &s.tokens;
    let limit = (from + TARGET_WINDOW).min(toks.len());
    for (j, t) in toks.iter().enumerate().take(limit).skip(from) {
        if is_stop_punct(t) || is_clause_mark(t) {
            return None;
        }
        if t.norm == "by" {
            // `by accusing Ukraine`: a gerund's object is no agent.
            if toks.get(j + 1).is_some_and(|n| n.tag == Tag::Verb(VerbForm::Gerund)) {
                return None;
            }
            return input.starts.get(j + 1).copied().flatten().or(input.starts.get(j + 2).copied().flatten());
        }
    }
    None
}

/// Whether the country mention `k`, a target of a material act whose verb
/// is at `trigger_start`, names where the act's object is rather than a
/// party: inside the object noun phrase after a place preposition (`stormed
/// a camp in northern Mali`, `captured a base in Mali's north`), or as the
/// modifier of the object noun (`seized the Ethiopian town of Jijiga`).
pub(super) fn country_as_place(toks: &[Token], trigger_start: usize, k: &Mention) -> bool {
    // (From the verb: a pattern's trigger can hold the object noun, `captured
    // .. base`; not from a place phrase right after it, `captured in Isis
    // territory in Syria`.)
    let gap = toks.get(trigger_start + 1..k.start).unwrap_or_default();
    let where_first = gap.first().is_some_and(|t| norm_is(t, &["in", "at", "near", "inside", "outside", "during"]));
    let within = !where_first
        && gap.iter().any(|t| t.tag == Tag::Noun && !is_direction(t))
        && !gap.iter().any(ends_clause)
        && preceding_prep(toks, k.start).is_some_and(|p| {
            norm_is(p, &["in", "near", "outside", "across", "around", "throughout", "of"])
                || is_direction(p) && k.start >= 2 && norm_is(&toks[k.start - 2], &["in", "near", "across", "of"])
        });
    within || modifies_object_noun(toks, trigger_start, k)
}

/// `attacked the Yemeni city of Marib`, `walked into the Congolese city of
/// Bukavu`: a country right after the verb (past its particle, determiners
/// and adjectives) that modifies the noun after it.
fn modifies_object_noun(toks: &[Token], trigger_start: usize, k: &Mention) -> bool {
    let mut gap = toks.get(trigger_start + 1..k.start).unwrap_or_default();
    if let [p, rest @ ..] = gap {
        if norm_is(p, &["into", "onto", "through", "across", "toward", "towards"]) {
            gap = rest;
        }
    }
    let head = toks.get(k.end).filter(|t| t.tag != Tag::Possessive).or_else(|| toks.get(k.end + 1));
    k.members.len() == 1
        && gap.iter().all(|t| matches!(t.tag, Tag::Det | Tag::Adj) || is_direction(t))
        && head.is_some_and(|t| t.case == Case::Lower && t.tag == Tag::Noun && !is_direction(t))
}

/// The country that `the country's` before mention `k` stands for (`accused
/// the country's electoral commission`): that of the nearest actor named
/// before it.
pub(super) fn the_country(toks: &[Token], found: &[Mention], k: usize) -> Option<String> {
    let m = &found[k];
    let mut b = m.start;
    while b > 0 && matches!(toks[b - 1].tag, Tag::Adj | Tag::Det | Tag::Adv) && toks[b - 1].case == Case::Lower {
        b -= 1;
    }
    let owner = b >= 3
        && toks[b - 1].tag == Tag::Possessive
        && norm_is(&toks[b - 2], &["country", "nation"])
        && norm_is(&toks[b - 3], &["the", "this"]);
    if !owner {
        return None;
    }
    found[..k]
        .iter()
        .rev()
        .filter(|p| p.end < b)
        .find_map(|p| p.members.iter().find_map(|member| member.country.clone()))
}

/// Whether people follow at `j` (past adjectives): an actor, or a head
/// word for the people of a body (`its rector`, `their leaders`).
pub(super) fn possessed_people(toks: &[Token], input: &Input<'_, '_>, mut j: usize) -> bool {
    while toks.get(j).is_some_and(|t| t.tag == Tag::Adj && t.case == Case::Lower) {
        j += 1;
    }
    input.starts.get(j).copied().flatten().is_some()
        || toks.get(j).is_some_and(|t| {
            matches!(
                t.lemma.as_str(),
                "rector"
                    | "editor"
                    | "chairman"
                    | "director"
                    | "founder"
                    | "owner"
                    | "head"
                    | "chief"
                    | "leader"
                    | "member"
                    | "staff"
                    | "employee"
                    | "executive"
                    | "official"
                    | "journalist"
                    | "student"
                    | "worker"
                    | "president"
                    | "commander"
            )
        })
}

/// Whether a trigger says its act goes both ways between the members of a
/// compound subject, whatever the act (`X and Y traded accusations`,
/// `exchanged threats`, `swapped detainees`, `accused each other`, `blamed
/// one another`): each member then acts on the other. An exchange of views
/// (04x) is already mutual; CAMEO codes consultations both ways too, so the
/// signal changes nothing there. One actor alone (`X traded accusations
/// with Y`) keeps its `with` party as the only target, as the gold does.
pub(super) fn reciprocal_signal(toks: &[Token], trigger_start: usize, trigger_end: usize) -> bool {
    let end = (trigger_end + 2).min(toks.len());
    let Some(window) = toks.get(trigger_start..end) else {
        return false;
    };
    // (The verb itself: not `imposed trade curbs`.)
    let trade = matches!(window[0].tag, Tag::Verb(_))
        && norm_is(
            &window[0],
            &[
                "trade",
                "traded",
                "trades",
                "trading",
                "exchange",
                "exchanged",
                "exchanges",
                "exchanging",
                "swap",
                "swapped",
                "swaps",
                "swapping",
            ],
        );
    let each_other = window.windows(2).any(|w| {
        norm_is(&w[0], &["each"]) && norm_is(&w[1], &["other"])
            || norm_is(&w[0], &["one"]) && norm_is(&w[1], &["another"])
    });
    trade || each_other
}
