//! Sentence segmentation for news prose.
//!
//! One left-to-right pass over the bytes; every look-back or look-ahead is
//! bounded (a few dozen bytes) or consumes bytes the main loop then skips, so
//! the whole pass is linear in the input.

use dyad_core::Span;

/// Longest sentence [`sentences`] returns, in bytes. Longer runs without a
/// boundary (tables, run-on wire text, binary junk) are cut at the last
/// whitespace before the cap (or, with no whitespace in the second half of
/// the window, at the char boundary nearest below the cap). This bounds the
/// cost of everything downstream that is super-linear in sentence length.
pub const MAX_SENTENCE_BYTES: usize = 2_000;

/// Abbreviations after which a period never ends a sentence: they precede a
/// name or a number ("Gen. Smith", "Mt. Kenya").
pub(crate) const TITLES: &[&str] = &[
    "adm", "amb", "brig", "capt", "cdr", "cmdr", "col", "cpl", "det", "dr", "fr", "ft", "gen", "gov", "hon", "insp",
    "lt", "maj", "messrs", "mme", "mr", "mrs", "ms", "mt", "pres", "prof", "pvt", "rep", "rev", "sen", "sgt", "sr",
    "st", "supt", "vs",
];

/// Months (not "may"): no boundary before a number ("Jan. 5").
pub(crate) const MONTHS: &[&str] =
    &["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"];

/// Abbreviations that can also end a sentence ("... of Acme Inc. The firm").
pub(crate) const OTHER_ABBREVS: &[&str] = &[
    "al", "approx", "assn", "bros", "co", "corp", "dept", "est", "etc", "govt", "inc", "jr", "llc", "ltd", "no", "nos",
    "plc", "pp", "univ", "vol",
];

/// A list of short words (at most 8 bytes, none with a NUL byte) as
/// integers: `[&str]::contains` calls `memcmp` for every entry of the probe's
/// length, and the look-up runs at every period of the text.
pub(crate) struct ShortWords<const N: usize>([u64; N]);

impl<const N: usize> ShortWords<N> {
    /// Panics (at compile time, in a `const`) on a word longer than 8 bytes.
    const fn new(words: &[&str]) -> ShortWords<N> {
        let mut keys = [0u64; N];
        let mut i = 0;
        while i < N {
            let b = words[i].as_bytes();
            assert!(b.len() <= 8);
            let mut k = 0;
            while k < b.len() {
                keys[i] |= (b[k] as u64) << (8 * k);
                k += 1;
            }
            i += 1;
        }
        ShortWords(keys)
    }

    /// Whether `w` is in the list.
    #[inline]
    pub(crate) fn contains(&self, w: &str) -> bool {
        pack(w).is_some_and(|k| self.0.contains(&k))
    }
}

/// `w` as the integer of [`ShortWords`], `None` when longer than 8 bytes.
#[inline]
fn pack(w: &str) -> Option<u64> {
    if w.len() > 8 {
        return None;
    }
    Some(w.bytes().enumerate().fold(0, |k, (i, c)| k | u64::from(c) << (8 * i)))
}

pub(crate) static TITLE_SET: ShortWords<{ TITLES.len() }> = ShortWords::new(TITLES);
pub(crate) static MONTH_SET: ShortWords<{ MONTHS.len() }> = ShortWords::new(MONTHS);
pub(crate) static OTHER_ABBREV_SET: ShortWords<{ OTHER_ABBREVS.len() }> = ShortWords::new(OTHER_ABBREVS);

/// Capitalised words that typically start a sentence: after an abbreviation
/// a boundary is only assumed when one of these follows ("in the U.S. The
/// company said" splits, "the U.S. Treasury" does not).
const STARTERS: &[&str] = &[
    "a",
    "after",
    "also",
    "an",
    "and",
    "as",
    "at",
    "but",
    "by",
    "during",
    "for",
    "he",
    "her",
    "his",
    "however",
    "i",
    "if",
    "in",
    "it",
    "its",
    "meanwhile",
    "mr",
    "mrs",
    "ms",
    "no",
    "on",
    "one",
    "our",
    "she",
    "since",
    "some",
    "that",
    "the",
    "their",
    "there",
    "these",
    "they",
    "this",
    "those",
    "to",
    "under",
    "we",
    "what",
    "when",
    "while",
    "with",
    "you",
];

