//! Actor mentions: dictionary phrases grouped into noun phrases.
//!
//! A mention is what the grammar attributes roles to. It is built from
//! *atoms* (the longest actor or agent phrase at each position) joined by
//! the glue of a noun phrase: `Turkish officials` (country + agent),
//! `Russia's foreign ministry`, `officials from Turkey`, and coordinations
//! `Turkish and Greek officials` (one mention with two members, the agent
//! distributed over both countries).

use chrono::NaiveDate;
use dyad_core::RuleRef;
use dyad_dict::{ActorKind, Dictionaries, PhraseCase};
use dyad_text::{Case, Tag, Token, VerbForm};

use crate::sentence::Sentence;

/// One actor inside a mention.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Member {
    /// Country block, when known.
    pub country: Option<String>,
    /// Full code of the named actor (country, organisation, person), when any.
    pub code: Option<String>,
    /// Sector from an agent phrase or the actor's code.
    pub sector: Option<String>,
    /// The actor (or agent) dictionary line.
    pub rule: Option<RuleRef>,
    /// Whether the named actor is one person, as its dictionary says.
    pub kind: ActorKind,
}

impl Member {
    /// The CAMEO code: the named actor's code, with the agent's sector
    /// appended when the named actor is a bare country.
    pub fn code(&self) -> Option<String> {
        match (&self.code, &self.sector) {
            (Some(code), Some(sector)) if code.len() == 3 && self.country.as_deref() == Some(code.as_str()) => {
                Some(format!("{code}{sector}"))
            }
            (Some(code), _) => Some(code.clone()),
            (None, Some(sector)) => Some(match &self.country {
                Some(c) => format!("{c}{sector}"),
                None => sector.clone(),
            }),
            (None, None) => self.country.clone(),
        }
    }
}

/// A noun phrase naming one or more actors.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Mention {
    /// First token (including a leading determiner).
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The actors named; more than one for coordinations.
    pub members: Vec<Member>,
    /// A lone capital or city after `in`/`at`/`near`: a place, not an actor.
    pub is_place: bool,
    /// Made only of an agent phrase (no named actor): its country came from context.
    pub agent_only: bool,
    /// A role noun with a backer (`US-backed rebels`), settled to its sector alone.
    pub backed: Option<Backed>,
}

/// The backer of a backed role noun.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Backed {
    /// The backer's actor entry (`US` in `US-backed`), when the modifier names one.
    pub backer: Option<u32>,
}

#[derive(Clone, Debug)]
enum AtomKind {
    Actor(u32),
    Agent(u32),
    /// `Saudi-led coalition`: the leader's forces (the actor's code + MIL).
    Led(u32),
}

#[derive(Clone, Debug)]
struct Atom {
    start: usize,
    end: usize,
    kind: AtomKind,
}

fn is_det(t: &Token) -> bool {
    t.tag == Tag::Det || matches!(t.norm.as_str(), "the" | "a" | "an")
}

/// Whether tokens `start..end` are written as the dictionary phrase demands.
fn case_fits(s: &Sentence<'_>, start: usize, end: usize, case: PhraseCase) -> bool {
    if s.all_caps {
        return true;
    }
    match case {
        PhraseCase::Any => true,
        PhraseCase::Capitalised => s.tokens[start].case != Case::Lower,
        PhraseCase::Acronym => s.tokens[start..end].iter().all(|t| t.case == Case::Upper),
    }
}

/// Longest actor or agent phrase at every position, left to right.
fn atoms(s: &Sentence<'_>, dicts: &Dictionaries, date: Option<NaiveDate>) -> Vec<Atom> {
    let mut out = Vec::new();
    let mut i = 0;
    let n = s.tokens.len();
    // The matches at one position, in vectors kept for the whole sentence.
    let (mut actor_matches, mut agent_matches) = (Vec::new(), Vec::new());
    // A token's norm has a hyphen only where its text has one or a dash
    // outside ASCII (`normalize`): most sentences have neither, and their
    // tokens need not be scanned.
    let text = s.span.slice(s.text).as_bytes();
    let may_hyphen = hyphen_or_non_ascii(text);
    let (actor_trie, agent_trie) = (dicts.actor_trie(), dicts.agent_trie());
    while i < n {
        // `X-led` needs a hyphen in the token or an actor phrase before one.
        let hyphened = may_hyphen && has_hyphen(&s.tokens[i].norm);
        // Nearly every token: no phrase starts at it (its row says so for
        // both tries) and it has no hyphen.
        let row = s.keys(i);
        if !hyphened && !dicts.may_start_mention(row) {
            i += 1;
            continue;
        }
        actor_trie.matches_into(i, n, |k| s.keys(k), &mut actor_matches);
        let led = if hyphened || !actor_matches.is_empty() {
            led_atom(s, dicts, date, i, actor_matches.last())
        } else {
            None
        };
        if let Some(atom) = led {
            i = atom.end;
            out.push(atom);
            continue;
        }
        let mut best: Option<Atom> = None;
        for &(end, ids) in &actor_matches {
            // A dated entry that applies beats an undated one; none that applies: no match.
            let written_right = |id: u32| case_fits(s, i, end, dicts.actors()[id as usize].case);
            let applicable =
                ids.iter().copied().filter(|&id| dicts.actors()[id as usize].applies(date) && written_right(id));
            let chosen = applicable.max_by_key(|&id| (dicts.actors()[id as usize].is_bounded(), id));
            if let Some(id) = chosen {
                if best.as_ref().is_none_or(|b| end > b.end) {
                    best = Some(Atom { start: i, end, kind: AtomKind::Actor(id) });
                }
            }
        }
        agent_trie.matches_into(i, n, |k| s.keys(k), &mut agent_matches);
        // No actor phrase applies here, no agent phrase starts here, no hyphen.
        if best.is_none() && agent_matches.is_empty() && !hyphened {
            i += 1;
            continue;
        }
        for &(end, ids) in &agent_matches {
            // The head of a role phrase is a noun, and none is written in a
            // past form: a past form matched by its lemma is the clause's verb
            // (`a Moscow court convicted`), not a role noun (`convict`). Other
            // verb tags are left alone: the tagger gives them to nouns too
            // (`farm minister`, `German banks`).
            if matches!(s.tokens[end - 1].tag, Tag::Verb(VerbForm::Past | VerbForm::PastParticiple)) {
                continue;
            }
            // Nor a verb inflected from a role noun: `soldiers guarding the
            // border` (`guard`), `Russia polices the border`, whose noun
            // takes no `-s`.
            if verb_of_role_noun(&s.tokens[end - 1]) {
                continue;
            }
            // Nor an adjective before a capitalised word of the phrase: `the
            // official Syrian opposition` is the opposition, not officials
            // (`rebel forces` is left alone: its tag is less sure). A
            // participle describes the person, not the name: `a suspected
            // British Isis member` is a suspect.
            let participle = s.tokens[end - 1].norm.ends_with("ed");
            let modifies_name = !s.all_caps
                && !participle
                && s.tokens
                    .get(end)
                    .is_some_and(|t| t.case == Case::Title && matches!(t.tag, Tag::Adj | Tag::Noun | Tag::ProperNoun));
            let title = title_before_name(s, i, end);
            if s.tokens[end - 1].tag == Tag::Adj && modifies_name && !title {
                continue;
            }
            if adjective_use(s, i, end) {
                continue;
            }
            // A `refugee camp` is a place, not refugees: `she fled to a refugee
            // camp and her husband surrendered` made the refugees the source.
            let people_camp = s.tokens.get(end).is_some_and(|t| t.lemma == "camp")
                && ids
                    .last()
                    .is_some_and(|&a| matches!(dicts.agents()[a as usize].sector.get(..3), Some("REF" | "CVL")));
            if people_camp {
                continue;
            }
            if best.as_ref().is_none_or(|b| end > b.end) {
                let id = *ids.last().unwrap_or(&0);
                best = Some(Atom { start: i, end, kind: AtomKind::Agent(id) });
            }
        }
        let best = best.or_else(|| {
            let id = if hyphened { dual_nationality(s, dicts, i) } else { None };
            id.map(|id| Atom { start: i, end: i + 1, kind: AtomKind::Actor(id) })
        });
        match best {
            // `U.S.-backed`: the backer names no actor of the phrase.
            Some(atom) if matches!(atom.kind, AtomKind::Actor(_)) && split_modifier(s, atom.end) == Some(BACKED) => {
                i = atom.end;
            }
            Some(atom) => {
                i = atom.end;
                out.push(atom);
            }
            None => i += 1,
        }
    }
    out
}

/// Whether `text` has a `-` or a byte outside ASCII: one pass over blocks
/// of 16 bytes with no exit inside a block, which the compiler turns into
/// vector compares (cheaper than a byte search and an ASCII test).
fn hyphen_or_non_ascii(text: &[u8]) -> bool {
    let odd = |b: u8| (b == b'-') | (b >= 0x80);
    let mut blocks = text.chunks_exact(16);
    for block in &mut blocks {
        if block.iter().fold(false, |any, &b| any | odd(b)) {
            return true;
        }
    }
    blocks.remainder().iter().any(|&b| odd(b))
}

