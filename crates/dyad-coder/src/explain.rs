//! What the coder saw and decided, sentence by sentence (`dyad explain`).

use dyad_core::{Event, Span};
use dyad_dict::{Dictionaries, PatternMatch};

use crate::dates::DateMention;
use crate::grammar::PlaceHit;
use crate::mentions::Mention;
use crate::sentence::Sentence;

/// One token as the tagger saw it.
#[derive(Clone, Debug, PartialEq)]
pub struct TokenTrace {
    /// The token as written.
    pub text: String,
    /// Its part-of-speech tag (Penn-style short name).
    pub tag: &'static str,
    /// Its lemma.
    pub lemma: String,
}

/// An actor mention and the dictionary lines behind it.
#[derive(Clone, Debug, PartialEq)]
pub struct MentionTrace {
    /// The words.
    pub text: String,
    /// Document span.
    pub span: Span,
    /// The actor codes it names (one per coordinated member; `?` country
    /// when a role noun is still waiting for one).
    pub codes: Vec<String>,
    /// `file:line` of the entries that named each member.
    pub rules: Vec<String>,
    /// A place after `in`/`at` or in a dateline, not an actor.
    pub is_place: bool,
}

/// A place found in the sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceTrace {
    /// The words.
    pub text: String,
    /// Resolved name.
    pub name: String,
    /// Country.
    pub country: Option<String>,
    /// After a locative preposition or in a dateline (a location, not an actor).
    pub locative: bool,
}

/// A date expression and what it resolved to.
#[derive(Clone, Debug, PartialEq)]
pub struct DateTrace {
    /// The words.
    pub text: String,
    /// The resolved date.
    pub date: String,
}

/// A pattern match: the trigger, the rule and what became of it.
#[derive(Clone, Debug, PartialEq)]
pub struct TriggerTrace {
    /// The trigger words.
    pub text: String,
    /// Document span of the trigger.
    pub span: Span,
    /// The pattern as written.
    pub pattern: String,
    /// The pattern's CAMEO code.
    pub code: String,
    /// `file:line` of the pattern.
    pub rule: String,
    /// What the grammar decided.
    pub decision: String,
}

/// Everything the coder decided about one sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct SentenceTrace {
    /// Index of the sentence in the document.
    pub index: usize,
    /// Its span in the document.
    pub span: Span,
    /// Its text.
    pub text: String,
    /// Tokens with tags and lemmas.
    pub tokens: Vec<TokenTrace>,
    /// Actor mentions.
    pub mentions: Vec<MentionTrace>,
    /// Places.
    pub places: Vec<PlaceTrace>,
    /// Date expressions.
    pub dates: Vec<DateTrace>,
    /// Every pattern that matched, and what became of it.
    pub triggers: Vec<TriggerTrace>,
    /// The events coded from this sentence.
    pub events: Vec<Event>,
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn sentence_trace(
    s: &Sentence<'_>,
    index: usize,
    mentions: &[Mention],
    places: &[PlaceHit],
    dates: &[DateMention],
    dicts: &Dictionaries,
    all_matches: &[PatternMatch],
    selected: &[PatternMatch],
    fates: &[String],
    events: &[Event],
) -> SentenceTrace {
    let words = |start: usize, end: usize| s.span_of(start, end).slice(s.text).to_string();
    let triggers = all_matches
        .iter()
        .map(|m| {
            let p = &dicts.patterns()[m.pattern as usize];
            let first = m.trigger.first().copied().unwrap_or(m.start);
            let last = m.trigger.last().map_or(m.end, |&t| t + 1);
            let decision = match selected.iter().position(|x| x == m) {
                // A no-event pattern (`---`) codes nothing; the grammar's other verdicts still show.
                Some(k) if p.no_event && fates[k].starts_with("coded") => {
                    format!("#{k}: no event: this rule suppresses the patterns it overlaps")
                }
                Some(k) => format!("#{k}: {}", fates[k]),
                None => "overlapped by a longer or more specific pattern".to_string(),
            };
            TriggerTrace {
                text: m.trigger.iter().map(|&t| s.tokens[t].span.slice(s.text)).collect::<Vec<_>>().join(" "),
                span: s.span_of(first, last),
                pattern: p.text.clone(),
                code: p.code_text().to_string(),
                rule: p.rule.to_string(),
                decision,
            }
        })
        .collect();
    SentenceTrace {
        index,
        span: s.span,
        text: s.span.slice(s.text).to_string(),
        tokens: s
            .tokens
            .iter()
            .map(|t| TokenTrace {
                text: t.span.slice(s.text).to_string(),
                tag: t.tag.short(),
                lemma: t.lemma.to_string(),
            })
            .collect(),
        mentions: mentions
            .iter()
            .map(|m| MentionTrace {
                text: words(m.start, m.end),
                span: s.span_of(m.start, m.end),
                codes: m
                    .members
                    .iter()
                    .map(|member| match (&member.country, member.code()) {
                        (None, Some(code)) if member.code.is_none() => format!("?{code}"),
                        (_, code) => code.unwrap_or_default(),
                    })
                    .collect(),
                rules: m
                    .members
                    .iter()
                    .map(|member| member.rule.as_ref().map(ToString::to_string).unwrap_or_default())
                    .collect(),
                is_place: m.is_place,
            })
            .collect(),
        places: places
            .iter()
            .map(|p| PlaceTrace {
                text: words(p.start, p.end),
                name: p.location.name.clone(),
                country: p.location.country.clone(),
                locative: p.locative,
            })
            .collect(),
        dates: dates.iter().map(|d| DateTrace { text: d.text.clone(), date: d.date.to_string() }).collect(),
        triggers,
        events: events.to_vec(),
    }
}
