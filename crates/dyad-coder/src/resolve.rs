//! In-document actor resolution: what a reader knows about names that the
//! dictionaries do not.
//!
//! * Titles: `Chinese Foreign Minister Wang Yi` gives Wang Yi the title's
//!   code (CHNGOV); later `Wang Yi` or `Wang` in the same document reuse it.
//! * Apposition: `Vasily Nebenzya, Russia's ambassador to the UN,` (also
//!   after an age, `, 54,`, or `who is`/`who serves as`) gives the person
//!   RUSGOV.
//! * Pairs: `the two sides`, `both countries` name the last coordinated pair
//!   of the document (`Turkey and Greece ...`).
//! * Ambiguous country names: a country name inside a person's name
//!   (`Michael Jordan`, `Mr. Chad`) or a US state (`Atlanta, Georgia`,
//!   `the state of Georgia`) is not the country; `Georgia Governor` or
//!   `Georgia lawmakers` in a story from Atlanta is the US state (`USA`).
//!   Bare `Congo` and bare
//!   `Korea` take the country the document has named by a name of its own.

use std::collections::HashMap;

use dyad_dict::Dictionaries;
use dyad_text::{Case, Tag, Token};

use crate::mentions::{self, Member, Mention, ORGAN_SECTORS};
use crate::sentence::Sentence;

/// Nouns that, after `the two` or `both`, refer back to a pair.
const PAIR_NOUNS: &[&str] = &[
    "side",
    "country",
    "government",
    "leader",
    "nation",
    "party",
    "delegation",
    "neighbour",
    "neighbor",
    "rival",
    "state",
    "president",
    "minister",
    "army",
    "capital",
];

/// What a document has taught the coder so far.
#[derive(Debug, Default)]
pub(crate) struct DocMemory {
    /// Lower-cased names (full name and surname) -> the actor they name.
    names: HashMap<String, Member>,
    /// The members of the last coordinated mention (`Turkey and Greece`).
    pub(crate) last_pair: Option<Vec<Member>>,
    /// The document named the Republic of the Congo (`Brazzaville`), and
    /// the DRC by a name of its own (`Kinshasa`, `DRC`, `Tshisekedi`).
    named_cog: bool,
    named_cod: bool,
    /// The document named South Korea, North Korea by a name of their own
    /// (`South Korean`, `Seoul`, `Pyongyang`, an office-holder, `KCNA`).
    named_kor: bool,
    named_prk: bool,
    /// The document is a sports report (`sporting`), once computed.
    sport: Option<bool>,
    /// What the document says of which Georgia it means
    /// (`georgia_context`), once computed.
    georgia: Option<GeorgiaContext>,
    /// How often each country has been named so far (`office_country`).
    countries: Vec<(String, u32)>,
    /// How often each country has been named as where things happen
    /// (`in Syria`) so far (`group_country`).
    scenes: Vec<(String, u32)>,
    /// The country of the last sentence's subject, approximated by its
    /// first actor (`office_country`).
    last_subject: Option<String>,
    /// Sentences read so far (the first may hold a dateline).
    sentences: usize,
}

/// Whether `w` (a lower-case norm) is a weekday or a month: a capitalised
/// word that is a date, not a name. A `match`, which tests the length
/// first, instead of nineteen compares (it runs for every capitalised word).
pub(crate) fn is_calendar_word(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
    )
}

/// Head nouns of an armed act (norms): a country right before one, with
/// lower-case modifiers between (`a US drone strike`, `Russian shelling`),
/// names who struck, not where.
const ACT_HEADS: &[&str] = &[
    "strike",
    "strikes",
    "airstrike",
    "airstrikes",
    "raid",
    "raids",
    "attack",
    "attacks",
    "shelling",
    "bombing",
    "bombings",
    "bombardment",
    "barrage",
    "offensive",
    "assault",
    "incursion",
    "invasion",
    "ambush",
    "fire",
    "crossfire",
];

/// Whether the noun phrase from token `end` on (right after a country) is
/// headed by an armed act, past at most two lower-case modifiers (`US
/// [air] strike`, `Israeli [drone] attack`): the country is the attacker,
/// so `killed in a US strike on Sanaa` is not set in the United States.
pub(crate) fn names_an_attacker(toks: &[Token], end: usize) -> bool {
    let head = |t: &Token| t.case == Case::Lower && ACT_HEADS.contains(&t.norm.as_str());
    let modifier = |t: &Token| t.case == Case::Lower && matches!(t.tag, Tag::Noun | Tag::Adj) && !head(t);
    let rest = &toks[end.min(toks.len())..];
    let at = rest.iter().take(2).take_while(|t| modifier(t)).count();
    rest.get(at).is_some_and(head)
}

fn is_name_word(t: &Token, all_caps: bool) -> bool {
    // Cheapest tests first: this runs for every token.
    !all_caps
        && t.case == Case::Title
        && matches!(t.tag, Tag::ProperNoun | Tag::Noun | Tag::Other)
        && !is_calendar_word(&t.norm)
        && t.norm.chars().next().is_some_and(char::is_alphabetic)
}