/// Role nouns that are also everyday adjectives: they name a person only
/// as a noun (`the general said`, `a resident said`) or a title (`General
/// Ahmed`), not in `a general strike`, `in general` or `resident doctors`
/// (doctors, HLH, not residents, CVL).
const ADJECTIVE_ROLES: &[&str] = &["general", "resident"];

/// Whether `t` is one of `ADJECTIVE_ROLES` as written (not a plural: `the
/// residents` are always people).
fn adjective_role(t: &Token) -> bool {
    ADJECTIVE_ROLES.contains(&t.norm.as_str())
}

/// Whether the one-word role `i..end` is one of `ADJECTIVE_ROLES` and
/// stands before a name (`General Ahmed Salem`): the title, though tagged
/// an adjective.
fn title_before_name(s: &Sentence<'_>, i: usize, end: usize) -> bool {
    end == i + 1 && adjective_role(&s.tokens[i]) && s.tokens.get(end).is_some_and(|t| t.tag == Tag::ProperNoun)
}

/// Whether the one-word role `i..end` is one of `ADJECTIVE_ROLES` used as
/// an adjective: before a lower-case noun (`a general strike`, `general
/// elections`; not a past form the tagger took for a noun, `the general
/// accused`), or after a bare `in` (`Arab states in general`).
fn adjective_use(s: &Sentence<'_>, i: usize, end: usize) -> bool {
    if end != i + 1 || !adjective_role(&s.tokens[i]) {
        return false;
    }
    // (`a resident who travelled`: the tagger may read `who` as a noun.)
    let before_noun = s.tokens.get(end).is_some_and(|t| {
        t.case == Case::Lower
            && t.tag == Tag::Noun
            && !t.norm.ends_with("ed")
            && !matches!(t.norm.as_str(), "who" | "whom" | "whose" | "which" | "that")
    });
    let in_general = i > 0 && s.tokens[i - 1].norm == "in" && s.tokens[i].norm == "general";
    before_noun || in_general
}

/// Role nouns that take no plural `-s`: `polices` is only ever the verb.
const INVARIANT_NOUNS: &[&str] = &["police", "personnel", "clergy"];

/// Whether `t` is a verb form inflected from a role noun's lemma: a
/// present participle (`guarding`, `policing`), or an `-s` form of a noun
/// that has no such plural (`polices`). Plurals the tagger reads as verbs
/// (`German banks`) are left alone.
fn verb_of_role_noun(t: &Token) -> bool {
    let inflected = t.norm != t.lemma;
    inflected
        && match t.tag {
            Tag::Verb(VerbForm::Gerund) => t.norm.ends_with("ing"),
            _ => t.norm.ends_with('s') && INVARIANT_NOUNS.contains(&t.lemma.as_str()),
        }
}

/// Participles that make `X-backed` a backer, not the actor's identity:
/// `Iranian-backed militias` are not Iran's.
const BACKER_WORDS: &[&str] = &["backed", "supported", "sponsored", "funded", "armed", "trained", "aligned", "allied"];
const BACKED: &str = "backed";
const LED: &str = "led";
/// Nouns that, after `X-led`, are X's armed forces although no role noun says so.
const LED_NOUNS: &[&str] = &["coalition", "alliance", "bloc", "mission", "intervention", "operation"];

/// The actor named inside a one-word modifier (`Iranian` in `Iranian-backed`,
/// `Kremlin` in `pro-Kremlin`).
pub(crate) fn word_actor(dicts: &Dictionaries, word: &str, date: Option<NaiveDate>) -> Option<u32> {
    // Keys are context-free lemmas, and the lexicon lemmatises `us` as the
    // pronoun: `US-backed` needs the key the dictionary compiler gave `US`.
    let key = dicts.key(if word == "us" { "we" } else { word });
    let (_, ids) = dicts.actor_trie().matches_at(0, 1, |_| [key, "", ""]).into_iter().find(|(end, _)| *end == 1)?;
    ids.iter().copied().filter(|&id| dicts.actors()[id as usize].applies(date)).max()
}

/// A one-token modifier that names an actor: `X-backed`, `pro-X`, `anti-X`
/// give `BACKED` (the actor is not X), `X-led` gives `LED` (the actor is X's).
/// Runs at every token: most have no hyphen and are settled without a call.
#[inline]
fn word_modifier(dicts: &Dictionaries, t: &Token, date: Option<NaiveDate>) -> Option<(&'static str, u32)> {
    if !has_hyphen(&t.norm) {
        return None;
    }
    hyphened_modifier(dicts, t, date)
}

/// [`word_modifier`] of a word with a hyphen.
#[inline(never)]
fn hyphened_modifier(dicts: &Dictionaries, t: &Token, date: Option<NaiveDate>) -> Option<(&'static str, u32)> {
    if let Some((x, w)) = t.norm.rsplit_once('-') {
        let kind = if BACKER_WORDS.contains(&w) {
            BACKED
        } else if w == LED {
            LED
        } else if let Some(("pro" | "anti", rest)) = t.norm.split_once('-') {
            return word_actor(dicts, rest, date).map(|id| (BACKED, id));
        } else {
            return None;
        };
        return word_actor(dicts, x, date).map(|id| (kind, id));
    }
    None
}

/// Whether `word` has a hyphen: a plain byte scan, which on the short words
/// of a sentence costs a fraction of the searcher `split_once('-')` sets up.
#[inline]
pub(crate) fn has_hyphen(word: &str) -> bool {
    word.bytes().any(|b| b == b'-')
}

