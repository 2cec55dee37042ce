//! Word classes and one-token tests the clause rules share.

use super::*;

pub(super) fn norm_is(t: &Token, words: &[&str]) -> bool {
    words.contains(&t.norm.as_str())
}

pub(super) fn is_aux(t: &Token) -> bool {
    matches!(t.tag, Tag::Aux(_) | Tag::Modal)
        || norm_is(
            t,
            &[
                "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having", "do", "does",
                "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "'s",
            ],
        ) && !matches!(t.tag, Tag::Possessive)
}

pub(super) fn is_neg(t: &Token) -> bool {
    t.tag == Tag::Neg || norm_is(t, &["not", "n't", "never", "no"])
}

pub(super) fn is_adv(t: &Token) -> bool {
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

pub(super) fn is_be(t: &Token) -> bool {
    norm_is(t, &["is", "are", "was", "were", "be", "been", "being", "am", "get", "got", "gets"])
}

pub(super) fn is_clause_mark(t: &Token) -> bool {
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
pub(super) fn ends_clause(t: &Token) -> bool {
    is_stop_punct(t) || is_clause_mark(t) || is_finite_verb(t)
}

pub(super) fn is_stop_punct(t: &Token) -> bool {
    norm_is(t, &[",", ";", ":", ".", "!", "?", "(", ")", "\"", "--", "-"])
}

pub(super) fn is_finite_verb(t: &Token) -> bool {
    // `Rwandan-backed`, `Saudi-led`: a name joined to a participle is an adjective.
    matches!(t.tag, Tag::Verb(VerbForm::Past | VerbForm::Present3))
        && !(t.case != Case::Lower && t.norm.contains('-') && !t.norm.starts_with('-'))
}

/// A participle with its `of`/`by` phrase right after a noun phrase
/// (`men accused of witchcraft`, `hostages held by bandits`): it describes
/// the noun phrase, it is not that phrase's own verb.
pub(super) fn participle_modifier(toks: &[Token], i: usize) -> bool {
    toks.get(i).is_some_and(|t| matches!(t.tag, Tag::Verb(VerbForm::Past | VerbForm::PastParticiple)))
        && toks.get(i + 1).is_some_and(|t| norm_is(t, &["of", "by"]))
}

/// A `-s` word tagged as a verb that reads better as the first noun of a
/// compound: `the EU sanctions package` (a bare singular noun after it
/// cannot be its object).
pub(super) fn is_compound_noun(toks: &[Token], i: usize) -> bool {
    toks[i].tag == Tag::Verb(VerbForm::Present3)
        && toks
            .get(i + 1)
            .is_some_and(|n| n.tag == Tag::Noun && n.case == dyad_text::Case::Lower && !n.norm.ends_with('s'))
        && toks.get(i + 2).is_none_or(|n| !matches!(n.tag, Tag::Det | Tag::Noun | Tag::ProperNoun))
}

pub(super) const LOCATIVE_PREPS: &[&str] = &[
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
pub(super) const PLACE_NOUNS: &[&str] = &[
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

/// Whether the words from `end` (right after an actor) name a player,
/// coach or star of that country's side (`Germany coach`, `the England
/// skipper`, `Australian tennis coach`, `the British number two`): then the
/// country is a team's, and what the person does is sport, not politics.
/// One word of sport may stand between (`basketball star`, `Open champion`).
/// A performer (`British actor X`, `US rapper X`) is culture, coded alike.
pub(super) fn sport_role(toks: &[Token], end: usize) -> bool {
    const ROLES: &[&str] = &[
        "striker",
        "coach",
        "skipper",
        "fly-half",
        "scrum-half",
        "goalkeeper",
        "midfielder",
        "winger",
        "full-back",
        "defender",
        "hurdler",
        "sprinter",
        "athlete",
        "player",
        "players",
        "champion",
        "star",
    ];
    const SPORTS: &[&str] = &[
        "tennis",
        "basketball",
        "football",
        "soccer",
        "rugby",
        "cricket",
        "golf",
        "chess",
        "boxing",
        "athletics",
        "hockey",
        "olympic",
        "open",
        "cup",
        "davis",
        "ryder",
    ];
    // (A role word is often tagged a verb: `coach`, `star`.)
    let role = |t: &Token| norm_is(t, ROLES) && !matches!(t.tag, Tag::Verb(VerbForm::Past | VerbForm::Gerund));
    let Some(first) = toks.get(end) else { return false };
    // `the Wales international refused`: the adjective as a noun, before its verb.
    let international =
        first.norm == "international" && toks.get(end + 1).is_some_and(|n| is_aux(n) || matches!(n.tag, Tag::Verb(_)));
    // `the British number two`.
    let ranked = first.norm == "number" && toks.get(end + 1).is_some_and(|n| norm_is(n, &["one", "two", "three"]));
    role(first)
        || international
        || ranked
        || norm_is(first, SPORTS) && toks.get(end + 1).is_some_and(role)
        || performer(toks, end)
}

/// `British actor Owen`, `US rapper X`, `US rock band Korn`: a country
/// naming a performer's nationality; what the performer does is culture,
/// not politics. One word may stand before the role (`pop singer`), not
/// before `actor` (`state actor` is politics).
fn performer(toks: &[Token], end: usize) -> bool {
    const PERFORMERS: &[&str] = &[
        "singer",
        "songwriter",
        "rapper",
        "musician",
        "guitarist",
        "band",
        "comedian",
        "novelist",
        "actress",
        "film-maker",
        "filmmaker",
        "presenter",
        "choir",
        "dancer",
        "pop",
    ];
    let Some(first) = toks.get(end) else { return false };
    let named = |k: usize| toks.get(k + 1).is_some_and(|n| n.case != Case::Lower);
    first.norm == "actor" && named(end)
        || norm_is(first, PERFORMERS)
        || first.case == Case::Lower
            // (A modifier, not a participle: `reporters covering singer X`.)
            && !first.norm.ends_with("ing")
            && toks.get(end + 1).is_some_and(|n| norm_is(n, PERFORMERS))
            && named(end + 1)
        || first.case != Case::Lower && toks.get(end + 1).is_some_and(|n| norm_is(n, &["presenter", "star"]))
}

/// Acts that need an object when active: with none after them, the verb is
/// a passive whose `is` a headline dropped.
const DONE_TO: &[&str] = &[
    "arrest",
    "detain",
    "jail",
    "imprison",
    "sentence",
    "convict",
    "fine",
    "indict",
    "charge",
    "kidnap",
    "abduct",
    "seize",
    "capture",
    "kill",
    "execute",
    "lynch",
    "behead",
    "assassinate",
    "murder",
    "wound",
    "injure",
    "torture",
    "expel",
    "deport",
    "extradite",
    "ban",
    "sanction",
    "summon",
    "invite",
    "criticise",
    "criticize",
    "slam",
    "rebuke",
    "condemn",
    "praise",
    "ridicule",
    "blame",
    "accuse",
    "investigate",
    "probe",
    "question",
    "interrogate",
    "harass",
    "assault",
    "nab",
    "snatch",
    "target",
    "pardon",
    "acquit",
    "oust",
    "sack",
];

/// Words that open what a passive's participle goes on with (`sentenced to`,
/// `convicted of`, `killed by`, `arrested for`, `fined over`).
const PASSIVE_PREPS: &[&str] = &[
    "to", "of", "by", "for", "in", "on", "at", "over", "after", "amid", "as", "during", "near", "from", "with",
    "outside", "inside", "while", "across",
];

/// Whether a sum of money starts at `j`: `$500`, `€2,700`, `24.5 mln
/// euros`, `3 million shillings` (not `two Chinese firms $5 million`).
fn money(toks: &[Token], j: usize) -> bool {
    const SYMBOLS: &[char] = &['$', '€', '£', '¥'];
    const SCALE: &[&str] = &["million", "mln", "billion", "bn", "m", "thousand", "k", "crore", "lakh"];
    const CURRENCY: &[&str] = &[
        "euro",
        "euros",
        "dollar",
        "dollars",
        "pound",
        "pounds",
        "yen",
        "yuan",
        "rupee",
        "rupees",
        "rouble",
        "roubles",
        "ruble",
        "rubles",
        "shilling",
        "shillings",
        "franc",
        "francs",
        "lira",
        "won",
        "peso",
        "pesos",
        "naira",
        "rand",
        "krone",
        "kronor",
        "zloty",
        "real",
        "reais",
        "dinar",
        "dinars",
        "riyal",
        "riyals",
    ];
    let symbol = |t: &Token| t.norm.starts_with(SYMBOLS) || t.norm == "us$";
    let mut k = j;
    while toks.get(k).is_some_and(|t| t.tag == Tag::Num || symbol(t) || norm_is(t, SCALE)) {
        if symbol(&toks[k]) {
            return true;
        }
        k += 1;
    }
    k > j && toks.get(k).is_some_and(|t| norm_is(t, CURRENCY))
}

/// `Bolsonaro sentenced to 27 years`, `Dutch tourist fined over salute`,
/// `Sri Lankan man lynched and set on fire`: a verb of an act done to
/// someone, right after its noun phrase (`subject_end`, the trigger's
/// start) with no auxiliary and no object, is a headline's passive: the
/// noun phrase is who it was done to. Not before a number (`killed at
/// least 18`, `arrested over 50`) or a date fronted before the object
/// (`seized on Monday two tankers`).
pub(super) fn headline_passive(toks: &[Token], subject_start: usize, trigger_start: usize) -> bool {
    // (The word right after the verb: a pattern's later words may be its object.)
    let after = trigger_start + 1;
    let t = &toks[trigger_start];
    if !matches!(t.tag, Tag::Verb(VerbForm::Past | VerbForm::PastParticiple)) || !DONE_TO.contains(&t.lemma.as_str()) {
        return false;
    }
    // `the civilians Russia deported to Siberia`: a noun before the actor
    // makes the verb a relative clause's, whose object is that noun.
    if subject_start > 0 && toks[subject_start - 1].tag == Tag::Noun && toks[subject_start - 1].case == Case::Lower {
        return false;
    }
    let Some(next) = toks.get(after) else { return true };
    let then = toks.get(after + 1);
    let quantity = |u: Option<&Token>| {
        u.is_some_and(|u| {
            u.tag == Tag::Num
                || norm_is(u, &["least", "most", "than", "many", "much", "dozens", "hundreds", "thousands", "scores"])
        })
    };
    // `surgeon fined €2,700 for ...`, `bank fined 24.5 mln euros`: an
    // active `fine` names whom it fines before the amount.
    if t.lemma == "fine" && money(toks, after) {
        return true;
    }
    if norm_is(next, PASSIVE_PREPS) {
        // (`accused on Monday Ukraine of ...`: the object after the date.)
        let dated = norm_is(next, &["on", "in"])
            && then.is_some_and(|u| u.case == Case::Title && crate::resolve::is_calendar_word(&u.norm))
            && toks[after + 2..]
                .iter()
                .find(|u| u.tag != Tag::Num)
                .is_some_and(|u| !norm_is(u, PASSIVE_PREPS) && !is_stop_punct(u));
        // (`sentenced to 27 years` is no object.)
        return (!quantity(then) || next.norm == "to") && !dated;
    }
    // `lynched and set on fire`: another participle with no object either.
    if next.norm == "and" {
        return then.is_some_and(|u| matches!(u.tag, Tag::Verb(VerbForm::Past | VerbForm::PastParticiple)))
            && toks.get(after + 2).is_none_or(|u| norm_is(u, PASSIVE_PREPS) || is_stop_punct(u));
    }
    // `Iran condemned, in a statement on Sunday, the killing of ...`: an
    // adjunct between commas, then the object: active.
    if next.norm == "," && adjunct_then_object(toks, after) {
        return false;
    }
    norm_is(next, &[",", ";", ":", ".", "-", "--", "|", "!"])
}

/// Whether the comma at `comma` opens an adjunct (a preposition or adverb
/// first) closed by another comma that a noun phrase follows.
fn adjunct_then_object(toks: &[Token], comma: usize) -> bool {
    if !toks.get(comma + 1).is_some_and(|t| matches!(t.tag, Tag::Prep | Tag::Adv)) {
        return false;
    }
    let Some(close) = toks.iter().skip(comma + 2).take(12).position(|t| is_stop_punct(t) || t.norm == ",") else {
        return false;
    };
    let close = comma + 2 + close;
    toks[close].norm == ","
        && toks.get(close + 1).is_some_and(|t| matches!(t.tag, Tag::Det | Tag::Adj | Tag::Num | Tag::ProperNoun))
}

/// Whether every member of a source is a business (`Boeing`, `investors`,
/// `the firm`) and the act is talk, a hope, a plan or a meeting (roots
/// 01-05): aimed at no actor, that is business news, not a political event.
/// (`bankers urged the central bank to ...` has a target and stays.)
pub(super) fn business_talk(members: &[Member], code: CameoCode) -> bool {
    !members.is_empty()
        && members.iter().all(|m| m.sector.as_deref() == Some("BUS") || m.code().is_some_and(|c| c.ends_with("BUS")))
        && matches!(&code.as_str()[..2], "01" | "02" | "03" | "04" | "05")
}