/// Resolves names, pairs and ambiguous countries in one sentence's
/// mentions, learning names for later sentences.
pub(crate) fn resolve(s: &Sentence<'_>, dicts: &Dictionaries, found: &mut Vec<Mention>, memory: &mut DocMemory) {
    let toks = &s.tokens;
    // Only a bare country can be dropped: most sentences have none and
    // need not read the document for sport.
    if found.iter().any(all_bare_countries) && *memory.sport.get_or_insert_with(|| sporting(s.text)) {
        found.retain(|m| !all_bare_countries(m));
    }
    drop_ambiguous_countries(toks, found);
    resolve_georgia(s, found, memory);
    resolve_congo(toks, found, memory);
    resolve_korea(toks, s.all_caps, found, memory);
    counted_people(toks, dicts, found);
    hostages_of_the_other_side(toks, found);
    let covered = |found: &[Mention], i: usize| found.iter().any(|m| m.start <= i && i < m.end);
    // Runs of capitalised words outside any mention: candidate person names.
    // In a Title Case headline a capital marks no name: a word that can
    // anchor an event pattern is the verb there (`Russian Troops Attack
    // Village` made `Attack` a name of the troops).
    // Read only when a name word outside the mentions asks for it.
    let title_case = std::cell::OnceCell::new();
    let title_case = || *title_case.get_or_init(|| mentions::title_case(s));
    let index = dicts.pattern_index();
    let headline_verb = |found: &[Mention], i: usize| {
        s.can_anchor(i, index) && found.iter().any(|m| m.end == i && agrees(toks, m, i)) && !quoted(toks, i)
    };
    let name_at = |found: &[Mention], i: usize| {
        is_name_word(&toks[i], s.all_caps) && !covered(found, i) && !(title_case() && headline_verb(found, i))
    };
    let mut runs = Vec::new();
    // Names given an open role by an apposition: (name start, role start).
    let mut open_appositions = Vec::new();
    let mut i = 0;
    // An all-caps sentence has no name word (`is_name_word`).
    while i < toks.len() && !s.all_caps {
        // Most tokens are no Title-case word: settled without the call.
        if toks[i].case != Case::Title {
            i += 1;
        } else if name_at(found, i) {
            // (`name_at` holds at `start`: the run goes on from the next word.)
            let start = i;
            i += 1;
            while i < toks.len() && i - start < 4 && name_at(found, i) {
                i += 1;
            }
            // A lone capitalised word opening the sentence is usually not a name.
            if !(start == 0 && i - start == 1 && toks[0].tag != Tag::ProperNoun) {
                runs.push((start, i));
            }
        } else {
            i += 1;
        }
    }
    for (start, end) in runs {
        let full = (start..end).map(|k| toks[k].norm.as_str()).collect::<Vec<_>>().join(" ");
        let surname = toks[end - 1].norm.clone();
        // A title right before the name: `Chinese Foreign Minister Wang Yi`.
        if let Some(m) =
            found.iter_mut().find(|m| m.end == start && m.members.len() == 1 && m.members[0].sector.is_some())
        {
            m.end = end;
            m.agent_only = false;
            let member = m.members[0].clone();
            learn(memory, &full, &surname, end - start, &member);
            continue;
        }
        // Apposition: `Vasily Nebenzya, Russia's ambassador to the UN,`.
        let appositive = (toks.get(end).is_some_and(|t| t.norm == ","))
            .then(|| {
                let after_who = toks.get(end + 1).is_some_and(|t| t.norm == "who");
                appositive_role(toks, found, apposition_start(toks, end + 1), after_who)
            })
            .flatten();
        if let Some((member, role_start)) = appositive {
            learn(memory, &full, &surname, end - start, &member);
            // An open role's country comes from context, as the role's own does.
            let agent_only = member.country.is_none() && member.code.is_none();
            if agent_only {
                open_appositions.push((start, role_start));
            }
            found.push(Mention { start, end, members: vec![member], is_place: false, agent_only, backed: None });
            continue;
        }
        // A name met earlier in the document.
        let known = memory.names.get(&full).or_else(|| memory.names.get(surname.as_str())).cloned();
        if let Some(member) = known {
            found.push(Mention { start, end, members: vec![member], is_place: false, agent_only: false, backed: None });
        }
    }
    found.sort_by_key(|m| m.start);
    relatives(toks, found);
    role_named_by_apposition(toks, found);
    counterparts(toks, found);
    resolve_pairs(toks, found, memory);
    found.sort_by_key(|m| m.start);
    if let Some(pair) = found.iter().rev().find(|m| m.members.len() >= 2 && !m.is_place) {
        memory.last_pair = Some(pair.members.clone());
    }
    // (Only a document's first sentence may open with a dateline.)
    let dateline = if memory.sentences == 0 { dateline_end(toks) } else { 0 };
    office_country(toks, found, memory, dateline);
    israeli_settlers(s, dicts, found, memory);
    // Only the sentence just before: an older subject is often no longer the
    // topic. A quoted sentence's subject is the speaker's topic, not the
    // story's (`"America has spoken," the prime minister said`).
    let quoted = toks.first().is_some_and(|t| matches!(t.norm.as_str(), "\"" | "\u{201c}" | "'" | "\u{2018}"));
    memory.last_subject = subject_country(toks, found, dateline).filter(|_| !quoted);
    memory.sentences += 1;
    group_country(s, dicts, found, memory);
    // `Istvan Nagy, a senior Finance Ministry official,`: the name shares
    // the country the office was given.
    for (name, role) in open_appositions {
        let settled =
            found.iter().find(|m| m.start == role && m.members[0].country.is_some()).map(|m| m.members.clone());
        if let (Some(members), Some(m)) = (settled, found.iter_mut().find(|m| m.start == name)) {
            m.members = members;
            m.agent_only = false;
        }
    }
}

/// The role an apposition starting at `at` gives the name before it: a
/// mention there with a country (`Russia's ambassador to the UN`), or an
/// open role noun after an article and lower-case modifiers (`a former
/// justice minister`, `an opposition lawmaker`), whose country the grammar
/// settles as for a title (`opposition leader Nika Gvaramia`); not one tied
/// to an organisation the dictionaries do not know (`a spokesman for the
/// Danish Dairy Board`, `a professor of history`), whose sector is a guess.
/// A relative
/// clause after the role that gives a current one wins over it: `a former
/// justice minister who now leads an opposition alliance` is the
/// opposition.
fn appositive_role(toks: &[Token], found: &[Mention], at: usize, after_who: bool) -> Option<(Member, usize)> {
    let single = |m: &&Mention| m.members.len() == 1 && !m.is_place;
    let role = found.iter().filter(single).find(|m| m.start == at && m.members[0].country.is_some()).or_else(|| {
        // `the` only after `who heads`: `Gazprom, the company tipped to buy
        // it` names a firm whose country the context would guess.
        let opener = toks.get(at).map(|t| t.norm.as_str());
        let article = matches!(opener, Some("a" | "an")) || after_who && opener == Some("the");
        let bare = !matches!(opener, Some("a" | "an" | "the"));
        let open = |m: &Mention| m.members[0].code.is_none() && m.members[0].country.is_none();
        let modifiers = |m: &Mention| {
            m.start > at
                && m.start - at <= 3
                && toks[at + 1..m.start].iter().all(|t| t.case == Case::Lower && t.tag != Tag::Punct)
        };
        let fits = |m: &Mention| m.start == at && (bare || article) || article && modifiers(m);
        found.iter().filter(single).find(|m| open(m) && fits(m) && !placed(toks, m))
    })?;
    let current = toks.get(role.end).is_some_and(|t| t.norm == "who").then(|| {
        let at = apposition_start(toks, role.end);
        found.iter().filter(single).find(|m| m.start == at && m.members[0].sector.is_some())
    });
    let role = current.flatten().unwrap_or(role);
    Some((role.members[0].clone(), role.start))
}

/// Verbs (present tense) of a relative clause that gives a person's current
/// office: `who now leads the opposition`, `who heads the ministry`.
const LEAD_VERBS: &[&str] = &["leads", "heads", "chairs", "runs"];

/// Words after `who` of a relative clause that only says what a person
/// is: `who is`, `who serves as`, `who has been`, `who is now`.
const COPULA_WORDS: &[&str] =
    &["is", "was", "serves", "served", "has", "had", "been", "as", "now", "currently", "also", "became"];

/// Where the role of an apposition after a name starts, from `at` (the
/// word after the comma): past an age (`Jan Novak, 54, a former Polish
/// diplomat`) and a relative clause that only says what the person is
/// (`Jan Novak, who serves as Poland's deputy foreign minister,`).
fn apposition_start(toks: &[Token], mut at: usize) -> usize {
    if toks.get(at).is_some_and(|t| t.tag == Tag::Num) && toks.get(at + 1).is_some_and(|t| t.norm == ",") {
        at += 2;
    }
    if toks.get(at).is_some_and(|t| t.norm == "who") {
        at += 1;
        while toks.get(at).is_some_and(|t| COPULA_WORDS.contains(&t.norm.as_str())) {
            at += 1;
        }
        if toks.get(at).is_some_and(|t| LEAD_VERBS.contains(&t.norm.as_str())) {
            at += 1;
        }
    }
    at
}

/// Whether the capitalised word at `i`, right after the actor `m` in a
/// Title Case headline, can be its verb by agreement: after a named actor
/// in the singular (a name that is its own lemma) only a form in `-s` or
/// `-ed` (`Lavrov Walks Out`, `Kremlin Warns`): `After Trump Attack` and
/// `Trump Attack on Biden` are a noun after a name, not an attack. Role
/// nouns are left alone: `Police Arrest`, `Government Cracks Down`.
fn agrees(toks: &[Token], m: &Mention, i: usize) -> bool {
    let head = &toks[m.end - 1];
    let named = m.members.iter().any(|x| x.code.as_ref().is_some_and(|c| c.len() > 3 || x.sector.is_none()));
    let word = toks[i].norm.as_str();
    !(named && head.norm == head.lemma) || word.ends_with('s') && !word.ends_with("ss") || word.ends_with("ed")
}