/// `- backed` or `- led` written tight after token `end - 1` (`U.S.-backed`).
fn split_modifier(s: &Sentence<'_>, end: usize) -> Option<&'static str> {
    let (h, w) = (s.tokens.get(end)?, s.tokens.get(end + 1)?);
    let tight = h.norm == "-" && s.tokens[end - 1].span.end == h.span.start && h.span.end == w.span.start;
    if !tight {
        return None;
    }
    if BACKER_WORDS.contains(&w.norm.as_str()) {
        Some(BACKED)
    } else {
        (w.norm == LED).then_some(LED)
    }
}

/// `Saudi-led coalition`, `U.S.-led forces`: the leader is the actor. Before
/// a role noun the leader's atom stops right before it (`forces` adds MIL);
/// before `coalition` and the like the atom covers the noun and is MIL.
/// `longest` is the longest actor phrase at `i`, which `atoms` has looked up.
fn led_atom(
    s: &Sentence<'_>,
    dicts: &Dictionaries,
    date: Option<NaiveDate>,
    i: usize,
    longest: Option<&(usize, &[u32])>,
) -> Option<Atom> {
    let n = s.tokens.len();
    let (id, head) = match word_modifier(dicts, &s.tokens[i], date) {
        Some((LED, id)) => (id, i + 1),
        Some(_) => return None,
        None => {
            let &(end, ids) = longest?;
            if split_modifier(s, end) != Some(LED) {
                return None;
            }
            let id = ids.iter().copied().filter(|&id| dicts.actors()[id as usize].applies(date)).max()?;
            (id, end + 2)
        }
    };
    let noun = s.tokens.get(head)?;
    if LED_NOUNS.contains(&noun.lemma.as_str()) {
        return Some(Atom { start: i, end: head + 1, kind: AtomKind::Led(id) });
    }
    // Only armed forces: `US-led militia` is not the US's own.
    let forces_follow = dicts
        .agent_trie()
        .matches_at(head, n, |k| s.keys(k))
        .iter()
        .any(|(_, ids)| ids.last().is_some_and(|&a| dicts.agents()[a as usize].sector.starts_with("MIL")));
    forces_follow.then_some(Atom { start: i, end: head, kind: AtomKind::Actor(id) })
}

/// Whether the agent-only phrase starting at `start` has a backer before it
/// (`Iranian-backed militias`, `pro-Kremlin media`, `U.S.-backed rebels`):
/// its country is then not taken from context, where it would too often be
/// the backer's or the adversary's (see docs/actors.md). Returns where the
/// backer starts and the backer.
fn has_backer(
    s: &Sentence<'_>,
    dicts: &Dictionaries,
    date: Option<NaiveDate>,
    start: usize,
) -> Option<(usize, Backed)> {
    let prev = start.checked_sub(1)?;
    if let Some((BACKED, id)) = word_modifier(dicts, &s.tokens[prev], date) {
        return Some((prev, Backed { backer: Some(id) }));
    }
    // `U.S. - backed`: the backer's own atom was dropped in `atoms`; the
    // backer is the word before the hyphen.
    (start >= 3 && split_modifier(s, start - 2) == Some(BACKED))
        .then(|| (start - 3, Backed { backer: word_actor(dicts, &s.tokens[start - 3].norm, date) }))
}

/// Whether `gap[j]` is part of a backer or leader modifier: `US-backed`,
/// `Kurdish-led`, `pro-Kremlin`, or `U.S. - backed` written in three tokens.
fn is_backing_word(gap: &[Token], j: usize) -> bool {
    let modifier_word_str = |w: &str| BACKER_WORDS.contains(&w) || w == LED;
    let modifier_word = |t: &Token| modifier_word_str(t.norm.as_str());
    let one_word = gap[j].norm.rsplit_once('-').is_some_and(|(x, w)| !x.is_empty() && modifier_word_str(w))
        || gap[j].norm.split_once('-').is_some_and(|(x, rest)| matches!(x, "pro" | "anti") && !rest.is_empty());
    let hyphen_at = |k: usize| gap.get(k).is_some_and(|t| t.norm == "-");
    one_word
        || hyphen_at(j) && gap.get(j + 1).is_some_and(modifier_word)
        || modifier_word(&gap[j]) && j > 0 && hyphen_at(j - 1)
        || hyphen_at(j + 1) && gap.get(j + 2).is_some_and(modifier_word)
}

/// The scene of a backed role noun: a role noun with a backer, settled to
/// its sector alone in `find` (`US-backed rebels` -> REB), takes `scene`,
/// the country of the document's dateline (`DAMASCUS (Reuters) - US-backed
/// rebels attacked ...` -> SYRREB), unless that is the backer's own country
/// (`WASHINGTON - US-backed rebels` stays REB): the scene's country, never
/// the backer's. The caller passes no scene when the sentence places its
/// event in another country than the dateline's.
pub(crate) fn backed_scene(dicts: &Dictionaries, found: &mut [Mention], scene: Option<&str>) {
    let Some(scene) = scene else { return };
    for m in found.iter_mut() {
        let Some(backed) = &m.backed else { continue };
        if backed.backer.is_some_and(|id| dicts.actors()[id as usize].country.as_deref() == Some(scene)) {
            continue;
        }
        for member in m.members.iter_mut().filter(|x| x.country.is_none() && x.code.is_some() && x.code == x.sector) {
            member.country = Some(scene.to_string());
            member.code = None;
        }
    }
}

/// Whether `w` lower-cased is `lower` (a token's norm, so in lower case):
/// for an ASCII word with no new string.
fn lower_is(w: &str, lower: &str) -> bool {
    if w.is_ascii() {
        w.eq_ignore_ascii_case(lower)
    } else {
        w.to_lowercase() == lower
    }
}

/// `French-Algerian`, `British-Iranian`: two demonyms joined by a hyphen
/// name a dual national, coded with the first-named nationality (CAMEO
/// codes one country per actor; the first is the one news copy leads with).
/// So does a demonym joined to a people with no state (`British-Kurdish`,
/// `Swedish-Tamil`): a citizen of the first of that origin.
fn dual_nationality(s: &Sentence<'_>, dicts: &Dictionaries, i: usize) -> Option<u32> {
    let (first, second) = s.tokens[i].norm.split_once('-')?;
    let country = |part: &str| -> Option<u32> {
        let ids = dicts.actor_trie().matches_at(0, 1, |_| [part, "", ""]).into_iter().find(|(end, _)| *end == 1)?.1;
        ids.iter().copied().find(|&id| {
            let e = &dicts.actors()[id as usize];
            e.country.as_deref() == Some(e.code.as_str())
        })
    };
    let id = country(first)?;
    // A people: the first word of a people's agent phrase (`Kurdish forces`).
    let people = || {
        dicts.agents().iter().any(|a| {
            // The people test first: few phrases pass it, and it spares
            // splitting and lower-casing the rest.
            people_phrase(&a.phrase) && a.phrase.split(' ').next().is_some_and(|w| lower_is(w, second))
        })
    };
    if country(second).is_none() && !people() {
        return None;
    }
    // Only for a person (`a French-Algerian journalist`), not a joint
    // undertaking (`Russian-Belarusian exercises`).
    let person = i + 1 < s.tokens.len()
        && dicts.agent_trie().matches_at(i + 1, s.tokens.len(), |k| s.keys(k)).iter().any(|(_, ids)| {
            ids.iter().any(|&a| {
                matches!(
                    dicts.agents()[a as usize].sector.get(..3),
                    Some("CVL" | "MED" | "HRI" | "EDU" | "LAB" | "BUS" | "REL" | "OPP" | "REF" | "CRM" | "HLH")
                )
            })
        });
    person.then_some(id)
}

fn member_of(atom: &Atom, dicts: &Dictionaries) -> Member {
    match atom.kind {
        AtomKind::Actor(id) => {
            let e = &dicts.actors()[id as usize];
            Member {
                country: e.country.clone(),
                code: Some(e.code.clone()),
                sector: e.sector.clone(),
                rule: Some(e.rule.clone()),
                kind: e.kind,
            }
        }
        AtomKind::Agent(id) => {
            let e = &dicts.agents()[id as usize];
            Member {
                country: None,
                code: None,
                sector: Some(e.sector[..3].to_string()),
                rule: Some(e.rule.clone()),
                kind: ActorKind::Unspecified,
            }
        }
        AtomKind::Led(id) => {
            let e = &dicts.actors()[id as usize];
            Member {
                country: e.country.clone(),
                code: Some(e.code.clone()),
                sector: Some("MIL".to_string()),
                rule: Some(e.rule.clone()),
                kind: ActorKind::Collective,
            }
        }
    }
}

/// Nouns of a relation between states or people: the possessor of one is
/// not the actor (`Washington's closest allies`, `Assad's backers`).
const RELATION_NOUNS: &[&str] =
    &["ally", "partner", "friend", "backer", "patron", "sponsor", "proxy", "neighbour", "neighbor"];

/// The first letters of [`RELATION_NOUNS`].
const RELATION_FIRST_BYTES: [u8; 6] = [b'a', b'p', b'f', b'b', b's', b'n'];

/// Relation nouns that name another state whoever the possessor is:
/// `Assad's backers` are Iran and Russia, while `Brown's closest ally` is
/// most often a colleague at home.
const STATE_RELATIONS: &[&str] = &["backer", "patron", "sponsor", "proxy", "neighbour", "neighbor"];

/// Head nouns of a state as a whole, whose allies and partners are other
/// states (`the US military's Kurdish partners`).
const STATE_ORGANS: &[&str] = &["government", "military", "army", "regime", "administration"];

/// The relation noun (lemma) that follows a mention ending at `end`, past
/// a possessive and up to two lower-case modifiers (`'s main backers`,
/// `'s closest ally`): the mention then names the possessor, not the actor.
fn relation_after(toks: &[Token], end: usize) -> Option<&'static str> {
    let from = if toks.get(end).is_some_and(is_possessive) { end + 1 } else { end };
    (from..toks.len().min(from + 3)).find_map(|j| {
        let t = &toks[j];
        let w = t.norm.as_str();
        let singular = |r: &str| {
            w == r
                || w.strip_suffix('s') == Some(r)
                || w.strip_suffix("ies").is_some_and(|b| r.strip_suffix('y') == Some(b))
        };
        // Every form of a relation noun opens with its first letter: most
        // words are settled by that byte.
        let first = w.as_bytes().first().copied().unwrap_or(0);
        let found = if RELATION_FIRST_BYTES.contains(&first) {
            RELATION_NOUNS.iter().find(|r| singular(r)).copied()
        } else {
            None
        };
        // (`Western` in `Kyiv's Western allies` names no actor of its own.)
        let modifier = matches!(t.tag, Tag::Adj | Tag::ProperNoun) || t.case == Case::Lower && t.tag == Tag::Noun;
        match found {
            Some(r) => Some(Some(r)),
            None if modifier => None,
            None => Some(None),
        }
    })?
}

/// Tokens that may sit between two atoms of the same noun phrase.
fn is_np_glue(t: &Token) -> bool {
    matches!(t.tag, Tag::Possessive)
        || matches!(t.norm.as_str(), "'s" | "'" | "of" | "from")
        // Modifiers inside the phrase: `Syria's interim government`.
        || (t.tag == Tag::Adj && t.case == Case::Lower)
        // Ranks of an office, which the tagger may read as nouns: `the UK's
        // junior defence minister`.
        || RANK_WORDS.contains(&t.norm.as_str())
}

/// Words that rank an office before its role noun.
const RANK_WORDS: &[&str] = &["junior", "senior", "acting", "top", "chief", "outgoing", "incoming", "interim"];

/// Role nouns of a state's envoys to an organisation.
const ENVOY_NOUNS: &[&str] = &["ambassador", "envoy", "representative", "delegate", "delegation", "diplomat"];

