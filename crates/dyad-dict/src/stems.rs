//! Stems (prefix keys without their `*`), looked up by the word they start.
//!
//! Every token key of every sentence is asked which stems it starts with
//! (`Dictionaries::key_id` for words no dictionary lists, and the pattern
//! index for anchors). Probing a hash map once per prefix of the word did
//! that with one hash and one probe per character, about a sixth of the
//! coder's instructions with the default dictionaries' few dozen stems. Here
//! the stems are grouped by first byte, shortest first, so a word is compared
//! with the few stems that share its first byte and nothing else.

/// A set of non-empty stems with a value each.
#[derive(Clone, Debug)]
pub(crate) struct StemSet<V> {
    /// Sorted by first byte, then length, then bytes.
    stems: Vec<(Box<str>, V)>,
    /// `stems[at[b]..at[b + 1]]` are the stems whose first byte is `b`
    /// (empty when there are no stems).
    at: Vec<u32>,
}

impl<V> Default for StemSet<V> {
    fn default() -> StemSet<V> {
        StemSet { stems: Vec::new(), at: Vec::new() }
    }
}

impl<V> StemSet<V> {
    /// The set of `stems` (distinct; empty stems are dropped: no word
    /// starts with one as a prefix key means).
    pub(crate) fn new(stems: impl IntoIterator<Item = (Box<str>, V)>) -> StemSet<V> {
        let mut stems: Vec<(Box<str>, V)> = stems.into_iter().filter(|(s, _)| !s.is_empty()).collect();
        if stems.is_empty() {
            return StemSet::default();
        }
        stems.sort_unstable_by(|(a, _), (b, _)| (a.as_bytes()[0], a.len(), a).cmp(&(b.as_bytes()[0], b.len(), b)));
        let mut at = vec![0u32; 257];
        for (s, _) in &stems {
            at[usize::from(s.as_bytes()[0]) + 1] += 1;
        }
        for b in 1..at.len() {
            at[b] += at[b - 1];
        }
        StemSet { stems, at }
    }

    /// True when there are no stems.
    pub(crate) fn is_empty(&self) -> bool {
        self.stems.is_empty()
    }

    /// The stems whose first byte is that of `key`, shortest first.
    fn bucket(&self, key: &str) -> &[(Box<str>, V)] {
        match key.as_bytes().first() {
            Some(&b) if !self.at.is_empty() => {
                &self.stems[self.at[usize::from(b)] as usize..self.at[usize::from(b) + 1] as usize]
            }
            _ => &[],
        }
    }

    /// The stems `key` starts with (byte-wise, hence at a character
    /// boundary), shortest first, with their values: what probing every
    /// non-empty prefix of `key` in a map of the stems finds, in the same order.
    pub(crate) fn prefixes_of<'a>(&'a self, key: &'a str) -> impl Iterator<Item = (&'a str, &'a V)> + 'a {
        self.bucket(key)
            .iter()
            .take_while(move |(s, _)| s.len() <= key.len())
            .filter(move |(s, _)| key.as_bytes().starts_with(s.as_bytes()))
            .map(|(s, v)| (&**s, v))
    }

    /// The longest stem `key` starts with, and its value.
    pub(crate) fn longest_prefix_of(&self, key: &str) -> Option<(&str, &V)> {
        let bucket = self.bucket(key);
        bucket.iter().rev().find(|(s, _)| key.as_bytes().starts_with(s.as_bytes())).map(|(s, v)| (&**s, v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the set replaces: every non-empty prefix of the word, at a
    /// character boundary, probed in a map, shortest first.
    fn probed<'a>(stems: &'a [(&str, u32)], key: &str) -> Vec<(&'a str, u32)> {
        (1..=key.len())
            .filter(|&end| key.is_char_boundary(end))
            .filter_map(|end| stems.iter().find(|(s, _)| *s == &key[..end]).map(|&(s, v)| (s, v)))
            .collect()
    }

    fn check(stems: &[(&str, u32)], key: &str) {
        let set = StemSet::new(stems.iter().map(|&(s, v)| (Box::from(s), v)));
        let got: Vec<(&str, u32)> = set.prefixes_of(key).map(|(s, &v)| (s, v)).collect();
        assert_eq!(got, probed(stems, key), "key {key:?}");
        assert_eq!(set.longest_prefix_of(key).map(|(s, &v)| (s, v)), probed(stems, key).last().copied(), "key {key:?}");
    }

    #[test]
    fn prefixes_are_the_stems_a_word_starts_with_shortest_first() {
        let stems =
            [("argentin", 1), ("arg", 2), ("a", 3), ("peace_keep", 4), ("über", 5), ("ü", 6), ("", 7), ("b", 8)];
        for key in [
            "argentina",
            "argentin",
            "argentin*",
            "arg",
            "ar",
            "a",
            "",
            "peace_keeper",
            "peace",
            "übermensch",
            "üb",
            "u",
            "zebra",
        ] {
            check(&stems, key);
        }
        check(&[], "argentina");
    }
}
