//! Tokeniser: words, dotted abbreviations, numbers, clitics, punctuation.
//! Produces byte ranges relative to the sentence slice; no allocation beyond
//! the output vector.

use crate::segment::{MONTH_SET, OTHER_ABBREV_SET, TITLE_SET};

/// What kind of token the tokeniser saw (before tagging).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters (possibly with digits, inner hyphens/apostrophes).
    Word,
    /// Starts with a digit: "1,200", "3.5", "2/27", "1980s".
    Number,
    /// Dotted or listed abbreviation with its period(s): "U.S.", "Gen.".
    Abbrev,
    /// "'s" split off a word (possessive, or "is"/"has" after a pronoun).
    ApostropheS,
    /// Plural possessive apostrophe ("officials' ").
    PossApostrophe,
    /// "n't" split off a word, or "not" split off "cannot".
    Neg,
    /// "'re", "'ve", "'ll", "'d", "'m".
    Clitic,
    /// Punctuation (runs of "." and "-" are one token).
    Punct,
    /// Any other symbol: "$", "%", emoji.
    Symbol,
}

/// A raw token: byte range in the sentence slice and its kind.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Raw {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: Kind,
    /// For a token of ASCII letters and digits without a capital, as the
    /// fast scan saw it: [`PLAIN_LOWER`] with a letter, [`PLAIN_DIGITS`]
    /// without; else 0 (the lexicon looks at the bytes again).
    pub(crate) plain: u8,
}

/// [`Raw::plain`] of a plain token with a (lower-case) letter.
pub(crate) const PLAIN_LOWER: u8 = 2;
/// [`Raw::plain`] of a plain token of digits only.
pub(crate) const PLAIN_DIGITS: u8 = 1;

/// Combining marks (approximate ranges: std has no General_Category table).
/// They continue a word so decomposed "Co\u{302}te" stays one token.
fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A
        | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x0900..=0x0903
        | 0x093A..=0x094F | 0x0951..=0x0957 | 0x0962..=0x0963 | 0x1AB0..=0x1AFF
        | 0x1DC0..=0x1DFF | 0x200C | 0x200D | 0x20D0..=0x20FF | 0xFE00..=0xFE0F
        | 0xFE20..=0xFE2F)
}

/// ASCII letters and digits by byte value: the inner loops over words test
/// every byte, and one load is cheaper than the range tests.
pub(crate) static ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

/// Byte classes for the fast word scan: nonzero for an ASCII letter or
/// digit, with [`UPPER_BIT`] for a capital and [`LOWER_BIT`] for a
/// lower-case letter, so the scan notes the case of a word's letters as it
/// goes and a lower-case word needs no second look.
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        t[i] = if c.is_ascii_uppercase() {
            UPPER_BIT
        } else if c.is_ascii_lowercase() {
            LOWER_BIT
        } else if c.is_ascii_digit() {
            DIGIT_BIT
        } else {
            0
        };
        i += 1;
    }
    t
};
const DIGIT_BIT: u8 = 1;
const UPPER_BIT: u8 = 2;
const LOWER_BIT: u8 = 4;

#[inline]
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

#[inline]
fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

#[inline]
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    // ASCII fast path (most of the text): an ASCII byte is always a char
    // boundary, so this agrees with the general case.
    match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(b as char),
        Some(_) => s.get(i..).and_then(|t| t.chars().next()),
        None => None,
    }
}