/// `Russia's UN ambassador`, `the Chinese UN envoy`, `US NATO ambassador`:
/// an organisation named between a country and an envoy's role noun says
/// where the envoy serves; the envoy is the country's (country + GOV), not
/// the organisation's. `the UN envoy` with no country stays the UN's.
fn envoy_to_organisation(s: &Sentence<'_>, dicts: &Dictionaries, conjunct: &[Member], org: &Atom, role: &Atom) -> bool {
    let (AtomKind::Actor(org), AtomKind::Agent(_)) = (&org.kind, &role.kind) else { return false };
    let org = &dicts.actors()[*org as usize];
    let country_before =
        conjunct[..conjunct.len().saturating_sub(1)].iter().any(|m| m.code.is_some() && m.code == m.country);
    org.code.starts_with("IGO")
        && conjunct.len() >= 2
        && country_before
        && ENVOY_NOUNS.contains(&s.tokens[role.end - 1].lemma.as_str())
}

/// Agent words that are a rank when another role follows: `deputy` alone
/// is a legislator (`Russian deputies voted`), but `deputy security council
/// chairman` is the council's.
const TITLE_WORDS: &[&str] = &["deputy"];

/// Whether the agent atom `title` is one of [`TITLE_WORDS`] standing before
/// the agent `role`, with at most two lower-case nouns between: the role
/// names the sector, not the title.
fn title_before_role(dicts: &Dictionaries, title: &Atom, role: &Atom, gap: &[Token]) -> bool {
    let (AtomKind::Agent(t), AtomKind::Agent(_)) = (&title.kind, &role.kind) else { return false };
    TITLE_WORDS.contains(&dicts.agents()[*t as usize].phrase.as_str())
        && title.end - title.start == 1
        && gap.len() <= 2
        && gap.iter().all(|t| t.case == Case::Lower && t.tag == Tag::Noun)
}

/// The gap without the next conjunct's own determiner and lower-case
/// modifiers (`Colombia and the ELN`, `Chad and the new rebel junta`).
fn without_premodifiers(gap: &[Token]) -> &[Token] {
    let mut n = gap.len();
    while n > 1 && matches!(gap[n - 1].tag, Tag::Adj | Tag::Noun) && gap[n - 1].case == Case::Lower {
        n -= 1;
    }
    if n > 1 && is_det(&gap[n - 1]) {
        n -= 1;
    }
    &gap[..n]
}

fn is_and(gap: &[Token]) -> bool {
    match without_premodifiers(gap) {
        [a] => matches!(a.norm.as_str(), "and" | "&"),
        [c, a] => c.norm == "," && a.norm == "and",
        _ => false,
    }
}

fn is_comma(gap: &[Token]) -> bool {
    matches!(without_premodifiers(gap), [c] if c.norm == ",")
}

/// A comma joins actors only inside a list that ends with `and`
/// (`Turkey, Greece and Cyprus`); otherwise it separates clauses.
fn list_continues(toks: &[Token], atoms: &[Atom], k: usize) -> bool {
    let mut k = k;
    while k + 1 < atoms.len() {
        let gap = &toks[atoms[k].end..atoms[k + 1].start];
        if is_and(gap) {
            return true;
        }
        if !is_comma(gap) {
            return false;
        }
        k += 1;
    }
    false
}

/// Whether the sentence is a headline: its last token is no sentence-final
/// punctuation (`Egypt, Jordan agree to boost trade`).
fn is_headline(toks: &[Token]) -> bool {
    toks.last().is_some_and(|t| !matches!(t.norm.as_str(), "." | "!" | "?" | "\"" | "'" | ")" | ":" | "..."))
}

/// Whether atom `k` is a bare actor (a country or a named actor, no role noun).
fn is_named_atom(atom: &Atom) -> bool {
    matches!(atom.kind, AtomKind::Actor(_))
}

/// Headlines drop the `and` of a compound subject: `Egypt, Jordan agree to
/// ...`, `Russia, China sign pact`. A comma joins named actors only in a
/// headline, in a list that opens the sentence, is made of named actors
/// alone and is followed right away by the verb, or by role nouns the
/// list shares and then the verb (`Japan, South Korea leaders meet`, `US,
/// China officials hold talks`): elsewhere a comma separates clauses or an
/// apposition (`Turkey, a NATO member, ...`).
fn headline_list(s: &Sentence<'_>, atoms: &[Atom], k: usize) -> bool {
    let toks = &s.tokens;
    if !is_headline(toks) || atoms[0].start != 0 {
        return false;
    }
    // The list runs from the first atom through atoms joined by single commas.
    let mut last = 0;
    while last + 1 < atoms.len() && matches!(&toks[atoms[last].end..atoms[last + 1].start], [c] if c.norm == ",") {
        last += 1;
    }
    // Role nouns right after the list, with at most lower-case modifiers
    // between (`foreign ministers`).
    let mut end = atoms[last].end;
    for atom in atoms[last + 1..].iter().take_while(|a| matches!(a.kind, AtomKind::Agent(_))) {
        let gap = &toks[end..atom.start];
        if gap.len() > 2 || !gap.iter().all(|t| t.case == Case::Lower && matches!(t.tag, Tag::Adj | Tag::Noun)) {
            break;
        }
        end = atom.end;
    }
    // After role nouns the tagger may read a bare verb as a noun (`leaders
    // meet`): a lower-case noun there is the verb too, and any noun in a
    // Title Case headline (`Leaders Meet`).
    let roles = end > atoms[last].end;
    k <= last
        && atoms[..=last].iter().all(is_named_atom)
        && toks.get(end).is_some_and(|t| {
            matches!(t.tag, Tag::Verb(_))
                || roles && matches!(t.tag, Tag::Noun | Tag::ProperNoun) && (t.case == Case::Lower || title_case(s))
        })
}

/// Whether the agent `atom` has `former` before it (right before it, or
/// before the mention's first atom: `a former Chilean president`) and the
/// dictionary codes `former` + its head noun as ELI.
fn former_eli(s: &Sentence<'_>, dicts: &Dictionaries, atom: &Atom, mention_start: usize) -> bool {
    if !matches!(atom.kind, AtomKind::Agent(_)) {
        return false;
    }
    let is_former = |i: usize| s.tokens[i].norm == "former";
    let Some(former) = [atom.start, mention_start].into_iter().filter_map(|b| b.checked_sub(1)).find(|&i| is_former(i))
    else {
        return false;
    };
    let head = atom.end - 1;
    let keys = |k: usize| s.keys(if k == 0 { former } else { head });
    dicts.agent_trie().matches_at(0, 2, keys).iter().any(|(end, ids)| {
        *end == 2 && ids.last().is_some_and(|&a| dicts.agents()[a as usize].sector.starts_with("ELI"))
    })
}

/// `a former trade minister`, `Kenya's former defence minister`: an office
/// held before is an elite (ELI), as the dictionary says for `former
/// minister`. The dictionary decides: when `former` + the role's head noun
/// is an agent phrase coded ELI, the role is ELI whatever modifiers stand
/// between (`former government` is no such phrase and stays GOV).
fn former_office(s: &Sentence<'_>, dicts: &Dictionaries, atoms: &[Atom], members: &mut [Member]) {
    let mention_start = atoms.first().map_or(0, |a| a.start);
    if !atoms.iter().any(|a| former_eli(s, dicts, a, mention_start)) {
        return;
    }
    // Only a role (open, or on a bare country): a named person keeps their code.
    for m in members.iter_mut().filter(|m| m.code.is_none() || m.code == m.country) {
        m.sector = Some("ELI".to_string());
    }
}

/// Whether `m` is a role noun for people held in custody (`political
/// prisoners`, `detainees`, `inmates`): people whose country is their
/// keeper's, not that of a place named elsewhere in the sentence. Hostages
/// are left out: they are seldom their captor's own people (grammar.rs).
pub(crate) fn held_people(s: &Sentence<'_>, m: &Mention) -> bool {
    m.members.len() == 1
        && m.members[0].country.is_none()
        && CUSTODY_NOUNS.contains(&s.tokens[m.end - 1].lemma.as_str())
}

/// Role nouns (lemmas) for people held in custody.
const CUSTODY_NOUNS: &[&str] = &["prisoner", "detainee", "inmate"];

/// Role nouns (lemmas) for people held as hostages.
pub(crate) const HOSTAGE_NOUNS: &[&str] = &["hostage", "captive"];

/// `Palestinian prisoners and detainees`, `Israeli hostages and captives`:
/// a role noun for held people coordinated right after another one that
/// names its country is the same people, not people of no country (which
/// the grammar then gave the keeper's country: `Israel released
/// Palestinian prisoners and detainees` made the detainees Israeli).
fn held_list(heads: &[usize], toks: &[Token], members: &mut [Member]) {
    let held = |i: usize| {
        let lemma = toks[heads[i]].lemma.as_str();
        CUSTODY_NOUNS.contains(&lemma) || HOSTAGE_NOUNS.contains(&lemma)
    };
    for i in 1..members.len().min(heads.len()) {
        let open = members[i].country.is_none() && members[i].code.is_none();
        if open && held(i) && held(i - 1) {
            members[i].country = members[i - 1].country.clone();
        }
    }
}