/// Whether token `i` is inside quotation marks opened before it in the
/// sentence: a quoted title (`'Why Women Kill' Canceled`) or a quoted
/// remark in a headline is no actor's act.
fn quoted(toks: &[Token], i: usize) -> bool {
    toks[..i].iter().filter(|t| matches!(t.norm.as_str(), "\"" | "'")).count() % 2 == 1
}

/// Whether the word before a mention, or its first word, is a possessive
/// pronoun (`its government`): the grammar gives it its owner's country.
fn possessed_pronoun(toks: &[Token], m: &Mention) -> bool {
    let owner = |t: &Token| matches!(t.norm.as_str(), "its" | "their" | "his" | "her" | "our" | "my");
    m.start > 0 && owner(&toks[m.start - 1]) || owner(&toks[m.start])
}

/// Head nouns of a government office or organ. `president`, `official`,
/// `spokesman`, `chairman`, `governor` are left out: in business news they
/// are as often a company's or a bank's. The plural `governments` is
/// left out too: `western governments`, `donor governments` are many.
const OFFICE_NOUNS: &[&str] = &["government", "ministry", "minister", "premier", "chancellor", "cabinet", "secretary"];

/// Whether a mention is tied to a place or organisation the dictionaries
/// do not know: `of`/`for`/`at` after it (`the minister of Puntland`, `a
/// spokesman for Schlumberger`), or a capitalised word right before it
/// (`Pennsylvania attorney general`). The grammar's place rules and the
/// role's own words decide those.
fn placed(toks: &[Token], m: &Mention) -> bool {
    let after = toks.get(m.end).is_some_and(|t| matches!(t.norm.as_str(), "of" | "for" | "at"));
    let before =
        m.start > 1 && toks[m.start - 1].case != Case::Lower && toks[m.start - 1].norm.chars().all(char::is_alphabetic);
    after || before
}

/// `the prime minister`, `the interior ministry`, `the Home Secretary`: a
/// government office (a `GOV` role noun with no country of its own, not
/// possessed by a pronoun) belongs to the country the document is about:
/// the one it has named most so far (earlier sentences, and this one
/// before the office), when that country is named at least twice as often
/// as any other. The grammar's fallback, the country of the other side or
/// of a place in the sentence, was wrong for about half of such offices on
/// BBC and Guardian reports (`The chancellor is travelling to America`
/// coded USAGOV, `Foreign Secretary Jack Straw is to visit Thailand`
/// THAGOV; docs/actors.md). With no such country the office is left to the
/// grammar: settling it to its sector alone instead lost as many right
/// countries as wrong ones.
fn office_country(toks: &[Token], found: &mut [Mention], memory: &mut DocMemory, dateline_end: usize) {
    let mut settled = vec![false; found.len()];
    for k in 0..found.len() {
        let m = &found[k];
        let office = m.backed.is_none()
            && !possessed_pronoun(toks, m)
            && m.members.iter().all(|x| x.code.is_none() && x.country.is_none() && x.sector.as_deref() == Some("GOV"))
            && toks[m.start..m.end].iter().any(|t| OFFICE_NOUNS.contains(&t.lemma.as_str()) && t.norm != "governments")
            && !placed(toks, m);
        if !office {
            continue;
        }
        // No dominant country: a bare office (no name after it) is the
        // country of the last sentence's subject, not the dateline's or a
        // venue's (`Ethiopia accused Eritrea ... The government also`).
        // (A title's holder, `Foreign Secretary Boris Johnson`, is no subject's.)
        // (Nor are plural offices, `ministers were prepared to`, often the
        // home government's in a story about another country's.)
        let last = toks[m.start..m.end].iter().rposition(|t| OFFICE_NOUNS.contains(&t.lemma.as_str()));
        let bare = last.is_some_and(|l| m.start + l + 1 == m.end && toks[m.start + l].norm == toks[m.start + l].lemma);
        let dominant =
            dominant_country(&memory.countries, &found[..k]).or_else(|| memory.last_subject.clone().filter(|_| bare));
        settled[k] = true;
        if let Some(c) = dominant {
            for x in &mut found[k].members {
                x.country = Some(c.clone());
            }
        }
    }
    // (A news agency in the dateline, `LONDON (Reuters) -`, is no country
    // the story is about.)
    let counted =
        |m: &Mention| !(m.end <= dateline_end && m.members.iter().any(|x| x.sector.as_deref() == Some("MED")));
    for m in found.iter().zip(&settled).filter(|(m, settled)| !**settled && counted(m)).map(|(m, _)| m) {
        for c in m.members.iter().filter_map(|x| x.country.as_deref()) {
            count(&mut memory.countries, c);
        }
    }
}

/// `settlers` with no country of their own in a sentence or story about
/// Israel or the Palestinian territories are Israel's (`ISRSET`), as a
/// news reader takes them: the grammar's fallback, the country of the
/// place or of the other side, made them Palestinian (`Settlers attacked
/// villagers near Hebron` was `PSESET`).
fn israeli_settlers(s: &Sentence<'_>, dicts: &Dictionaries, found: &mut [Mention], memory: &DocMemory) {
    let open_settlers = |m: &Mention| {
        m.members.iter().all(|x| x.country.is_none() && x.code.is_none() && x.sector.as_deref() == Some("SET"))
    };
    if !found.iter().any(open_settlers) {
        return;
    }
    let holy_land = |c: &str| c == "PSE" || c == "ISR";
    let named = memory.countries.iter().any(|(c, _)| holy_land(c))
        || found.iter().flat_map(|m| &m.members).any(|x| x.country.as_deref().is_some_and(holy_land))
        || (0..s.tokens.len()).any(|i| {
            dicts
                .place_trie()
                .matches_at(i, s.tokens.len(), |k| s.keys(k))
                .into_iter()
                .flat_map(|(_, ids)| ids)
                .any(|&id| holy_land(&dicts.places()[id as usize].country))
        });
    if !named {
        return;
    }
    for m in found.iter_mut().filter(|m| open_settlers(m) && !possessed_pronoun(&s.tokens, m)) {
        for x in &mut m.members {
            x.country = Some("ISR".to_string());
        }
    }
}

/// The end of a dateline (`NAIROBI (Reuters) -`): the token after its
/// dash, within the first eight tokens of a sentence that opens with a
/// capitalised word; 0 when there is none.
fn dateline_end(toks: &[Token]) -> usize {
    if toks.first().is_none_or(|t| t.case == Case::Lower) {
        return 0;
    }
    toks.iter()
        .take(8)
        .position(|t| matches!(t.norm.as_str(), "-" | "--" | "\u{2014}" | "\u{2013}"))
        .map_or(0, |i| i + 1)
}