/// Tokenise one sentence slice.
pub(crate) fn tokenize(s: &str, out: &mut Vec<Raw>) {
    let b = s.as_bytes();
    let mut i = 0;
    while i < s.len() {
        // ASCII fast paths (most bytes): the same tests as `is_whitespace`
        // and `is_alphanumeric` below, by byte.
        let byte = b[i];
        if matches!(byte, b' ' | b'\t'..=b'\r') {
            i += 1;
            continue;
        }
        let class = CLASS[usize::from(byte)];
        if class != 0 {
            // Most words: a run of ASCII letters and digits ended by a byte
            // that can neither join it (`-` `'` and, in numbers, `.` `,` `:`
            // `/`), nor make it an abbreviation (`.`), nor continue it (a
            // non-ASCII letter). `word` would find the same token; its
            // dotted-abbreviation and joining tests cost more than the scan.
            let mut e = i + 1;
            let mut seen = class;
            while let Some(&c) = b.get(e) {
                let c = CLASS[usize::from(c)];
                if c == 0 {
                    break;
                }
                seen |= c;
                e += 1;
            }
            // Without a capital, the token's norm is its text.
            let plain = match seen & (UPPER_BIT | LOWER_BIT) {
                0 => PLAIN_DIGITS,
                LOWER_BIT => PLAIN_LOWER,
                _ => 0,
            };
            match b.get(e) {
                Some(b'.' | b'-' | b'\'' | b',' | b':' | b'/') => i = word(s, i, out),
                Some(c) if !c.is_ascii() => i = word(s, i, out),
                _ if byte.is_ascii_digit() => {
                    out.push(Raw { start: i, end: e, kind: Kind::Number, plain });
                    i = e;
                }
                // No apostrophe: only `cannot` splits.
                _ if e - i == 6 && b[i..e].eq_ignore_ascii_case(b"cannot") => {
                    split_clitics(&s[i..e], i, false, out);
                    i = e;
                }
                _ => {
                    out.push(Raw { start: i, end: e, kind: Kind::Word, plain });
                    i = e;
                }
            }
            continue;
        }
        let Some(c) = char_at(s, i) else { break };
        let cl = c.len_utf8();
        if c.is_whitespace() {
            i += cl;
            continue;
        }
        if c.is_alphanumeric() {
            i = word(s, i, out);
            continue;
        }
        if is_apostrophe(c) {
            // Clitic written apart ("Reuters 's"), or a plural possessive.
            let after = i + cl;
            let ends = |k: usize| char_at(s, k).is_none_or(|c| !is_word_char(c));
            if matches!(b.get(after), Some(b's' | b'S')) && ends(after + 1) {
                out.push(Raw { start: i, end: after + 1, kind: Kind::ApostropheS, plain: 0 });
                i = after + 1;
                continue;
            }
            let prev_s =
                out.last().is_some_and(|r| r.end == i && matches!(b[r.end - 1], b's' | b'S') && r.kind == Kind::Word);
            if prev_s && ends(after) {
                out.push(Raw { start: i, end: after, kind: Kind::PossApostrophe, plain: 0 });
                i = after;
                continue;
            }
        }
        // Punctuation / symbols: "..." and "--" runs are single tokens.
        let mut e = i + cl;
        if c == '.' || c == '-' {
            while e < s.len() && b[e] == c as u8 {
                e += 1;
            }
        }
        let ascii_punct = c.is_ascii_punctuation()
            && !matches!(c, '$' | '%' | '&' | '+' | '<' | '=' | '>' | '^' | '|' | '~' | '#' | '@' | '*' | '`');
        let unicode_punct =
            matches!(c as u32, 0x2010..=0x2027 | 0x00AB | 0x00BB | 0x00A1 | 0x00BF | 0x3001 | 0x3002 | 0x060C | 0x061F);
        let kind = if ascii_punct || unicode_punct { Kind::Punct } else { Kind::Symbol };
        out.push(Raw { start: i, end: e, kind, plain: 0 });
        i = e;
    }
}

/// Scan a word starting at `i`; push one or more raws; return the end.
#[inline(never)]
fn word(s: &str, i: usize, out: &mut Vec<Raw>) -> usize {
    let b = s.as_bytes();
    // Dotted abbreviation: ([A-Za-z]{1,2}\.){2,}  -> "U.S.", "a.m.", "Ph.D."
    if let Some(e) = dotted(b, i) {
        out.push(Raw { start: i, end: e, kind: Kind::Abbrev, plain: 0 });
        return e;
    }
    let numeric_start = b[i].is_ascii_digit();
    let mut e = i;
    // Whether an apostrophe joined the word (the only way one gets in).
    let mut apostrophe = false;
    loop {
        // A run of word characters, the ASCII ones a byte at a time.
        loop {
            while e < b.len() && ALNUM[usize::from(b[e])] {
                e += 1;
            }
            match char_at(s, e) {
                Some(c) if !c.is_ascii() && is_word_char(c) => e += c.len_utf8(),
                _ => break,
            }
        }
        let Some(c) = char_at(s, e) else { break };
        // Looked at only after a joining character (rarely).
        let next = || char_at(s, e + c.len_utf8());
        let joins = if is_hyphen(c) {
            next().is_some_and(char::is_alphanumeric)
        } else if is_apostrophe(c) {
            let joins = next().is_some_and(char::is_alphabetic);
            apostrophe |= joins;
            joins
        } else if matches!(c, '.' | ',' | ':' | '/') {
            // Inside numbers only: "1,200", "3.5", "10:30", "2/27".
            b[e - 1].is_ascii_digit() && next().is_some_and(|n| n.is_ascii_digit())
        } else {
            false
        };
        if !joins {
            break;
        }
        e += c.len_utf8();
    }
    let w = &s[i..e];
    // Listed abbreviation or initial followed by its period: "Gen.", "F.".
    if b.get(e) == Some(&b'.') && !char_at(s, e + 1).is_some_and(is_word_char) {
        let mut buf = [0u8; 8];
        let lower = lower_ascii(w, &mut buf);
        let after_digit = s[e + 1..].trim_start().as_bytes().first().is_some_and(u8::is_ascii_digit);
        let listed = lower.is_some_and(|l| {
            if l == "no" || l == "nos" {
                after_digit
            } else {
                TITLE_SET.contains(l) || MONTH_SET.contains(l) || OTHER_ABBREV_SET.contains(l)
            }
        });
        let initial = w.len() == 1 && b[i].is_ascii_uppercase() && e + 1 < s.len();
        if listed || initial {
            out.push(Raw { start: i, end: e + 1, kind: Kind::Abbrev, plain: 0 });
            return e + 1;
        }
    }
    if numeric_start {
        out.push(Raw { start: i, end: e, kind: Kind::Number, plain: 0 });
        return e;
    }
    split_clitics(w, i, apostrophe, out);
    e
}