/// Split `text` into sentence spans. See the crate docs for the rules.
pub fn sentences(text: &str) -> Vec<Span> {
    let b = text.as_bytes();
    let n = b.len();
    let mut out = Vec::new();
    // Start of the current sentence (None while between sentences).
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < n {
        let c = b[i];
        let Some(s) = start else {
            if !is_space_at(b, i) {
                start = Some(i);
                continue;
            }
            i += char_len(c);
            continue;
        };
        // Cap: cut over-long sentences, preferably at whitespace.
        if i - s >= MAX_SENTENCE_BYTES {
            // The last whitespace in the sentence's second half, looked for
            // only here (rarely): a byte that is not a char's first byte is
            // never a space, so a backward scan finds it.
            let cut = match (s + MAX_SENTENCE_BYTES / 2 + 1..i).rev().find(|&p| is_space_at(b, p)) {
                Some(w) => w,
                None => floor_char_boundary(text, s + MAX_SENTENCE_BYTES),
            };
            push(&mut out, text, s, cut);
            start = None;
            i = cut;
            continue;
        }
        match c {
            b'\n' => {
                if let Some(next) = paragraph_break(b, i) {
                    push(&mut out, text, s, i);
                    start = None;
                    i = next;
                    continue;
                }
            }
            b'.' | b'!' | b'?' => {
                if let Some(end) = terminator(text, s, i) {
                    push(&mut out, text, s, end);
                    start = None;
                    i = end;
                    continue;
                }
            }
            0xE2 if b.get(i + 1..i + 3) == Some(&[0x80, 0xA6]) => {
                // "…" ellipsis
                if let Some(end) = terminator(text, s, i) {
                    push(&mut out, text, s, end);
                    start = None;
                    i = end;
                    continue;
                }
            }
            _ => {
                // Nothing else ends or cuts a sentence: skip to the next
                // byte that may (up to the cap).
                i = skip_to_break(b, i + 1, n.min(s + MAX_SENTENCE_BYTES));
                continue;
            }
        }
        i += char_len(c);
    }
    if let Some(s) = start {
        push(&mut out, text, s, n);
    }
    out
}