/// `Putin's army`, `Assad's security forces`, `Erdogan's police`: armed or
/// police forces (a MIL or COP role noun) possessed by an office-holder of
/// a state (a named actor coded country + GOV: a head of state or
/// government, a minister, also a government institution) are the state's
/// forces, the country + the role's sector, not its government. Only the
/// possessive itself (and lower-case modifiers) may stand between them,
/// and no `of` after the noun: `Baker's support for the army`, `Trump's
/// army of lawyers` keep their codes. Returns the sector.
fn officeholders_forces(
    dicts: &Dictionaries,
    owner: &Atom,
    role: &Atom,
    gap: &[Token],
    after: Option<&Token>,
) -> Option<String> {
    let (AtomKind::Actor(owner), AtomKind::Agent(role)) = (&owner.kind, &role.kind) else { return None };
    let owner = &dicts.actors()[*owner as usize];
    let government =
        owner.code.len() > 3 && owner.country.as_deref().is_some_and(|c| owner.code.strip_prefix(c) == Some("GOV"));
    let sector = &dicts.agents()[*role as usize].sector;
    let forces = matches!(sector.get(..3), Some("MIL" | "COP"));
    let possessive =
        gap.first().is_some_and(is_possessive) && gap[1..].iter().all(|t| t.tag == Tag::Adj && t.case == Case::Lower);
    let of_follows = after.is_some_and(|t| t.norm == "of");
    (government && forces && possessive && !of_follows).then(|| sector[..3].to_string())
}

/// A possessive: `'s`, or the bare apostrophe of a plural (`the Kurds'`),
/// whether or not the tagger marked it.
fn is_possessive(t: &Token) -> bool {
    t.tag == Tag::Possessive || matches!(t.norm.as_str(), "'s" | "'")
}

/// Whether the sentence is written in Title Case (a headline such as
/// `Russian Troops Enter Town`): then a capital marks no name, and a run
/// of capitalised words is no name where a word can be the verb
/// (resolve.rs). Words of four letters or more count; all of them but one
/// are capitalised, and there are at least three. (A role word before a
/// capitalised word stays a modifier there: `Military Agreement`,
/// `Executive Order`, `Civilian Casualties` are no roles.)
pub(crate) fn title_case(s: &Sentence<'_>) -> bool {
    if s.all_caps {
        return false;
    }
    let word = |t: &&Token| t.norm.len() >= 4 && all_letters(&t.norm);
    // Two lower-case words settle it; most sentences stop here early, and
    // only their lower-case tokens need the word test (the case is a byte).
    let lower = s.tokens.iter().filter(|t| t.case == Case::Lower).filter(word).take(2).count();
    if lower > 1 {
        return false;
    }
    let n = s.tokens.iter().filter(word).count();
    n >= 3 && lower * 5 < n
}

/// Whether every character of `w` is alphabetic: bytes for an ASCII
/// word, decoded characters only for another.
fn all_letters(w: &str) -> bool {
    if w.is_ascii() {
        w.bytes().all(|b| b.is_ascii_alphabetic())
    } else {
        w.chars().all(char::is_alphabetic)
    }
}

/// Whether an agent-only phrase names a people with no state of its own:
/// its dictionary phrase opens with a Title-case word (`Kurdish forces`,
/// `Tamil rebel` in roles.agents; `MP` and `CEO` are acronyms). Like a
/// backed role noun it is settled to its sector alone, with the country
/// of its scene only (`in X`, `X's`, the dateline; see docs/actors.md):
/// the grammar's fallback, the other side's country, made `Kurdish forces
/// attacked Turkish troops` Turkey's own forces.
fn names_a_people(dicts: &Dictionaries, atom: &Atom) -> bool {
    let AtomKind::Agent(id) = atom.kind else { return false };
    people_phrase(&dicts.agents()[id as usize].phrase)
}

/// Whether an agent phrase names a people: it opens with a Title-case
/// word (`Kurdish forces`; not an acronym, `MP`). [`names_a_people`] and
/// [`dual_nationality`] (`British-Kurdish`) share this test.
fn people_phrase(phrase: &str) -> bool {
    let mut chars = phrase.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_some_and(char::is_lowercase)
}

/// The country a sentence places itself in: a bare country after `in`,
/// `inside`, `across` or `throughout`, with lower-case adjectives between
/// (`in Syria`, `inside war-torn Syria`; a direction the tagger reads as a
/// noun, `in northern Syria`, stops it).
fn scene_country(s: &Sentence<'_>, dicts: &Dictionaries, atoms: &[Atom]) -> Option<String> {
    atoms.iter().find_map(|a| {
        let AtomKind::Actor(id) = a.kind else { return None };
        let e = &dicts.actors()[id as usize];
        let bare = e.country.as_deref() == Some(e.code.as_str());
        let located = after_preposition(&s.tokens, a.start, &["in", "inside", "across", "throughout"]);
        (bare && located).then(|| e.country.clone()).flatten()
    })
}

/// Whether the word before token `start`, past lower-case determiners,
/// adjectives and compass words (`in war-torn Syria`), is one of `preps`.
pub(crate) fn after_preposition(toks: &[Token], start: usize, preps: &[&str]) -> bool {
    let before =
        toks[..start].iter().rev().find(|t| !(t.case == Case::Lower && t.tag == Tag::Det || place_modifier(t)));
    before.is_some_and(|t| preps.contains(&t.norm.as_str()))
}

/// A lower-case adjective or compass word (`war-torn`, `northern`): what
/// may stand between a preposition and the country it places something in.
fn place_modifier(t: &Token) -> bool {
    t.case == Case::Lower && (t.tag == Tag::Adj || crate::grammar::is_direction(t))
}

/// Whether the gap before a country places the role noun before it there
/// (`doctors in Kenya`: the role belongs to the country). A people's armed
/// group (`people()`) is placed also past lower-case compass words and
/// adjectives (`Kurdish fighters in northern Syria`), which left `Syria`
/// the subject. (Not other role nouns: `police in northern Nigeria` is the
/// sentence's scene for its other actors.)
fn located_in(gap: &[Token], people: impl FnOnce() -> bool) -> bool {
    match gap {
        [t, rest @ ..] if t.norm == "in" => rest.is_empty() || people() && rest.iter().all(place_modifier),
        _ => false,
    }
}

/// Head nouns of what a country has or goes through, never who acts: `the
/// Syrian war`, `the Russian economy`.
const NON_ACTOR_HEADS: &[&str] = &["war", "conflict", "crisis", "economy", "election"];

/// Whether the one-word country `atom` modifies one of [`NON_ACTOR_HEADS`]
/// ending its noun phrase, past lower-case adjectives (`the Syrian civil
/// war`): the phrase names no actor. A noun after the head keeps it (`Russian
/// war planes`, `Syrian war crimes`).
fn modifies_a_non_actor(s: &Sentence<'_>, dicts: &Dictionaries, atom: &Atom) -> bool {
    atom.end - atom.start == 1 && country_head(s, dicts, atom, NON_ACTOR_HEADS).is_some()
}

/// Whether `atom` names a country itself (`Syria`, `Syrian`), no organ or group of it.
fn bare_country_atom(dicts: &Dictionaries, atom: &Atom) -> bool {
    let AtomKind::Actor(id) = atom.kind else { return false };
    let e = &dicts.actors()[id as usize];
    e.country.as_deref() == Some(e.code.as_str())
}

/// Where one of `heads` (lemmas, lower case) ends the noun phrase that the
/// bare country `atom` opens, past lower-case adjectives: `the Syrian civil
/// war`, `the Turkish border` (not `Syrian war crimes`).
fn country_head(s: &Sentence<'_>, dicts: &Dictionaries, atom: &Atom, heads: &[&str]) -> Option<usize> {
    if !bare_country_atom(dicts, atom) {
        return None;
    }
    let toks = &s.tokens;
    let mut i = atom.end;
    while toks.get(i).is_some_and(|t| t.case == Case::Lower && t.tag == Tag::Adj) {
        i += 1;
    }
    let head = toks.get(i).is_some_and(|t| t.case == Case::Lower && heads.contains(&t.lemma.as_str()));
    let noun_after = toks.get(i + 1).is_some_and(|t| t.tag == Tag::Noun || t.tag == Tag::ProperNoun);
    (head && !noun_after).then_some(i)
}

/// Head nouns (lemmas) of a part of a country: `the Syrian border`, `the
/// Russian city of Sochi`. (`territory`, `airspace`, `waters` are left
/// out: `violated Polish airspace` wrongs the country itself; so is
/// `capital`, a metonym for the state as the capital's name is: `a report
/// released in the Rwandan capital alleged` is Rwanda's in the GSR suite.)
const PLACE_HEADS: &[&str] =
    &["border", "frontier", "coast", "city", "town", "village", "province", "region", "district"];
