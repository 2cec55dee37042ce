//! Shared conversion pieces: peer patterns to dyad patterns, actor codes,
//! dates, and the writer of generated sources.

use std::collections::HashMap;

use chrono::NaiveDate;
use dyad_core::cameo::CameoCode;
use dyad_dict::split_actor_code;
use dyad_text::Lexicon;

use crate::{Converted, PeerCode};

/// A peer date: `YYMMDD` (years before 30 are 20xx) or `YYYYMMDD`.
pub fn date_yymmdd(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (y, rest) = match s.len() {
        6 => {
            let yy: i32 = s[..2].parse().ok()?;
            (if yy < 30 { 2000 + yy } else { 1900 + yy }, &s[2..])
        }
        8 => (s[..4].parse().ok()?, &s[4..]),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(y, rest[..2].parse().ok()?, rest[2..].parse().ok()?)
}

/// Marks a [`Tok::Word`] written without a trailing `_`: a stem.
pub const STEM_MARK: char = '*';

/// Ends a [`Tok::Word`] marked a stem with TABARI's `~` (`REAL~_PLEASANT`):
/// a prefix even when it is a word.
pub const EXPLICIT_STEM: &str = "**";

/// One element of a peer pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tok {
    /// A literal word; ends with [`STEM_MARK`] when it was written without
    /// a trailing `_` (a stem), with [`EXPLICIT_STEM`] when marked `~`.
    Word(String),
    /// `{ A | B }` alternatives (each may be several words joined by `_`).
    Alts(Vec<String>),
    /// `&NAME` synonym set.
    Syn(String),
    /// `*`: the verb.
    Verb,
    /// `$`: the source.
    Source,
    /// `+`: the target.
    Target,
    /// `^`: skip an actor.
    Skip,
    /// `%`: compound actor.
    Compound,
}

/// A peer pattern split into elements; the flag is true when the element is
/// joined to the previous one by `_` (adjacent words).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PatternTokens {
    /// Elements and adjacency flags.
    pub items: Vec<(Tok, bool)>,
    /// Markers that were dropped (`~`, `!`, ...).
    pub dropped: Vec<char>,
}

impl PatternTokens {
    /// Parses TABARI/PETRARCH pattern text (without the leading `-` and the code).
    pub fn parse(text: &str) -> PatternTokens {
        let mut out = PatternTokens::default();
        // Brace groups: `{ A | B }` are alternatives; PETRARCH's `{NOUN PHRASE}`
        // and `(PREP PHRASE)` groups only mark syntax and are flattened.
        let mut alts: Vec<Vec<String>> = Vec::new();
        let mut flat = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '{' => {
                    let mut inner = String::new();
                    for d in chars.by_ref() {
                        if d == '}' {
                            break;
                        }
                        inner.push(d);
                    }
                    if inner.contains('|') {
                        let list: Vec<String> = inner
                            .split('|')
                            .map(|a| {
                                a.split(|c: char| c.is_whitespace() || c == '_')
                                    .filter(|w| !w.is_empty())
                                    .collect::<Vec<_>>()
                                    .join("_")
                            })
                            .filter(|a| !a.is_empty())
                            .collect();
                        // A `_` next to the group glues it to the word there
                        // (`APPLY_{ GENEVA | INTERNATIONAL }`: adjacent words).
                        if !flat.ends_with('_') {
                            flat.push(' ');
                        }
                        flat.push_str(&format!("\u{1}{}", alts.len()));
                        if chars.peek() != Some(&'_') {
                            flat.push(' ');
                        }
                        alts.push(list);
                    } else {
                        flat.push(' ');
                        flat.push_str(&inner);
                        flat.push(' ');
                    }
                }
                '(' | ')' | '}' => flat.push(' '),
                _ => flat.push(c),
            }
        }
        for chunk in flat.split_whitespace() {
            let mut first = true;
            let pieces: Vec<&str> = chunk.split('_').collect();
            for (pi, piece) in pieces.iter().enumerate() {
                let piece = *piece;
                if piece.is_empty() {
                    continue;
                }
                // A word not followed by `_` is a stem (TABARI: a prefix).
                let stem = pi + 1 == pieces.len();
                let adjacent = !first;
                first = false;
                let tok = match piece {
                    "*" => Tok::Verb,
                    "$" => Tok::Source,
                    "+" => Tok::Target,
                    "^" => Tok::Skip,
                    "%" => Tok::Compound,
                    p if p.starts_with('\u{1}') => match p[1..].parse::<usize>().ok().and_then(|i| alts.get(i)) {
                        Some(list) => Tok::Alts(list.clone()),
                        None => continue,
                    },
                    p if p.starts_with('&') => Tok::Syn(p[1..].to_string()),
                    p => {
                        let mut w = String::new();
                        // TABARI `REAL~_PLEASANT`: `~` makes a word a stem even inside a `_` chunk.
                        let marked = p.contains('~');
                        for c in p.chars() {
                            if c.is_alphanumeric() || c == '\'' || c == '-' || c == '.' {
                                w.push(c);
                            } else if c != '~' {
                                out.dropped.push(c);
                            }
                        }
                        if w.is_empty() || w == "-" {
                            continue;
                        }
                        if marked {
                            w.push(STEM_MARK);
                            w.push(STEM_MARK);
                        } else if stem {
                            w.push(STEM_MARK);
                        }
                        Tok::Word(w)
                    }
                };
                out.items.push((tok, adjacent));
            }
        }
        out
    }
}