/// The country of a sentence's subject, approximated by its first actor
/// that is not in the dateline, not a news agency and not after a
/// preposition (`In Kenya, police ...`, `met in Dakar`); none when that
/// actor has no country yet (`Police said ...`) or is a pair.
fn subject_country(toks: &[Token], found: &[Mention], dateline_end: usize) -> Option<String> {
    found
        .iter()
        .filter(|m| m.start >= dateline_end)
        .filter(|m| !m.members.iter().any(|x| x.sector.as_deref() == Some("MED")))
        .filter(|m| {
            m.start == 0
                || !matches!(
                    toks[m.start - 1].norm.as_str(),
                    "in" | "at"
                        | "near"
                        | "from"
                        | "to"
                        | "into"
                        | "across"
                        | "outside"
                        | "inside"
                        | "around"
                        | "of"
                        | "with"
                        | "by"
                        | "for"
                        | "on"
                        | "against"
                )
        })
        .find(|m| !m.is_place)
        .and_then(|m| match m.members.as_slice() {
            [x] => x.country.clone(),
            _ => None,
        })
}

/// The country a document is about: the one named most so far (earlier
/// sentences, and `before` in this one), at least twice as often as any other.
fn dominant_country(named: &[(String, u32)], before: &[Mention]) -> Option<String> {
    let mut counts = named.to_vec();
    for c in before.iter().flat_map(|p| &p.members).filter_map(|x| x.country.as_deref()) {
        count(&mut counts, c);
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    match counts.as_slice() {
        [(c, _)] => Some(c.clone()),
        [(c, top), (_, second), ..] if *top >= 2 * *second => Some(c.clone()),
        _ => None,
    }
}

/// Sectors of an armed group that no state commands.
pub(crate) const NON_STATE_ARMED: &[&str] = &["REB", "INS", "SEP"];

/// `Kurdish forces`, `Turkish-backed rebels`, `Iranian-backed militias`: an
/// armed group settled to its sector alone (no scene of its own in the
/// sentence, see `mentions::names_a_people` and `backed_scene`) fights
/// where the document is set, as a reader of a story from Syria takes them
/// to be in Syria: the country the document has placed things in (`in
/// Syria`) most so far, at least twice as often as any other. Not the
/// country it names most: a story about a British jihadist held in Syria
/// names Britain more. Never the backer's country, nor one this sentence
/// names as an actor (most often the side it fights), nor when the
/// sentence names a place of its own (`near Basra`), which the grammar's
/// scene rules use instead.
fn group_country(s: &Sentence<'_>, dicts: &Dictionaries, found: &mut [Mention], memory: &mut DocMemory) {
    let toks = &s.tokens;
    let scene = |m: &Mention| match m.members.as_slice() {
        [x] if x.code.is_some() && x.code == x.country && x.sector.is_none() => {
            (mentions::after_preposition(toks, m.start, &["in", "inside", "across", "throughout"])
                && !names_an_attacker(toks, m.end))
            .then(|| x.country.clone())
            .flatten()
        }
        _ => None,
    };
    let scenes: Vec<String> = found.iter().filter_map(scene).collect();
    let dominant = dominant_country(&memory.scenes, &[]);
    for c in &scenes {
        count(&mut memory.scenes, c);
    }
    let open_group = |m: &Mention| {
        !possessed_pronoun(toks, m)
            && m.members.iter().all(|x| {
                x.country.is_none()
                    && x.code.is_some()
                    && x.code == x.sector
                    && x.sector.as_deref().is_some_and(|sec| NON_STATE_ARMED.contains(&sec))
            })
    };
    if !found.iter().any(open_group) || names_a_place(toks) {
        return;
    }
    let Some(c) = dominant else { return };
    if found.iter().flat_map(|m| &m.members).any(|x| x.country.as_deref() == Some(c.as_str())) {
        return;
    }
    for m in found.iter_mut().filter(|m| open_group(m)) {
        let backer =
            m.backed.as_ref().and_then(|b| b.backer).and_then(|id| dicts.actors()[id as usize].country.as_deref());
        if backer == Some(c.as_str()) {
            continue;
        }
        for x in &mut m.members {
            x.country = Some(c.clone());
            x.code = None;
        }
    }
}

/// Whether a capitalised word follows a locative preposition (`in Idlib`,
/// `near the Iraqi border`): the sentence names a scene of its own.
fn names_a_place(toks: &[Token]) -> bool {
    toks.iter().enumerate().any(|(i, t)| {
        matches!(t.norm.as_str(), "in" | "at" | "near" | "outside" | "inside" | "around")
            && toks[i + 1..]
                .iter()
                .find(|n| !(n.case == Case::Lower && (n.tag == Tag::Det || n.tag == Tag::Adj)))
                .is_some_and(|n| n.case != Case::Lower && !is_calendar_word(&n.norm))
    })
}

fn count(counts: &mut Vec<(String, u32)>, country: &str) {
    match counts.iter_mut().find(|(c, _)| c == country) {
        Some((_, n)) => *n += 1,
        None => counts.push((country.to_string(), 1)),
    }
}

/// `the minister, Sergei Lavrov,`: an open role noun (no country) whose
/// appositive is a named actor in the dictionaries is that actor. The
/// grammar skips appositions when it looks for a subject, so the role noun
/// would otherwise be settled against the other side of the event.
fn role_named_by_apposition(toks: &[Token], found: &mut [Mention]) {
    for k in 0..found.len().saturating_sub(1) {
        let (role, next) = (&found[k], &found[k + 1]);
        let open_role = role.agent_only && role.members.iter().all(|m| m.country.is_none() && m.code.is_none());
        let named = next.members.len() == 1 && next.members[0].code.as_ref().is_some_and(|c| c.len() > 3);
        let apposed = next.start == role.end + 1
            && toks[role.end].norm == ","
            && toks.get(next.end).is_none_or(|t| matches!(t.norm.as_str(), "," | "." | ";"));
        if open_role && named && apposed && !next.is_place {
            let members = next.members.clone();
            found[k].members = members;
            found[k].agent_only = false;
        }
    }
}

/// `his Iranian counterpart`, `their French and German counterparts`: a
/// bare country before `counterpart` is that country's holder of the same
/// office as the nearest actor before it with a sector (`Turkish Foreign
/// Minister Hakan Fidan held talks with his Iranian counterpart` -> IRNGOV,
/// `the army chief met his Afghan counterpart` -> AFGMIL), not the bare
/// country. With no such actor, GOV: a counterpart in the news is mostly a
/// minister or a leader.
fn counterparts(toks: &[Token], found: &mut [Mention]) {
    for k in 0..found.len() {
        let m = &found[k];
        if !all_bare_countries(m) || m.is_place || toks.get(m.end).is_none_or(|t| t.lemma != "counterpart") {
            continue;
        }
        let sector = found[..k]
            .iter()
            .rev()
            .filter(|p| !p.is_place)
            .flat_map(|p| &p.members)
            .find_map(|x| x.sector.clone().filter(|_| x.country.is_some()))
            .unwrap_or_else(|| "GOV".to_string());
        let m = &mut found[k];
        m.end += 1;
        for x in &mut m.members {
            x.sector = Some(sector.clone());
        }
    }
}

fn learn(memory: &mut DocMemory, full: &str, surname: &str, words: usize, member: &Member) {
    if member.country.is_none() && member.code.is_none() {
        return;
    }
    memory.names.insert(full.to_string(), member.clone());
    if words >= 2 {
        memory.names.insert(surname.to_string(), member.clone());
    }
}

/// `the two sides`, `both countries` -> the last pair of the document.
fn resolve_pairs(toks: &[Token], found: &mut Vec<Mention>, memory: &DocMemory) {
    let Some(pair) = &memory.last_pair else { return };
    let mut i = 0;
    while i < toks.len() {
        let head = match (&toks[i].norm[..], toks.get(i + 1)) {
            ("both", _) => Some(i + 1),
            ("the", Some(two)) if two.norm == "two" => Some(i + 2),
            _ => None,
        };
        let (start, noun) = match head.and_then(|h| toks.get(h).map(|n| (h, n))) {
            Some((h, n)) => match (i, h).into_pair(n) {
                // One modifier may come first (`the two NATO neighbours`,
                // `both former rivals`), unless it names a country: `both
                // Chinese ministers` are Chinese, not the last pair.
                (_, None) if !names_a_country(found, h) => match toks.get(h + 1) {
                    Some(n) if n.tag != Tag::Punct => (i, h + 1).into_pair(n),
                    _ => (i, None),
                },
                paired => paired,
            },
            None => (i, None),
        };
        if let Some(noun) = noun {
            let end = noun + 1;
            found.retain(|m| m.end <= start || m.start >= end);
            found.push(Mention { start, end, members: pair.clone(), is_place: false, agent_only: false, backed: None });
            i = end;
        } else {
            i += 1;
        }
    }
}

/// Whether token `k` is inside a mention with a country.
fn names_a_country(found: &[Mention], k: usize) -> bool {
    found.iter().any(|m| m.start <= k && k < m.end && m.members.iter().any(|a| a.country.is_some()))
}

trait IntoPair {
    fn into_pair(self, noun: &Token) -> (usize, Option<usize>);
}

impl IntoPair for (usize, usize) {
    fn into_pair(self, noun: &Token) -> (usize, Option<usize>) {
        (self.0, PAIR_NOUNS.contains(&noun.lemma.as_str()).then_some(self.1))
    }
}

/// Country names that are part of a person's name or a US state.
fn drop_ambiguous_countries(toks: &[Token], found: &mut Vec<Mention>) {
    found.retain(|m| {
        let single_country = m.end == m.start + 1
            && m.members.len() == 1
            && m.members[0].code.as_deref().is_some_and(|c| c.len() == 3)
            && m.members[0].code == m.members[0].country;
        if !single_country || m.start == 0 {
            return true;
        }
        let prev = &toks[m.start - 1];
        // `Michael Jordan`, `Mr. Chad`: a first name or title before it.
        let in_person_name = prev.case == Case::Title
            && matches!(prev.tag, Tag::ProperNoun | Tag::Other)
            && (m.start == 1 || toks[m.start - 2].norm != ",")
            || matches!(prev.norm.as_str(), "mr." | "mrs." | "ms." | "dr." | "mr" | "mrs" | "ms" | "dr");
        // `Atlanta, Georgia`, `the state of Georgia`: a US state.
        let us_state = m.members[0].code.as_deref() == Some("GEO")
            && (prev.norm == "," && m.start >= 2 && toks[m.start - 2].case == Case::Title
                || prev.norm == "of" && m.start >= 2 && toks[m.start - 2].norm == "state");
        !(in_person_name || us_state)
    });
}

/// Words right after `Georgia` (or `Georgia's`) that only the US state
/// has: `Georgia Gov. Brian Kemp`, `Georgia Republicans`, `a Georgia
/// county`, `the Georgia Democrat`, `Georgia state senator`. The country's
/// people and organs are `Georgian` (`Georgian lawmakers`) or have other
/// names (its parliament, its prime minister).
const US_GEORGIA_HEADS: &[&str] = &[
    "governor",
    "gov",
    "gov.",
    "lt.",
    "lieutenant",
    "sheriff",
    "county",
    "counties",
    "republican",
    "republicans",
    "democrat",
    "democrats",
    "gop",
    "senator",
    "senators",
    "sen.",
    "congressman",
    "congresswoman",
    "state",
];

/// Words right after `Georgia` that are the US state's in most news but
/// may be the country's (`Georgia lawmakers`, `Georgia prosecutors`,
/// `Georgia election officials`): the US state unless the document names
/// the country by a word of its own (`GEORGIA_COUNTRY_WORDS`).
const US_GEORGIA_WEAK_HEADS: &[&str] =
    &["lawmakers", "legislators", "legislature", "prosecutor", "prosecutors", "house", "election", "elections"];

/// Words (lower case) of a document about the US state: its capital, its
/// counties and cities, its governor and secretary of state, its senators.
const US_GEORGIA_WORDS: &[&str] =
    &["atlanta", "fulton", "gwinnett", "savannah", "kemp", "raffensperger", "warnock", "ossoff", "peach"];

/// Words (lower case) of a document about the country: its people, its
/// capital and cities, its regions, its leaders and ruling party.
const GEORGIA_COUNTRY_WORDS: &[&str] = &[
    "tbilisi",
    "georgian",
    "georgians",
    "batumi",
    "kutaisi",
    "abkhazia",
    "ossetia",
    "saakashvili",
    "shevardnadze",
    "ivanishvili",
    "kobakhidze",
    "zourabichvili",
    "kavelashvili",
];

/// Which Georgia a document's words point to.
#[derive(Debug, Clone, Copy)]
struct GeorgiaContext {
    us: bool,
    country: bool,
}

/// Reads the whole document once for words of the US state and of the
/// country (a reader knows the story, not only the sentences before).
fn georgia_context(text: &str) -> GeorgiaContext {
    let mut context = GeorgiaContext { us: false, country: false };
    let mut lower = String::new();
    for w in Words::new(text) {
        // Every marker is capitalised in running text.
        if !w.as_bytes()[0].is_ascii_uppercase() || w.len() > LONGEST_WORD {
            continue;
        }
        lower.clear();
        lower.push_str(w);
        lower.make_ascii_lowercase();
        context.us |= US_GEORGIA_WORDS.contains(&lower.as_str());
        context.country |= GEORGIA_COUNTRY_WORDS.contains(&lower.as_str());
    }
    context
}

/// `Georgia Gov. Brian Kemp`, `Georgia Republicans`, `Georgia election
/// officials` in a story from Atlanta: bare `Georgia` (not `Georgian`) is
/// the US state, coded `USA`, when a word after it is one only the state
/// has (`US_GEORGIA_HEADS`), or one mostly the state's
/// (`US_GEORGIA_WEAK_HEADS`) or a document of the state
/// (`US_GEORGIA_WORDS`) with no word of the country in it. Otherwise it
/// stays the country (`GEO`).
fn resolve_georgia(s: &Sentence<'_>, found: &mut [Mention], memory: &mut DocMemory) {
    let toks = &s.tokens;
    for m in found.iter_mut() {
        if !m.members.iter().any(|a| a.country.as_deref() == Some("GEO")) {
            continue;
        }
        let Some(at) = (m.start..m.end).find(|&i| toks[i].norm == "georgia") else { continue };
        let mut next = at + 1;
        if toks.get(next).is_some_and(|t| t.tag == Tag::Possessive || t.norm == "'s") {
            next += 1;
        }
        let word = |i: usize| toks.get(i).map_or("", |t| t.norm.as_str());
        // `Georgia election officials`, not `the Georgia election` (the country's votes too).
        let weak = US_GEORGIA_WEAK_HEADS.contains(&word(next))
            && (!word(next).starts_with("election")
                || matches!(word(next + 1), "official" | "officials" | "worker" | "workers" | "board" | "chief"));
        let strong = US_GEORGIA_HEADS.contains(&word(next))
            || matches!(
                (word(next), word(next + 1), word(next + 2)),
                ("secretary", "of", "state")
                    | ("attorney", "general", _)
                    | ("district", "attorney", _)
                    | ("general", "assembly", _)
            );
        let context = *memory.georgia.get_or_insert_with(|| georgia_context(s.text));
        let us = strong || (weak || context.us) && !context.country;
        if !us {
            continue;
        }
        for a in m.members.iter_mut().filter(|a| a.country.as_deref() == Some("GEO")) {
            a.country = Some("USA".to_string());
            a.code = a.code.as_ref().map(|c| c.replacen("GEO", "USA", 1));
        }
    }
}

/// Bare `Congo` / `Congolese` is the DRC (`COD`, the dictionaries' choice),
/// except in a document that has named the Republic of the Congo
/// (`Brazzaville`, `Sassou Nguesso`) and not the DRC by a name of its own:
/// there it is `COG`.
fn resolve_congo(toks: &[Token], found: &mut [Mention], memory: &mut DocMemory) {
    for m in found.iter_mut() {
        let words = &toks[m.start..m.end];
        let bare = words.iter().any(|t| matches!(t.norm.as_str(), "congo" | "congolese"))
            && !words.iter().any(|t| matches!(t.norm.as_str(), "democratic" | "dr" | "drc" | "d.r." | "kinshasa"));
        for member in &mut m.members {
            match member.country.as_deref() {
                Some("COG") => memory.named_cog = true,
                Some("COD") if !bare => memory.named_cod = true,
                Some("COD") if memory.named_cog && !memory.named_cod => {
                    member.country = Some("COG".to_string());
                    member.code = member.code.as_ref().map(|c| c.replacen("COD", "COG", 1));
                }
                _ => {}
            }
        }
    }
}

/// `thousands of Serbs`, `10,000 Afghans`, `several thousand Kenyans`,
/// `young Iranians`, `many Syrians`: a plural demonym that is counted or
/// qualified like people is a noun for people, the country's civilians
/// (`SRBCVL`). Without such a word (`Serbs voted`, `Russians attacked`,
/// `the Iranians said after the talks`) a plural demonym stays the country:
/// it names the state, its negotiators or its forces as often as its
/// people, and a headline's `Philippines` looks like a plural too.
fn counted_people(toks: &[Token], dicts: &Dictionaries, found: &mut [Mention]) {
    // The word may carry a determiner-like quantifier in its mention (`Many Syrians`).
    let candidate = |m: &Mention| m.end >= 2 && m.end <= m.start + 2 && m.members.len() == 1;
    // Most sentences have no candidate: no flags to collect.
    if !found.iter().any(candidate) {
        return;
    }
    let war_dead: Vec<bool> = found.iter().map(|m| killed_by_foreign_forces(toks, found, m)).collect();
    for (m, _) in found.iter_mut().zip(war_dead).filter(|(m, war_dead)| !war_dead && candidate(m)) {
        let at = m.end - 1;
        let word = &toks[at];
        let before = &toks[at - 1];
        let of_count = at >= 2
            && before.norm == "of"
            && matches!(toks[at - 2].norm.as_str(), "thousands" | "hundreds" | "dozens" | "millions" | "scores");
        // A number (`23`, `two`, `several thousand`), a quantifier, or a
        // lower-case adjective (`young`, `ordinary`) before the word.
        let counted = of_count
            || before.tag == Tag::Num
            || matches!(before.norm.as_str(), "many" | "some" | "most" | "several" | "few" | "more")
            // Not a participle of action: `the invading Rohans` are forces.
            || (matches!(before.tag, Tag::Adj | Tag::Noun) && before.case == Case::Lower && !before.norm.ends_with("ing"));
        let member = &mut m.members[0];
        let bare_country = member.code.is_some() && member.code == member.country && member.sector.is_none();
        // A plural demonym: its singular is a name of the same country
        // (`Kenyans`/`Kenyan`), unlike `Paris` or `the Philippines`'s capitals.
        let demonym = || {
            word.norm
                .strip_suffix('s')
                .and_then(|one| mentions::word_actor(dicts, one, None))
                .is_some_and(|id| dicts.actors()[id as usize].country == member.country)
        };
        if counted && bare_country && word.case == Case::Title && demonym() {
            member.sector = Some("CVL".to_string());
        }
    }
}

/// Nouns (lemmas) of a person's family.
const FAMILY_NOUNS: &[&str] = &[
    "son",
    "daughter",
    "wife",
    "husband",
    "brother",
    "sister",
    "mother",
    "father",
    "parent",
    "child",
    "children",
    "family",
    "relative",
    "nephew",
    "niece",
    "cousin",
    "widow",
    "grandson",
    "granddaughter",
    "son-in-law",
    "brother-in-law",
];

/// `ex-president Bazoum's son`, `the opposition leader's jailed wife`: a
/// person's relatives are civilians of the person's country (CVL), not the
/// person: the mention grows over the family noun and keeps only the
/// country. A bare country's `children` or `families` are left to the
/// grammar (`Ukraine's children`).
fn relatives(toks: &[Token], found: &mut [Mention]) {
    for m in found.iter_mut() {
        let person = m.members.len() == 1 && !all_bare_countries(m);
        let possessive = toks.get(m.end).is_some_and(|t| t.tag == Tag::Possessive || t.norm == "'s");
        if !person || !possessive || m.is_place {
            continue;
        }
        // One lower-case adjective may stand between: `Bazoum's jailed son`.
        let mut head = m.end + 1;
        if toks.get(head).is_some_and(|t| t.case == Case::Lower && matches!(t.tag, Tag::Adj | Tag::Verb(_))) {
            head += 1;
        }
        if !toks.get(head).is_some_and(|t| FAMILY_NOUNS.contains(&t.lemma.as_str())) {
            continue;
        }
        let member = &mut m.members[0];
        member.code = None;
        member.sector = Some("CVL".to_string());
        m.end = head + 1;
        m.agent_only = member.country.is_none();
        m.backed = None;
    }
}

/// The length of the shortest word in `SPORT_WORDS` (shorter words are
/// not looked up).
const SHORTEST_SPORT_WORD: usize = 4;

/// Words of sport that seldom mean anything else in news copy: a sports
/// report has two of them, or one and a score (`2-1`). Sorted and lower
/// case: every word of a document is looked up by binary search.
const SPORT_WORDS: &[&str] = &[
    "athletics",
    "batsman",
    "batsmen",
    "championship",
    "championships",
    "cricket",
    "cricketer",
    "cricketers",
    "fifa",
    "fly-half",
    "football",
    "footballer",
    "footballers",
    "goalkeeper",
    "goalless",
    "golf",
    "golfer",
    "hat-trick",
    "innings",
    "medallist",
    "midfield",
    "midfielder",
    "play-off",
    "playoff",
    "quarter-final",
    "quarter-finals",
    "quarterback",
    "quarterfinal",
    "referee",
    "rugby",
    "scrum",
    "semi-final",
    "semi-finals",
    "semifinal",
    "soccer",
    "sprinter",
    "striker",
    "tennis",
    "touchdown",
    "tournament",
    "uefa",
    "wicket",
    "wickets",
];

/// Whether a document is a sports report: two words of sport
/// (`SPORT_WORDS`), or one and a score, at least one in every 200 words
/// (a long political story that mentions football once is no sports
/// report). Its countries are sides and their players' nationalities
/// (`England beat France`, `Brazil's squad`, `the Spaniard`), not states:
/// a bare country there is no actor. Words shared with politics are left
/// out (`match`, `goal`, `cup`, `squad`, `coach`, `medal`, `Olympics`,
/// `marathon`), so a story of an Olympic boycott keeps its states.
#[inline(never)]
fn sporting(text: &str) -> bool {
    let (mut all, mut words, mut score) = (0, 0, false);
    // A loop over an iterator, not a callback: the per-word test is
    // inlined into the byte scan.
    for w in Words::new(text) {
        if w.len() > LONGEST_WORD {
            continue;
        }
        all += 1;
        let first = w.as_bytes()[0] | 0x20;
        let letter = first.wrapping_sub(b'a');
        // Most words are ruled out by their length and first letter.
        if w.len() >= SHORTEST_SPORT_WORD && letter < 26 {
            // At most two words of a length share a first letter: compare those.
            let candidates = SPORT_BY_START[w.len()][usize::from(letter)];
            // (The words are lower case: an ASCII-case-blind compare is the
            // compare of the lowered word.)
            let is = |k: u8| k != NO_SPORT_WORD && SPORT_WORDS[usize::from(k)].eq_ignore_ascii_case(w);
            if is(candidates[0]) || is(candidates[1]) {
                words += 1;
            }
        }
        // A score opens with a digit; most words are settled by that byte.
        score = score
            || w.as_bytes()[0].is_ascii_digit()
                && w.split_once('-').is_some_and(|(a, b)| {
                    let goals = |p: &str| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit());
                    goals(a) && goals(b)
                });
    }
    (words >= 2 || words == 1 && score) && words * 200 >= all
}