/// Heads of a line along a country's edge: `on the Turkish border` is
/// where, as `in` is for a town (`an attack on the Haitian town` is not).
const EDGE_HEADS: &[&str] = &["border", "frontier", "coast"];
/// Prepositions that place something in a part of a country.
const LOCATIVE: &[&str] =
    &["in", "at", "near", "along", "across", "inside", "outside", "within", "around", "beyond", "throughout"];

/// Where a mention made of the one country `atom` is a place, not an
/// actor: returns where the place ends.
///
/// * A part of the country after a locative preposition (`near the Syrian
///   border`, `close to the Iraqi border`, `in the Syrian city of Homs`, `on the
///   Turkish border`, lower-case adjectives between): the border or town
///   does not act, as a capital after `in` does not (grammar.rs). Not a
///   part named as the object of a verb or noun (`shelled the Turkish
///   province of Kilis`, `an attack on the Ukrainian city of X` are that
///   country's), nor a head before another noun (`Turkish border guards`).
/// * A city modifying a noun after a determiner (`the Vienna talks`, `the
///   London exchange`, `the Paris terror attacks`): the city names where
///   the thing is, and no actor (`the Kyiv government` joins a role noun
///   and is left alone).
fn place_of_country(s: &Sentence<'_>, dicts: &Dictionaries, atom: &Atom) -> Option<usize> {
    let toks = &s.tokens;
    if let Some(i) = country_head(s, dicts, atom, PLACE_HEADS) {
        let before =
            toks[..atom.start].iter().rposition(|t| !(t.case == Case::Lower && t.tag == Tag::Det || place_modifier(t)));
        let prep = before.map(|b| toks[b].norm.as_str());
        let close_to = prep == Some("to")
            && before.is_some_and(|b| b > 0 && matches!(toks[b - 1].norm.as_str(), "close" | "closer" | "next"));
        let edge = prep == Some("on") && EDGE_HEADS.contains(&toks[i].lemma.as_str());
        return (prep.is_some_and(|p| LOCATIVE.contains(&p)) || close_to || edge).then_some(i + 1);
    }
    if !bare_country_atom(dicts, atom) {
        return None;
    }
    let determined = atom.start > 0 && is_det(&toks[atom.start - 1]);
    let modified = toks.get(atom.end).is_some_and(|t| matches!(t.tag, Tag::Noun | Tag::ProperNoun));
    let city =
        || dicts.place_trie().matches_at(atom.start, toks.len(), |k| s.keys(k)).iter().any(|(end, _)| *end == atom.end);
    (determined && modified && !s.all_caps && city()).then_some(atom.end)
}

/// Nouns of strife that a country after `in` is the scene of.
const STRIFE_NOUNS: &[&str] = &["war", "conflict", "fighting", "crisis"];

/// `the war in Syria`, `the fighting in northern Sudan`: the country after
/// `STRIFE_NOUNS` + `in` (lower-case adjectives between) is where the
/// strife is, not a party to it, when another actor follows.
fn scene_of_strife(toks: &[Token], start: usize) -> bool {
    let Some(prep) = toks[..start].iter().rposition(|t| !place_modifier(t)) else { return false };
    toks[prep].norm == "in"
        && prep > 0
        && toks[prep - 1].case == Case::Lower
        && STRIFE_NOUNS.contains(&toks[prep - 1].lemma.as_str())
}

/// Head nouns (lower case, singular and plural) of a military site.
const SITE_HEADS: &[&str] = &["base", "bases", "airbase", "airbases", "garrison", "garrisons", "barracks"];
/// Words that may stand between a country and a site head: `air base`.
const SITE_KINDS: &[&str] = &["air", "naval"];

/// `a U.S. base in Qatar`, `Russian air bases`: a bare country right before
/// a military site that ends its noun phrase stands for the country's armed
/// forces (MIL), as in `U.S. troops`; not before another noun (`a U.S. base
/// rate`), and not with a noun between them (`China's production base`,
/// `a US fan base`). Returns where the site ends.
fn military_site(s: &Sentence<'_>, dicts: &Dictionaries, atom: &Atom) -> Option<usize> {
    if !bare_country_atom(dicts, atom) {
        return None;
    }
    let toks = &s.tokens;
    let lower_in = |i: usize, words: &[&str]| {
        toks.get(i).is_some_and(|t| t.case == Case::Lower && words.contains(&t.norm.as_str()))
    };
    let mut i = atom.end;
    if lower_in(i, SITE_KINDS) {
        i += 1;
    }
    let noun_after = toks.get(i + 1).is_some_and(|t| matches!(t.tag, Tag::Noun | Tag::ProperNoun));
    (lower_in(i, SITE_HEADS) && !noun_after).then_some(i + 1)
}