/// The first position from `i` (below `stop`) of a byte that may end a
/// sentence: `.` `!` `?`, a newline, or 0xE2 (the lead byte of `…`);
/// `stop` when there is none. Eight bytes at a time: this runs over nearly
/// every byte of the text.
#[inline]
fn skip_to_break(b: &[u8], mut i: usize, stop: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // A high bit in every byte of `x` equal to `t` (and perhaps above one:
    // the lowest is exact, and only the lowest is used).
    let eq = |x: u64, t: u8| {
        let y = x ^ (ONES * u64::from(t));
        y.wrapping_sub(ONES) & !y & HIGH
    };
    while i + 8 <= stop {
        let mut w = [0u8; 8];
        w.copy_from_slice(&b[i..i + 8]);
        let x = u64::from_le_bytes(w);
        let hit = eq(x, b'.') | eq(x, b'!') | eq(x, b'?') | eq(x, b'\n') | eq(x, 0xE2);
        if hit != 0 {
            return i + (hit.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < stop && !matches!(b[i], b'.' | b'!' | b'?' | b'\n' | 0xE2) {
        i += 1;
    }
    i
}

/// Push `text[a..b]` trimmed of whitespace, unless empty.
fn push(out: &mut Vec<Span>, text: &str, a: usize, b: usize) {
    let Some(s) = text.get(a..b) else { return };
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    if !t.is_empty() {
        out.push(Span::new(a + lead, a + lead + t.len()));
    }
}

#[inline]
fn char_len(lead: u8) -> usize {
    match lead {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xFF => 4,
        _ => 1, // continuation byte: only reached mid-char, never in practice
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// ASCII whitespace, NBSP, and the common Unicode spaces.
#[inline]
fn is_space_at(b: &[u8], i: usize) -> bool {
    match b[i] {
        b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => true,
        0xC2 => b.get(i + 1) == Some(&0xA0),
        0xE2 => matches!(b.get(i + 1..i + 3), Some([0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF])),
        0xE3 => b.get(i + 1..i + 3) == Some(&[0x80, 0x80]),
        _ => false,
    }
}

/// At a newline at `i`: if it ends a paragraph (blank line, indented next
/// line, or a bullet / numbered list item next), return where to resume.
/// A single newline inside a paragraph is just a space (hard-wrapped wire).
fn paragraph_break(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    while j < b.len() && matches!(b[j], b' ' | b'\t' | b'\r') {
        j += 1;
    }
    if j >= b.len() {
        return Some(j);
    }
    let indented = b[i + 1..j].iter().any(|&c| c == b' ' || c == b'\t');
    if b[j] == b'\n' || indented || is_bullet(b, j) {
        return Some(j);
    }
    None
}

/// A list item starts at `j`: "- ", "* ", "• ", "· ", "– ", "1. ", "12) ".
fn is_bullet(b: &[u8], j: usize) -> bool {
    let rest = &b[j..];
    let sp = |k: usize| rest.get(k).is_some_and(|&c| c == b' ' || c == b'\t');
    match rest {
        [b'-' | b'*' | b'+', ..] => sp(1),
        [0xE2, 0x80, 0xA2 | 0x93 | 0x94, ..] => sp(3),
        [0xC2, 0xB7, ..] => sp(2),
        [d, ..] if d.is_ascii_digit() => {
            let k = if rest.get(1).is_some_and(u8::is_ascii_digit) { 2 } else { 1 };
            matches!(rest.get(k), Some(b'.' | b')')) && sp(k + 1)
        }
        _ => false,
    }
}

/// Closing quotes and brackets that stay with the sentence they end.
fn closer_len(b: &[u8], i: usize) -> usize {
    let Some(&c) = b.get(i) else { return 0 };
    match c {
        b'"' | b'\'' | b')' | b']' | b'}' => 1,
        0xE2 if matches!(b.get(i + 1..i + 3), Some([0x80, 0x99 | 0x9D | 0xBA])) => 3,
        0xC2 if b.get(i + 1) == Some(&0xBB) => 2,
        _ => 0,
    }
}

/// Opening quotes and brackets skipped when looking at the next word.
fn opener_len(b: &[u8], i: usize) -> usize {
    let Some(&c) = b.get(i) else { return 0 };
    match c {
        b'"' | b'\'' | b'(' | b'[' | b'{' => 1,
        0xE2 if matches!(b.get(i + 1..i + 3), Some([0x80, 0x98 | 0x9C | 0xB9])) => 3,
        0xC2 if b.get(i + 1) == Some(&0xAB) => 2,
        _ => 0,
    }
}

fn terminator_len(b: &[u8], i: usize) -> usize {
    let Some(&c) = b.get(i) else { return 0 };
    match c {
        b'.' | b'!' | b'?' => 1,
        0xE2 if b.get(i + 1..i + 3) == Some(&[0x80, 0xA6]) => 3,
        _ => 0,
    }
}

/// At terminal punctuation at `i` (sentence started at `s`): return the end
/// of the sentence (after any closing quotes) if this is a boundary.
fn terminator(text: &str, s: usize, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    // Absorb a run of terminators ("?!", "...") then closers ('."', '.)').
    let mut k = i;
    let mut count = 0;
    while k < b.len() {
        let l = terminator_len(b, k);
        if l == 0 {
            break;
        }
        k += l;
        count += 1;
    }
    let single_period = count == 1 && b[i] == b'.';
    loop {
        if k >= b.len() {
            return Some(k);
        }
        let l = closer_len(b, k);
        if l == 0 {
            break;
        }
        k += l;
    }
    if !is_space_at(b, k) {
        return None; // "3.5", "U.S.-led", "e.g.,", "Yahoo!'s"
    }
    // The next word (bounded look-ahead; the main loop re-scans at most the
    // whitespace run, once).
    let mut m = k;
    while m < b.len() && is_space_at(b, m) {
        m += char_len(b[m]);
    }
    if m >= b.len() {
        return Some(k);
    }
    let mut w = m;
    for _ in 0..3 {
        let l = opener_len(b, w);
        if l == 0 {
            break;
        }
        w += l;
    }
    let next = text.get(w..).and_then(|t| t.chars().next());
    if next.is_some_and(char::is_lowercase) {
        return None;
    }
    if !single_period {
        return Some(k);
    }
    // A single period: look at the word before it (bounded look-back).
    let lo = i.saturating_sub(24).max(s);
    let mut a = i;
    // Stop only after ASCII bytes, so `a` stays on a char boundary.
    while a > lo && !is_space_at(b, a - 1) && !b"\"'([{".contains(&b[a - 1]) {
        a -= 1;
    }
    if a == lo && a > s && !is_space_at(b, a - 1) {
        return Some(k); // long word: not an abbreviation
    }
    let Some(prev) = text.get(a..i) else {
        return Some(k);
    };
    // "1. First phase": a list number at the start of a line/sentence.
    if a == s && prev.len() <= 2 && prev.bytes().all(|c| c.is_ascii_digit()) && !prev.is_empty() {
        return None;
    }
    let next_is_digit = next.is_some_and(|c| c.is_ascii_digit());
    let mut buf = [0u8; 24];
    let lower = ascii_lower(prev, &mut buf);
    let Some(lower) = lower else {
        return Some(k);
    };
    if TITLE_SET.contains(lower) {
        return None;
    }
    if MONTH_SET.contains(lower) && next_is_digit {
        return None;
    }
    if (lower == "no" || lower == "nos") && !next_is_digit {
        // "no." is only "number" before a digit; otherwise a real word.
        return Some(k);
    }
    let abbrev = MONTH_SET.contains(lower) || OTHER_ABBREV_SET.contains(lower) || is_dotted(prev) || is_initial(prev);
    if abbrev {
        if next_is_digit {
            return None;
        }
        return next_word_is_starter(b, w).then_some(k);
    }
    Some(k)
}

/// ASCII-lower-case `s` into `buf`; None if not short ASCII letters/periods.
fn ascii_lower<'b>(s: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    if s.is_empty() || s.len() > buf.len() {
        return None;
    }
    for (o, c) in buf.iter_mut().zip(s.bytes()) {
        if !(c.is_ascii_alphabetic() || c == b'.') {
            return None;
        }
        *o = c.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..s.len()]).ok()
}

/// "U.S", "a.m", "e.g", "Ph.D": letters separated by periods, each run <= 2.
fn is_dotted(w: &str) -> bool {
    w.contains('.') && w.split('.').all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_alphabetic()))
}

