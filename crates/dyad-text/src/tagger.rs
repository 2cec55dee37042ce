//! Rule-based contextual tagger: lexicon readings + closed classes + a few
//! left-context rules (the ones that matter for finding event verbs and
//! their noun-phrase arguments). One left-to-right pass, bounded look-around.

use crate::closed::Closed;
use crate::lexicon::{closed_lemma, Entry, Word, JJ, NN, NNP, NNS, NOUN, RB, VB, VBD, VBG, VBN, VBZ, VERB};
use crate::tokenize::Kind;
use crate::{Case, LemmaKind, Tag, Token, VerbForm};

/// Per-token lexical facts the rules look at, the closed-class word and
/// the entry by index (copying a whole entry per token cost a tenth of the
/// lexicon look-up), and what the lexicon probe said of the norm (the
/// tagger does not read it): one record a token instead of two.
///
/// In C order, the probe's word first and the small fields packed after
/// it: 28 bytes without gaps (36 before, the word's fields at odd places).
#[derive(Clone, Copy, Debug)]
#[repr(C)]
pub(crate) struct Lex {
    /// The norm's word ([`crate::lexicon::UNKNOWN`] when unknown).
    pub(crate) word: Word,
    /// Bytes of the hyphenated head whose last part gave the token's
    /// lexicon entry (`pro-` in `pro-government`), else 0.
    pub(crate) prefix: u32,
    /// Index of the lexicon entry ([`crate::lexicon::NO_ENTRY`] for none).
    pub(crate) entry: u32,
    /// Readings (0 when unknown).
    pub(crate) mask: u16,
    /// The closed class and the word's index in [`crate::closed::WORDS`].
    pub(crate) closed: Option<(Closed, u8)>,
    pub(crate) kind: Kind,
    pub(crate) case: Case,
    /// After tagging: what the lemma in context is.
    pub(crate) in_context: LemmaKind,
}

const _: () = assert!(std::mem::size_of::<Lex>() == 28);

impl Lex {
    /// The closed-class reading and its lemma.
    #[inline]
    pub(crate) fn closed(&self) -> Option<(Closed, &'static str)> {
        closed_lemma(self.closed)
    }
}