/// Groups atoms into mentions.
pub(crate) fn find(s: &Sentence<'_>, dicts: &Dictionaries, date: Option<NaiveDate>) -> Vec<Mention> {
    let atoms = atoms(s, dicts, date);
    if atoms.is_empty() {
        return Vec::new();
    }
    let toks = &s.tokens;
    // At most one mention per atom.
    let mut out: Vec<Mention> = Vec::with_capacity(atoms.len());
    // Per conjunct of the noun phrase at hand; kept for the whole sentence.
    // An office-holder's armed or police forces (`Putin's army`).
    let mut forces: Vec<Option<String>> = Vec::with_capacity(4);
    // Its head, the last token of its last atom.
    let mut heads: Vec<usize> = Vec::with_capacity(4);
    // It opens a noun phrase of its own with a determiner (`Iran and the
    // Syrian government`), so its role noun is not shared with the
    // conjuncts before it.
    let mut opens_np: Vec<bool> = Vec::with_capacity(4);
    let mut k = 0;
    while k < atoms.len() {
        // One noun phrase: atoms joined by glue; "and" / "," coordinate phrases.
        let first_atom = k;
        let start = atoms[k].start;
        let mut end = atoms[k].end;
        let mut conjuncts: Vec<Vec<Member>> = vec![vec![member_of(&atoms[k], dicts)]];
        let mut has_actor = !matches!(atoms[k].kind, AtomKind::Agent(_));
        let mut shared_head: Option<(usize, String)> = None;
        // The sectors of coordinated role nouns that share the countries after them.
        let mut shared_roles: Vec<Option<String>> = Vec::new();
        restart(&mut forces, None);
        restart(&mut heads, end - 1);
        restart(&mut opens_np, false);
        k += 1;
        while k < atoms.len() {
            let gap = &toks[end..atoms[k].start];
            // A hyphen glues only when written tight (`U.S.-backed`), not as a
            // dash (`ATHENS - Turkish officials`).
            let tight_hyphen = matches!(gap, [h] if h.norm == "-" && toks[end - 1].span.end == h.span.start && h.span.end == toks[atoms[k].start].span.start);
            let next_is_named =
                matches!(atoms[k].kind, AtomKind::Actor(id) if dicts.actors()[id as usize].code.len() > 3);
            let next_is_country =
                matches!(atoms[k].kind, AtomKind::Actor(id) if dicts.actors()[id as usize].code.len() == 3);
            let open_role = conjuncts.last().is_some_and(|c| c.iter().all(|m| m.code.is_none()));
            // `his Chinese counterpart Wang Yi`: common nouns before a named person.
            let title_nouns = next_is_named
                && gap.len() <= 2
                && gap.iter().all(|t| matches!(t.tag, Tag::Noun | Tag::Adj) && t.case == Case::Lower);
            let located = open_role && next_is_country && located_in(gap, || names_a_people(dicts, &atoms[k - 1]));
            // `Syria's US-backed rebels`: the possessor is the scene the
            // backed role noun belongs to, whoever backs it.
            let possessor_of_backed = gap.first().is_some_and(is_possessive)
                && gap.len() <= 5
                && (1..gap.len()).all(|j| is_np_glue(&gap[j]) || is_backing_word(gap, j));
            // `Kenya's former defence minister`: the tagger reads `former` after
            // `'s` as a noun; it glues when it makes the next role an ELI office.
            let former_office_glue = matches!(gap.last(), Some(t) if t.norm == "former")
                && gap[..gap.len() - 1].iter().all(is_np_glue)
                && gap.len() <= 3
                && former_eli(s, dicts, &atoms[k], atoms[k].start);
            // `Israeli defence officials`, `Chinese tech firms`: common nouns
            // between a country and a role noun modify the role. Not an
            // inflected one, which in a headline is the verb (`Ivory Coast
            // bans opposition rallies`).
            let prev_is_country =
                matches!(atoms[k - 1].kind, AtomKind::Actor(id) if dicts.actors()[id as usize].code.len() == 3);
            let noun_modifiers = prev_is_country
                && matches!(atoms[k].kind, AtomKind::Agent(_))
                && (1..=2).contains(&gap.len())
                && gap.iter().all(|t| t.tag == Tag::Noun && t.case == Case::Lower && t.norm == t.lemma);
            let glue = tight_hyphen
                || former_office_glue
                || noun_modifiers
                || title_nouns
                || located
                || possessor_of_backed
                || (gap.iter().all(is_np_glue) && gap.len() <= 3);
            // `, and` ends a list (`Turkey, Greece, and Cyprus`) or follows
            // an apposition (`Merkel, Germany's chancellor, and Macron`);
            // after a single bare conjunct it opens a new clause (`... a
            // strike on Gaza, and Egypt condemned it`).
            let comma_and = matches!(without_premodifiers(gap), [c, a] if c.norm == "," && a.norm == "and");
            let coord = (is_and(gap)
                && (!comma_and
                    || conjuncts.len() >= 2
                    || (start > 0 && toks[start - 1].norm == ",")
                    || toks[start..end].iter().any(|t| t.norm == ",")))
                || (is_comma(gap) && (list_continues(toks, &atoms, k) || headline_list(s, &atoms, k)));
            // `recalled its ambassador from Algeria`: a possessed role noun is
            // the possessor's; the `from` phrase says where it leaves.
            let possessed_from = open_role
                && gap.first().is_some_and(|t| t.norm == "from")
                && start > 0
                && matches!(toks[start - 1].norm.as_str(), "its" | "their" | "his" | "her" | "our");
            if glue && possessed_from {
                break;
            }
            // `the foreign ministers of India and China`, `lawmakers in Chad
            // and Niger`, `envoys from Qatar and Egypt`: a plural role noun
            // heads every country of the coordination.
            // Also after earlier conjuncts (`Iran and the foreign ministers
            // of Syria and Iraq`), from the role noun's own conjunct on.
            if glue
                && conjuncts.last().is_some_and(|c| c.len() == 1)
                && open_role
                // Coordinated role nouns (`lawmakers and officials in A and B`) share below.
                && (conjuncts.len() == 1 || conjuncts.iter().any(|c| c.iter().any(|m| m.code.is_some())))
                && matches!(gap, [t] if matches!(t.norm.as_str(), "of" | "in" | "from"))
            {
                let head = &toks[atoms[k - 1].end - 1];
                // Plural: an inflected form, or a plural listed as such (`troops`).
                let plural = head.norm != head.lemma || (head.norm.ends_with('s') && !head.norm.ends_with("ss"));
                if plural {
                    let at = conjuncts.len() - 1;
                    shared_head = conjuncts[at][0].sector.clone().map(|sector| (at, sector));
                }
            }
            // `lawmakers and officials in Chad and Niger`, `the president and
            // prime minister of Iraq`: coordinated role nouns before `of`,
            // `in` or `from` and a country all belong to it.
            if glue
                && conjuncts.len() > 1
                && next_is_country
                && conjuncts.iter().all(|c| matches!(c.as_slice(), [m] if m.code.is_none() && m.country.is_none()))
                && matches!(gap, [t] if matches!(t.norm.as_str(), "of" | "in" | "from"))
            {
                shared_roles = conjuncts.iter().map(|c| c[0].sector.clone()).collect();
            }
            if glue {
                if let Some(sector) = officeholders_forces(dicts, &atoms[k - 1], &atoms[k], gap, toks.get(atoms[k].end))
                {
                    forces[conjuncts.len() - 1] = Some(sector);
                }
                let conjunct = conjuncts.last_mut().unwrap();
                if envoy_to_organisation(s, dicts, conjunct, &atoms[k - 1], &atoms[k])
                    || title_before_role(dicts, &atoms[k - 1], &atoms[k], gap)
                {
                    conjunct.pop();
                }
                conjunct.push(member_of(&atoms[k], dicts));
                *heads.last_mut().unwrap() = atoms[k].end - 1;
            } else if coord {
                conjuncts.push(vec![member_of(&atoms[k], dicts)]);
                opens_np.push(gap.iter().any(is_det));
                forces.push(None);
                heads.push(atoms[k].end - 1);
            } else {
                break;
            }
            has_actor |= !matches!(atoms[k].kind, AtomKind::Agent(_));
            end = atoms[k].end;
            k += 1;
        }
        // `Damascus's Russian ally`, `Assad's main backers`: the possessor
        // of a relation noun is not the actor, a demonym after it is.
        if let Some(relation) = relation_after(toks, end) {
            let possessive_at =
                (atoms[first_atom].end..end).find(|&j| is_possessive(&toks[j])).filter(|_| conjuncts.len() == 1);
            let after_possessive = possessive_at.and_then(|p| (first_atom..k).find(|&a| atoms[a].start > p));
            if let Some(a) = after_possessive {
                conjuncts = vec![atoms[a..k].iter().map(|atom| member_of(atom, dicts)).collect()];
                restart(&mut opens_np, false);
                restart(&mut heads, end - 1);
                restart(&mut forces, None);
                shared_roles.clear();
                shared_head = None;
            } else if toks.get(end).is_some_and(is_possessive)
                && (STATE_RELATIONS.contains(&relation)
                    || conjuncts
                        .iter()
                        .flatten()
                        .all(|m| m.code.is_some() && m.code == m.country && m.sector.is_none())
                    || STATE_ORGANS.contains(&toks[end - 1].lemma.as_str()))
            {
                continue;
            }
        }
        let mut members = combine(conjuncts, &opens_np);
        held_list(&heads, toks, &mut members);
        for (m, sector) in members.iter_mut().zip(forces.drain(..)) {
            if let Some(sector) = sector {
                m.code.clone_from(&m.country);
                m.sector = Some(sector);
            }
        }
        former_office(s, dicts, &atoms[first_atom..k], &mut members);
        // Also in longer lists (`The ambassadors of A, B and C`), as PETRARCH's
        // suite codes them; TABARI's suite codes the later members bare.
        if let Some((at, sector)) = shared_head {
            for m in members
                .iter_mut()
                .skip(at)
                .filter(|m| m.sector.is_none() && m.code.as_deref().is_some_and(|c| c.len() == 3))
            {
                m.sector = Some(sector.clone());
            }
        }
        if !shared_roles.is_empty() {
            members = share_roles(members, &shared_roles);
        }
        let people = !has_actor && names_a_people(dicts, &atoms[first_atom]);
        // A people's group fighting `in Syria`: the sentence's scene is
        // its country.
        let people_scene = if people { scene_country(s, dicts, &atoms) } else { None };
        if people_scene.is_some() {
            for m in members.iter_mut().filter(|m| m.country.is_none() && m.code.is_none()) {
                m.country.clone_from(&people_scene);
            }
        }
        let backer = if has_actor {
            None
        } else {
            has_backer(s, dicts, date, start)
                .or_else(|| (people && people_scene.is_none()).then_some((start, Backed { backer: None })))
        };
        if let Some((_, backed)) = &backer {
            // The country the sentence is set in, unless the backer's own:
            // `Russian-backed separatists shelled a village in Ukraine` are
            // Ukraine's separatists.
            let backer_country = backed.backer.and_then(|id| dicts.actors()[id as usize].country.as_deref());
            let scene = scene_country(s, dicts, &atoms).filter(|c| Some(c.as_str()) != backer_country);
            // Otherwise the sector alone is the code: settled, so the grammar
            // does not lend it the country of the other side
            // (`Iranian-backed militias attacked US troops` is REB, not USAREB).
            for m in members.iter_mut().filter(|m| m.code.is_none() && m.country.is_none()) {
                match &scene {
                    Some(c) => m.country = Some(c.clone()),
                    None => m.code.clone_from(&m.sector),
                }
            }
        }
        let agent_only = !has_actor && backer.is_none();
        let (start, backed) = match backer {
            Some((at, backed)) => (at, Some(backed)),
            None => (start, None),
        };
        let start = if start > 0 && is_det(&toks[start - 1]) { start - 1 } else { start };
        if k - first_atom == 1 && modifies_a_non_actor(s, dicts, &atoms[first_atom]) {
            continue;
        }
        // `blamed the crisis in Libya on France`: the scene of strife is no
        // party when another actor follows to fill the event; alone after
        // it (`concern about the fighting in Sudan`) it stays the target.
        let strife_scene = k - first_atom == 1
            && k < atoms.len()
            && bare_country_atom(dicts, &atoms[first_atom])
            && scene_of_strife(toks, atoms[first_atom].start);
        if strife_scene {
            let end = atoms[first_atom].end;
            out.push(Mention { start, end, members, is_place: true, agent_only, backed });
            continue;
        }
        if let Some(place_end) = (k - first_atom == 1).then(|| place_of_country(s, dicts, &atoms[first_atom])).flatten()
        {
            out.push(Mention { start, end: place_end, members, is_place: true, agent_only, backed });
            continue;
        }
        if let Some(site_end) = (k - first_atom == 1).then(|| military_site(s, dicts, &atoms[first_atom])).flatten() {
            members[0].sector = Some("MIL".to_string());
            end = site_end;
        }
        // A backed phrase keeps no country rather than a wrong one.
        out.push(Mention { start, end, members, is_place: false, agent_only, backed });
    }
    // `in the Moroccan city of Rabat`: the city named after the place is
    // that place too.
    for k in 1..out.len() {
        let (before, rest) = out.split_at_mut(k);
        let prev = &before[k - 1];
        let named_after =
            prev.is_place && toks.get(prev.end).is_some_and(|t| t.norm == "of") && rest[0].start == prev.end + 1;
        if named_after && rest[0].members.len() == 1 && rest[0].members[0].sector.is_none() {
            rest[0].is_place = true;
        }
    }
    out
}

