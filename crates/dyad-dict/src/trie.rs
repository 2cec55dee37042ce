//! A token-level trie for phrase dictionaries (actors, agents, places).

use std::collections::HashMap;

/// Maps sequences of token keys to entry ids; finds the longest match at a position.
#[derive(Debug, Default)]
pub struct PhraseTrie {
    nodes: Vec<Node>,
}

#[derive(Debug, Default)]
struct Node {
    children: HashMap<Box<str>, u32>,
    entries: Vec<u32>,
}

impl PhraseTrie {
    pub(crate) fn new() -> PhraseTrie {
        PhraseTrie { nodes: vec![Node::default()] }
    }

    pub(crate) fn insert(&mut self, keys: &[String], entry: u32) {
        let mut node = 0usize;
        for key in keys {
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

    /// Every match starting at token `start`, as `(end, entries)`, longest last.
    ///
    /// `keys(i)` gives the keys token `i` may match under (norm, lemmas).
    pub fn matches_at<'k, F>(&self, start: usize, len: usize, keys: F) -> Vec<(usize, &[u32])>
    where
        F: Fn(usize) -> [&'k str; 3],
    {
        let mut out = Vec::new();
        let mut frontier = vec![0usize];
        let mut i = start;
        while i < len && !frontier.is_empty() {
            let token_keys = keys(i);
            let mut next = Vec::new();
            for &node in &frontier {
                for (k, key) in token_keys.iter().enumerate() {
                    if key.is_empty() || token_keys[..k].contains(key) {
                        continue;
                    }
                    if let Some(&child) = self.nodes[node].children.get(*key) {
                        if !next.contains(&(child as usize)) {
                            next.push(child as usize);
                        }
                    }
                }
            }
            i += 1;
            for &node in &next {
                if !self.nodes[node].entries.is_empty() {
                    out.push((i, self.nodes[node].entries.as_slice()));
                }
            }
            frontier = next;
        }
        out
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
