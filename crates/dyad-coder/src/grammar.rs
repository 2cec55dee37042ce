//! The shallow grammar: who did what to whom, when and where.
//!
//! No parser: roles come from positions relative to the trigger, the verb
//! group around it, and a handful of clause signals (commas, `that`,
//! relative pronouns, `by`, `and`). The rules are listed in ARCHITECTURE.md
//! and each has a test in `tests/grammar.rs`.

use chrono::NaiveDate;
use dyad_core::cameo::CameoCode;
use dyad_core::{Actor, Diagnostic, Document, Event, EventDate, Evidence, Location, Span};
use dyad_dict::{ActorKind, Dictionaries, PatternInput, PatternMatch};
use dyad_geo::Gazetteer;
use dyad_text::{Case, Tag, Token, VerbForm};

use crate::compose::compose;
use crate::dates::{find_dates, DateMention};
use crate::explain::SentenceTrace;
use crate::mentions::{self, Member, Mention};
use crate::resolve::{resolve, DocMemory};
use crate::sentence::Sentence;
use crate::{Coded, Coder};

/// Sentences longer than this many tokens are coded on their first
/// `MAX_SENTENCE_TOKENS` tokens only (with a warning): it keeps the work per
/// sentence bounded whatever the input.
pub const MAX_SENTENCE_TOKENS: usize = 400;

/// How far (in tokens) to look right of a trigger for its target.
const TARGET_WINDOW: usize = 12;

/// What carries over from sentence to sentence within a document.
pub(crate) struct DocContext {
    published: Option<NaiveDate>,
    dateline: Option<Location>,
    /// The last event source, for pronoun subjects (`it`, `we`).
    last_source: Option<(Mention, Referent, String, Span)>,
    /// The last source that can be one person, for `he`/`she`.
    last_person: Option<Mention>,
    /// The last plural or compound source and its sentence, for `they`.
    last_group: Option<(Mention, usize)>,
    /// Names, titles and pairs learnt from earlier sentences.
    memory: DocMemory,
    /// The last pair that did something together, and the sentence it did it in.
    last_joint: Option<(Vec<Member>, usize)>,
}

impl DocContext {
    pub fn new(doc: &Document) -> DocContext {
        DocContext {
            published: doc.published,
            dateline: None,
            last_source: None,
            last_person: None,
            last_group: None,
            memory: DocMemory::default(),
            last_joint: None,
        }
    }
}

/// A place named in a sentence.
#[derive(Clone, Debug)]
pub(crate) struct PlaceHit {
    pub start: usize,
    pub end: usize,
    pub location: Location,
    /// After `in`, `at`, `near`... or in a dateline: a location, not an actor.
    pub locative: bool,
}

fn norm_is(t: &Token, words: &[&str]) -> bool {
    words.contains(&t.norm.as_str())
}

fn is_aux(t: &Token) -> bool {
    matches!(t.tag, Tag::Aux(_) | Tag::Modal)
        || norm_is(
            t,
            &[
                "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having", "do", "does",
                "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "'s",
            ],
        ) && !matches!(t.tag, Tag::Possessive)
}

fn is_neg(t: &Token) -> bool {
    t.tag == Tag::Neg || norm_is(t, &["not", "n't", "never", "no"])
}

fn is_adv(t: &Token) -> bool {
    t.tag == Tag::Adv
        || norm_is(
            t,
            &[
                "also",
                "reportedly",
                "again",
                "later",
                "earlier",
                "then",
                "still",
                "already",
                "repeatedly",
                "allegedly",
                "formally",
                "officially",
                "jointly",
                "recently",
                "finally",
                "publicly",
                "sharply",
                "strongly",
            ],
        )
}

fn is_be(t: &Token) -> bool {
    norm_is(t, &["is", "are", "was", "were", "be", "been", "being", "am", "get", "got", "gets"])
}

fn is_clause_mark(t: &Token) -> bool {
    t.tag == Tag::Sconj
        || norm_is(
            t,
            &[
                "that", "which", "who", "whom", "whose", "because", "after", "before", "while", "when", "as", "if",
                "unless", "although", "though", "whether",
            ],
        )
}

/// Whether `t` ends the clause it follows: sentence punctuation, a
/// clause word (`that`, `because`) or a finite verb of its own.
fn ends_clause(t: &Token) -> bool {
    is_stop_punct(t) || is_clause_mark(t) || is_finite_verb(t)
}

fn is_stop_punct(t: &Token) -> bool {
    norm_is(t, &[",", ";", ":", ".", "!", "?", "(", ")", "\"", "--", "-"])
}

fn is_finite_verb(t: &Token) -> bool {
    // `Rwandan-backed`, `Saudi-led`: a name joined to a participle is an adjective.
    matches!(t.tag, Tag::Verb(VerbForm::Past | VerbForm::Present3))
        && !(t.case != Case::Lower && t.norm.contains('-') && !t.norm.starts_with('-'))
}

/// A participle with its `of`/`by` phrase right after a noun phrase
/// (`men accused of witchcraft`, `hostages held by bandits`): it describes
/// the noun phrase, it is not that phrase's own verb.
fn participle_modifier(toks: &[Token], i: usize) -> bool {
    toks.get(i).is_some_and(|t| matches!(t.tag, Tag::Verb(VerbForm::Past | VerbForm::PastParticiple)))
        && toks.get(i + 1).is_some_and(|t| norm_is(t, &["of", "by"]))
}

/// A `-s` word tagged as a verb that reads better as the first noun of a
/// compound: `the EU sanctions package` (a bare singular noun after it
/// cannot be its object).
fn is_compound_noun(toks: &[Token], i: usize) -> bool {
    toks[i].tag == Tag::Verb(VerbForm::Present3)
        && toks
            .get(i + 1)
            .is_some_and(|n| n.tag == Tag::Noun && n.case == dyad_text::Case::Lower && !n.norm.ends_with('s'))
        && toks.get(i + 2).is_none_or(|n| !matches!(n.tag, Tag::Det | Tag::Noun | Tag::ProperNoun))
}

const LOCATIVE_PREPS: &[&str] = &[
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "across",
    "around",
    "throughout",
    "into",
    "to",
    "from",
    "toward",
    "towards",
    "of",
];

/// Compass words before a place name (`in northern Burkina Faso`); the
/// tagger often reads them as nouns.
pub(crate) fn is_direction(t: &Token) -> bool {
    let w = t.norm.as_str();
    let w = w.strip_prefix("north-").or_else(|| w.strip_prefix("south-")).unwrap_or(w);
    matches!(
        w,
        "northern"
            | "southern"
            | "eastern"
            | "western"
            | "central"
            | "northeastern"
            | "northwestern"
            | "southeastern"
            | "southwestern"
            | "north"
            | "south"
            | "east"
            | "west"
            | "northeast"
            | "northwest"
            | "southeast"
            | "southwest"
    )
}

/// Nouns after which `of NAME` names a place: `the city of Goma`.
const PLACE_NOUNS: &[&str] = &[
    "city",
    "town",
    "village",
    "province",
    "region",
    "district",
    "port",
    "capital",
    "county",
    "island",
    "oblast",
    "governorate",
    "state",
    "area",
    "enclave",
    "outskirts",
    "suburbs",
    "heart",
    "centre",
    "center",
];

/// Acts of roots 14-20 (protest, force posture, reduced relations,
/// coercion, assault, fighting, mass violence), whose stated intention is a
/// threat (13x) rather than an intent (03x).
fn intent_is_threat(code: CameoCode) -> bool {
    matches!(&code.as_str()[..2], "14" | "15" | "16" | "17" | "18" | "19" | "20")
}

/// Acts whose refusal is a rejection (12x): intents, consultation,
/// cooperation, aid, yielding, and accepting a plan (057).
fn is_cooperative(code: CameoCode) -> bool {
    matches!(&code.as_str()[..2], "03" | "04" | "06" | "07" | "08") || code.as_str() == "057"
}