/// Converts parsed peer pattern elements into a dyad pattern.
///
/// `verb` is the dyad element(s) that stand for `*`; `word` turns a peer word
/// into a dyad element; `has_syn` tells whether a synonym set exists;
/// `gap_after_syn` whether a `_` after the set (`&SET_WORD`) lets words come
/// between its member and the word. Returns the pattern and the list of
/// constructs that were approximated.
pub fn convert_pattern(
    toks: &PatternTokens,
    verb: &str,
    word: &dyn Fn(&str) -> String,
    has_syn: &dyn Fn(&str) -> bool,
    gap_after_syn: &dyn Fn(&str) -> bool,
) -> Result<(String, Vec<&'static str>), String> {
    let mut parts: Vec<String> = Vec::new();
    let mut notes = Vec::new();
    // `None`: adjacent; a space is TABARI's any-number-of-words gap (`...`).
    let mut gap_pending: Option<&str> = None;
    let mut has_source = false;
    let mut has_target = false;
    let mut seen_verb = false;
    let mut after_syn = false;
    for (tok, adjacent) in &toks.items {
        let open = matches!(tok, Tok::Syn(name) if gap_after_syn(&syn_name(name)));
        let follows_syn = std::mem::replace(&mut after_syn, open);
        let adjacent = *adjacent && !follows_syn;
        if !adjacent && !parts.is_empty() && gap_pending.is_none() {
            gap_pending = Some("...");
        }
        let elem = match tok {
            Tok::Word(w) => word(w),
            Tok::Alts(list) => {
                let mut alts: Vec<String> = Vec::new();
                for a in list {
                    if let Some(name) = a.strip_prefix('&') {
                        let name = syn_name(name);
                        if !has_syn(&name) {
                            return Err(format!("unknown synonym set `&{name}`"));
                        }
                        alts.push(format!("&{name}"));
                    } else {
                        let a = word_alt(a);
                        if !a.is_empty() {
                            alts.push(a);
                        }
                    }
                }
                if alts.is_empty() {
                    continue;
                }
                alts.join("|")
            }
            Tok::Syn(name) => {
                let name = syn_name(name);
                if !has_syn(&name) {
                    return Err(format!("unknown synonym set `&{name}`"));
                }
                format!("&{name}")
            }
            Tok::Verb => {
                seen_verb = true;
                verb.to_string()
            }
            // `% *`: a compound actor before the verb is the source, and the
            // event goes between its members (the engine's reciprocal events
            // of a compound subject). [`PeerCoder`] applies the pattern only
            // when the subject is compound (`compound-marker-as-source`).
            Tok::Compound if !seen_verb && !has_source => {
                notes.push("compound-marker-as-source");
                has_source = true;
                "{source}".to_string()
            }
            // `WITH %` after the verb: the compound is the target slot, and
            // the event goes between its members (`compound-marker-as-target`).
            Tok::Compound if seen_verb && !has_target => {
                notes.push("compound-marker-as-target");
                has_target = true;
                "{target}".to_string()
            }
            Tok::Source => {
                if has_source {
                    notes.push("second-source-marker");
                    continue;
                }
                has_source = true;
                "{source}".to_string()
            }
            Tok::Target => {
                if has_target {
                    notes.push("second-target-marker");
                    continue;
                }
                has_target = true;
                "{target}".to_string()
            }
            // `^` skips an actor (TABARI's validation records: `AT ^ +` passes
            // over the first actor after `at` to reach the target).
            Tok::Skip => "{actor}".to_string(),
            Tok::Compound => {
                notes.push("compound-marker");
                continue;
            }
        };
        if let Some(gap) = gap_pending.take() {
            parts.push(gap.to_string());
        }
        parts.push(elem);
    }
    if !toks.dropped.is_empty() {
        notes.push("dropped-marker");
    }
    while parts.last().is_some_and(|p| p == ".." || p == "...") {
        parts.pop();
    }
    if parts.is_empty() {
        return Err("empty pattern".to_string());
    }
    Ok((parts.join(" "), notes))
}