/// By byte, whether it is an ASCII letter, digit or hyphen: a byte of a
/// word with no need to decode it.
const WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b as u8 == b'-';
        b += 1;
    }
    table
};

/// Words longer than this (in bytes) are not counted by [`sporting`].
const LONGEST_WORD: usize = 14;

/// No word in a [`SPORT_BY_START`] cell.
const NO_SPORT_WORD: u8 = u8::MAX;

/// By length and first letter (0 for `a`), the indices in `SPORT_WORDS`
/// of the words that have them ([`NO_SPORT_WORD`] where none; no more
/// than two share both: the build checks).
const SPORT_BY_START: [[[u8; 2]; 26]; LONGEST_WORD + 1] = {
    let mut table = [[[NO_SPORT_WORD; 2]; 26]; LONGEST_WORD + 1];
    let mut i = 0;
    while i < SPORT_WORDS.len() {
        let w = SPORT_WORDS[i].as_bytes();
        let cell = &mut table[w.len()][(w[0] - b'a') as usize];
        let free = if cell[0] == NO_SPORT_WORD { 0 } else { 1 };
        // A third word of the same length and letter does not compile.
        assert!(cell[free] == NO_SPORT_WORD);
        cell[free] = i as u8;
        i += 1;
    }
    table
};

/// The words of a text: each maximal run of alphanumeric characters and
/// hyphens. The same words as `text.split(|c: char| !(c.is_alphanumeric()
/// || c == '-'))` without the empty ones, found byte by byte: only a
/// non-ASCII character is decoded.
struct Words<'t> {
    text: &'t str,
    /// Where the next search starts (always on a character boundary).
    at: usize,
}