fn dotted(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i;
    let mut groups = 0;
    loop {
        let mut k = j;
        while k < b.len() && k - j < 3 && b[k].is_ascii_alphabetic() {
            k += 1;
        }
        let letters = k - j;
        if !(1..=2).contains(&letters) || b.get(k) != Some(&b'.') {
            break;
        }
        j = k + 1;
        groups += 1;
    }
    let ok = groups >= 2 && !b.get(j).is_some_and(|c| c.is_ascii_alphanumeric());
    ok.then_some(j)
}

fn lower_ascii<'b>(w: &str, buf: &'b mut [u8; 8]) -> Option<&'b str> {
    if w.len() > buf.len() || !w.is_ascii() {
        return None;
    }
    for (o, c) in buf.iter_mut().zip(w.bytes()) {
        *o = c.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..w.len()]).ok()
}

/// Push `w` (at offset `i`), splitting "n't", "'s", "'re"... and "cannot".
fn split_clitics(w: &str, i: usize, apostrophe: bool, out: &mut Vec<Raw>) {
    let b = w.as_bytes();
    let end = i + w.len();
    if b.len() == 6 && w.eq_ignore_ascii_case("cannot") {
        out.push(Raw { start: i, end: i + 3, kind: Kind::Word, plain: 0 });
        out.push(Raw { start: i + 3, end, kind: Kind::Neg, plain: 0 });
        return;
    }
    // Most words have no apostrophe, and `word` knows it: no scan then.
    let apos = if apostrophe { w.char_indices().rev().find(|&(_, c)| is_apostrophe(c)) } else { None };
    if let Some((a, c)) = apos {
        let tail = &w[a + c.len_utf8()..];
        let t = |x: &str| tail.eq_ignore_ascii_case(x);
        // "didn't": the clitic starts at the "n" before the apostrophe.
        if t("t") && a >= 2 && matches!(b[a - 1], b'n' | b'N') {
            out.push(Raw { start: i, end: i + a - 1, kind: Kind::Word, plain: 0 });
            out.push(Raw { start: i + a - 1, end, kind: Kind::Neg, plain: 0 });
            return;
        }
        if a > 0 {
            let kind = if t("s") {
                Some(Kind::ApostropheS)
            } else if t("re") || t("ve") || t("ll") || t("d") || t("m") {
                Some(Kind::Clitic)
            } else {
                None
            };
            if let Some(kind) = kind {
                out.push(Raw { start: i, end: i + a, kind: Kind::Word, plain: 0 });
                out.push(Raw { start: i + a, end, kind, plain: 0 });
                return;
            }
        }
    }
    out.push(Raw { start: i, end, kind: Kind::Word, plain: 0 });
}

/// Normalise a token's text into `out`: lower case, typographic quotes,
/// apostrophes and dashes folded to ASCII.
pub(crate) fn normalize(src: &str, out: &mut String) {
    out.clear();
    if src.is_ascii() {
        out.push_str(src);
        out.make_ascii_lowercase();
        return;
    }
    out.reserve(src.len());
    for c in src.chars() {
        match c {
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            c if c.is_ascii() => out.push(c),
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => out.push('\''),
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' | '\u{2033}' => out.push('"'),
            '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
            '\u{00A0}' => out.push(' '),
            c => out.extend(c.to_lowercase()),
        }
    }
}