/// A synonym set name in dyad's form (lower case, no trailing `_`).
pub(crate) fn syn_name(name: &str) -> String {
    name.trim_matches('_').to_lowercase().chars().filter(|c| c.is_alphanumeric() || *c == '_').collect()
}

/// One alternative (words joined by `_`) as a dyad alternative.
fn word_alt(alt: &str) -> String {
    alt.split('_').map(clean_word).filter(|w| !w.is_empty()).collect::<Vec<_>>().join("_")
}

/// A peer word in lower case, without characters dyad's format reserves.
pub(crate) fn clean_word(w: &str) -> String {
    w.chars().filter(|c| c.is_alphanumeric() || matches!(c, '\'' | '-' | '.')).flat_map(char::to_lowercase).collect()
}

/// A peer phrase (`AL_GORE`, `HOLY SEE`) as a dyad phrase (`al gore`).
pub(crate) fn clean_phrase(p: &str) -> String {
    p.split(|c: char| c.is_whitespace() || c == '_')
        .map(clean_word)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A peer word as a dyad element. With `stems` (TABARI: a word written
/// without a trailing `_` is a prefix) a stem becomes a dyad stem
/// (`critici` → `critici*`, matching `criticise`, `criticism`), and a word
/// of the lexicon both itself and a stem (`tie` → `tie|tie*`, matching
/// `tied` by lemma and `tier` by prefix), except that a stem that is a
/// word with a final `e` is that word (`restor` → `restor|restore`: not
/// "restoration"), and an inflected form is a stem only (`said` → `said*`,
/// not `say`). Without `stems` dyad matches lemmas, so a word matches
/// its inflections; any other word matches as written.
pub(crate) fn stem_element(lexicon: &Lexicon, w: &str, stems: bool) -> String {
    let is_stem = w.ends_with(STEM_MARK);
    let marked = w.ends_with(EXPLICIT_STEM);
    let w = clean_word(w);
    // An explicit stem is a prefix even when it is a word (`real~` → `really`).
    if stems && marked && w.chars().count() >= 3 && w.chars().all(char::is_alphabetic) {
        return format!("{w}*");
    }
    // TABARI: every word written without a trailing `_` is a prefix, however
    // short and whether or not it is a word (`SAID` matches "saidth", `IN`
    // "inching"; the suite's SYNSET and CONNECT records rely on it). A word
    // keeps its lemma too, so its irregular inflections still match.
    let prefix = stems && is_stem && w.chars().all(char::is_alphabetic);
    // TABARI compares the letters written: a stem that is an inflected form
    // (`MET`, `SAID`) matches words that start with it, not the forms of its
    // lemma (`meet`, `say`), so it is a dyad stem only.
    if prefix && lexicon.is_common_word(&w) && lexicon.lemma(&w) != w {
        return format!("{w}*");
    }
    if prefix && lexicon.is_common_word(&w) {
        return format!("{w}|{w}*");
    }
    if w.is_empty() || lexicon.is_common_word(&w) {
        return w;
    }
    // A stem whose word adds an `e` (`RESUM`, `RESTOR`) is that word and,
    // TABARI comparing letters, a prefix too (`resumption`).
    let with_e = format!("{w}e");
    if lexicon.is_common_word(&with_e) {
        return if prefix { format!("{w}|{with_e}|{w}*") } else { format!("{w}|{with_e}") };
    }
    if prefix {
        return format!("{w}*");
    }
    w
}

/// The whitespace-separated chunks of a TABARI actor phrase
/// (`RUFUS_T_FIREFLY`, `HOLY SEE`), each as dyad words with stems: a word
/// that ends its `_` chunk without a trailing `_` is a stem, turned into
/// `stem*` when it is not a word of the lexicon and has at least
/// [`MIN_STEM`] letters (`FREEDONIA` → `freedonia*`, matching `Freedonian`);
/// other words are as [`clean_phrase`] writes them. Chunks with no word
/// left are dropped.
pub(crate) fn stem_chunks(lexicon: &Lexicon, p: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for chunk in p.split_whitespace() {
        let pieces: Vec<&str> = chunk.split('_').collect();
        let mut words: Vec<String> = Vec::new();
        for (i, piece) in pieces.iter().enumerate() {
            let w = clean_word(piece);
            if w.is_empty() {
                continue;
            }
            let stem = i + 1 == pieces.len()
                && !lexicon.is_common_word(&w)
                && w.chars().count() >= MIN_STEM
                && w.chars().all(char::is_alphabetic);
            words.push(if stem { format!("{w}*") } else { w });
        }
        if !words.is_empty() {
            out.push(words.join(" "));
        }
    }
    out
}

/// Words that may stand between the space-separated chunks of a TABARI
/// actor phrase in dyad's approximation of TABARI's space (see
/// [`tabari_actor_phrases`]): the words that join a title to its place or
/// epithet in a name (`Prince of X`, `King of the Y`, `Z the Elder`).
const ACTOR_GAP_WORDS: [&str; 3] = ["of", "the", "of the"];

/// Most spaces of one TABARI actor phrase that get [`ACTOR_GAP_WORDS`]
/// variants (each space multiplies the variants by four).
const MAX_ACTOR_GAPS: usize = 2;

/// A TABARI actor phrase as the dyad phrases that stand for it. In TABARI,
/// words joined by `_` are consecutive, while a space between words lets
/// other words come between them (`LANDGRAVE OSTMARK_ISLES` matches `Landgrave
/// of Ostmark Isles`). dyad's actor phrases have no gaps, so the phrase is written
/// as it is and, for a phrase with at most [`MAX_ACTOR_GAPS`] spaces, once
/// more for each choice of [`ACTOR_GAP_WORDS`] in its spaces; a space next
/// to a gap word already written gets none (`GROUP OF 77`, `NOVAK
/// THE_ELDER`). The first phrase returned is the phrase as written.
pub(crate) fn tabari_actor_phrases(lexicon: &Lexicon, p: &str) -> Vec<String> {
    let chunks = stem_chunks(lexicon, p);
    let Some((first, rest)) = chunks.split_first() else {
        return Vec::new();
    };
    let mut phrases = vec![first.clone()];
    if rest.len() > MAX_ACTOR_GAPS {
        return vec![chunks.join(" ")];
    }
    for chunk in rest {
        let mut next = Vec::new();
        for left in &phrases {
            next.push(format!("{left} {chunk}"));
            let is_gap_word = |w: Option<&str>| w.is_some_and(|w| ACTOR_GAP_WORDS.contains(&w));
            if is_gap_word(left.rsplit(' ').next()) || is_gap_word(chunk.split(' ').next()) {
                continue;
            }
            for gap in ACTOR_GAP_WORDS {
                next.push(format!("{left} {gap} {chunk}"));
            }
        }
        phrases = next;
    }
    phrases
}

/// Shortest stem turned into a prefix element (shorter ones match too much).
pub const MIN_STEM: usize = 4;

/// Maps peer event codes to dyad CAMEO codes, tabling what does not fit.
pub(crate) fn event_code(raw: &str) -> Option<(PeerCode, CameoCode)> {
    let raw = raw.trim().trim_end_matches(['?', '!']);
    match raw {
        "---" => return Some((PeerCode::Null, placeholder_code("010"))),
        "###" => return Some((PeerCode::Discard, placeholder_code("010"))),
        "+++" => return Some((PeerCode::Null, placeholder_code("010"))),
        _ => {}
    }
    let (code, paired) = match raw.split_once(':') {
        Some((a, b)) => (a.trim(), Some(b.trim().trim_end_matches(['?', '!']).to_string())),
        None => (raw, None),
    };
    if code.is_empty() {
        // `[:190]`: only the reverse event (target → source).
        let p = paired.filter(|p| !p.is_empty())?;
        let cameo = placeholder_code(&p);
        return Some((PeerCode::Code { code: String::new(), paired: Some(p) }, cameo));
    }
    let cameo = placeholder_code(code);
    Some((PeerCode::Code { code: code.to_string(), paired }, cameo))
}

/// The dyad code used for a peer code in the generated source: itself when it
/// is in the codebook, else its longest prefix that is, else `010`.
fn placeholder_code(code: &str) -> CameoCode {
    (2..=code.len().min(4))
        .rev()
        .filter_map(|n| code.get(..n))
        .find_map(CameoCode::parse)
        .or_else(|| CameoCode::parse("010"))
        .expect("010 is a CAMEO code")
}

/// Actor code conversion with placeholders for blocks dyad cannot parse.
#[derive(Debug, Default)]
pub(crate) struct ActorCodes {
    by_peer: HashMap<String, String>,
    next: u32,
}

impl ActorCodes {
    /// A dyad actor code for a peer code; registers placeholders in `conv`.
    pub(crate) fn dyad_code(&mut self, peer: &str, conv: &mut Converted) -> String {
        let peer = peer.trim();
        if split_actor_code(peer).is_some() {
            return peer.to_string();
        }
        let upper = peer.to_uppercase();
        if split_actor_code(&upper).is_some() {
            return upper;
        }
        // Block by block when the length allows it, else the whole code.
        if upper.len() % 3 == 0 && !upper.is_empty() && upper.is_ascii() {
            let mut out = String::new();
            for i in (0..upper.len()).step_by(3) {
                let block = &upper[i..i + 3];
                if block.bytes().all(|b| b.is_ascii_uppercase()) {
                    out.push_str(block);
                } else {
                    out.push_str(&self.placeholder(block, conv));
                }
            }
            if split_actor_code(&out).is_some() {
                return out;
            }
        }
        self.placeholder(peer, conv)
    }

    fn placeholder(&mut self, peer: &str, conv: &mut Converted) -> String {
        if let Some(p) = self.by_peer.get(peer) {
            return p.clone();
        }
        let n = self.next;
        self.next += 1;
        let p = format!("Q{}{}", (b'Q' + (n / 26 % 10) as u8) as char, (b'A' + (n % 26) as u8) as char);
        self.by_peer.insert(peer.to_string(), p.clone());
        conv.tables.actor_blocks.insert(p.clone(), peer.to_string());
        p
    }
}

/// A generated dyad source that remembers line numbers.
#[derive(Debug)]
pub(crate) struct Out {
    pub name: String,
    pub text: String,
    pub line: u32,
}

impl Out {
    pub(crate) fn new(name: &str) -> Out {
        Out { name: name.to_string(), text: String::new(), line: 0 }
    }

    /// Appends a line and returns its number.
    pub(crate) fn push(&mut self, line: &str) -> u32 {
        self.text.push_str(line);
        self.text.push('\n');
        self.line += 1;
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(date_yymmdd("950601"), NaiveDate::from_ymd_opt(1995, 6, 1));
        assert_eq!(date_yymmdd("011214"), NaiveDate::from_ymd_opt(2001, 12, 14));
        assert_eq!(date_yymmdd("20140115"), NaiveDate::from_ymd_opt(2014, 1, 15));
        assert_eq!(date_yymmdd("99x"), None);
    }

    #[test]
    fn patterns_convert() {
        let w = |s: &str| clean_word(s);
        let syn = |s: &str| s == "fruit";
        let no = |_: &str| false;
        let toks = PatternTokens::parse("SAID * TO_VISIT +");
        let (p, _) = convert_pattern(&toks, "pledge", &w, &syn, &no).unwrap();
        assert_eq!(p, "said ... pledge ... to visit ... {target}");
        let toks = PatternTokens::parse("$ HAS_* { GREEN_ TEA | &FRUIT } JUICE_");
        let (p, _) = convert_pattern(&toks, "sip", &w, &syn, &no).unwrap();
        assert_eq!(p, "{source} ... has sip ... green_tea|&fruit ... juice");
        let toks = PatternTokens::parse("* &FRUIT (TO {THE MARKET})");
        let (p, _) = convert_pattern(&toks, "carry", &w, &syn, &no).unwrap();
        assert_eq!(p, "carry ... &fruit ... to ... the ... market");
        // `^` skips an actor.
        let (p, _) = convert_pattern(&PatternTokens::parse("* AT ^ +"), "eat", &w, &syn, &no).unwrap();
        assert_eq!(p, "eat ... at ... {actor} ... {target}");
        let (p, _) = convert_pattern(&PatternTokens::parse("* ^_AID"), "eat", &w, &syn, &no).unwrap();
        assert_eq!(p, "eat ... {actor} aid");
        assert!(convert_pattern(&PatternTokens::parse("* &NUTS"), "eat", &w, &syn, &no).is_err());
        // A `_` before or after a `{ | }` group makes it adjacent to the word there.
        for (peer, want) in [
            ("* SHARE_{ RIPE | GREEN }_PLUMS", "eat ... share ripe|green plums"),
            ("HAPPILY_{ NEVER | SELDOM } *", "happily never|seldom ... eat"),
        ] {
            assert_eq!(convert_pattern(&PatternTokens::parse(peer), "eat", &w, &syn, &no).unwrap().0, want);
        }
        // Where the set's `_` after it is a gap (TABARI, a set with a phrase
        // member), one before it still joins.
        let open = |s: &str| s == "fruit";
        for (peer, want) in [
            ("SURELY_&FRUIT_AGAIN *", "surely &fruit ... again ... eat"),
            ("* &FRUIT_JUICE", "eat ... &fruit ... juice"),
        ] {
            assert_eq!(convert_pattern(&PatternTokens::parse(peer), "eat", &w, &syn, &open).unwrap().0, want);
            assert!(!convert_pattern(&PatternTokens::parse(peer), "eat", &w, &syn, &no)
                .unwrap()
                .0
                .contains("... juice"));
        }
    }

    #[test]
    fn stems() {
        let lexicon = Lexicon::english();
        // (peer word as parsed, TABARI stems on, element)
        let cases = [
            ("PARLEY*", true, "parley|parley*"),         // a word: its lemma and a prefix
            ("RESTOR*", true, "restor|restore|restor*"), // stem + e is a word, and a prefix
            ("RESTOR", true, "restor|restore"),          // written with a trailing `_`: no prefix
            ("RUMBUSTICAT*", true, "rumbusticat*"),
            ("RUMBUSTICAT", true, "rumbusticat"), // written with a trailing `_`: exact
            ("RUMBUSTICAT*", false, "rumbusticat"),
            ("IN*", true, "in|in*"), // however short (TABARI `IN` matches "inching")
            ("ZYQ*", true, "zyq*"),
            ("PARLEY**", true, "parley*"), // marked `~`: a prefix even though a word
            ("PARLEY**", false, "parley"),
            ("SAID*", true, "said*"), // an inflected form: its letters, not `say`
            ("MET*", false, "met"),
        ];
        for (w, stems, want) in cases {
            assert_eq!(stem_element(&lexicon, w, stems), want, "{w}");
        }
        // `~` marks a stem inside a `_` chunk and is not a dropped marker.
        let toks = PatternTokens::parse("* FUN~_PARLEY");
        assert_eq!(toks.items[1], (Tok::Word("FUN**".into()), false));
        assert_eq!(toks.items[2], (Tok::Word("PARLEY*".into()), true));
        assert!(toks.dropped.is_empty());
        let toks = PatternTokens::parse("GRAND_PARLEY SMALL_ TALK");
        let words: Vec<_> = toks.items.iter().map(|(t, _)| t.clone()).collect();
        assert_eq!(
            words,
            vec![
                Tok::Word("GRAND".into()),
                Tok::Word("PARLEY*".into()),
                Tok::Word("SMALL".into()),
                Tok::Word("TALK*".into())
            ]
        );
    }

    #[test]
    fn codes() {
        assert_eq!(event_code("064").unwrap().0, PeerCode::Code { code: "064".into(), paired: None });
        assert_eq!(event_code("032:033").unwrap().0, PeerCode::Code { code: "032".into(), paired: Some("033".into()) });
        assert_eq!(event_code("---").unwrap().0, PeerCode::Null);
        assert_eq!(event_code(":190").unwrap().0, PeerCode::Code { code: String::new(), paired: Some("190".into()) });
        assert_eq!(event_code("075A").unwrap().1.as_str(), "075");
        assert_eq!(event_code("987").unwrap().1.as_str(), "010");
        let mut conv = Converted::default();
        let mut codes = ActorCodes::default();
        assert_eq!(codes.dyad_code("FRDGOV", &mut conv), "FRDGOV");
        assert_eq!(codes.dyad_code("frd", &mut conv), "FRD");
        let p = codes.dyad_code("F77", &mut conv);
        assert_eq!(conv.tables.actor_blocks[&p], "F77");
        let q = codes.dyad_code("---", &mut conv);
        assert_eq!(conv.tables.actor_blocks[&q], "---");
    }
}