/// The family a commitment to an act is coded in: CAMEO files agreeing,
/// promising or vowing to cooperate under express intent (03x, `agreed to
/// withdraw` = 0356) and a stated intention to use force under threaten
/// (13x, `vowed to attack` = 138x), as the modality convention does for
/// `will`. A governor that already names its act is left to `compose`.
fn commitment(governor: CameoCode, embedded: CameoCode) -> CameoCode {
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
const MANDATIVE: &[(&str, &str)] = &[
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
fn mandative(toks: &[Token], gov: usize, vg_start: usize, trigger_start: usize) -> Option<CameoCode> {
    let family = MANDATIVE.iter().find(|(lemma, _)| toks[gov].lemma == *lemma)?.1;
    let bare = toks[trigger_start].tag == Tag::Verb(VerbForm::Base)
        && toks[vg_start..trigger_start].iter().all(|t| is_adv(t) || is_neg(t) || t.norm == "should");
    bare.then(|| CameoCode::parse(family)).flatten()
}

/// For a noun trigger that is the object of a bare infinitive with no
/// trigger of its own (`to expand joint patrols`, `to hold talks`), the
/// position of that infinitive, whose governor then governs the noun.
fn infinitive_object(
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
/// delivered to it (07), force used on it (18-20), property seized or
/// destroyed there (171). A place is never the target of talk.
fn aimed_at_place(code: CameoCode) -> bool {
    matches!(&code.as_str()[..2], "07" | "18" | "19" | "20") || code.as_str().starts_with("171")
}

/// Weapons named in the source phrase that make a generic attack (190) an
/// aerial one (195, `drones attacked`) or an artillery one (194); the
/// convention of cameo.events' header.
fn attack_by_weapon(words: &[Token]) -> Option<&'static str> {
    // `shelling` and `bombing` by their written form: their lemmas are verbs.
    words.iter().find_map(|t| match if t.norm.ends_with("ing") { t.norm.as_str() } else { t.lemma.as_str() } {
        "drone" | "warplane" | "jet" | "aircraft" | "helicopter" | "bomber" | "missile" | "airstrike"
        | "airstrikes" | "bombing" => Some("195"),
        "artillery" | "tank" | "rocket" | "mortar" | "howitzer" | "shelling" => Some("194"),
        _ => None,
    })
}

const MODALS_IRREALIS: &[&str] = &["would", "could", "might", "may", "should", "must", "can", "shall"];

/// Words that announce an intention when they govern an infinitive and
/// have no pattern of their own (`ready to release`, `plans to meet`).
const INTENT_WORDS: &[&str] = &["ready", "willing", "prepared", "plan", "intend", "set", "going", "poised", "eager"];

/// `X was seen to break into ...`, `X is said to have attacked Y`, `X is
/// believed to have supplied ...`: a passive verb of perceiving or
/// reporting raises the subject of its infinitive, which reports the act as
/// `it is said that X attacked Y` does (reported speech is coded). Not
/// `expected`, `asked` or `told to`, which have not happened yet.
fn raising_report(toks: &[Token], j: usize) -> bool {
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
fn governs_infinitive(t: &Token) -> bool {
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

struct Input<'s, 'a> {
    s: &'s Sentence<'a>,
    starts: Vec<Option<usize>>,
    ends: Vec<Option<usize>>,
    in_mention: Vec<bool>,
    /// Inside a mention that names an actor (not only a role noun).
    in_named: Vec<bool>,
}

impl<'s, 'a> Input<'s, 'a> {
    fn new(s: &'s Sentence<'a>, mentions: &[Mention]) -> Input<'s, 'a> {
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
}

struct SlotView<'i, 's, 'a> {
    input: &'i Input<'s, 'a>,
    mentions: &'i [Mention],
    /// `CoderBuilder::wide_gaps`: gaps stop only at the end of the sentence.
    wide_gaps: bool,
}

impl PatternInput for SlotView<'_, '_, '_> {
    fn len(&self) -> usize {
        self.input.s.tokens.len()
    }
    fn keys(&self, i: usize) -> [&str; 3] {
        *self.input.s.keys(i)
    }
    fn ids(&self, i: usize) -> Option<[u32; 3]> {
        dyad_dict::TokenKeys::ids(&self.input.s.keys(i))
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
struct Reordered<'v, 'i, 's, 'a> {
    base: &'v SlotView<'i, 's, 'a>,
    order: Vec<usize>,
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
fn passive_matches(
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
fn parenthesised_subject(toks: &[Token], input: &Input<'_, '_>, vg_start: usize) -> Option<usize> {
    let close = vg_start.checked_sub(1).filter(|&c| toks[c].norm == ",")?;
    let open = toks[..close].iter().rposition(|u| norm_is(u, &[",", ";", ":"]))?;
    let first = &toks[open + 1];
    let clause = norm_is(first, &["who", "which", "whom", "whose"])
        || matches!(first.tag, Tag::Verb(VerbForm::PastParticiple | VerbForm::Past)) && first.case == Case::Lower;
    (toks[open].norm == "," && close - open <= 30 && clause).then(|| input.ends[open]).flatten()
}

/// Sectors of people that events are done to; an open role noun in one of
/// them may take the source's country (see `code_sentence`).
/// Sectors of the state itself; the others are non-state actors.
const STATE_SECTORS: &[&str] = &["GOV", "MIL", "COP", "JUD", "LEG", "SPY", "ELI"];

const PEOPLE_SECTORS: &[&str] =
    &["CVL", "MED", "OPP", "REF", "HRI", "LAB", "EDU", "REL", "CRM", "REB", "INS", "SEP", "BUS", "HLH", "ELI"];

/// Nouns whose `that` clause reports a claim, not a fact: `allegations that
/// it had fired rockets` does not code the firing.
const CLAIM_NOUNS: &[&str] = &[
    "allegation",
    "claim",
    "report",
    "accusation",
    "rumour",
    "rumor",
    "suggestion",
    "charge",
    "assertion",
    "speculation",
    "fear",
    "concern",
    "warning",
    "threat",
    "demand",
    "call",
    "denial",
];

/// The claim nouns that report what someone says happened (not an appeal or
/// a threat, whose triggers code on their own).
const REPORT_NOUNS: &[&str] =
    &["allegation", "claim", "report", "accusation", "rumour", "rumor", "suggestion", "assertion", "speculation"];

/// Why a trigger did or did not become events (shown by `dyad explain`).
#[derive(Clone, Debug, PartialEq)]
enum Fate {
    Coded,
    Governed(usize),
    Absorbed(usize),
    Claimed(String),
    Complement(usize),
    Hypothetical,
    /// Inside a non-restrictive relative clause (`, who ... ,`).
    Background,
    /// Inside an `according to` phrase: the report's source, not an event.
    Attribution,
    /// A participle used as an adjective before its noun (`detained lawyers`).
    Attributive,
    /// A participle after its noun that describes it (`men accused of ...`).
    Modifier,
    NoSource,
    Sport,
    /// `ask` before a question (`asked whether`): no appeal.
    Question,
}

/// A match report: a score (`3-1`) and a word of sport. Its `beat`,
/// `attacked` and `crushed` are play, not force.
fn is_sport(toks: &[Token]) -> bool {
    let score = toks.iter().any(|t| {
        let mut parts = t.norm.split('-');
        let digits =
            |p: Option<&str>| p.is_some_and(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()));
        t.tag == Tag::Num && digits(parts.next()) && digits(parts.next()) && parts.next().is_none()
    });
    score
        && toks.iter().any(|t| {
            matches!(
                t.lemma.as_str(),
                "team"
                    | "match"
                    | "game"
                    | "cup"
                    | "league"
                    | "championship"
                    | "tournament"
                    | "final"
                    | "goal"
                    | "club"
                    | "squad"
                    | "coach"
                    | "striker"
                    | "football"
                    | "soccer"
                    | "cricket"
                    | "rugby"
                    | "tennis"
                    | "basketball"
                    | "hockey"
                    | "olympics"
                    | "medal"
                    | "qualifier"
                    | "semi-final"
                    | "quarter-final"
            )
        })
}

// The workspace is the worker's reusable buffers (see `Coder::code_with`).
#[allow(clippy::too_many_arguments)]
pub(crate) fn code_sentence(
    coder: &Coder,
    doc: &Document,
    index: usize,
    span: Span,
    ctx: &mut DocContext,
    coded: &mut Coded,
    trace: Option<&mut Vec<SentenceTrace>>,
    workspace: &mut crate::Workspace,
) {
    let dicts = coder.dictionaries();
    // A later sentence that can yield no event and no mention is not analysed (skip.rs).
    let Some(mut s) = Sentence::new(coder, &doc.text, span, workspace, index > 0 && trace.is_none()) else { return };
    if s.tokens.len() > MAX_SENTENCE_TOKENS {
        coded.diagnostics.push(Diagnostic::warning(
            format!("sentence {index} has {} tokens; coded on its first {MAX_SENTENCE_TOKENS}", s.tokens.len()),
            Some(span),
        ));
        s.truncate(MAX_SENTENCE_TOKENS);
    }
    if s.tokens.is_empty() {
        return;
    }
    let mut found = mentions::find(&s, dicts, ctx.published);
    resolve(&s, dicts, &mut found, &mut ctx.memory);
    // `unidentified gunmen`, `unknown assailants`: no actor can be named.
    found.retain(|m| {
        !(m.agent_only && m.start > 0 && norm_is(&s.tokens[m.start - 1], &["unidentified", "unknown"])
            || norm_is(&s.tokens[m.start], &["unidentified", "unknown"]))
    });
    neither_nor(&s.tokens, &mut found);
    comitative(&s.tokens, &mut found);
    // Most sentences hold no trigger word at all: stop once the document
    // has learnt their names (and, for the first, its dateline).
    let has_trigger = (0..s.tokens.len()).any(|i| s.can_anchor(i, dicts.pattern_index()));
    if !has_trigger && index > 0 && trace.is_none() {
        return;
    }
    let mut story_countries: Vec<String> =
        found.iter().flat_map(|m| &m.members).filter_map(|member| member.country.clone()).collect();
    story_countries.extend(ctx.dateline.as_ref().and_then(|d| d.country.clone()));
    // The gazetteer never overrides a dictionary actor (`in Lebanon` is the country).
    let mut named = vec![false; s.tokens.len()];
    for m in found.iter().filter(|m| !m.agent_only) {
        named[m.start..m.end].iter_mut().for_each(|f| *f = true);
    }
    let places = find_places(&s, dicts, coder.gazetteer().map(|g| (g, named.as_slice())), index == 0, &story_countries);
    if index == 0 {
        if let Some(p) = places.iter().find(|p| p.start == 0 && p.locative) {
            ctx.dateline = Some(p.location.clone());
        }
    }
    // A capital after `in`/`at` (or in a dateline) is where, not who.
    for m in &mut found {
        if places.iter().any(|p| p.locative && p.start <= m.start + 1 && p.end == m.end && m.members.len() == 1) {
            m.is_place = true;
        }
    }
    // A role noun takes the country of the place the sentence is about
    // (`police ... in Tehran`) or the dateline; otherwise it stays open and
    // is settled against the other side of its event.
    let in_country = found.iter().find_map(|m| {
        // `in Nigeria`, `in central Nigeria`.
        let mut b = m.start.checked_sub(1)?;
        while b > 0
            && s.tokens[b].case == Case::Lower
            && (matches!(s.tokens[b].tag, Tag::Adj | Tag::Det) || is_direction(&s.tokens[b]))
        {
            b -= 1;
        }
        let before = &s.tokens[b];
        let member = m.members.first().filter(|_| m.members.len() == 1)?;
        let bare = member.code.as_deref().is_some_and(|c| Some(c) == member.country.as_deref());
        (bare && norm_is(before, &["in", "across", "throughout"])).then(|| member.country.clone()).flatten()
    });
    // A backed role noun takes the dateline's country unless the sentence is set elsewhere (mentions.rs).
    let dateline = ctx.dateline.as_ref().and_then(|d| d.country.as_deref());
    let elsewhere = places.iter().any(|p| p.locative && p.location.country.as_deref() != dateline)
        || in_country.as_deref().is_some_and(|c| Some(c) != dateline);
    // Set elsewhere: the country of the places it is set in, when they agree
    // (`Rwandan-backed rebels ... at a camp outside Goma`).
    let mut located = places.iter().filter(|p| p.locative).map(|p| p.location.country.as_deref());
    let here = located.next().flatten().filter(|c| located.all(|o| o == Some(*c)));
    let here = here.filter(|c| in_country.as_deref().is_none_or(|i| i == *c));
    mentions::backed_scene(dicts, &mut found, if elsewhere { here } else { dateline });
    let where_country = places
        .iter()
        .find(|p| p.locative)
        .map(|p| p.location.country.clone())
        .or_else(|| in_country.map(Some))
        .or_else(|| ctx.dateline.as_ref().map(|d| d.country.clone()))
        .flatten();
    // A place right before a role noun, or after it with `of`, is its
    // country: `Istanbul mayor Ekrem Imamoglu`, `the governor of Kherson`.
    for m in found.iter_mut().filter(|m| m.members.iter().all(|x| x.country.is_none() && x.code.is_none())) {
        let before = places.iter().find(|p| p.end == m.start);
        let after = || {
            let mut j = m.end;
            if s.tokens.get(j).is_none_or(|t| t.norm != "of") {
                return None;
            }
            j += 1;
            if s.tokens.get(j).is_some_and(|t| t.norm == "the") {
                j += 1;
            }
            places.iter().find(|p| p.start == j)
        };
        if let Some(country) = before.or_else(after).and_then(|p| p.location.country.clone()) {
            for member in m.members.iter_mut().filter(|member| member.country.is_none()) {
                member.country = Some(country.clone());
            }
        }
    }
    // `migrants from neighbouring Syria and Iran`: an open role noun takes
    // the countries of its `from` phrase, one member each (mentions.rs joins
    // the phrase when nothing comes between). Only as a subject: after a
    // verb or possessive the phrase says where they were taken from
    // (`withdrew troops from Syria`, `recalled its ambassador from X`).
    for h in 0..found.len() {
        // (Past adjectives: `Kurdish migrants from ...`.)
        let b = s.tokens[..found[h].start].iter().rposition(|t| t.tag != Tag::Adj);
        let subject_position =
            b.is_none_or(|b| norm_is(&s.tokens[b], &[",", ";", ":", "\"", "and", "but", "that", "while", "the"]));
        let Some(start) = origin_start(&s.tokens, found[h].end).filter(|_| subject_position) else { continue };
        let origin = found.iter().find(|m| m.start == start && m.members.iter().all(bare_country));
        if let Some(members) = origin.filter(|_| open_agent(&found[h]) && found[h].members.len() == 1).map(|o| {
            o.members.iter().map(|x| Member { country: x.country.clone(), ..found[h].members[0].clone() }).collect()
        }) {
            found[h].members = members;
        }
    }
    // `forces loyal to the Syrian government` are that country's.
    for k in 0..found.len() {
        let e = found[k].end;
        let loyal = s.tokens.get(e).is_some_and(|t| t.norm == "loyal")
            && s.tokens.get(e + 1).is_some_and(|t| t.norm == "to")
            && open_agent(&found[k]);
        if !loyal {
            continue;
        }
        let country =
            found.iter().find(|m| m.start == e + 2 && m.members.len() == 1).and_then(|m| m.members[0].country.clone());
        if let Some(country) = country {
            for member in &mut found[k].members {
                member.country = Some(country.clone());
            }
        }
    }
    // `its military`, `their police` belong to an actor named elsewhere.
    let possessed_by = |m: &Mention, owners: &[&str]| {
        m.start > 0 && norm_is(&s.tokens[m.start - 1], owners) || norm_is(&s.tokens[m.start], owners)
    };
    let possessed = |m: &Mention| possessed_by(m, &["its", "their", "his", "her", "our"]);
    // People held by an actor named before them (`Venezuela freed 23 political
    // prisoners ... aimed at Washington`) are that actor's: they are settled
    // against it (`make`), not given a place named later (mentions.rs, held_people).
    let held: Vec<bool> = found
        .iter()
        .map(|m| mentions::held_people(&s, m) && found.iter().any(|p| p.end <= m.start && !p.agent_only))
        .collect();
    for (m, _) in found.iter_mut().zip(&held).filter(|(m, held)| m.agent_only && !possessed(m) && !**held) {
        for member in m.members.iter_mut().filter(|member| member.country.is_none()) {
            member.country.clone_from(&where_country);
        }
    }
    // The country of the first actor before a position: what an open role
    // noun later in the sentence most likely belongs to (`Thailand is
    // considering ..., the defence ministry said`).
    let country_before = |pos: usize| {
        found.iter().filter(|m| m.end <= pos).flat_map(|m| &m.members).find_map(|member| member.country.clone())
    };
    // The owner of a possessed role noun (`Russia said its forces shelled
    // Ukrainian positions`): the nearest named actor before it, a country or
    // organisation that can own forces, not the target or a place after it
    // (which made the forces Ukraine's own).
    // `our` and `my` are the speaker's, who may be named anywhere.
    let possessor_country = |m: &Mention| {
        if !possessed(m) || possessed_by(m, &["our", "my"]) {
            return None;
        }
        found
            .iter()
            .filter(|p| p.end <= m.start && !p.agent_only)
            .max_by_key(|p| p.end)
            .and_then(|p| p.members.iter().find_map(|member| member.country.clone()))
    };
    let input = Input::new(&s, &found);
    let view = SlotView { input: &input, mentions: &found, wide_gaps: coder.wide_gaps() };
    // A trigger word inside a name is part of the name: `Islamic State`.
    let mut all_matches: Vec<PatternMatch> = dicts
        .find_patterns(&view)
        .into_iter()
        .filter(|m| m.trigger.first().is_none_or(|&t| !input.in_named[t]))
        .collect();
    let passives = passive_matches(dicts, &view, &found, &all_matches);
    all_matches.extend(passives);
    // `hosted talks between X and Y`: the talks are also the pair's own, though
    // a longer pattern takes the word.
    let pair_nouns: Vec<(usize, u32)> = all_matches
        .iter()
        .filter(|m| {
            m.trigger.len() == 1
                && s.tokens[m.trigger[0]].tag == Tag::Noun
                && s.tokens.get(m.trigger[0] + 1).is_some_and(|t| t.norm == "between")
                && is_mutual(dicts.patterns()[m.pattern as usize].code)
        })
        .map(|m| (m.trigger[0], m.pattern))
        .collect();
    let dates = if all_matches.is_empty() { Vec::new() } else { find_dates(&s.tokens, &doc.text, ctx.published) };
    // A trigger word inside a date is part of the date: `on Tuesday, March 11`.
    // Dropped before the longest match is chosen: in `insisted on Sunday
    // that`, `insist on` is no trigger and must not hide `insist`. A trigger
    // that holds a whole date and more (a pattern's set of time phrases,
    // `send &when to`) names the date itself and is kept.
    let in_date = |m: &PatternMatch| {
        dates.iter().any(|d| {
            let inside = |t: &usize| d.start <= *t && *t < d.end;
            let whole = (d.start..d.end).all(|t| m.trigger.contains(&t)) && !m.trigger.iter().all(inside);
            m.trigger.iter().any(inside) && !whole
        })
    };
    // Only `dyad explain` needs the matches that lost to longer ones.
    let candidates: Vec<PatternMatch> = if trace.is_some() {
        all_matches.iter().filter(|m| !in_date(m)).cloned().collect()
    } else {
        let mut v = std::mem::take(&mut all_matches);
        v.retain(|m| !in_date(m));
        v
    };
    let matches = select(dicts, &s.tokens, candidates);
    let mut fates: Vec<Fate> = vec![Fate::Coded; matches.len()];
    // Words a verb reaches its infinitive or `that` clause across: its
    // object and a date (`agreed on Monday to`, `insisted on Sunday that`).
    let mut skippable = input.in_mention.clone();
    for d in &dates {
        let end = d.end.min(skippable.len());
        skippable[d.start..end].iter_mut().for_each(|f| *f = true);
    }

    // Relations between triggers: infinitives and `that` clauses under a
    // governing trigger are not realised; they refine its code and, for
    // `demanded that X ...`, give it its target.
    let mut codes: Vec<CameoCode> = matches.iter().map(|m| dicts.patterns()[m.pattern as usize].code).collect();
    let mut target_override: Vec<Option<usize>> = vec![None; matches.len()];
    let mut intent = vec![false; matches.len()];
    // The word that states an intention (`intends to host`): its verb group has the subject.
    let mut intent_gov: Vec<Option<usize>> = vec![None; matches.len()];
    // The raising verb that reports a trigger (`is said to have attacked`): its negation denies the act.
    let mut raised: Vec<Option<usize>> = vec![None; matches.len()];
    // `CoderBuilder::code_governed` (TABARI's CODE ALL): every trigger codes on its own.
    for (i, m) in matches.iter().enumerate().filter(|_| !coder.codes_governed()) {
        let trigger_start = m.trigger.first().copied().unwrap_or(m.start);
        let vg_start = verb_group_start(&s.tokens, trigger_start);
        let trigger_of = |j: usize| matches.iter().position(|g| g.trigger.contains(&j));
        // A purpose infinitive after another trigger elaborates it (`met X to
        // discuss Y`): the meeting is the event.
        let purpose = vg_start > 0
            && (s.tokens[vg_start - 1].norm == "to" || s.tokens[vg_start - 1].tag == Tag::To)
            && i > 0
            && infinitive_governor(&s.tokens, &skippable, vg_start, &trigger_of).is_none();
        if purpose {
            fates[i] = Fate::Governed(i - 1);
            continue;
        }
        // `agreed to expand joint patrols`: a noun trigger that is the object
        // of an infinitive with no trigger of its own is what the governor of
        // that infinitive is about.
        // (Only under a trigger or an intention word: `began to conduct
        // patrols` still reports the patrols.)
        let inf_vg = infinitive_object(&s.tokens, trigger_start, &trigger_of)
            .filter(|_| infinitive_governor(&s.tokens, &skippable, vg_start, &trigger_of).is_none())
            .filter(|&v| {
                infinitive_governor(&s.tokens, &skippable, v, &trigger_of).is_some_and(|j| {
                    trigger_of(j).is_some_and(|g| g != i) || INTENT_WORDS.contains(&s.tokens[j].lemma.as_str())
                })
            })
            .unwrap_or(vg_start);
        let governor = match infinitive_governor(&s.tokens, &skippable, inf_vg, &trigger_of) {
            Some(j) if raising_report(&s.tokens, j) => {
                raised[i] = Some(j);
                None
            }
            g => g,
        };
        if let Some(j) = governor {
            fates[i] = Fate::Claimed(s.tokens[j].span.slice(&doc.text).to_string());
            if trigger_of(j).is_none() && INTENT_WORDS.contains(&s.tokens[j].lemma.as_str()) {
                // `ready to release`: an intention, coded as such below.
                fates[i] = Fate::Coded;
                intent[i] = true;
                intent_gov[i] = Some(j);
            }
            if let Some(g) = trigger_of(j).filter(|&g| g != i) {
                fates[i] = Fate::Governed(g);
                // `vowed not to negotiate`: committing not to do a cooperative
                // act is refusing it (12x), as `would not negotiate` is.
                let commitment_code = commitment(codes[g], codes[i]);
                let refusal = commitment_code.as_str() == "030"
                    && is_cooperative(codes[i])
                    && s.tokens.get(j + 1..trigger_start).is_some_and(|w| w.iter().any(is_neg));
                let governing =
                    if refusal { CameoCode::parse("120").unwrap_or(commitment_code) } else { commitment_code };
                if let Some(c) = compose(governing, codes[i]) {
                    codes[g] = c;
                }
            }
        } else if let Some((gov, subject)) = that_clause_governor(&s, &input, &found, &skippable, vg_start) {
            match trigger_of(gov).filter(|&g| g != i) {
                Some(g) => {
                    // `insisted that Russia withdraw`: a bare verb after a
                    // verb of demanding is a demand, not reported speech.
                    if codes[g].as_str().starts_with("01") {
                        if let Some(d) = mandative(&s.tokens, gov, vg_start, trigger_start) {
                            codes[g] = d;
                        }
                    }
                    let root = &codes[g].as_str()[..2];
                    // Reported speech (`said that ...`) is realised; a denial,
                    // accusation, appeal or demand is not.
                    // `warned that it would retaliate`: the warning is the threat itself.
                    let threat = codes[g].as_str() == "012"
                        && intent_is_threat(codes[i])
                        && is_future(&s.tokens, vg_start, trigger_start);
                    if threat {
                        fates[g] = Fate::Absorbed(i);
                    }
                    // `reports that Moscow had offered to mediate`: a report
                    // noun's clause is a claim even when the noun is a trigger.
                    if root == "01"
                        && s.tokens[gov].tag == Tag::Noun
                        && REPORT_NOUNS.contains(&s.tokens[gov].lemma.as_str())
                    {
                        fates[i] = Fate::Claimed(s.tokens[gov].span.slice(&doc.text).to_string());
                    } else if root != "01" || codes[g].as_str() == "016" {
                        fates[i] = Fate::Governed(g);
                        if let Some(c) = compose(codes[g], codes[i]) {
                            codes[g] = c;
                            if matches[g].target.is_none() {
                                target_override[g] = subject;
                            }
                        }
                    }
                }
                None if s.tokens[gov].tag == Tag::Noun && CLAIM_NOUNS.contains(&s.tokens[gov].lemma.as_str()) => {
                    fates[i] = Fate::Claimed(s.tokens[gov].span.slice(&doc.text).to_string());
                }
                None => {}
            }
        }
    }

    // Whether the sentence reports a match: scanned once, when a force trigger asks.
    let sport = std::cell::OnceCell::new();
    let question = question_clause(&s.tokens);
    let mut sentence_events: Vec<Event> = Vec::new();
    let mut prev_subject: Option<usize> = None;
    // The last object named, for an object pronoun (`accusing it of`).
    let mut prev_target: Option<usize> = None;
    // The subject a coordinated verb shares (`attacked X and killed Y`):
    // as `prev_subject`, but not the actor of a noun trigger's own
    // premodifier (`called the US strikes an escalation and vowed ...` is
    // not a US vow).
    let mut clause_subject: Option<usize> = None;
    // Where the trigger that gave `clause_subject` ends.
    let mut clause_subject_end = 0;
    let mut prev_trigger: Option<(usize, usize)> = None;
    // Whether the last trigger that reached the role search was passive.
    let mut prev_passive = false;
    for (mi, m) in matches.iter().enumerate() {
        let pattern = &dicts.patterns()[m.pattern as usize];
        let trigger_start = m.trigger.first().copied().unwrap_or(m.start);
        let trigger_end = m.trigger.last().map_or(m.end, |&t| t + 1);
        let vg_start = verb_group_start(&s.tokens, trigger_start);
        let governing = prev_trigger.replace((trigger_end, mi));
        // An absorbed warning still names the subject its threat's pronoun refers to.
        if fates[mi] != Fate::Coded && !matches!(fates[mi], Fate::Absorbed(_)) {
            continue;
        }
        // `Will X and Y go to war?`: a question asks whether an act happens.
        if question.is_some_and(|q| trigger_start >= q) && !coder.codes_irrealis() {
            fates[mi] = Fate::Hypothetical;
            continue;
        }
        // `detained lawyers`, `jailed activist`: a participle used as an
        // adjective describes, it does not report.
        if is_attributive_participle(&s.tokens, vg_start, trigger_start, trigger_end) {
            fates[mi] = Fate::Attributive;
            continue;
        }
        if codes[mi].as_str().starts_with("02") && asks_question(&s.tokens, &found, trigger_start, trigger_end) {
            fates[mi] = Fate::Question;
            continue;
        }
        // Background in a relative clause (`X, who seized the town last
        // month, released ...`) is not the news.
        if in_relative_clause(&s.tokens, trigger_start) {
            fates[mi] = Fate::Background;
            continue;
        }
        // `according to officials who attended the meeting`: who reports it.
        if in_attribution(&s.tokens, trigger_start) {
            fates[mi] = Fate::Attribution;
            continue;
        }
        // Nor a participle describing the noun before it (`the civilians
        // imprisoned for ... were released`, `executed men accused of ...`).
        if reduced_relative(&s.tokens, &input, &found, vg_start, trigger_start, trigger_end)
            || object_modifier(&s.tokens, vg_start, trigger_start)
        {
            fates[mi] = Fate::Modifier;
            continue;
        }
        // A nominal event between a pair (`the ceasefire between Israel and
        // Hamas`) is coded between them, wherever it sits in the sentence.
        // `Sanctions were imposed on X by Y`, `Talks were held between X and
        // Y`: a noun trigger that is the subject of a passive light verb.
        let nominal_passive = nominal_passive_end(&s.tokens, trigger_end.max(m.end))
            .filter(|_| m.source.is_none() && m.target.is_none() && s.tokens[trigger_start].tag == Tag::Noun);
        // The words that say whether the act happened: the verb group before
        // the trigger, or the passive one after a noun trigger.
        let (mood_from, mood_to) = match nominal_passive {
            Some(e) => (trigger_end.max(m.end), e),
            None => (vg_start, trigger_start),
        };
        let between =
            between_pair(&s, &input, &found, trigger_start, nominal_passive.unwrap_or(trigger_end.max(m.end)));
        // `halted its mediation between X and Y`, `Egypt's mediation between
        // X and Y`: a verb, or an act that is not mutual, has its own subject,
        // and the pair is its target.
        let pair_target = between.filter(|_| {
            matches!(s.tokens[trigger_start].tag, Tag::Verb(v) if v != VerbForm::Gerund) || !is_mutual(codes[mi])
        });
        let between = between.filter(|_| pair_target.is_none());
        // `a ceasefire between X and Y would allow ...`: the pair's act is
        // the subject of a hypothetical.
        if let Some(k) = between.filter(|_| !coder.codes_irrealis()) {
            let next_verb = s.tokens[found[k].end..].iter().find(|t| is_aux(t) || ends_clause(t));
            if next_verb.is_some_and(|t| norm_is(t, MODALS_IRREALIS)) {
                fates[mi] = Fate::Hypothetical;
                continue;
            }
        }
        if between.is_none() {
            // (`answered the sanctions by accusing X`: a `by` gerund after a
            // noun trigger says how the clause's subject acted, not what the noun is.)
            let by_gerund = trigger_start > 0
                && s.tokens[trigger_start - 1].norm == "by"
                && s.tokens[trigger_start].tag == Tag::Verb(VerbForm::Gerund);
            let complement = |&(g, gi): &(usize, usize)| {
                let noun_governor = matches[gi].trigger.iter().all(|&t| s.tokens[t].tag == Tag::Noun);
                !coder.codes_governed()
                    && is_nominal_complement(&s.tokens, g, trigger_start)
                    && !(by_gerund && noun_governor)
            };
            if let Some((_, gi)) = governing.filter(complement) {
                // `accused X of violating the ceasefire`: the complement refines the accusation.
                if let Some(c) = compose(codes[gi], codes[mi]) {
                    codes[gi] = c;
                    let governor_start =
                        s.tokens[matches[gi].trigger.first().copied().unwrap_or(matches[gi].start)].span.start;
                    for e in sentence_events.iter_mut().filter(|e| e.evidence.trigger_span.start == governor_start) {
                        e.cameo = c;
                    }
                }
                fates[mi] = Fate::Complement(gi);
                continue;
            }
            if !coder.codes_irrealis() && is_hypothetical(&s.tokens, vg_start, trigger_start) {
                fates[mi] = Fate::Hypothetical;
                continue;
            }
        }
        if nominal_passive.is_some() && !coder.codes_irrealis() && is_hypothetical(&s.tokens, mood_from, mood_to) {
            fates[mi] = Fate::Hypothetical;
            continue;
        }
        // `averted a strike`, `was spared an assault`: the act did not happen.
        let averted = verb_before_noun(&s.tokens, trigger_start).is_some_and(|v| {
            matches!(
                s.tokens[v].lemma.as_str(),
                "spare" | "avert" | "prevent" | "avoid" | "escape" | "evade" | "foil" | "thwart" | "deter"
            )
        });
        if averted && !coder.codes_irrealis() {
            fates[mi] = Fate::Hypothetical;
            continue;
        }
        if matches!(&codes[mi].as_str()[..2], "17" | "18" | "19" | "20") && *sport.get_or_init(|| is_sport(&s.tokens)) {
            fates[mi] = Fate::Sport;
            continue;
        }
        let mut code = codes[mi];
        // `X is not thought to have met Y`, `none of the villages is known to
        // have been attacked`: the raising verb's negation, or a negative
        // subject (`nobody`, `none of`, `no country`), says the act is not
        // known to have happened; nobody refused anything either.
        let denied = raised[mi].is_some_and(|j| {
            let g = verb_group_start(&s.tokens, j);
            s.tokens[g..j].iter().any(is_neg) || negative_subject(&s.tokens, g)
        }) || matches!(s.tokens[trigger_start].tag, Tag::Verb(_)) && negative_subject(&s.tokens, vg_start);
        let mut negated = s.tokens[mood_from..mood_to].iter().any(is_neg)
            || (vg_start > 0 && norm_is(&s.tokens[vg_start - 1], &["no", "without"]))
            || denied
            || matches!(s.tokens[trigger_start].tag, Tag::Verb(_)) && neither_nor_subject(&s.tokens, vg_start);
        // `the session was to have discussed a law`: a plan that did not come about.
        let counterfactual = vg_start >= 2
            && s.tokens[vg_start].norm == "have"
            && norm_is(&s.tokens[vg_start - 1], &["to"])
            && is_be(&s.tokens[vg_start - 2]);
        if counterfactual && !coder.codes_irrealis() {
            fates[mi] = Fate::Hypothetical;
            continue;
        }
        // `have not yet met`: not done so far, neither done nor refused.
        if negated && s.tokens[mood_from..mood_to].iter().any(|t| t.norm == "yet") {
            fates[mi] = Fate::Hypothetical;
            continue;
        }
        // A stated intention codes as intent (03x) or, for force, threat (13x).
        let future = !coder.codes_irrealis() && is_future(&s.tokens, mood_from, mood_to);
        // `said it would not negotiate with Y`, `will not attend the talks`:
        // a refusal stated now is a rejection (12x), as `did not attend` is.
        let refused = future && !intent[mi] && negated && !denied && is_cooperative(code);
        let unrealised = !refused && (intent[mi] || future);
        if unrealised {
            let governor = if intent_is_threat(code) { "130" } else { "030" };
            match CameoCode::parse(governor).and_then(|g| compose(g, code)) {
                Some(c) if !negated => code = c,
                _ => {
                    fates[mi] = Fate::Hypothetical;
                    continue;
                }
            }
        }
        // Not doing a cooperative act is refusing it (`did not attend the
        // talks` is 125): the refusal happened, so it is not negated.
        if negated && is_cooperative(code) && !denied {
            if let Some(c) = CameoCode::parse("120").and_then(|g| compose(g, code)) {
                code = c;
                negated = false;
            }
        }
        let participle_form =
            matches!(s.tokens[trigger_start].tag, Tag::Verb(VerbForm::PastParticiple | VerbForm::Past));
        // `had been killed, wounded or captured`: a participle coordinated
        // right after a passive one shares its auxiliary.
        let shared_passive = prev_passive
            && vg_start == trigger_start
            && trigger_start > 0
            && norm_is(&s.tokens[trigger_start - 1], &["and", "or", ","]);
        // `a civilian allegedly killed by UK troops`, `a deal brokered by
        // Russia`: a participle with no auxiliary and a `by` agent after a
        // noun is a reduced passive; the noun is what it was done to.
        // (After its noun, or a comma or `and` that goes on from one: `when
        // asked by reporters` is a clause of its own.)
        let reduced_passive = participle_form
            && m.source.is_none()
            && vg_start > 0
            && (input.ends[vg_start].is_some()
                || matches!(s.tokens[vg_start - 1].tag, Tag::Noun | Tag::ProperNoun)
                || norm_is(&s.tokens[vg_start - 1], &[",", "and", "or"]))
            && !s.tokens[vg_start..trigger_start].iter().any(|t| is_aux(t) || is_neg(t))
            && s.tokens.get(trigger_end.max(m.end)).is_some_and(|t| t.norm == "by")
            // (A noun object between the verb and `by` makes the verb active and
            // the `by` phrase the noun's: `Pakistan denied claims by India`;
            // a bare singular or adjective is the passive's complement: `taken
            // hostage by`, `shot dead by`.)
            && !s.tokens.get(trigger_start + 1..trigger_end.max(m.end)).is_some_and(|w| {
                let noun_phrase = w.iter().all(|t| matches!(t.tag, Tag::Det | Tag::Adj | Tag::Num | Tag::Noun));
                let plural = w.last().is_some_and(|t| t.tag == Tag::Noun && t.norm != t.lemma);
                noun_phrase && (w.first().is_some_and(|t| t.tag == Tag::Det) || plural)
            })
            && find_by_agent(&s, &input, trigger_end.max(m.end)).is_some();
        // `Biden urged to take a tougher line`, `Pakistan told to act`: a
        // headline drops the `is` of a passive; active, these verbs need
        // their object before `to`.
        let elided_passive = participle_form
            && m.source.is_none()
            && vg_start == trigger_start
            && object_control(&s.tokens[trigger_start])
            && s.tokens.get(trigger_start + 1).is_some_and(|t| t.tag == Tag::To)
            && s.tokens.get(trigger_start + 2).is_some_and(|t| t.tag == Tag::Verb(VerbForm::Base));
        let passive = (s.tokens[vg_start..trigger_start].iter().any(is_be)
            || shared_passive
            || reduced_passive
            || elided_passive)
            && participle_form
            && m.source.is_none();
        // (Not a reduced one: in `X, praised by Y, met Z` the verb after the comma is X's.)
        prev_passive = passive && !reduced_passive;
        let verbal = matches!(code.quad_class().number(), 1 | 3);
        // Subject (left) and object (right).
        // `..., killing 20 people`: a participle after a comma shares the
        // main clause's subject.
        let ing = &s.tokens[trigger_start];
        let gerund = ing.tag == Tag::Verb(VerbForm::Gerund) || ing.norm.ends_with("ing");
        let participle = gerund && vg_start > 0 && s.tokens[vg_start - 1].norm == ",";
        // `criticised X while praising Y`, `retaliated by shelling Y`: a
        // gerund of simultaneity or manner has the subject of the clause it
        // hangs on. (`after leaving X` is background, as PETRARCH has it.)
        // Whether a verb of another clause comes between the last coded
        // clause and this verb group (modals only, or any finite verb).
        let verb_between = |modal_only: bool| {
            let gap = s.tokens.get(clause_subject_end..vg_start).unwrap_or_default();
            gap.iter().enumerate().any(|(o, t)| {
                !input.in_mention[clause_subject_end + o]
                    && (t.tag == Tag::Modal || !modal_only && (is_aux(t) || is_finite_verb(t)))
            })
        };
        // (Only right after that clause: in `said Opec was trying to calm
        // prices by urging ...` the urging is Opec's, not the speaker's.)
        let adjunct = gerund
            && clause_subject.is_some()
            && vg_start > 0
            && norm_is(&s.tokens[vg_start - 1], &["while", "whilst", "by"])
            && !verb_between(false);
        // (Not after `while`: `a citizen killed while fighting` has a participle, not a clause, before it.)
        let manner = gerund && vg_start > 0 && s.tokens[vg_start - 1].norm == "by";
        // `could deal a blow to X by attacking Y`, `could lead to X reaching
        // a deal`: a gerund hanging on a hypothetical clause is hypothetical.
        let hangs_on = (manner && !adjunct || participle && prev_subject.is_none())
            .then(|| clause_verb(&s, &input, vg_start))
            .flatten();
        if hangs_on.is_some_and(|(vg, v, _)| is_hypothetical(&s.tokens, vg, v + 1)) && !coder.codes_irrealis() {
            fates[mi] = Fate::Hypothetical;
            continue;
        }
        // A verb group after `and`/`but`/`or` that opens with a modal shares
        // the subject of the last coded clause only when no other clause's
        // modal comes between them: in `X said lifting the ban would be
        // wrong and would damage ties`, the damage is not X's. (`said the
        // deal was overdue and urged Japan`, `has said ... and has asked`
        // are still the speaker's.)
        let shared_subject = clause_subject.filter(|_| s.tokens[vg_start].tag != Tag::Modal || !verb_between(true));
        // `Oman intends to host ...`: the subject is before the intention word.
        let subject_vg = intent_gov[mi].map_or(vg_start, |j| verb_group_start(&s.tokens, j));
        // `the arrest of X by Y`, `a visit by X to Y`: a noun trigger's own
        // `by` phrase names its source.
        let nominal_agent = (m.source.is_none() && m.target.is_none() && nominal_passive.is_none())
            .then(|| nominal_by(&s.tokens, &input, &found, trigger_start, trigger_end.max(m.end)))
            .flatten()
            // A statement or visit by X with no one it is aimed at says little.
            .filter(|&(_, tgt)| tgt.is_some() || !matches!(codes[mi].quad_class().number(), 1 | 3));
        // `Russia sent a letter in which it accused X`: the pronoun after
        // `in which` is the subject of the clause the relative hangs on,
        // not the last source of an earlier sentence.
        let which_subject = which_pronoun(&s.tokens, subject_vg)
            .then(|| clause_verb_subject(&s, &input, &found, subject_vg - 1))
            .flatten()
            .flatten();
        // The subject of the clause a `by` gerund hangs on (once: a match guard cannot keep it).
        let manner_subject =
            (manner && m.source.is_none()).then(|| clause_verb_subject(&s, &input, &found, vg_start)).flatten();
        let subject = match m.source {
            Some((a, _)) => input.starts[a].or(input.starts.get(a + 1).copied().flatten()),
            None if which_subject.is_some() => which_subject,
            None if reduced_passive => reduced_patient(&s.tokens, &input, &found, vg_start),
            None if nominal_agent.is_some() => nominal_agent.map(|(src, _)| src),
            // `sparked protests`: the one who caused an act did not do it.
            None if causative_verb(&s.tokens, trigger_start) => premodifier(&s.tokens, &input, &found, trigger_start),
            None if participle => prev_subject.or_else(|| clause_verb_subject(&s, &input, &found, vg_start).flatten()),
            None if adjunct => clause_subject,
            // `The EU punished Russia by imposing ...`, with no trigger in the
            // clause before: the subject of its verb, not its object.
            None if manner_subject.is_some() => manner_subject.flatten(),
            None => find_subject(&s, &input, &found, subject_vg, shared_subject)
                .or_else(|| fronted_subject(&s.tokens, &input, &found, trigger_start))
                .or_else(|| {
                    // `conducted joint patrols`, `mounted raids`: a noun trigger
                    // after a light verb has that verb's subject.
                    let light = light_verb(&s.tokens, trigger_start)?;
                    find_subject(&s, &input, &found, verb_group_start(&s.tokens, light), clause_subject)
                }),
        };
        // An actor inside the trigger is the target: `expelled two Russian
        // diplomats`, `clashed with police`.
        // `told reporters`: the audience of a statement is not its target.
        let statement = pattern.code.as_str().starts_with("01");
        let inside = |with_trigger_word: bool| {
            (0..found.len()).find(|&k| {
                let f = &found[k];
                let holds_trigger = m.trigger.iter().any(|&t| f.start <= t && t < f.end);
                // `missile strikes`: a role noun modifying the trigger noun is no target.
                // (Noun modifiers are singular: `prisoners hostage` is an object.)
                let last = &s.tokens[f.end - 1];
                let modifier = f.agent_only
                    && m.trigger.contains(&f.end)
                    && s.tokens[f.end].tag == Tag::Noun
                    && last.norm == last.lemma;
                // People inside a discontinuous trigger are acted upon even
                // with no country yet: `took 50 civilians hostage`.
                let people = f.members.iter().all(|x| x.sector.as_deref().is_some_and(|c| PEOPLE_SECTORS.contains(&c)));
                !f.is_place
                    && !modifier
                    && f.start > trigger_start
                    && f.start < m.end
                    && Some(k) != subject
                    && (!open_agent(f) || people && !with_trigger_word && !(holds_trigger && statement))
                    && (holds_trigger || !with_trigger_word)
            })
        };
        // A role noun that is itself a trigger word names the target first;
        // an actor the pattern's gap skipped over only when nothing follows.
        // `X faced criticism from {source}`, `X received threats from
        // {source}`: with the source named after the trigger, the subject is
        // the one acted upon.
        let receiver = m
            .source
            .filter(|&(a, _)| a > trigger_start)
            .and_then(|_| find_subject(&s, &input, &found, subject_vg, clause_subject));
        let object = match (m.target, target_override[mi]) {
            (Some((a, _)), _) => input.starts[a].or(input.starts.get(a + 1).copied().flatten()),
            (None, Some(k)) => Some(k),
            (None, None) if receiver.is_some() => receiver,
            (None, None) if nominal_agent.is_some() => nominal_agent.and_then(|(_, tgt)| tgt),
            (None, None) => inside(true)
                .or_else(|| {
                    // The direct object inside a discontinuous trigger (`accused
                    // Russia of interference in Moldova`) comes before anything after it.
                    // Not the subject of a clause of its own (`suggested X should ...`).
                    inside(false).filter(|&k| {
                        s.tokens[trigger_start + 1..found[k].start]
                            .iter()
                            .all(|t| matches!(t.tag, Tag::Det | Tag::Num | Tag::Adj))
                            && s.tokens.get(found[k].end).is_none_or(|t| !is_finite_verb(t) && !is_aux(t))
                    })
                })
                .or_else(|| find_object(&s, &input, &found, m.end.max(trigger_end), passive, verbal))
                .or_else(|| inside(false))
                .or_else(|| {
                    // `alleged that France was aware ...`, `denied that its
                    // troops ...`: an accusation, demand, rejection or denial
                    // is aimed at the subject of its `that` clause.
                    // `requested that X assist`: an appeal is aimed at the one asked to act.
                    let aimed = matches!(&pattern.code.as_str()[..2], "02" | "10" | "11" | "12")
                        || pattern.code.as_str() == "016";
                    let k = aimed.then(|| that_subject(&s.tokens, &input, m.end.max(trigger_end))).flatten()?;
                    // (An appeal only when the clause asks its subject to act:
                    // `asked that her family be left alone` asks nothing of them.)
                    let mut v = found[k].end;
                    if s.tokens.get(v).is_some_and(|t| t.norm == "should") {
                        v += 1;
                    }
                    let acts = s.tokens.get(v).is_some_and(|t| t.tag == Tag::Verb(VerbForm::Base) && !is_be(t));
                    (!pattern.code.as_str().starts_with("02") || acts).then_some(k)
                })
                .or_else(|| {
                    // `planted a bomb that killed two police officers`: force
                    // aimed at whoever its instrument hit.
                    let force = matches!(&codes[mi].as_str()[..2], "18" | "19" | "20");
                    let e = m.end.max(trigger_end);
                    let relative = s.tokens.get(e).is_some_and(|t| norm_is(t, &["that", "which"]))
                        && s.tokens.get(e + 1).is_some_and(|t| t.tag == Tag::Verb(VerbForm::Past));
                    (force && relative).then(|| find_object(&s, &input, &found, e + 2, false, false)).flatten()
                })
                .or_else(|| {
                    // `filed a case against the UAE, accusing it of ...`,
                    // `blamed them for`: an object pronoun right after the
                    // verb of an adjunct or of an accusation stands for the
                    // object named before it in the sentence. (Not in a quote
                    // or clause of its own: `told Reuters: "we will fight them`,
                    // `saying it would ...`.)
                    let p = s.tokens.get(trigger_start + 1)?;
                    let next = s.tokens.get(trigger_start + 2);
                    let clause =
                        next.is_some_and(|t| is_finite_verb(t) || is_aux(t) || t.tag == Tag::Modal || is_adv(t));
                    let object_pronoun = norm_is(p, &["it", "them"])
                        && !pattern.code.as_str().starts_with("01")
                        && !clause
                        && (participle || next.is_some_and(|t| norm_is(t, &["of", "for"])));
                    prev_target.filter(|_| object_pronoun)
                }),
        };
        // `appealed for funds for refugees`, `appealed for $5m to feed
        // refugees`: whom an appeal helps is not whom it asks.
        // `rallied against the arrest of the mayor`, `probed the killing of a
        // blogger`: the victim after a force noun's `of` is that act's (the
        // `of` of `a meeting of ministers` names who met, and stays).
        let object = object.filter(|&k| {
            m.target.is_some()
                || !matches.iter().enumerate().any(|(oi, o)| {
                    let ts = o.trigger.first().copied().unwrap_or(o.start);
                    oi != mi
                        && codes[oi].quad_class().number() == 4
                        && ts >= trigger_end
                        && of_complement(&s.tokens, ts, found[k].start)
                        && is_nominal_complement(&s.tokens, trigger_end, ts)
                })
        });
        // Its country still settles an open source (`the president appealed
        // for aid to combat a drought in Botswana`).
        let beneficiary_k = object.filter(|&k| {
            code.as_str().starts_with("02") && m.target.is_none() && beneficiary(&s.tokens, trigger_end, &found[k])
        });
        let object = object.filter(|_| beneficiary_k.is_none());
        let agent_phrase = between.is_none() && (passive || nominal_passive.is_some() || nominal_agent.is_some());
        let force = matches!(&code.as_str()[..2], "18" | "19" | "20");
        let (source_k, target_k) = match (between, pair_target) {
            (Some(pair), _) => (Some(pair), None),
            (None, Some(pair)) => (subject, Some(pair)),
            // The agent after `by`, else a name before the noun (`US sanctions were imposed`).
            (None, None) if nominal_passive.is_some() => {
                let e = nominal_passive.unwrap_or(trigger_end);
                let premodifier = subject.filter(|&k| found[k].end == trigger_start);
                (find_by_agent(&s, &input, e).or(premodifier), find_object(&s, &input, &found, e, true, verbal))
            }
            (None, None) if passive => (find_by_agent(&s, &input, m.end.max(trigger_end)), subject),
            (None, None) => (subject, object),
        };
        prev_subject = subject.or(prev_subject);
        prev_target = target_k.filter(|&k| !found[k].is_place && Some(k) != subject).or(prev_target);
        let own_premodifier = m.trigger.iter().all(|&t| s.tokens[t].tag == Tag::Noun)
            && subject.is_some_and(|k| {
                found[k].end <= trigger_start
                    && s.tokens[found[k].end..trigger_start].iter().all(|t| matches!(t.tag, Tag::Adj | Tag::Noun))
            });
        if !own_premodifier && subject.is_some() {
            clause_subject = subject;
            clause_subject_end = trigger_end;
        }
        let source = match source_k {
            Some(k) => {
                // (The agent of a reduced passive is background, seldom `he` or `they` next.)
                if !reduced_passive {
                    let (text, span) = mentions::text_of(&s, &found[k]);
                    let referent = referent_number(&s, &found[k]);
                    ctx.last_source = Some((found[k].clone(), referent, text, span));
                    match referent {
                        Referent::Person => ctx.last_person = Some(found[k].clone()),
                        Referent::Group => ctx.last_group = Some((found[k].clone(), index)),
                        Referent::Body => {}
                    }
                }
                (found[k].clone(), s.span_of(found[k].start, found[k].end))
            }
            None => match (pronoun_subject(&s, subject_vg), &ctx.last_source) {
                // `Turkey met Greece. They agreed ...`: a joint act of `they` is the pair's.
                // Only right after the pair's own act, for an act with no other party.
                (Some(p), _)
                    if !passive
                        && target_k.is_none()
                        && s.tokens[p].norm == "they"
                        && is_mutual(code)
                        && matches!(code.quad_class().number(), 1 | 2)
                        && ctx.last_joint.as_ref().is_some_and(|(_, at)| at + 1 >= index) =>
                {
                    let members = ctx.last_joint.as_ref().map(|(pair, _)| pair.clone()).unwrap_or_default();
                    let mention =
                        Mention { start: p, end: p + 1, members, is_place: false, agent_only: false, backed: None };
                    (mention, s.tokens[p].span)
                }
                (Some(p), last) if !passive => match pronoun_antecedent(&s.tokens[p], last, ctx, index) {
                    Some(mention) => (mention, s.tokens[p].span),
                    None => {
                        fates[mi] = Fate::NoSource;
                        continue;
                    }
                },
                _ => {
                    fates[mi] = Fate::NoSource;
                    continue;
                }
            },
        };
        // `Russia and Ukraine exchanged prisoners`: with a compound source, an
        // open role noun is no target; the event is reciprocal.
        let compound_source = source.0.members.len() >= 2;
        // `X and Y discussed the crisis in Z`, `X and Y signed a deal brokered
        // by Z`: a mutual act of a compound of actors is between them; an
        // actor inside its object phrase (not its own object or `with` party)
        // is no target.
        // `Neither X nor Y attended the talks`: each is denied the act, they
        // did not do it together.
        let apart = source_k.is_some_and(|k| neither_list(&s.tokens, &found[k]));
        let own_pair = source_k.is_some_and(|k| found[k].members.len() >= 2 && !open_agent(&found[k]))
            && !apart
            && is_joint(code)
            && !passive
            && m.target.is_none()
            && target_override[mi].is_none()
            && pair_target.is_none()
            && target_k.is_some_and(|k| !is_own_object(&s.tokens, m.end.max(trigger_end), found[k].start));
        // `rebels stormed a camp in northern Mali`: a country named where a
        // material act's object is counts as a place target (see `make`).
        // (Only inside an object noun phrase of an active verb: in `fighting
        // in Syria` or `were killed in Kabul` the place is where, not what.)
        let country_as_place = aimed_at_place(code)
            && !passive
            && target_k.is_some_and(|k| {
                let from = m.end.max(trigger_end);
                let gap = s.tokens.get(from..found[k].start).unwrap_or_default();
                gap.iter().any(|t| t.tag == Tag::Noun && !is_direction(t))
                    && !gap.iter().any(ends_clause)
                    && preceding_prep(&s.tokens, found[k].start).is_some_and(|p| {
                        norm_is(p, &["in", "near", "outside", "across", "around", "throughout", "of"])
                            || is_direction(p)
                                && found[k].start >= 2
                                && norm_is(&s.tokens[found[k].start - 2], &["in", "near", "across", "of"])
                    })
            });
        let target = target_k
            .filter(|_| !own_pair)
            .filter(|&k| Some(k) != source_k)
            .filter(|&k| !(compound_source && open_agent(&found[k])))
            // `deployed riot police`: a show of force moves the source's own organs.
            .filter(|&k| {
                let own = |t: &Member| t.country.is_none() || source.0.members.iter().any(|m| m.country == t.country);
                !(code.as_str().starts_with("15") && found[k].agent_only && found[k].members.iter().all(own))
            })
            .map(|k| (found[k].clone(), s.span_of(found[k].start, found[k].end)));
        // A material act aimed at a place (`shelled Kherson`, `captured the
        // city of Goma`, `dropped bombs on Hiroshima`; passive: `Kherson was
        // shelled`) is aimed at the place's country.
        let reciprocal = source.0.members.len() >= 2 && is_mutual(code) && !apart;
        let place_target = (target.is_none() && between.is_none() && !reciprocal && aimed_at_place(code))
            .then(|| {
                if passive {
                    subject_place(&s.tokens, &places, vg_start)
                } else {
                    object_place(&s.tokens, &places, nominal_passive.unwrap_or(m.end.max(trigger_end)))
                }
            })
            .flatten();
        // `arrived in Kyiv`, `landed in Manila`: a visit is to the country of
        // the place it reaches, as `visited Kyiv` is.
        let visit_place = (target.is_none() && between.is_none() && code.as_str() == "042" && !passive)
            .then(|| {
                let mut e = m.end.max(trigger_end);
                if !s.tokens.get(e.wrapping_sub(1)).is_some_and(|t| norm_is(t, &["in", "to"])) {
                    return None;
                }
                if s.tokens.get(e).is_some_and(|t| t.norm == "the") {
                    e += 1;
                }
                places.iter().find(|p| p.start == e)
            })
            .flatten();
        let place_target = place_target.or(visit_place);
        let target = target.or_else(|| {
            let p = place_target?;
            let member = Member {
                country: p.location.country.clone(),
                code: p.location.country.clone(),
                sector: None,
                rule: None,
                kind: ActorKind::Collective,
            };
            let mention = Mention {
                start: p.start,
                end: p.end,
                members: vec![member],
                is_place: true,
                agent_only: false,
                backed: None,
            };
            Some((mention, s.span_of(p.start, p.end)))
        });
        // `drones attacked`, `warplanes struck`: the weapon names the kind of attack.
        // A killing is coded by its weapon only when the weapon is the agent:
        // `killed by Russian shelling` (194).
        // (Only for a source in this sentence: a pronoun's antecedent comes
        // from an earlier one, and its token positions are not this sentence's.)
        if source_k.is_some() && (code.as_str() == "190" || code.as_str() == "1823" && passive) {
            // The subject phrase runs on past the mention (`Russian missiles`
            // struck; killed by `Russian shelling`).
            let mut phrase_end = if source.0.end <= vg_start { vg_start } else { source.0.end };
            while s.tokens.get(phrase_end).is_some_and(|t| t.tag == Tag::Noun || t.tag == Tag::Verb(VerbForm::Gerund)) {
                phrase_end += 1;
            }
            let phrase = s.tokens.get(source.0.start..phrase_end).unwrap_or_default();
            if let Some(c) = attack_by_weapon(phrase).and_then(CameoCode::parse) {
                code = c;
            }
        }
        let src_start = source.0.start;
        let src_owner = source_k.and_then(|k| possessor_country(&found[k]));
        // The target right after the verb group, with no preposition between.
        // (The subject of a passive that fills the pattern's `{target}` is
        // its direct object moved: `prisoners were released by X` are X's.)
        let direct_object = target.as_ref().is_some_and(|(t, _)| {
            let from = if t.start >= trigger_end { trigger_end } else { trigger_start + 1 };
            // (`the killing of civilians`: the `of` of the act noun names whom it is done to.)
            // (Material acts only: `a meeting of ministers` names who met.)
            let act_of = |i: usize| {
                matches!(code.quad_class().number(), 2 | 4)
                    && s.tokens[i].norm == "of"
                    && i > 0
                    && m.trigger.contains(&(i - 1))
                    && s.tokens[i - 1].tag == Tag::Noun
            };
            t.start >= from
                && !(from..t.start).any(|i| s.tokens[i].tag == Tag::Prep && !quantity_of(&s.tokens, i) && !act_of(i))
                || passive && m.target.is_some_and(|(a, _)| a == t.start && a < trigger_start)
                || reduced_passive && t.end <= vg_start
        });
        // `used chlorine gas against civilians`, `opened fire on protesters`:
        // people after the preposition of a force act are acted upon.
        let force_victim = matches!(&code.as_str()[..2], "17" | "18" | "19" | "20")
            && target.as_ref().is_some_and(|(t, _)| {
                t.start >= trigger_end
                    && preceding_prep(&s.tokens, t.start).is_some_and(|p| norm_is(p, &["against", "on", "at", "upon"]))
            });
        // `evacuated civilians from Mariupol`, `detained protesters in Lyon`:
        // people acted upon are of the place named right after them.
        let people_place =
            target.as_ref().and_then(|(tm, _)| {
                let mut j = tm.end;
                if !s.tokens.get(j).is_some_and(|t| norm_is(t, &["from", "in", "near", "outside", "inside"])) {
                    return None;
                }
                j += 1;
                while s.tokens.get(j).is_some_and(|t| {
                    t.tag == Tag::Det || t.case == Case::Lower && (t.tag == Tag::Adj || is_direction(t))
                }) {
                    j += 1;
                }
                places.iter().find(|p| p.start == j)?.location.country.clone()
            });
        // Hostages are seldom their captor's own people: `Hamas released 20 hostages`.
        let captives = target.as_ref().is_some_and(|(tm, _)| {
            tm.agent_only
                && (tm.start..tm.end).any(|i| {
                    !m.trigger.contains(&i) && norm_is(&s.tokens[i], &["hostage", "hostages", "captive", "captives"])
                })
        });
        let (date, date_text) = nearest_date(&s.tokens, &dates, trigger_start, ctx.published);
        // A place that is itself the target of a material act (`bombed Gaza
        // City`) is also where it happened; a verbal act aimed at a capital
        // (`criticised Ankara`) is aimed at a government, not at a place.
        let target_place = target_k.filter(|_| !verbal).and_then(|k| {
            let f = &found[k];
            places.iter().find(|p| p.start < f.end && f.start <= p.start).map(|p| p.location.clone())
        });
        let location = nearest_place(&places, trigger_start)
            .or(target_place)
            .or_else(|| place_target.map(|p| p.location.clone()))
            .or_else(|| ctx.dateline.clone());
        // `marched on parliament`, `rallied outside parliament`: the building, not the body.
        let target_at_place = target_k.is_some_and(|k| {
            preceding_prep(&s.tokens, found[k].start)
                .is_some_and(|p| norm_is(p, &["on", "in", "at", "near", "outside", "inside", "into", "around"]))
        });
        let trigger_span = s.span_of(trigger_start, trigger_end);
        let evidence = Evidence {
            trigger: m.trigger.iter().map(|&t| s.tokens[t].span.slice(&doc.text)).collect::<Vec<_>>().join(" "),
            trigger_span,
            rule: pattern.rule.clone(),
        };
        // `criticised neither Russia nor China`: the act was done to neither.
        let negated = negated || target_k.is_some_and(|k| neither_list(&s.tokens, &found[k]));
        let make = |src: &Member, src_span: Span, tgt: Option<(&Member, Span)>| -> Option<Event> {
            // An open role noun is settled against the other side: `Belarus
            // freed 14 political prisoners` (BLRCVL), `the defence ministry
            // said` (the sentence's country).
            // From the target first (`protesters urged the Serbian president`
            // is domestic); measured on the PETRARCH-2 news records, this
            // helps even though `a journalist criticised Russia` then reads
            // as a Russian journalist.
            let state_role = !coder.state_roles_take_any_target_country()
                && src.sector.as_deref().is_some_and(|sec| STATE_SECTORS.contains(&sec));
            let src = settle(src, || {
                src_owner
                    .clone()
                    // Not a state role acting on a country named bare: `the former
                    // president criticised Peru` is another country's president.
                    .or_else(|| tgt.and_then(|(t, _)| t.country.clone().filter(|_| !(state_role && bare_country(t)))))
                    .or_else(|| beneficiary_k.and_then(|k| found[k].members.iter().find_map(|b| b.country.clone())))
                    .or_else(|| country_before(src_start))
            })?;
            let source = actor(&src, src_span, &doc.text)?;
            // An open role noun as target takes the source's country only for
            // people acted upon (`freed 14 political prisoners`), not for state
            // organs, which are the source's own (`deployed troops`); one that
            // cannot be settled leaves the event without a target.
            let target = tgt.and_then(|(t, sp)| {
                // Police, prosecutors and courts act at home: `police raided the
                // home of a former minister`.
                let domestic = src.sector.as_deref().is_some_and(|sec| matches!(sec, "COP" | "JUD"))
                    // The two sides of a reciprocal pair: `fighting between the army and the RSF`.
                    || sp == src_span;
                // A government, parliament or court named without a country,
                // acted on by the country's own people: `the opposition accused
                // the government`. (Not army or police: a countryless `fighter
                // jet` or `prison` is as often another country's.)
                let own_state = !target_at_place
                    && src.sector.as_deref().is_some_and(|sec| !STATE_SECTORS.contains(&sec))
                    && t.sector.as_deref().is_some_and(|sec| matches!(sec, "GOV" | "LEG" | "JUD"));
                let people = t.sector.as_deref().is_some_and(|sec| PEOPLE_SECTORS.contains(&sec));
                // (Armed groups after `against` are fought, often by foreign forces.)
                let armed = t.sector.as_deref().is_some_and(|sec| matches!(sec, "REB" | "INS" | "SEP" | "CRM"));
                let victims = (direct_object || force_victim && !armed) && !captives && people;
                let acted_upon = domestic || own_state || victims;
                let here = people_place.clone().filter(|_| victims);
                let t = settle(t, || here.or_else(|| src.country.clone().filter(|_| acted_upon)))?;
                actor(&t, sp, &doc.text)
            });
            if target.as_ref().is_some_and(|t| t.code == source.code) {
                return None;
            }
            // `demanded early elections in Georgia` by Georgians: the
            // source's own country named as a bare country is no target.
            // A non-state force that takes or hits a place in its own country
            // (`M23 rebels captured the city of Goma`) acts against that country.
            let non_state = source.sector.as_deref().is_some_and(|sec| !STATE_SECTORS.contains(&sec));
            let target = target.filter(|t| {
                !(t.code.len() == 3
                    && source.country.as_deref() == Some(t.code.as_str())
                    && !(non_state && (place_target.is_some() || country_as_place)))
            });
            Some(Event {
                sentence: index,
                sentence_span: span,
                source,
                target,
                cameo: code,
                negated,
                date,
                date_text: date_text.clone(),
                location: location.clone(),
                evidence: evidence.clone(),
            })
        };
        // A no-event pattern (`---`) is read as a statement (its subject is
        // shared as any trigger's) but codes nothing.
        if matches!(fates[mi], Fate::Absorbed(_)) || pattern.no_event {
            continue;
        }
        let (src_mention, src_span) = source;
        // `hosted talks between X and Y`: X and Y also held talks.
        let pair_noun = pair_nouns.iter().find(|&&(t, _)| {
            trigger_start <= t
                && t < trigger_end
                && !unrealised
                && !negated
                && target.as_ref().is_some_and(|(tm, _)| tm.members.len() >= 2 && (t + 2..=t + 3).contains(&tm.start))
        });
        if let (Some(&(t, p)), Some((tm, tsp))) = (pair_noun, &target) {
            let noun_pattern = &dicts.patterns()[p as usize];
            for (i, a) in tm.members.iter().enumerate() {
                for (j, b) in tm.members.iter().enumerate() {
                    if let Some(mut e) = make(a, *tsp, Some((b, *tsp))).filter(|_| i != j) {
                        e.cameo = noun_pattern.code;
                        e.evidence = Evidence {
                            trigger: s.tokens[t].span.slice(&doc.text).to_string(),
                            trigger_span: s.tokens[t].span,
                            rule: noun_pattern.rule.clone(),
                        };
                        sentence_events.push(e);
                    }
                }
            }
        }
        // A joint act between two named actors names the pair that `the two
        // sides` and `they` refer back to.
        if let (Some(sk), Some((tgt_mention, _))) = (source_k, &target) {
            let named = |m: &Mention| m.members.len() == 1 && !open_agent(m);
            // (Two countries: `bankers and the government` of one are seldom `the two sides`.)
            let (a, b) = (found[sk].members.first(), tgt_mention.members.first());
            let two_countries = a.zip(b).is_some_and(|(a, b)| a.country.is_some() && a.country != b.country);
            if is_mutual(code) && named(&found[sk]) && named(tgt_mention) && !tgt_mention.is_place && two_countries {
                let pair: Vec<Member> = [a, b].into_iter().flatten().cloned().collect();
                ctx.memory.last_pair = Some(pair.clone());
                ctx.last_joint = Some((pair, index));
            }
        }
        match target {
            Some((tgt_mention, tgt_span)) => {
                for a in &src_mention.members {
                    for b in &tgt_mention.members {
                        sentence_events.extend(make(a, src_span, Some((b, tgt_span))));
                    }
                }
            }
            // (Not the agents of force done to someone unnamed: `was attacked by X and Y`.)
            // (Nor the agents of a reduced passive: `groups who, supported by X
            // and Y, fought`.)
            None if src_mention.members.len() >= 2
                && is_mutual(code)
                && !apart
                && !(agent_phrase && force)
                && !reduced_passive =>
            {
                if src_mention.members.len() == 2 {
                    ctx.last_joint = Some((src_mention.members.clone(), index));
                }
                // Reciprocal: `X and Y held talks` codes X->Y and Y->X.
                for (i, a) in src_mention.members.iter().enumerate() {
                    for (j, b) in src_mention.members.iter().enumerate() {
                        if i != j {
                            sentence_events.extend(make(a, src_span, Some((b, src_span))));
                        }
                    }
                }
            }
            None => {
                for a in &src_mention.members {
                    sentence_events.extend(make(a, src_span, None));
                }
            }
        }
    }
    protest_aims(&s.tokens, &mut sentence_events);
    // One event per (source, target, code) in a sentence. A bare statement
    // about nobody (`X said ...`, 010 with no target) is not coded: as in
    // TABARI, PETRARCH and ICEWS, every `said` would otherwise be an event.
    let mut seen: Vec<(String, Option<String>, CameoCode)> = Vec::new();
    let first_event = coded.events.len();
    let keep_bare = coder.keeps_targetless_statements();
    for e in sentence_events.iter_mut() {
        if press_audience(e) {
            e.target = None;
        }
    }
    for e in sentence_events.into_iter().filter(|e| keep_bare || e.target.is_some() || e.cameo.as_str() != "010") {
        let key = (e.source.code.clone(), e.target.as_ref().map(|t| t.code.clone()), e.cameo);
        if !seen.contains(&key) {
            seen.push(key);
            coded.events.push(e);
        }
    }
    if let Some(trace) = trace {
        let fates: Vec<String> = fates
            .iter()
            .zip(&codes)
            .map(|(f, c)| match f {
                Fate::Coded => format!("coded as {}", c.as_str()),
                Fate::Governed(g) => format!("not realised: governed by trigger #{g} (infinitive or `that` clause)"),
                Fate::Absorbed(g) => format!("not coded: the warning is the threat of trigger #{g}"),
                Fate::Claimed(word) => format!("not realised: under `{word}`"),
                Fate::Complement(g) => format!("not realised: nominal complement of trigger #{g}"),
                Fate::Hypothetical => "not realised: modal or conditional".to_string(),
                Fate::Background => "background: inside a relative clause".to_string(),
                Fate::Attribution => "attribution: inside an `according to` phrase".to_string(),
                Fate::Attributive => {
                    "background: a participle used as an adjective before its noun (`detained lawyers`)".to_string()
                }
                Fate::Modifier => {
                    "background: a participle describing the noun phrase before it (`men accused of ...`)".to_string()
                }
                Fate::NoSource => "no source found".to_string(),
                Fate::Sport => "not coded: a sports result (score and a word of sport)".to_string(),
                Fate::Question => "not coded: `ask` before a question seeks an answer, no appeal".to_string(),
            })
            .collect();
        trace.push(crate::explain::sentence_trace(
            &s,
            index,
            &found,
            &places,
            &dates,
            dicts,
            &all_matches,
            &matches,
            &fates,
            &coded.events[first_event..],
        ));
    }
}

/// `marched through Belgrade, demanding that the government resign`,
/// `blocked roads, calling on the president to quit`: a protest with no
/// target named is aimed at whom the demand of its `-ing` adjunct (after a
/// comma, by the same source; the tagger often reads `demanding` as an
/// adjective) is.
fn protest_aims(toks: &[Token], events: &mut [Event]) {
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
fn press_audience(e: &Event) -> bool {
    e.cameo.as_str().starts_with("01") && e.target.as_ref().is_some_and(|t| t.sector.as_deref() == Some("MED"))
}

/// A member ready to code: a role noun still without a country takes one
/// from `fallback`, or is no actor at all. Named actors (including
/// international ones, which have no country) are ready as they are.
/// A country named alone (`Peru`), not one of its organs or people.
fn bare_country(m: &Member) -> bool {
    m.code.is_some() && m.code == m.country && m.sector.is_none()
}

fn settle(m: &Member, fallback: impl FnOnce() -> Option<String>) -> Option<Member> {
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
fn reduced_relative(
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
                    while b > trigger_end
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
fn reduced_patient(toks: &[Token], input: &Input<'_, '_>, found: &[Mention], vg_start: usize) -> Option<usize> {
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
fn object_modifier(toks: &[Token], vg_start: usize, trigger_start: usize) -> bool {
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
fn bare_participle_modifier(toks: &[Token], i: usize) -> bool {
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
fn is_attributive_participle(toks: &[Token], vg_start: usize, trigger_start: usize, trigger_end: usize) -> bool {
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
fn coordinated_verb(toks: &[Token], i: usize) -> bool {
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
fn in_relative_clause(toks: &[Token], i: usize) -> bool {
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
fn in_attribution(toks: &[Token], i: usize) -> bool {
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
fn is_mutual(code: CameoCode) -> bool {
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
fn is_joint(code: CameoCode) -> bool {
    let c = code.as_str();
    is_mutual(code) && ["031", "036", "04", "057", "06", "0871", "084"].iter().any(|p| c.starts_with(p))
}

/// Whether an actor starting at `start`, after a trigger ending at `from`,
/// is the trigger's own object or party: right after it (past determiners
/// and adjectives), after `with`/`to`/`against`, the object of an
/// infinitive after it (`agreed to help X`), or the `with`/`between`
/// party of its object noun (`welcomed a resumption of ties with X`); not inside a
/// phrase about something else (`the crisis in X`, `a deal brokered by X`).
fn is_own_object(toks: &[Token], from: usize, start: usize) -> bool {
    start < from
        || toks[from..start].iter().all(|t| {
            matches!(t.tag, Tag::Det | Tag::Adj | Tag::Num | Tag::Possessive | Tag::To | Tag::Verb(VerbForm::Base))
                || norm_is(t, &["with", "to", "against", "toward", "towards", "the", "a", "an"])
        })
        || preceding_prep(toks, start).is_some_and(|p| norm_is(p, &["with", "between"]))
}

/// The first token of the clause that a sentence ending in `?` asks
/// (after the last comma, colon or quote before the question mark).
fn question_clause(toks: &[Token]) -> Option<usize> {
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
fn open_agent(m: &Mention) -> bool {
    m.agent_only && m.members.iter().all(|member| member.country.is_none())
}

/// `between X and Y` right after a nominal trigger: the pair's mention.
fn between_pair(
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
fn that_clause_governor(
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
    let that = subject_start.checked_sub(1)?;
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

/// The actor that opens a `that` clause right after a trigger (`alleged
/// that France ...`), within a few words.
fn that_subject(toks: &[Token], input: &Input<'_, '_>, from: usize) -> Option<usize> {
    let mut j = from;
    if toks.get(j).is_some_and(|t| t.norm == ",") {
        j += 1;
    }
    if toks.get(j).is_none_or(|t| t.norm != "that") {
        return None;
    }
    j += 1;
    while toks.get(j).is_some_and(|t| matches!(t.tag, Tag::Det | Tag::Adj)) {
        j += 1;
    }
    input.starts.get(j).copied().flatten()
}

fn actor(m: &Member, span: Span, text: &str) -> Option<Actor> {
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
fn select(dicts: &Dictionaries, toks: &[Token], mut matches: Vec<PatternMatch>) -> Vec<PatternMatch> {
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
fn is_nominal_complement(toks: &[Token], governor_end: usize, trigger_start: usize) -> bool {
    let nominal = matches!(toks[trigger_start].tag, Tag::Noun | Tag::Verb(VerbForm::Gerund))
        || is_compound_noun(toks, trigger_start);
    nominal
        && governor_end <= trigger_start
        && !toks[governor_end..trigger_start]
            .iter()
            .any(|t| norm_is(t, &[",", ";", ":", "."]) || is_clause_mark(t) || is_finite_verb(t))
}

/// Light verbs whose passive realises the noun before them (`sanctions
/// were imposed`, `talks were held`, `an attack was carried out`); a verb
/// with an act of its own (`the attack was condemned`) does not.
const LIGHT_PASSIVES: &[&str] = &[
    "hold", "impose", "slap", "sign", "reach", "conduct", "carry", "launch", "stage", "mount", "declare", "announce",
    "agree", "level", "lodge", "file", "issue", "extend", "deliver", "provide", "grant", "make", "organise",
    "organize",
];

/// For a noun trigger ending at `after`, the end of the passive light verb
/// group after it (`were also imposed`, `has been carried out`), or of a
/// bare participle with its `by` agent (`sanctions imposed by the US`).
fn nominal_passive_end(toks: &[Token], after: usize) -> Option<usize> {
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
fn verb_group_start(toks: &[Token], trigger_start: usize) -> usize {
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
fn neither_nor(toks: &[Token], found: &mut Vec<Mention>) {
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
fn join_next(found: &mut Vec<Mention>, k: usize) {
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
fn comitative(toks: &[Token], found: &mut Vec<Mention>) {
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

fn opens_with_neither(toks: &[Token], m: &Mention) -> bool {
    toks[m.start].norm == "neither" || (m.start > 0 && toks[m.start - 1].norm == "neither")
}

/// A `neither X nor Y` coordination (joined by [`neither_nor`]).
fn neither_list(toks: &[Token], m: &Mention) -> bool {
    m.members.len() >= 2 && opens_with_neither(toks, m) && toks[m.start..m.end].iter().any(|t| t.norm == "nor")
}

/// `asked Russia whether it could act`, `was asked by reporters about the
/// talks`, `asks if aid will come`: `ask` before a question seeks an
/// answer, it is no appeal (02x). `asked for`, `asked X to` still appeal.
fn asks_question(toks: &[Token], found: &[Mention], trigger_start: usize, trigger_end: usize) -> bool {
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

/// Whether the clause whose verb group starts at `vg_start` opens with a
/// negative quantifier as its subject (`none of the villages was`, `nobody
/// has`, `no country has`, `neither side`): then no one did the act.
/// (`No 10 said`, Downing Street, is a name: a number after `no` is none.)
fn negative_subject(toks: &[Token], vg_start: usize) -> bool {
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
fn subject_start(toks: &[Token], vg_start: usize) -> Option<usize> {
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
fn neither_nor_subject(toks: &[Token], vg_start: usize) -> bool {
    subject_start(toks, vg_start)
        .is_some_and(|c| toks[c].norm == "neither" && toks[c..vg_start].iter().any(|t| t.norm == "nor"))
}

/// Hypothetical triggers: under a modal, or inside an `if`/`unless` clause.
/// `will`/`would` (and `ready to`, `plans to` without a trigger of their
/// own) before a trigger: a stated intention, not a realised act.
fn is_future(toks: &[Token], vg_start: usize, trigger_start: usize) -> bool {
    toks[vg_start..trigger_start].iter().any(|t| norm_is(t, &["will", "would", "shall", "'ll"]))
}

fn is_hypothetical(toks: &[Token], vg_start: usize, trigger_start: usize) -> bool {
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
fn infinitive_governor(
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
        return None;
    }
    None
}

fn find_subject(
    s: &Sentence<'_>,
    input: &Input<'_, '_>,
    found: &[Mention],
    vg_start: usize,
    prev_subject: Option<usize>,
) -> Option<usize> {
    let toks = &s.tokens;
    let mut j = vg_start;
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

/// The start of the actor in a `from` phrase at `from` (`from
/// neighbouring Syria`), past lower-case modifiers.
fn origin_start(toks: &[Token], from: usize) -> Option<usize> {
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
fn origin_of_people(toks: &[Token], input: &Input<'_, '_>, found: &[Mention], start: usize) -> Option<Option<usize>> {
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
fn object_control(t: &Token) -> bool {
    const VERBS: &[&str] =
        &["urge", "press", "tell", "order", "advise", "invite", "encourage", "pressure", "force", "compel", "instruct"];
    VERBS.contains(&t.lemma.as_str())
}

/// Verbs of saying and thinking: a participle of theirs after an object
/// is a clause of its own (`object_modifier`), and they are the first of
/// the verbs that take a clause with no `that` ([`takes_clause`]).
const REPORTING_VERBS: &[&str] =
    &["say", "claim", "report", "tell", "announce", "state", "believe", "think", "allege", "insist"];

/// Verbs whose clause complement may follow with no `that` (`said Russia
/// attacked`, `feared the army would`): a participle of theirs is a verb of
/// its own clause, not a modifier.
fn takes_clause(t: &Token) -> bool {
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
fn participle_phrase(toks: &[Token], input: &Input<'_, '_>, found: &[Mention], start: usize) -> Option<usize> {
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
        // singular noun is part of its name.
        let compound = p + 1 == start && toks[start].case == Case::Lower && toks[start].norm == toks[start].lemma;
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
fn verb_chain(words: &[Token], noun: bool, chain: impl Fn(&Token) -> bool) -> bool {
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
fn modified_head(toks: &[Token], input: &Input<'_, '_>, found: &[Mention], k: usize) -> Option<Option<usize>> {
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
fn in_modifier_phrase(toks: &[Token], start: usize) -> bool {
    start >= 2
        && norm_is(&toks[start - 1], &["to", "with"])
        && norm_is(&toks[start - 2], &["loyal", "allied", "linked", "close", "aligned", "affiliated"])
}

/// The actor named right before a noun trigger, past its adjectives and
/// noun modifiers (`a Taiwanese boycott`, `Philippine request`).
fn premodifier(toks: &[Token], input: &Input<'_, '_>, found: &[Mention], trigger_start: usize) -> Option<usize> {
    let mut j = trigger_start;
    while input.ends[j].is_none() && j > 0 && trigger_start - j < 3 && matches!(toks[j - 1].tag, Tag::Adj | Tag::Noun) {
        j -= 1;
    }
    input.ends[j].filter(|&k| !found[k].is_place)
}

/// `After meeting Putin in Moscow, Witkoff flew ...`, `Following talks
/// with Trump, Starmer announced ...`: a short fronted adverbial shares the
/// subject of the main clause after its comma.
fn fronted_subject(toks: &[Token], input: &Input<'_, '_>, found: &[Mention], trigger_start: usize) -> Option<usize> {
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
fn verb_before_noun(toks: &[Token], trigger_start: usize) -> Option<usize> {
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
fn light_verb(toks: &[Token], trigger_start: usize) -> Option<usize> {
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
fn causative_verb(toks: &[Token], trigger_start: usize) -> bool {
    verb_before_noun(toks, trigger_start).is_some_and(|v| {
        matches!(toks[v].lemma.as_str(), "spark" | "trigger" | "prompt" | "provoke" | "fuel" | "cause" | "ignite")
    })
}

/// After a noun trigger ending at `after`: `of X by Y` (target X, source
/// Y) or `by Y` with an optional `to`/`on`/`against` X.
fn nominal_by(
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
fn clause_verb_subject(
    s: &Sentence<'_>,
    input: &Input<'_, '_>,
    found: &[Mention],
    vg_start: usize,
) -> Option<Option<usize>> {
    clause_verb(s, input, vg_start)
        .map(|(vg, _, passive)| (!passive).then(|| find_subject(s, input, found, vg, None)).flatten())
}

/// The finite verb a gerund adjunct at `vg_start` hangs on, within its
/// clause: (its verb group's start, the verb, whether it is passive).
fn clause_verb(s: &Sentence<'_>, input: &Input<'_, '_>, vg_start: usize) -> Option<(usize, usize, bool)> {
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
fn which_pronoun(toks: &[Token], vg_start: usize) -> bool {
    vg_start >= 3
        && norm_is(&toks[vg_start - 1], &["he", "she", "it", "they", "we"])
        && norm_is(&toks[vg_start - 2], &["which", "whom"])
        && toks[vg_start - 3].tag == Tag::Prep
}

/// What a source can be referred back to as.
#[derive(Clone, Copy, PartialEq)]
enum Referent {
    /// One person (`he`, `she`): a named person, an office-holder, a singular role noun.
    Person,
    /// Several (`they`): a plural role noun or a compound.
    Group,
    /// A country or organisation (`it`, sometimes `they`).
    Body,
}

/// Singular role nouns that name a body, not a person.
const BODY_NOUNS: &[&str] = &[
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
const PLURAL_NOUNS: &[&str] = &["police", "people", "personnel", "clergy", "militants", "troops", "forces"];

/// Whether a source is one person, several, or a body (a country or organisation).
fn referent_number(s: &Sentence<'_>, m: &Mention) -> Referent {
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
/// two sentences before) before a country or organisation, `it`/`we` the last source.
fn pronoun_antecedent(
    pronoun: &Token,
    last: &Option<(Mention, Referent, String, Span)>,
    ctx: &DocContext,
    index: usize,
) -> Option<Mention> {
    match pronoun.norm.as_str() {
        "he" | "she" => ctx.last_person.clone(),
        "they" => match &ctx.last_group {
            Some((group, at)) if at + 2 >= index => Some(group.clone()),
            _ => last.as_ref().filter(|(_, r, _, _)| *r != Referent::Person).map(|(m, ..)| m.clone()),
        },
        _ => last.as_ref().map(|(m, ..)| m.clone()),
    }
}

/// A personal pronoun as subject right before the verb group.
fn pronoun_subject(s: &Sentence<'_>, vg_start: usize) -> Option<usize> {
    let j = vg_start.checked_sub(1)?;
    norm_is(&s.tokens[j], &["he", "she", "it", "they", "we"]).then_some(j)
}

fn find_object(
    s: &Sentence<'_>,
    input: &Input<'_, '_>,
    found: &[Mention],
    from: usize,
    passive: bool,
    verbal: bool,
) -> Option<usize> {
    let toks = &s.tokens;
    let mut j = from;
    let limit = (from + TARGET_WINDOW).min(toks.len());
    // An open state organ (`supplied armed drones to the army`, `sent troops
    // to Haiti`) is what was moved; an actor after a preposition is the target.
    let mut organ: Option<usize> = None;
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
                return organ;
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
                    return organ;
                }
                while toks.get(f).is_some_and(|t| t.case == Case::Lower && (t.tag == Tag::Adj || is_direction(t))) {
                    f += 1;
                }
                return input.starts.get(f).copied().flatten().or(organ);
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
                if open_organ && organ.is_none() {
                    organ = Some(k);
                } else {
                    return Some(k);
                }
            }
            j = found[k].end;
            continue;
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
        if list_comma || goods {
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
        {
            return organ;
        }
        j += 1;
    }
    organ
}

/// Whether the comma at `j` sits inside a list of lower-case nouns that
/// ends with `and`/`or` (`wheat, fuel and medicine`).
fn noun_list_continues(toks: &[Token], j: usize) -> bool {
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
fn beneficiary(toks: &[Token], from: usize, k: &Mention) -> bool {
    let gap = &toks[from.min(k.start)..k.start];
    let purpose = gap.windows(2).any(|w| w[0].tag == Tag::To && w[1].tag == Tag::Verb(VerbForm::Base));
    let people = k.members.iter().all(|x| x.sector.as_deref().is_some_and(|c| matches!(c, "CVL" | "REF")));
    // Not the subject of an infinitive: `appealed for civilians to leave`.
    let head = toks.get(k.end).is_none_or(|t| t.tag != Tag::To);
    purpose || people && head && preceding_prep(toks, k.start).is_some_and(|p| p.norm == "for")
}

/// The `of` at `i` after a quantity (`dozens of`, `tens of thousands of`,
/// `a number of`): what follows is the object itself, not a phrase about it.
fn quantity_of(toks: &[Token], i: usize) -> bool {
    toks[i].norm == "of"
        && i > 0
        && matches!(
            toks[i - 1].lemma.as_str(),
            "dozen" | "ten" | "tens" | "hundred" | "thousand" | "million" | "score" | "number" | "handful" | "couple"
        )
}

/// Whether the mention starting at `start` is the `of` complement of the
/// noun at `noun`: `the arrest of the city's mayor`.
fn of_complement(toks: &[Token], noun: usize, start: usize) -> bool {
    noun + 2 <= start
        && toks[noun + 1].norm == "of"
        && toks[noun + 2..start]
            .iter()
            .all(|t| matches!(t.tag, Tag::Det | Tag::Adj | Tag::Num | Tag::Possessive | Tag::Noun))
}

/// `rejected calls to expel X`: the `to` at `j` opens the infinitive of a
/// request or plan noun, and what follows is that infinitive's object.
fn request_infinitive(toks: &[Token], j: usize) -> bool {
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
fn object_place<'p>(toks: &[Token], places: &'p [PlaceHit], from: usize) -> Option<&'p PlaceHit> {
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
fn subject_place<'p>(toks: &[Token], places: &'p [PlaceHit], vg_start: usize) -> Option<&'p PlaceHit> {
    places.iter().filter(|p| p.end <= vg_start).max_by_key(|p| p.end).filter(|p| {
        !toks[p.end..vg_start].iter().any(ends_clause)
            && p.start.checked_sub(1).is_none_or(|b| !norm_is(&toks[b], &["from", "by", "with"]))
    })
}

/// The preposition before token `j`, skipping a determiner.
fn preceding_prep(toks: &[Token], j: usize) -> Option<&Token> {
    let mut p = j.checked_sub(1)?;
    if toks[p].tag == Tag::Det || norm_is(&toks[p], &["the", "a", "an"]) {
        p = p.checked_sub(1)?;
    }
    if norm_is(&toks[p], &["of"]) && p >= 1 && norm_is(&toks[p - 1], &["sidelines"]) {
        return Some(&toks[p - 1]);
    }
    Some(&toks[p])
}

fn find_by_agent(s: &Sentence<'_>, input: &Input<'_, '_>, from: usize) -> Option<usize> {
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

fn find_places(
    s: &Sentence<'_>,
    dicts: &Dictionaries,
    geo: Option<(&Gazetteer, &[bool])>,
    first_sentence: bool,
    story_countries: &[String],
) -> Vec<PlaceHit> {
    let toks = &s.tokens;
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let best = dicts.place_trie().matches_at(i, toks.len(), |k| s.keys(k)).into_iter().next_back();
        let Some((end, ids)) = best else {
            i += 1;
            continue;
        };
        // Place names are names: require a capital letter as written.
        if toks[i].case == dyad_text::Case::Lower {
            i += 1;
            continue;
        }
        let Some(&id) = ids.last() else {
            i += 1;
            continue;
        };
        let e = &dicts.places()[id as usize];
        let prev = i.checked_sub(1).map(|p| &toks[p]);
        let prev = match prev {
            Some(t) if t.tag == Tag::Det || t.norm == "the" => i.checked_sub(2).map(|p| &toks[p]),
            other => other,
        };
        let dateline = first_sentence && i == 0 && toks.get(end).is_some_and(|t| norm_is(t, &[",", "(", "-", "--"]));
        let locative = dateline
            || prev.is_some_and(|t| {
                norm_is(t, LOCATIVE_PREPS) && !norm_is(t, &["to", "from", "of", "into", "toward", "towards"])
            });
        out.push(PlaceHit {
            start: i,
            end,
            location: Location {
                name: e.name.clone(),
                country: Some(e.country.clone()),
                lat: Some(e.lat),
                lon: Some(e.lon),
                span: s.span_of(i, end),
            },
            locative,
        });
        i = end;
    }
    if let Some((geo, named)) = geo {
        gazetteer_places(s, geo, named, first_sentence, story_countries, &mut out);
    }
    out
}

/// Places the dictionaries do not know, from the gazetteer: capitalised
/// names after a locative preposition (`in Kramatorsk`), and a dateline
/// (`KRAMATORSK, Ukraine (Reuters) -`). Among same-name places, one in a
/// country the story names wins, then the most populous.
fn gazetteer_places(
    s: &Sentence<'_>,
    geo: &Gazetteer,
    named: &[bool],
    first_sentence: bool,
    story_countries: &[String],
    out: &mut Vec<PlaceHit>,
) {
    let toks = &s.tokens;
    let covered = |out: &[PlaceHit], i: usize| out.iter().any(|p| p.start <= i && i < p.end);
    let name_word =
        |t: &Token| t.case != dyad_text::Case::Lower && t.norm.chars().next().is_some_and(char::is_alphabetic);
    // (start, dateline, locative)
    let mut starts: Vec<(usize, bool, bool)> = Vec::new();
    if first_sentence && toks.first().is_some_and(|t| t.case == dyad_text::Case::Upper) {
        starts.push((0, true, true));
    }
    for (i, t) in toks.iter().enumerate() {
        let mut j = if toks.get(i + 1).is_some_and(|n| n.norm == "the") { i + 2 } else { i + 1 };
        while toks.get(j).is_some_and(|d| d.case == dyad_text::Case::Lower && is_direction(d)) {
            j += 1;
        }
        if norm_is(t, &["in", "at", "near", "outside", "around", "across", "throughout"]) {
            starts.push((j, false, true));
        } else if norm_is(t, &["on", "into", "against", "to", "toward", "towards", "upon"])
            || (matches!(t.tag, Tag::Verb(_)) && t.case == dyad_text::Case::Lower)
            || (t.norm == "of" && i > 0 && norm_is(&toks[i - 1], PLACE_NOUNS))
        {
            // Where an act was aimed (`shelled Kherson`, `the city of Goma`),
            // not necessarily where it happened.
            starts.push((j, false, false));
        }
    }
    for (start, dateline, locative) in starts {
        // `in March` is a date, not the town in Cambridgeshire.
        if start >= toks.len()
            || covered(out, start)
            || named[start]
            || !name_word(&toks[start])
            || crate::resolve::CALENDAR_WORDS.contains(&toks[start].norm.as_str())
        {
            continue;
        }
        let longest = (1..=geo.max_words().min(toks.len() - start)).rev().find_map(|n| {
            let words = &toks[start..start + n];
            if !words.iter().all(name_word) {
                return None;
            }
            let name = s.span_of(start, start + n).slice(s.text);
            let mut candidates = geo.lookup(name).peekable();
            candidates.peek()?;
            let all: Vec<_> = candidates.collect();
            let place = all.iter().find(|p| story_countries.iter().any(|c| c == p.country)).or(all.first())?;
            Some((start + n, **place))
        });
        let Some((end, place)) = longest else { continue };
        if dateline && !toks.get(end).is_some_and(|t| norm_is(t, &[",", "(", "-", "--"])) {
            continue;
        }
        out.push(PlaceHit {
            start,
            end,
            location: Location {
                name: place.name.to_string(),
                country: Some(place.country.to_string()),
                lat: Some(f64::from(place.lat)),
                lon: Some(f64::from(place.lon)),
                span: s.span_of(start, end),
            },
            locative,
        });
    }
}

fn nearest_place(places: &[PlaceHit], trigger: usize) -> Option<Location> {
    places
        .iter()
        .filter(|p| p.locative)
        .min_by_key(|p| (p.start as isize - trigger as isize).unsigned_abs())
        .map(|p| p.location.clone())
}

/// The date expression for a trigger: one in the same clause (no comma or
/// clause mark between them) first, then the nearest; otherwise the
/// publication date.
fn nearest_date(
    toks: &[Token],
    dates: &[DateMention],
    trigger: usize,
    published: Option<NaiveDate>,
) -> (Option<EventDate>, Option<String>) {
    let same_clause = |d: &DateMention| {
        let (a, b) = if d.start < trigger { (d.end.min(trigger), trigger) } else { (trigger, d.start) };
        !toks[a..b].iter().any(|t| norm_is(t, &[",", ";", ":", "who", "which", "that"]))
    };
    let distance = |d: &&DateMention| (!same_clause(d), (d.start as isize - trigger as isize).unsigned_abs());
    match dates.iter().min_by_key(distance) {
        Some(d) => (Some(d.date), Some(d.text.clone())),
        None => (published.map(EventDate::Day), None),
    }
}