/// A single capital letter: an initial ("John F. Kennedy").
fn is_initial(w: &str) -> bool {
    w.len() == 1 && w.as_bytes()[0].is_ascii_uppercase()
}

fn next_word_is_starter(b: &[u8], w: usize) -> bool {
    let mut e = w;
    while e < b.len() && e - w < 12 && b[e].is_ascii_alphabetic() {
        e += 1;
    }
    let mut buf = [0u8; 24];
    let Ok(word) = std::str::from_utf8(&b[w..e]) else {
        return false;
    };
    ascii_lower(word, &mut buf).is_some_and(|l| STARTERS.contains(&l))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The integer sets hold what the lists hold: every word, and no
    /// prefix, extension, case variant or longer word of one.
    #[test]
    fn short_word_sets_are_their_lists() {
        type Set = fn(&str) -> bool;
        let sets: [(&[&str], Set); 3] = [
            (TITLES, |w| TITLE_SET.contains(w)),
            (MONTHS, |w| MONTH_SET.contains(w)),
            (OTHER_ABBREVS, |w| OTHER_ABBREV_SET.contains(w)),
        ];
        let mut probes = vec![String::new(), "a".into(), "meanwhile".into(), "messrsxyz".into()];
        for (list, _) in &sets {
            for w in list.iter() {
                probes.extend([w.to_string(), format!("{w}s"), w[..w.len() - 1].to_string(), w.to_uppercase()]);
            }
        }
        for (list, set) in &sets {
            for p in &probes {
                assert_eq!(set(p), list.contains(&p.as_str()), "{p:?}");
            }
            assert!(list.iter().all(|w| set(w)));
        }
    }

    /// An over-long sentence is cut at its last whitespace in the second
    /// half of the window, a Unicode space included, even right before a
    /// multi-byte char that crosses the cap; with none there, at the cap.
    #[test]
    fn the_cap_cuts_at_the_last_space() {
        let half = MAX_SENTENCE_BYTES / 2;
        for space in [" ", "\u{2002}", "\u{a0}", "\n"] {
            for at in [half + 1, MAX_SENTENCE_BYTES - 4, MAX_SENTENCE_BYTES - 1] {
                let text = format!("{}{space}{}", "x".repeat(at), "é".repeat(MAX_SENTENCE_BYTES));
                let spans = sentences(&text);
                assert_eq!(spans[0], Span::new(0, at), "{space:?} at {at}");
            }
        }
        let text = format!("{} {}", "x".repeat(half - 10), "é".repeat(MAX_SENTENCE_BYTES));
        let cap = (0..=MAX_SENTENCE_BYTES).rev().find(|&k| text.is_char_boundary(k));
        assert_eq!(Some(sentences(&text)[0].end), cap);
    }
}