/// Empties `v` and puts `first` in it, keeping its allocation.
fn restart<T>(v: &mut Vec<T>, first: T) {
    v.clear();
    v.push(first);
}

/// `Lawmakers and officials in A and B`: `members` holds the open role
/// nouns before the last one, then the last role noun on country A, then
/// the countries coordinated after it. Every role (`sectors`, one per
/// role noun) is given every country; left alone unless the countries
/// after A are bare.
fn share_roles(members: Vec<Member>, sectors: &[Option<String>]) -> Vec<Member> {
    let first_country = sectors.len() - 1;
    let bare = |m: &Member| m.code.is_some() && m.code == m.country;
    let countries = &members[first_country..];
    if countries.is_empty() || !bare(&countries[0]) || !countries[1..].iter().all(|m| bare(m) && m.sector.is_none()) {
        return members;
    }
    let mut out: Vec<Member> = Vec::new();
    for sector in sectors {
        for c in countries {
            let m = Member { sector: sector.clone(), ..c.clone() };
            if !out.contains(&m) {
                out.push(m);
            }
        }
    }
    out
}

/// Sectors of a state's organs that a role noun after a named organisation
/// gives a bare country before it (`Israeli and Hamas officials`); not
/// fighters or rebels (`Syrian and Hezbollah fighters` are no Syrian rebels).
/// A captor of these is a state (resolve.rs, hostages of the other side).
pub(crate) const ORGAN_SECTORS: &[&str] = &["GOV", "MIL", "COP", "JUD", "LEG", "SPY"];

/// Merges each conjunct's atoms into one member; a trailing agent with no
/// country of its own is distributed over earlier country-only conjuncts
/// (`Turkish and Greek officials`) of the same noun phrase: not past a
/// conjunct that `opens_np` with its own determiner, and not when the role
/// noun comes before its country (`Iran and the government of Syria`).
fn combine(conjuncts: Vec<Vec<Member>>, opens_np: &[bool]) -> Vec<Member> {
    // `the government of Syria`: the last conjunct's role noun precedes its country.
    let role_first = conjuncts.last().is_some_and(|parts| {
        parts.first().is_some_and(|p| p.code.is_none() && p.country.is_none())
            && parts[1..].iter().any(|p| p.country.is_some())
    });
    // The role noun of a last conjunct that names an organisation (`Hamas
    // delegations`): a state's organ, it also heads a bare country before it
    // (`the Israeli and Hamas delegations` are Israel's delegation too).
    let named_role = conjuncts.last().and_then(|parts| {
        let named = parts.iter().any(|p| p.code.as_deref().is_some_and(|c| c.len() > 3));
        let role = parts.iter().find(|p| p.code.is_none() && p.country.is_none()).and_then(|p| p.sector.clone());
        role.filter(|sec| named && ORGAN_SECTORS.contains(&sec.as_str()))
    });
    let mut merged: Vec<Member> = conjuncts
        .into_iter()
        .map(|parts| {
            let mut m = Member { country: None, code: None, sector: None, rule: None, kind: ActorKind::Unspecified };
            // The parts are moved in, not cloned: each is used once.
            for Member { country, code, sector, rule, kind } in parts {
                if m.country.is_none() {
                    m.country = country;
                }
                match code {
                    // A named actor; a more specific one ("Russia's Lavrov") replaces a bare country.
                    Some(new) => {
                        let replace = m.code.as_deref().is_none_or(|old| old.len() <= 3 && new.len() > old.len());
                        if replace {
                            m.code = Some(new);
                            if sector.is_some() {
                                m.sector = sector;
                            }
                            m.rule = rule;
                            m.kind = kind;
                        }
                    }
                    // An agent: the first one names the organisation (`army spokesman` is MIL).
                    None => {
                        // An organisation's peacekeepers are its own sector (`UN peacekeepers` is IGOUNOPKO).
                        if sector.as_deref() == Some("PKO") {
                            if let Some(c) = m.code.as_mut().filter(|c| c.starts_with("IGO") && !c.ends_with("PKO")) {
                                c.push_str("PKO");
                            }
                        }
                        if m.sector.is_none() {
                            m.sector = sector;
                        }
                        if m.rule.is_none() {
                            m.rule = rule;
                        }
                    }
                }
            }
            m
        })
        .collect();
    // Only when the last conjunct names its country (`Greek officials`): a
    // bare role noun (`Turkey, the UN and aid groups`) heads no earlier one.
    if let Some(last_sector) = merged.last().filter(|m| m.country.is_some() && !role_first).and_then(|m| {
        let bare = m.code.as_deref().is_none_or(|c| c.len() == 3);
        if bare {
            m.sector.clone()
        } else {
            named_role.clone()
        }
    }) {
        let n = merged.len();
        // The conjuncts of the last one's noun phrase: from the last that opens one.
        let from = (1..n).rev().find(|&i| opens_np.get(i).copied().unwrap_or(false)).unwrap_or(0);
        for m in &mut merged[from..n - 1] {
            if m.sector.is_none() && m.code.as_deref().is_some_and(|c| c.len() == 3) {
                m.sector = Some(last_sector.clone());
            }
        }
    }
    // `Danish media and government`, `Syrian troops and police`: a bare
    // role noun after a conjunct of a country and a role shares its country.
    if let Some(first) =
        merged.first().filter(|m| m.sector.is_some() && m.code.as_deref().is_some_and(|c| c.len() == 3))
    {
        let (country, code) = (first.country.clone(), first.code.clone());
        for m in merged[1..].iter_mut().filter(|m| m.code.is_none() && m.country.is_none() && m.sector.is_some()) {
            m.country.clone_from(&country);
            m.code.clone_from(&code);
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphen_or_non_ascii_finds_either_anywhere() {
        let plain = "Russia condemned the attack on Tuesday, officials said in a statement on Wednesday.";
        assert!(!hyphen_or_non_ascii(plain.as_bytes()));
        for at in 0..plain.len() {
            for odd in ["-", "\u{e9}"] {
                let text = format!("{}{odd}{}", &plain[..at], &plain[at..]);
                assert!(hyphen_or_non_ascii(text.as_bytes()), "{text}");
            }
        }
        assert!(!hyphen_or_non_ascii(b""));
    }

    /// `title_case` says what its definition says, counted in one pass:
    /// headlines in Title Case, prose, short and all-caps lines.
    #[test]
    fn title_case_counts_as_defined() {
        use std::sync::Arc;
        let lexicon = Arc::new(dyad_text::Lexicon::english());
        let dicts = dyad_dict::DictionariesBuilder::new().build(&lexicon).unwrap_or_else(|e| panic!("{e}"));
        let coder = crate::Coder::builder(Arc::new(dicts), lexicon).build();
        let mut ws = crate::Workspace::default();
        let mut titled = 0;
        for text in [
            "Russian Troops Enter Border Town After Heavy Shelling",
            "Russian Troops Enter the Border Town, Officials Say",
            "Russian troops entered a border town after heavy shelling on Tuesday.",
            "Troops Enter Town",
            "Troops enter town",
            "Iran Says Talks With Europe Will Resume in Vienna",
            "UN Envoy Meets Rebel Leaders",
            "Prices rose 3 pct.",
        ] {
            let span = dyad_core::Span::new(0, text.len());
            let s = Sentence::new(&coder, text, span, &mut ws, false).unwrap_or_else(|| unreachable!());
            let words: Vec<&Token> = s.tokens.iter().filter(|t| t.norm.len() >= 4 && all_letters(&t.norm)).collect();
            let lower = words.iter().filter(|t| t.case == Case::Lower).count();
            let defined = !s.all_caps && words.len() >= 3 && lower <= 1 && lower * 5 < words.len();
            assert_eq!(title_case(&s), defined, "{text}");
            titled += usize::from(defined);
        }
        assert!(titled >= 3, "{titled} Title Case lines");
    }

    #[test]
    fn people_phrases_open_with_a_title_case_word() {
        assert!(people_phrase("Kurdish forces"));
        assert!(!people_phrase("MP"));
        assert!(!people_phrase("soldier"));
        assert!(!people_phrase(""));
    }

    #[test]
    fn relation_first_bytes_cover_the_relation_nouns() {
        for r in RELATION_NOUNS {
            assert!(RELATION_FIRST_BYTES.contains(&r.as_bytes()[0]), "{r}");
        }
    }
}