impl<'t> Words<'t> {
    fn new(text: &'t str) -> Words<'t> {
        Words { text, at: 0 }
    }
}

impl<'t> Iterator for Words<'t> {
    type Item = &'t str;

    // Inlined into the caller's loop: a call per word cost as much as the scan.
    #[inline(always)]
    fn next(&mut self) -> Option<&'t str> {
        let bytes = self.text.as_bytes();
        let mut start = self.at;
        let mut i = self.at;
        while i < bytes.len() {
            let b = bytes[i];
            if WORD_BYTES[usize::from(b)] {
                i += 1;
                continue;
            }
            let (in_word, width) = if b.is_ascii() {
                (false, 1)
            } else {
                // `i` is on a character boundary: it only ever moves by whole characters.
                let c = self.text.get(i..).and_then(|rest| rest.chars().next());
                c.map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8()))
            };
            if !in_word {
                if start < i {
                    self.at = i + width;
                    return Some(&self.text[start..i]);
                }
                start = i + width;
            }
            i += width;
        }
        self.at = bytes.len();
        (start < bytes.len()).then(|| &self.text[start..])
    }
}

/// Whether every member of `m` is a bare country (no sector, no name).
fn all_bare_countries(m: &Mention) -> bool {
    m.members.iter().all(|a| a.sector.is_none() && a.code.is_some() && a.code == a.country)
}