/// Chosen tag and, when not the form itself, the lemma to use.
pub(crate) type Choice = (Tag, Option<&'static str>);

fn is_capital(l: &Lex, all_caps: bool) -> bool {
    // Case::Other on a word means mixed case ("al-Shabaab", "McDonald").
    !all_caps && matches!(l.case, Case::Title | Case::Upper | Case::Other)
}

fn is_wordish(k: Kind) -> bool {
    matches!(k, Kind::Word | Kind::Abbrev | Kind::Number | Kind::Clitic | Kind::Neg | Kind::ApostropheS)
}

/// Tag every token of a sentence. The tokens (`norms`: only their `norm` is
/// read, not yet tagged) are only used for a few suffix guesses and neighbours.
pub(crate) fn tag(entries: &[Entry], lex: &[Lex], norms: &[Token], out: &mut Vec<Choice>) {
    out.clear();
    let (words, upper) = lex
        .iter()
        .filter(|l| l.kind == Kind::Word)
        .fold((0, 0), |(w, u), l| (w + 1, u + usize::from(l.case == Case::Upper)));
    // ALL-CAPS wire text: capitalisation says nothing about names.
    let all_caps = upper >= 2 && upper * 4 >= words * 3;
    for i in 0..lex.len() {
        let c = choose(entries, lex, norms, out, i, all_caps);
        out.push(c);
    }
}

/// Index of the effective previous token: skips adverbs and negation.
fn eff_prev(out: &[Choice], i: usize) -> Option<usize> {
    let mut j = i;
    let mut skipped = 0;
    while j > 0 {
        j -= 1;
        match out[j].0 {
            Tag::Adv | Tag::Neg if skipped < 3 => skipped += 1,
            _ => return Some(j),
        }
    }
    None
}

/// Next token index skipping adverbs/negation (by lexical class).
fn eff_next(lex: &[Lex], i: usize) -> Option<usize> {
    let mut j = i + 1;
    while j < lex.len() {
        let l = &lex[j];
        let advish = l.kind == Kind::Neg
            || matches!(l.closed, Some((Closed::Fixed(Tag::Adv | Tag::Neg), _)))
            || (l.closed.is_none() && l.mask == RB);
        if !advish || j > i + 3 {
            return Some(j);
        }
        j += 1;
    }
    None
}

/// Does token `j` look like it starts or continues a noun phrase?
fn nominal(lex: &[Lex], j: usize, all_caps: bool) -> bool {
    let Some(l) = lex.get(j) else { return false };
    match l.kind {
        Kind::Number => return true,
        Kind::Abbrev => return true,
        Kind::Word => {}
        _ => return false,
    }
    if let Some((c, _)) = l.closed {
        return matches!(c, Closed::Fixed(Tag::Det | Tag::Num) | Closed::Her | Closed::That);
    }
    l.mask & (NOUN | NNP | JJ) != 0 || l.mask == 0 || is_capital(l, all_caps)
}

/// Likely sentence/clause initial: nothing word-like before, or an opening
/// quote/bracket, colon or dash (dateline "(Reuters) - Police ...").
fn initial(lex: &[Lex], norms: &[Token], i: usize) -> bool {
    if i == 0 {
        return true;
    }
    let p = &lex[i - 1];
    if !is_wordish(p.kind) {
        let n = norms[i - 1].norm.as_str();
        // Bounded look-back: leading punctuation runs are short in practice.
        return matches!(n, "\"" | "'" | "(" | "[" | ":" | "-" | "--" | "*" | "`" | "``")
            || (i < 8 && !lex[..i].iter().any(|l| is_wordish(l.kind)));
    }
    false
}

const ADJ_SUFFIXES: &[&str] =
    &["al", "ic", "ive", "ous", "ful", "less", "able", "ible", "ian", "ese", "ish", "ary", "ern", "ent", "ant", "i"];

fn adjish(norm: &str) -> bool {
    ADJ_SUFFIXES.iter().any(|s| norm.len() > s.len() + 2 && norm.ends_with(s))
}

fn choose(entries: &[Entry], lex: &[Lex], norms: &[Token], out: &[Choice], i: usize, all_caps: bool) -> Choice {
    let l = &lex[i];
    match l.kind {
        Kind::Punct => return (Tag::Punct, None),
        Kind::Symbol => return (Tag::Other, None),
        Kind::Number => return (Tag::Num, None),
        Kind::Neg => return (Tag::Neg, Some("not")),
        Kind::PossApostrophe => return (Tag::Possessive, Some("'s")),
        Kind::ApostropheS => {
            // "he's", "it's", "that's": is/has; otherwise possessive.
            let pron = i > 0
                && matches!(
                    norms[i - 1].norm.as_str(),
                    "he" | "she" | "it" | "that" | "there" | "what" | "who" | "here" | "where"
                );
            if pron {
                let next_vbn =
                    eff_next(lex, i).is_some_and(|j| lex[j].mask & VBN != 0 && lex[j].mask & (NOUN | JJ) == 0);
                return if next_vbn {
                    (Tag::Aux(VerbForm::Present3), Some("have"))
                } else {
                    (Tag::Aux(VerbForm::Present3), Some("be"))
                };
            }
            return (Tag::Possessive, Some("'s"));
        }
        Kind::Abbrev => {
            let tag = if matches!(l.case, Case::Lower) { Tag::Other } else { Tag::ProperNoun };
            return (tag, None);
        }
        Kind::Word | Kind::Clitic => {}
    }
    // Read only where a rule needs it (most tokens never do).
    let norm = || norms[i].norm.as_str();
    // Acronym "US" in ordinary text is the country, not the pronoun.
    if l.case == Case::Upper && !all_caps && norm() == "us" {
        return (Tag::ProperNoun, None);
    }
    if let Some((closed, lemma)) = l.closed() {
        let prev_tag = eff_prev(out, i).map(|p| out[p].0);
        return closed_choice(lex, out, i, closed, lemma, prev_tag, eff_next(lex, i), all_caps);
    }
    let mask = l.mask;
    let cap = is_capital(l, all_caps);
    let common = mask & (NOUN | VERB | JJ | RB);
    // Names.
    // Unknown capitalised word, or a known name reading (at the start of a
    // sentence only when the word cannot be a verb: "Police", "Turkey").
    let name_reading = || mask & NNP != 0 && (mask & VERB == 0 || !initial(lex, norms, i));
    if cap && (common == 0 || name_reading()) {
        // Demonyms before a common noun read as adjectives ("Turkish officials").
        // (The next word is looked for only here: most names return before.)
        let next_common = || {
            eff_next(lex, i).is_some_and(|j| {
                let n = &lex[j];
                n.kind == Kind::Word && n.closed.is_none() && n.mask & NOUN != 0 && !is_capital(n, all_caps)
            })
        };
        if common == 0 && mask & NNP != 0 && next_common() && adjish(norm()) {
            return (Tag::Adj, None);
        }
        return (Tag::ProperNoun, None);
    }
    if mask == 0 || common == 0 {
        return guess_unknown(norm(), cap || (all_caps && l.case == Case::Upper));
    }
    let Some(e) = entries.get(l.entry as usize) else {
        return guess_unknown(norm(), cap);
    };
    let next = eff_next(lex, i);
    // Looked at only where a rule needs it (most tokens return before).
    let next_nominal = || next.is_some_and(|j| nominal(lex, j, all_caps));
    let prev = eff_prev(out, i);
    let prev_tag = prev.map(|p| out[p].0);
    let noun = |e: &Entry| (Tag::Noun, e.lemma_for(&[NN, NNS]));
    let verb = |e: &Entry, f: VerbForm| {
        let pref: &[u16] = match f {
            VerbForm::Base => &[VB],
            VerbForm::Present3 => &[VBZ],
            VerbForm::Past => &[VBD, VBN],
            VerbForm::PastParticiple => &[VBN, VBD],
            VerbForm::Gerund => &[VBG],
        };
        (Tag::Verb(f), e.lemma_for(pref).or_else(|| e.lemma_for(&[VERB])))
    };
    let adj = |e: &Entry| (Tag::Adj, e.lemma_for(&[JJ]).or_else(|| e.lemma_for(&[VBN, VBD, VBG])));
    let prefer_adj = mask & JJ != 0 && next_nominal() && (mask & NN == 0 || adjish(norm()));
    // Context-free fallback order.
    let default = |e: &Entry| -> Choice {
        if mask & NOUN != 0 {
            noun(e)
        } else if mask & JJ != 0 {
            adj(e)
        } else if mask & VBD != 0 {
            verb(e, VerbForm::Past)
        } else if mask & VBN != 0 {
            verb(e, VerbForm::PastParticiple)
        } else if mask & VBZ != 0 {
            verb(e, VerbForm::Present3)
        } else if mask & VBG != 0 {
            verb(e, VerbForm::Gerund)
        } else if mask & VB != 0 {
            verb(e, VerbForm::Base)
        } else {
            (Tag::Adv, e.lemma_for(&[RB]))
        }
    };
    // "U.S.-backed forces": a participle glued by a hyphen to a name.
    let glued = || i >= 2 && norms[i - 1].norm == "-" && matches!(lex[i - 2].kind, Kind::Abbrev | Kind::Word);
    if mask & VBN != 0 && glued() && next_nominal() {
        return adj(e);
    }
    // `Fidan (also) later criticised Israel`: an adverb-or-adjective
    // (`later`, `earlier`; not a noun like `firm`) between a subject and a
    // past form taking an object, a clause or nothing is the adverb, so the
    // past form stays the verb.
    if mask & RB != 0
        && mask & NOUN == 0
        && matches!(prev_tag, Some(Tag::Pron | Tag::Noun | Tag::ProperNoun))
        && next.is_some_and(|j| past_verb_with_complement(lex, j, all_caps))
    {
        return (Tag::Adv, e.lemma_for(&[RB]));
    }
    match prev_tag {
        // to / modal / do-support + base verb
        Some(Tag::To | Tag::Modal) if mask & VB != 0 => verb(e, VerbForm::Base),
        Some(Tag::Aux(_)) if mask & VB != 0 && is_do(out, prev) => verb(e, VerbForm::Base),
        // passive / progressive after be
        Some(Tag::Aux(_)) if is_be(out, prev) => {
            if mask & VBN != 0 {
                verb(e, VerbForm::PastParticiple)
            } else if mask & VBG != 0 {
                verb(e, VerbForm::Gerund)
            } else if mask & JJ != 0 {
                adj(e)
            } else {
                default(e)
            }
        }
        // perfect after have
        Some(Tag::Aux(_)) if mask & VBN != 0 => verb(e, VerbForm::PastParticiple),
        // `St. John's criticised Ottawa`: after a name ending in `'s`, a past
        // form (no noun or adjective reading) followed by what opens another
        // noun phrase (a determiner, a name, a pronoun) or by nothing is the
        // verb; a participle modifying the possessed noun is followed by that
        // common noun (`Russia's revised plan`, `the party's elected leader`).
        Some(Tag::Possessive)
            if mask & VBD != 0 && mask & (NOUN | JJ) == 0 && new_phrase_after(lex, next, all_caps) =>
        {
            verb(e, VerbForm::Past)
        }
        // inside a noun phrase
        Some(Tag::Det | Tag::Adj | Tag::Possessive | Tag::Num) => {
            if prefer_adj {
                adj(e)
            } else if mask & NOUN != 0 {
                noun(e)
            } else if mask & JJ != 0 {
                adj(e)
            } else if mask & VBG != 0 {
                (Tag::Noun, None)
            } else if mask & (VBN | VBD) != 0 {
                adj(e)
            } else {
                default(e)
            }
        }
        Some(Tag::Prep) => {
            if mask & VBG != 0 && mask & NOUN == 0 {
                verb(e, VerbForm::Gerund)
            } else if prefer_adj {
                adj(e)
            } else {
                default(e)
            }
        }
        // `A UN report calls on ...`, `Iran attack kills ...`: a bare verb
        // cannot follow a singular name as its subject, so it is the head
        // noun the name modifies.
        Some(Tag::ProperNoun)
            if prev == Some(i - 1)
                && mask & NOUN != 0
                && mask & VB != 0
                && mask & (VBZ | VBD) == 0
                && name_modifier(lex, norms, out, i - 1) =>
        {
            noun(e)
        }
        // after a subject
        Some(Tag::Pron | Tag::Noun | Tag::ProperNoun) => {
            let pron = prev_tag == Some(Tag::Pron);
            // "BankAmerica stock fell": a following past form is the verb.
            let next_np = next.is_some_and(|j| lex[j].mask & VBD == 0)
                && next.is_some_and(|j| {
                    nominal(lex, j, all_caps)
                        || matches!(lex[j].closed, Some((Closed::To | Closed::Fixed(Tag::Pron), _)))
                });
            if mask & VBD != 0 {
                if mask & VBN != 0 && !pron && next.is_some_and(|j| norms[j].norm == "by") {
                    verb(e, VerbForm::PastParticiple)
                } else {
                    verb(e, VerbForm::Past)
                }
            } else if mask & VBZ != 0 && (pron || mask & NOUN == 0 || next_np) {
                verb(e, VerbForm::Present3)
            } else if mask & VB != 0 && (pron || mask & NOUN == 0 || next_np) {
                verb(e, VerbForm::Base)
            } else if mask & VBN != 0 && mask & NOUN == 0 {
                verb(e, VerbForm::PastParticiple)
            } else if mask & VBG != 0 && mask & NOUN == 0 {
                verb(e, VerbForm::Gerund)
            } else {
                default(e)
            }
        }
        // object position after a lexical verb
        Some(Tag::Verb(_)) => {
            if prefer_adj {
                adj(e)
            } else if mask & NOUN != 0 {
                noun(e)
            } else if mask & (VB | VBZ | VBG) == 0 && participle_modifies_object(lex, norms, out, i, all_caps) {
                adj(e)
            } else if mask & VBG != 0 {
                verb(e, VerbForm::Gerund)
            } else if mask & VB != 0 && out[prev.unwrap_or(0)].1 == Some("help") {
                verb(e, VerbForm::Base)
            } else {
                default(e)
            }
        }
        // coordination: "met and agreed", "Turkish and Greek"
        Some(Tag::Conj) => {
            let before = prev.and_then(|p| eff_prev(out, p)).map(|p| out[p].0);
            match before {
                Some(Tag::Verb(f)) if mask & form_bit(f) != 0 => verb(e, f),
                Some(Tag::Adj) if mask & JJ != 0 => adj(e),
                _ => match second_verb_after_object(lex, norms, out, prev, i) {
                    // (`has met X and signed`: the past form, as a finite verb would be.)
                    Some(VerbForm::PastParticiple) if mask & VBD != 0 => verb(e, VerbForm::Past),
                    Some(f) if mask & form_bit(f) != 0 => verb(e, f),
                    _ => clause_start(e, mask, prefer_adj, default, noun, adj, verb),
                },
            }
        }
        _ => clause_start(e, mask, prefer_adj, default, noun, adj, verb),
    }
}

/// A past form right after a past verb and before a noun (`freed jailed
/// activists`, `pardoned imprisoned Lebanese journalists`): a participle
/// describing the object, since two finite verbs do not meet. Not after a
/// verb of saying (`Israel says killed Hamas commander` drops `it`) or a
/// linking verb (`got detained`).
fn participle_modifies_object(lex: &[Lex], norms: &[Token], out: &[Choice], i: usize, all_caps: bool) -> bool {
    const CLAUSE_OR_LINK: &[&str] = &[
        "say", "claim", "report", "announce", "state", "confirm", "deny", "admit", "allege", "insist", "warn", "fear",
        "know", "add", "note", "think", "believe", "tell", "show", "reveal", "find", "hope", "expect", "get", "become",
        "remain", "seem", "appear", "feel", "look", "stay", "go", "keep", "have", "want", "need",
    ];
    let p = i - 1;
    let past_verb = match out[p].0 {
        Tag::Verb(VerbForm::Past | VerbForm::PastParticiple) => true,
        // (`frees`, not the noun-or-verb `strikes`.)
        Tag::Verb(VerbForm::Present3) => lex[p].mask & NOUN == 0,
        _ => false,
    };
    let lemma = out[p].1.unwrap_or(norms[p].norm.as_str());
    let noun_next = lex.get(i + 1).is_some_and(|n| {
        n.kind == Kind::Word && n.closed.is_none() && (n.mask & (NOUN | JJ) != 0 || is_capital(n, all_caps))
    });
    past_verb && lex[i].mask & (VBD | VBN) != 0 && !CLAUSE_OR_LINK.contains(&lemma) && noun_next
}

/// Whether token `j` is a lower-case past form followed by what a finite
/// verb takes: a noun phrase, a preposition, `to`, `that` or the end.
fn past_verb_with_complement(lex: &[Lex], j: usize, all_caps: bool) -> bool {
    let Some(v) = lex.get(j) else { return false };
    let past = v.kind == Kind::Word && v.closed.is_none() && v.mask & VBD != 0 && !is_capital(v, all_caps);
    let after = lex.get(j + 1);
    let clause = after.is_some_and(|a| matches!(a.closed, Some((Closed::That, _))));
    past && (clause || new_phrase_after(lex, Some(j + 1), all_caps) || nominal(lex, j + 1, all_caps))
}

/// Whether token `j` (the next word, if any) cannot continue the noun phrase
/// before it: the end of the sentence, a determiner, a pronoun, a
/// preposition or a capitalised name.
fn new_phrase_after(lex: &[Lex], j: Option<usize>, all_caps: bool) -> bool {
    let Some(l) = j.and_then(|j| lex.get(j)) else { return true };
    match l.closed {
        Some((Closed::Fixed(Tag::Det | Tag::Pron | Tag::Prep) | Closed::Her | Closed::To | Closed::Particle, _)) => {
            true
        }
        Some(_) => false,
        None => l.kind == Kind::Punct || (l.kind == Kind::Word && is_capital(l, all_caps)),
    }
}

/// Whether the name ending at `p` is singular and opens its noun phrase:
/// after an article or demonstrative, or at the start of a clause (a
/// headline's `UN report urges ...`). After a comma or `and` it may be one
/// of several subjects (`Russia, Ukraine trade accusations`).
fn name_modifier(lex: &[Lex], norms: &[Token], out: &[Choice], p: usize) -> bool {
    if norms[p].norm.ends_with('s') {
        return false;
    }
    let mut k = p;
    while k > 0 && out[k - 1].0 == Tag::ProperNoun && p - k < 4 {
        k -= 1;
    }
    if out[k].0 != Tag::ProperNoun {
        return false;
    }
    initial(lex, norms, k)
        || k > 0
            && out[k - 1].0 == Tag::Det
            && matches!(norms[k - 1].norm.as_str(), "a" | "an" | "the" | "this" | "that")
}

/// `will meet Putin and sign an accord`: after `and`/`or` that ends the
/// object of a verb, a word before an article, a possessive determiner or a
/// number opens a second verb phrase of the same form (a noun after `and`
/// would be followed by its own modifiers or by the clause's verb, not by a
/// new noun phrase). A base verb counts only after a modal, `to` or `do`,
/// where it cannot be a plural subject's verb. Returns the form of the
/// first verb.
fn second_verb_after_object(
    lex: &[Lex],
    norms: &[Token],
    out: &[Choice],
    conj: Option<usize>,
    i: usize,
) -> Option<VerbForm> {
    let conj = conj?;
    if !matches!(norms[conj].norm.as_str(), "and" | "or") {
        return None;
    }
    let next = lex.get(i + 1)?;
    let opens_np = match next.closed() {
        Some((Closed::Fixed(Tag::Det), d)) => {
            matches!(d, "a" | "the" | "his" | "its" | "their" | "our" | "my" | "your")
        }
        Some((Closed::Her | Closed::Fixed(Tag::Num), _)) => true,
        Some(_) => false,
        None => next.kind == Kind::Number,
    };
    if !opens_np {
        return None;
    }
    // Walk back over the object (a noun phrase, perhaps after a preposition).
    let mut head = false;
    let mut k = conj;
    while k > 0 && conj - k < 8 {
        k -= 1;
        match out[k].0 {
            Tag::Noun | Tag::ProperNoun | Tag::Pron => head = true,
            Tag::Det | Tag::Adj | Tag::Num | Tag::Possessive | Tag::Prep => {}
            Tag::Verb(f) if head => {
                let finite_base = f == VerbForm::Base
                    && !eff_prev(out, k).is_some_and(|p| match out[p].0 {
                        Tag::Modal | Tag::To => true,
                        Tag::Aux(_) => is_do(out, Some(p)),
                        _ => false,
                    });
                return (!finite_base).then_some(f);
            }
            _ => return None,
        }
    }
    None
}

fn form_bit(f: VerbForm) -> u16 {
    match f {
        VerbForm::Base => VB,
        VerbForm::Present3 => VBZ,
        VerbForm::Past => VBD,
        VerbForm::PastParticiple => VBN,
        VerbForm::Gerund => VBG,
    }
}

#[allow(clippy::too_many_arguments)]
fn clause_start(
    e: &Entry,
    mask: u16,
    prefer_adj: bool,
    default: impl Fn(&Entry) -> Choice,
    noun: impl Fn(&Entry) -> Choice,
    adj: impl Fn(&Entry) -> Choice,
    verb: impl Fn(&Entry, VerbForm) -> Choice,
) -> Choice {
    if prefer_adj {
        adj(e)
    } else if mask & NOUN != 0 {
        noun(e)
    } else if mask & VBG != 0 && mask & JJ == 0 {
        verb(e, VerbForm::Gerund)
    } else {
        default(e)
    }
}

fn is_be(out: &[Choice], p: Option<usize>) -> bool {
    p.is_some_and(|p| out[p].1 == Some("be"))
}

fn is_do(out: &[Choice], p: Option<usize>) -> bool {
    p.is_some_and(|p| out[p].1 == Some("do"))
}

/// Unknown words: capitalised -> name; otherwise guess from the suffix.
fn guess_unknown(norm: &str, cap: bool) -> Choice {
    if cap {
        return (Tag::ProperNoun, None);
    }
    let tag = if norm.len() > 4 && norm.ends_with("ed") {
        Tag::Verb(VerbForm::Past)
    } else if norm.len() > 5 && norm.ends_with("ing") {
        Tag::Verb(VerbForm::Gerund)
    } else if norm.len() > 4 && norm.ends_with("ly") {
        Tag::Adv
    } else if norm.chars().any(char::is_alphabetic) {
        Tag::Noun
    } else {
        Tag::Other
    };
    (tag, None)
}

#[allow(clippy::too_many_arguments)]
fn closed_choice(
    lex: &[Lex],
    out: &[Choice],
    i: usize,
    closed: Closed,
    lemma: &'static str,
    prev_tag: Option<Tag>,
    next: Option<usize>,
    all_caps: bool,
) -> Choice {
    let nl = next.map(|j| &lex[j]);
    let next_mask = nl.map_or(0, |n| if n.closed.is_none() { n.mask } else { 0 });
    let tag = match closed {
        Closed::Fixed(t) => t,
        Closed::Be(f) => Tag::Aux(f),
        Closed::Have(f) => {
            // Aux before a participle (or "been"); a lexical verb otherwise.
            let f = if f == VerbForm::Past && is_have(out, i) { VerbForm::PastParticiple } else { f };
            let before_vbn = nl.is_some_and(|n| {
                matches!(n.closed, Some((Closed::Be(VerbForm::PastParticiple) | Closed::Have(VerbForm::Past), _)))
                    || (n.closed.is_none() && n.mask & VBN != 0)
            });
            if before_vbn {
                Tag::Aux(f)
            } else {
                Tag::Verb(f)
            }
        }
        Closed::Do(f) => {
            let before_vb =
                nl.is_some_and(|n| n.closed.is_none() && n.mask & VB != 0) || next.is_some_and(|j| j > i + 1); // "did not", "does n't"
            if before_vb {
                Tag::Aux(f)
            } else {
                Tag::Verb(f)
            }
        }
        Closed::To => {
            let cap = nl.is_some_and(|n| is_capital(n, all_caps));
            if next_mask & VB != 0 && !cap {
                Tag::To
            } else {
                Tag::Prep
            }
        }
        Closed::That => {
            let singular = nl.is_some_and(|n| {
                n.closed.is_none() && n.mask & NN != 0 && n.mask & (VERB | NNS) == 0 && !is_capital(n, all_caps)
            });
            if singular {
                Tag::Det
            } else {
                Tag::Sconj
            }
        }
        Closed::Her => {
            if next.is_some_and(|j| nominal(lex, j, all_caps)) {
                Tag::Det
            } else {
                Tag::Pron
            }
        }
        Closed::Particle => {
            let after_verb = matches!(prev_tag, Some(Tag::Verb(_)));
            let np_next = next.is_some_and(|j| nominal(lex, j, all_caps));
            if after_verb && !np_next {
                Tag::Adv
            } else {
                Tag::Prep
            }
        }
        Closed::ApostropheD => {
            if next_mask & VBN != 0 && next_mask & VB == 0 {
                return (Tag::Aux(VerbForm::Past), Some("have"));
            }
            Tag::Modal
        }
    };
    (tag, Some(lemma))
}

/// The previous token (skipping adverbs) is a form of "have" ("had had").
fn is_have(out: &[Choice], i: usize) -> bool {
    eff_prev(out, i).is_some_and(|p| out[p].1 == Some("have"))
}
