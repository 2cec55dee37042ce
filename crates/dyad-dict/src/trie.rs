//! A token-level trie for phrase dictionaries (actors, agents, places).
//!
//! Lookups run at every token of every sentence, three tries deep, so they
//! are kept cheap: a fast non-cryptographic hash on the (short, trusted
//! dictionary) keys, and no allocation at a position where no phrase starts,
//! which is nearly every position.

// The keys are dictionary words and the probes are tokens, both short and
// trusted: SipHash's DoS resistance buys nothing here and costs a large share
// of a lookup, so the trie uses rustc's Fx hash.
use rustc_hash::FxHashMap as FxMap;

/// Maps sequences of token keys to entry ids; finds the longest match at a position.
#[derive(Debug, Default)]
pub struct PhraseTrie {
    nodes: Vec<Node>,
}

#[derive(Debug, Default)]
struct Node {
    children: FxMap<Box<str>, u32>,
    /// Children reached by a stem (`argentin*`): any key starting with it.
    stems: Vec<(Box<str>, u32)>,
    entries: Vec<u32>,
}

impl PhraseTrie {
    pub(crate) fn new() -> PhraseTrie {
        PhraseTrie { nodes: vec![Node::default()] }
    }

    pub(crate) fn insert(&mut self, keys: &[String], entry: u32) {
        let mut node = 0usize;
        for key in keys {
            if let Some(stem) = crate::pattern::prefix_of(key) {
                let found = self.nodes[node].stems.iter().find(|(s, _)| &**s == stem).map(|&(_, n)| n as usize);
                node = match found {
                    Some(n) => n,
                    None => {
                        let n = self.nodes.len();
                        self.nodes.push(Node::default());
                        self.nodes[node].stems.push((stem.into(), n as u32));
                        n
                    }
                };
                continue;
            }
            let next = match self.nodes[node].children.get(key.as_str()) {
                Some(&n) => n as usize,
                None => {
                    let n = self.nodes.len();
                    self.nodes.push(Node::default());
                    self.nodes[node].children.insert(key.as_str().into(), n as u32);
                    n
                }
            };
            node = next;
        }
        self.nodes[node].entries.push(entry);
    }

    /// Adds the children of `node` reached by the distinct non-empty keys in
    /// `keys` to `next` (without duplicates).
    #[inline]
    fn step(&self, node: usize, keys: &[&str; 3], next: &mut Vec<usize>) {
        let children = &self.nodes[node].children;
        for (stem, child) in &self.nodes[node].stems {
            if keys.iter().any(|k| k.starts_with(&**stem)) && !next.contains(&(*child as usize)) {
                next.push(*child as usize);
            }
        }
        if children.is_empty() {
            return;
        }
        for (k, key) in keys.iter().enumerate() {
            if key.is_empty() || keys[..k].contains(key) {
                continue;
            }
            if let Some(&child) = children.get(*key) {
                if !next.contains(&(child as usize)) {
                    next.push(child as usize);
                }
            }
        }
    }

    /// Every match starting at token `start`, as `(end, entries)`, longest last.
    ///
    /// `keys(i)` gives the keys token `i` may match under (norm, lemmas).
    /// Allocates nothing when no phrase starts at `start`.
    pub fn matches_at<'k, F>(&self, start: usize, len: usize, keys: F) -> Vec<(usize, &[u32])>
    where
        F: Fn(usize) -> [&'k str; 3],
    {
        let mut out = Vec::new();
        if start >= len {
            return out;
        }
        let mut frontier = Vec::new();
        self.step(0, &keys(start), &mut frontier);
        let mut next = Vec::new();
        let mut i = start + 1;
        loop {
            for &node in &frontier {
                if !self.nodes[node].entries.is_empty() {
                    out.push((i, self.nodes[node].entries.as_slice()));
                }
            }
            if frontier.is_empty() || i >= len {
                return out;
            }
            let token_keys = keys(i);
            next.clear();
            for &node in &frontier {
                self.step(node, &token_keys, &mut next);
            }
            std::mem::swap(&mut frontier, &mut next);
            i += 1;
        }
    }

    /// Every key some phrase uses.
    pub(crate) fn keys(&self) -> impl Iterator<Item = &str> {
        self.nodes.iter().flat_map(|n| n.children.keys().map(|k| &**k))
    }

    /// Every stem (prefix key, without its `*`) on some edge.
    pub(crate) fn stems(&self) -> impl Iterator<Item = &str> {
        self.nodes.iter().flat_map(|n| n.stems.iter().map(|(s, _)| &**s))
    }

    /// Number of distinct phrases stored.
    pub fn len(&self) -> usize {
        self.nodes.iter().filter(|n| !n.entries.is_empty()).count()
    }

    /// True when nothing is stored.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trie(phrases: &[&str]) -> PhraseTrie {
        let mut t = PhraseTrie::new();
        for (id, p) in phrases.iter().enumerate() {
            let keys: Vec<String> = p.split(' ').map(String::from).collect();
            t.insert(&keys, id as u32);
        }
        t
    }

    fn at(t: &PhraseTrie, words: &[&str], start: usize) -> Vec<(usize, Vec<u32>)> {
        t.matches_at(start, words.len(), |i| [words[i], "", ""]).into_iter().map(|(e, ids)| (e, ids.to_vec())).collect()
    }

    #[test]
    fn longest_last_and_every_prefix_match() {
        let t = trie(&["united", "united states", "united states army", "states"]);
        let words = ["the", "united", "states", "army", "said"];
        assert_eq!(at(&t, &words, 0), vec![]);
        assert_eq!(at(&t, &words, 1), vec![(2, vec![0]), (3, vec![1]), (4, vec![2])]);
        assert_eq!(at(&t, &words, 2), vec![(3, vec![3])]);
        assert_eq!(at(&t, &words, 5), vec![]);
        assert_eq!(t.len(), 4);
    }

    #[test]
    fn stems_match_by_prefix() {
        let t = trie(&["ruritan*", "grand ruritan* army", "fenw*"]);
        let words = ["grand", "ruritanian", "army", "ruritania", "fen"];
        assert_eq!(at(&t, &words, 1), vec![(2, vec![0])]);
        assert_eq!(at(&t, &words, 0), vec![(3, vec![1])]);
        assert_eq!(at(&t, &words, 3), vec![(4, vec![0])]);
        assert_eq!(at(&t, &words, 4), vec![]);
    }

    #[test]
    fn any_key_of_a_token_matches_once() {
        let t = trie(&["hold talk"]);
        let keys = [["held", "hold", "hold"], ["talks", "talk", "talk"]];
        let m = t.matches_at(0, 2, |i| keys[i]);
        assert_eq!(m, vec![(2, &[0u32][..])]);
    }
}