/// `Israeli officials said Hamas had released 20 hostages`, `Hamas freed
/// four hostages after Israel agreed to a truce`: hostages (or captives)
/// with no country of their own, held by a non-state captor (a named
/// armed group or a role such as rebels, the nearest actor before them),
/// are the people of the other country the sentence names, not the
/// captor's: the grammar would settle them against the captor, and
/// hostages are seldom their captor's own people. The other country is an
/// actor named in the sentence whose country is not the captor's and that
/// is not a place (`held in Lebanon`). A state captor or rescuer (`Nigerian
/// troops freed 76 hostages`), or no other country named (`the rebels
/// released 12 hostages`), leaves them to the grammar, which gives them
/// the source's country.
fn hostages_of_the_other_side(toks: &[Token], found: &mut [Mention]) {
    let place_at = |m: &Mention| mentions::after_preposition(toks, m.start, &["in", "at", "near", "inside", "across"]);
    for k in 0..found.len() {
        let m = &found[k];
        let open = m.members.len() == 1 && m.members[0].country.is_none() && m.members[0].code.is_none();
        if !open || !mentions::HOSTAGE_NOUNS.contains(&toks[m.end - 1].lemma.as_str()) {
            continue;
        }
        let Some(captor) = found[..k].iter().rev().find(|c| !c.members.is_empty()) else { continue };
        let captor_country = captor.members[0].country.clone();
        let non_state = captor_country.is_some()
            && captor.members.iter().all(|a| {
                a.country == captor_country && a.sector.as_deref().is_some_and(|sec| !ORGAN_SECTORS.contains(&sec))
            });
        if !non_state {
            continue;
        }
        let foreign = |o: &Mention| {
            o.members.iter().find_map(|a| a.country.clone().filter(|c| Some(c) != captor_country.as_ref()))
        };
        let candidates = || found.iter().enumerate().filter(|&(j, o)| j != k && !place_at(o));
        let other = candidates().filter(|(_, o)| !third_party(toks, o)).find_map(|(_, o)| foreign(o));
        if let Some(country) = other {
            found[k].members[0].country = Some(country);
        } else if candidates().any(|(_, o)| foreign(o).is_some()) {
            // Only a mediator names another country (`Egyptian mediators
            // said Hamas would free two hostages`): their country is
            // unknown, so their sector alone, settled (not the mediator's).
            let member = &mut found[k].members[0];
            member.code.clone_from(&member.sector);
        }
    }
}

/// Words (lemmas) that make the actor before them a go-between.
const MEDIATOR_WORDS: &[&str] = &["mediator", "mediation", "intermediary", "go-between", "broker"];

