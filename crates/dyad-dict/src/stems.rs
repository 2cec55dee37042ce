//! Stems (prefix keys without their `*`), looked up by the word they start.
//!
//! Every token key of every sentence may be asked which stems it starts with
//! (`Dictionaries::key_id` for words no dictionary lists, the pattern index
//! when the dictionaries are built, the phrase tries at their root). Probing
//! a hash map once per prefix of the word costs one hash and one probe per
//! character; comparing the word with every stem that shares its first byte
//! costs hundreds of compares per word with TABARI's thousands of stems.
//! Here the stems form a byte trie: a word is walked down it once, one edge
//! per byte, and the walk stops at the first byte no stem continues with
//! (for most words, at the first or second byte).

/// No value / no node.
const NONE: u32 = u32::MAX;

/// A set of non-empty stems with a value each.
#[derive(Clone, Debug)]
pub(crate) struct StemSet<V> {
    /// The stems and their values.
    stems: Vec<(Box<str>, V)>,
    /// Trie nodes; node 0 is the root.
    nodes: Vec<Node>,
    /// The edges of node `n`, sorted by byte: `edges[n.from..n.to]`, as
    /// (byte, child).
    edges: Vec<(u8, u32)>,
    /// The root's child by byte ([`NONE`]: none), or empty when there are
    /// no stems.
    root: Vec<u32>,
}

#[derive(Clone, Copy, Debug)]
struct Node {
    from: u32,
    to: u32,
    /// Index in `stems` of the stem ending here, or [`NONE`].
    stem: u32,
}

impl<V> Default for StemSet<V> {
    fn default() -> StemSet<V> {
        StemSet { stems: Vec::new(), nodes: Vec::new(), edges: Vec::new(), root: Vec::new() }
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
        stems.sort_unstable_by(|(a, _), (b, _)| a.cmp(b));
        // Build with sorted child lists, then lay the edges out flat.
        let mut children: Vec<Vec<(u8, u32)>> = vec![Vec::new()];
        let mut ends: Vec<u32> = vec![NONE];
        for (n, (stem, _)) in stems.iter().enumerate() {
            let mut node = 0usize;
            for &b in stem.as_bytes() {
                node = match children[node].binary_search_by_key(&b, |&(c, _)| c) {
                    Ok(at) => children[node][at].1 as usize,
                    Err(at) => {
                        let child = children.len();
                        children.push(Vec::new());
                        ends.push(NONE);
                        children[node].insert(at, (b, child as u32));
                        child
                    }
                };
            }
            if ends[node] == NONE {
                ends[node] = n as u32;
            }
        }
        let mut nodes = Vec::with_capacity(children.len());
        let mut edges = Vec::new();
        for (list, &stem) in children.iter().zip(&ends) {
            let from = edges.len() as u32;
            edges.extend_from_slice(list);
            nodes.push(Node { from, to: edges.len() as u32, stem });
        }
        let mut root = vec![NONE; 256];
        for &(b, child) in &children[0] {
            root[usize::from(b)] = child;
        }
        StemSet { stems, nodes, edges, root }
    }

    /// True when there are no stems.
    pub(crate) fn is_empty(&self) -> bool {
        self.stems.is_empty()
    }

    /// The stems `key` starts with (byte-wise, hence at a character
    /// boundary), shortest first, with their values: what probing every
    /// non-empty prefix of `key` in a map of the stems finds, in the same order.
    pub(crate) fn prefixes_of<'a>(&'a self, key: &'a str) -> impl Iterator<Item = (&'a str, &'a V)> + 'a {
        self.ends(key).map(|n| {
            let (s, v) = &self.stems[n as usize];
            (&**s, v)
        })
    }

    /// The longest stem `key` starts with, and its value.
    pub(crate) fn longest_prefix_of(&self, key: &str) -> Option<(&str, &V)> {
        let (s, v) = &self.stems[self.ends(key).last()? as usize];
        Some((&**s, v))
    }

    /// The indices in `stems` of the stems `key` starts with, shortest
    /// first: the walk down the trie along `key`.
    fn ends<'a>(&'a self, key: &'a str) -> impl Iterator<Item = u32> + 'a {
        let mut bytes = key.as_bytes().iter();
        let mut node = match bytes.next() {
            Some(&b) if !self.root.is_empty() => self.root[usize::from(b)],
            _ => NONE,
        };
        std::iter::from_fn(move || {
            while node != NONE {
                let here = self.nodes[node as usize];
                node = match bytes.next() {
                    Some(&b) => {
                        let edges = &self.edges[here.from as usize..here.to as usize];
                        edges.iter().find(|&&(c, _)| c == b).map_or(NONE, |&(_, child)| child)
                    }
                    None => NONE,
                };
                if here.stem != NONE {
                    return Some(here.stem);
                }
            }
            None
        })
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
        // Stems that continue one another, and a word that leaves the trie
        // between two of them.
        let chain = [("ab", 1), ("abcd", 2), ("abc", 3), ("abd", 4), ("b", 5), ("bcd", 6)];
        for key in ["abcde", "abc", "abd", "abx", "ab", "a", "bc", "bcdx", "bx"] {
            check(&chain, key);
        }
    }
}