/// Whether mention `m` is a third party to a hostage deal: a mediator
/// (`Egyptian mediators`, `Qatari mediation`, `mediated by Qatar`,
/// `brokered by Egypt`), not the hostages' side.
fn third_party(toks: &[Token], m: &Mention) -> bool {
    let lemma = |i: usize| toks.get(i).map_or("", |t| t.lemma.as_str());
    (m.start..=m.end).any(|i| MEDIATOR_WORDS.contains(&lemma(i)))
        || m.start >= 2 && lemma(m.start - 1) == "by" && matches!(lemma(m.start - 2), "mediate" | "broker")
}

/// Words between a killing verb and the people it counts: `killed or
/// wounded over 2,400`, `killing more than 300`, `killed thousands of`.
const COUNT_WORDS: &[&str] = &[
    "or",
    "and",
    "wounded",
    "injured",
    "over",
    "more",
    "than",
    "at",
    "least",
    "about",
    "nearly",
    "almost",
    "up",
    "to",
    "some",
    "several",
    "thousands",
    "hundreds",
    "dozens",
    "scores",
    "of",
    "an",
    "estimated",
];

/// `Chadian troops killed 384 Libyans`, `its forces had killed thousands of
/// Iranians`: a count of the dead (or wounded) that armed forces (MIL) of
/// another country, or of no country named, killed is in a war mostly the
/// other side's soldiers, or soldiers and civilians together: not the
/// country's civilians. Such a count stays the bare country, which is true
/// either way. A killer that is no armed force (a bomber, rebels, a
/// gunman) leaves civilians (`the bombing killed four Americans`).
fn killed_by_foreign_forces(toks: &[Token], found: &[Mention], m: &Mention) -> bool {
    let Some(country) = m.members.first().and_then(|a| a.country.as_deref()) else { return false };
    let mut k = m.start;
    while k > 0 && (toks[k - 1].tag == Tag::Num || COUNT_WORDS.contains(&toks[k - 1].norm.as_str())) {
        k -= 1;
    }
    let Some(verb) = k.checked_sub(1).filter(|&v| matches!(toks[v].lemma.as_str(), "kill" | "wound")) else {
        return false;
    };
    // The killer: the nearest mention before the verb (`its troops had killed`).
    found.iter().rev().find(|f| f.end <= verb).is_some_and(|f| {
        f.members.iter().all(|a| a.sector.as_deref() == Some("MIL") && a.country.as_deref() != Some(country))
    })
}

/// Whether token `i` is a bare `Korea`, `Korean(s)`, `Koreas` (or
/// `Korean-American`), not part of `North Korea`, `S. Korean`,
/// `Republic of Korea`.
fn is_bare_korea(toks: &[Token], i: usize) -> bool {
    let w = toks[i].norm.as_str();
    let korea = matches!(w, "korea" | "korean" | "koreans" | "koreas") || w.starts_with("korean-");
    korea && (i == 0 || !matches!(toks[i - 1].norm.as_str(), "north" | "south" | "of" | "n." | "s."))
}

/// Bare `Korea` / `Korean` (listed as `KOR` in countries.actors) is resolved
/// by the document, like the Congos: it takes the Korea the document has
/// named before it by a name of its own (`South Korea`, `Seoul`, a South
/// Korean office-holder; `North Korea`, `Pyongyang`, `KCNA`). When the
/// document has named neither, or both (a story about the two Koreas), it
/// is left uncoded: no evidence says which, and a wrong country is worse
/// than none. Not the country at all: a bare `Korean` with no role noun
/// (`Korean won`, `the Korean peninsula`) and a bare word before a name
/// (`Korean War`, `Korean Air`, `Korea Herald`), and `Korean-American`.
/// `the Koreas` is both.
fn resolve_korea(toks: &[Token], all_caps: bool, found: &mut Vec<Mention>, memory: &mut DocMemory) {
    for m in found.iter_mut() {
        // Most mentions name neither Korea: nothing to learn or change.
        if !m.members.iter().any(|a| matches!(a.country.as_deref(), Some("KOR" | "PRK"))) {
            continue;
        }
        let bare_at = (m.start..m.end).find(|&i| is_bare_korea(toks, i));
        let is_bare =
            |a: &Member| bare_at.is_some() && a.country.as_deref() == Some("KOR") && a.code.as_deref() == Some("KOR");
        let mut members = Vec::with_capacity(m.members.len());
        for member in m.members.drain(..) {
            if !is_bare(&member) {
                memory.named_kor |= member.country.as_deref() == Some("KOR");
                memory.named_prk |= member.country.as_deref() == Some("PRK");
                members.push(member);
                continue;
            }
            let i = bare_at.unwrap_or(m.start);
            let word = toks[i].norm.as_str();
            // `Korean War`, `Korea Herald`: a name of its own follows.
            let name_follows = i + 1 >= m.end
                && toks.get(i + 1).is_some_and(|t| {
                    t.norm.chars().next().is_some_and(char::is_alphabetic) && (all_caps || t.case != Case::Lower)
                });
            // `Korean won`, `Korean peninsula`: an adjective with no role noun.
            let bare_adjective = word == "korean" && member.sector.is_none();
            // `a Korean-American journalist` names no Korean state.
            let compound = word.starts_with("korean-");
            if name_follows || bare_adjective || compound {
                continue;
            }
            let as_country = |code: &str| {
                let mut a = member.clone();
                a.country = Some(code.to_string());
                a.code = Some(code.to_string());
                a
            };
            if word == "koreas" {
                memory.named_kor = true;
                memory.named_prk = true;
                members.push(as_country("KOR"));
                members.push(as_country("PRK"));
                continue;
            }
            match (memory.named_kor, memory.named_prk) {
                (true, false) => members.push(member),
                (false, true) => members.push(as_country("PRK")),
                _ => {}
            }
        }
        m.members = members;
    }
    found.retain(|m| !m.members.is_empty());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_words_are_the_weekdays_and_months() {
        let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
        let months = [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ];
        for w in weekdays.iter().chain(&months) {
            assert!(is_calendar_word(w), "{w}");
        }
        for w in ["", "mon", "monday.", "Monday", "mays", "jun", "decembers", "spring"] {
            assert!(!is_calendar_word(w), "{w}");
        }
    }

    #[test]
    fn sport_words_are_sorted_lower_case() {
        assert!(SPORT_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(SPORT_WORDS.iter().all(|w| w.bytes().all(|b| !b.is_ascii_uppercase())));
        assert_eq!(SPORT_WORDS.iter().map(|w| w.len()).min(), Some(SHORTEST_SPORT_WORD));
        assert!(SPORT_WORDS.iter().all(|w| w.len() <= LONGEST_WORD && w.as_bytes()[0].is_ascii_lowercase()));
    }

    /// The byte scan finds the words a split on characters finds,
    /// whatever the script and punctuation around them.
    #[test]
    fn words_are_those_of_a_split_on_characters() {
        for text in [
            "",
            "-",
            "England beat France 2-1; the striker's hat-trick",
            "  Zürich,  São Paulo — Ελλάδα ½ naïve café--bar…x ",
            "é",
            "a\u{2014}b\u{00a0}c\u{0663}d",
        ] {
            let got: Vec<String> = Words::new(text).map(String::from).collect();
            let want: Vec<String> = text
                .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                .filter(|w| !w.is_empty())
                .map(String::from)
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn sporting_needs_density_and_ignores_case() {
        let report = "England beat France 2-1 in the Football final; the Striker scored twice.";
        assert!(sporting(report));
        let politics = "The minister spoke about the budget. ".repeat(60) + "He likes football.";
        assert!(!sporting(&politics));
    }
}
