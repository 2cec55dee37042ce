//! A token-level trie for phrase dictionaries (actors, agents, places).
//!
//! Lookups run at every token of every sentence, three tries deep, so they
//! are kept cheap: edges are followed by integer key ids (the
//! dictionaries' vocabulary ids, see [`crate::Dictionaries::key_id`]), the
//! root by a plain array index, and nothing is allocated at a position
//! where no phrase starts, which is nearly every position. Callers that
//! only have strings ([`TokenKeys`] for `[&str; 3]`) pay one hash probe per
//! key to find its id.

use std::ops::Deref;

// The keys are dictionary words and the probes are tokens, both short and
// trusted: SipHash's DoS resistance buys nothing here and costs a large share
// of a lookup, so the trie uses rustc's Fx hash.
use rustc_hash::FxHashMap as FxMap;

use crate::stems::StemSet;

/// The id of a key that no dictionary uses (and of `""`).
pub const NO_KEY: u32 = u32::MAX;

/// A token's keys as a trie lookup takes them: its normalised form, its
/// lemma in context and its context-free lemma (`""` for none), with their
/// vocabulary ids when the caller has them.
pub trait TokenKeys {
    /// The three keys as strings.
    fn strs(&self) -> [&str; 3];
    /// Their vocabulary ids ([`NO_KEY`] for `""` or a key no dictionary
    /// uses), or `None` when the caller has only strings.
    fn ids(&self) -> Option<[u32; 3]>;
    /// Which of the dictionaries' tries a phrase may start in with these
    /// keys, as [`crate::Dictionaries::key_row`] notes it; 0 when not
    /// noted (each trie then looks).
    fn starts(&self) -> u8 {
        0
    }
}

// A caller that keeps its rows lends them: a row is 64 bytes, and the
// tries read it several times per token.
impl<T: TokenKeys + ?Sized> TokenKeys for &T {
    #[inline]
    fn strs(&self) -> [&str; 3] {
        (**self).strs()
    }
    #[inline]
    fn ids(&self) -> Option<[u32; 3]> {
        (**self).ids()
    }
    #[inline]
    fn starts(&self) -> u8 {
        (**self).starts()
    }
}

/// [`TokenKeys::starts`] bit: the row says which tries a phrase may start
/// in (the other bits, by [`PhraseTrie`] slot, are then exact).
pub(crate) const ROW_KNOWN: u8 = 0x80;

impl TokenKeys for [&str; 3] {
    fn strs(&self) -> [&str; 3] {
        *self
    }
    fn ids(&self) -> Option<[u32; 3]> {
        None
    }
}

/// A token's three keys with their vocabulary ids, as
/// [`crate::Dictionaries::key_id`] gives them: the tries compare the ids
/// instead of hashing the strings. Derefs to the strings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyRow<'a> {
    keys: [&'a str; 3],
    ids: [u32; 3],
    /// See [`TokenKeys::starts`].
    starts: u8,
}

impl<'a> KeyRow<'a> {
    /// A row of keys and the ids [`crate::Dictionaries::key_id`] gave them
    /// (an id from anywhere else makes lookups wrong).
    pub fn new(keys: [&'a str; 3], ids: [u32; 3]) -> KeyRow<'a> {
        KeyRow { keys, ids, starts: 0 }
    }

    /// [`KeyRow::new`] with its [`TokenKeys::starts`] bits.
    pub(crate) fn with_starts(keys: [&'a str; 3], ids: [u32; 3], starts: u8) -> KeyRow<'a> {
        KeyRow { keys, ids, starts }
    }

    /// The row of a token with no keys.
    pub const EMPTY: KeyRow<'static> = KeyRow { keys: ["", "", ""], ids: [NO_KEY; 3], starts: 0 };

    /// Whether a key of the row may anchor an event pattern of the
    /// dictionaries that made it ([`crate::Dictionaries::key_row`]): false
    /// only when the row's bits say that none does (a key without a
    /// vocabulary id is taken to; a row without bits may).
    #[inline]
    pub fn may_anchor(&self) -> bool {
        self.starts & ROW_KNOWN == 0 || self.starts & crate::ANCHOR_BIT != 0
    }
}

impl<'a> Deref for KeyRow<'a> {
    type Target = [&'a str; 3];
    fn deref(&self) -> &[&'a str; 3] {
        &self.keys
    }
}

impl TokenKeys for KeyRow<'_> {
    fn strs(&self) -> [&str; 3] {
        self.keys
    }
    fn ids(&self) -> Option<[u32; 3]> {
        Some(self.ids)
    }
    fn starts(&self) -> u8 {
        self.starts
    }
}

/// The trie nodes a match may be at: a few at most, so kept inline (a
/// lookup allocates nothing until it finds a phrase), spilling to the heap
/// only past [`INLINE`].
#[derive(Default)]
struct Nodes {
    len: usize,
    inline: [u32; INLINE],
    spill: Vec<u32>,
}

const INLINE: usize = 8;

impl Nodes {
    fn as_slice(&self) -> &[u32] {
        if self.len <= INLINE {
            &self.inline[..self.len]
        } else {
            &self.spill
        }
    }

    fn contains(&self, node: u32) -> bool {
        self.as_slice().contains(&node)
    }

    fn push(&mut self, node: u32) {
        if self.len < INLINE {
            self.inline[self.len] = node;
        } else {
            if self.len == INLINE {
                self.spill.clear();
                self.spill.extend_from_slice(&self.inline);
            }
            self.spill.push(node);
        }
        self.len += 1;
    }

    fn clear(&mut self) {
        self.len = 0;
    }

    /// Sorts the nodes pushed since there were `base`.
    fn sort_from(&mut self, base: usize) {
        if self.len <= INLINE {
            self.inline[base..self.len].sort_unstable();
        } else {
            self.spill[base..].sort_unstable();
        }
    }
}

/// Maps sequences of token keys to entry ids; finds the longest match at a position.
#[derive(Debug, Default)]
pub struct PhraseTrie {
    nodes: Vec<Node>,
    /// Id of every exact key on an edge: its own numbering until
    /// [`PhraseTrie::renumber`] switches to the vocabulary's.
    ids: FxMap<Box<str>, u32>,
    /// Child of the root by key id ([`NO_KEY`]: none): most lookups stop here.
    root: Vec<u32>,
    /// The root's stems with their children, as a [`StemSet`] (built by
    /// [`PhraseTrie::renumber`]): with TABARI's actors, thousands of phrases
    /// start with a stem, and comparing every token with each of them was
    /// most of the lookup.
    root_stems: StemSet<u32>,
    /// By vocabulary id, one bit: whether the key starts with one of the
    /// root's stems (built by [`PhraseTrie::index_root_stems`]; an id past
    /// its end is looked up by string). Most tokens start no phrase, and
    /// this says so for the stems without walking the key's bytes.
    stem_led: Vec<u64>,
    /// This trie's bit in a row's [`TokenKeys::starts`] (0: none).
    slot: u8,
}

#[derive(Debug, Default)]
struct Node {
    children: FxMap<Box<str>, u32>,
    /// The same children by key id, sorted by id: most nodes have one or
    /// two, and a short scan costs less than a hash probe.
    by_id: Vec<(u32, u32)>,
    /// Children reached by a stem (`argentin*`): any key starting with it.
    stems: Vec<(Box<str>, u32)>,
    entries: Vec<u32>,
}

impl Node {
    /// Whether a phrase goes on past this node (the root's children are
    /// in [`PhraseTrie::root`], and it is never asked).
    #[inline]
    fn has_children(&self) -> bool {
        !self.by_id.is_empty() || !self.stems.is_empty()
    }
}

/// The child reached by key id `id` in a node's sorted `by_id`.
#[inline]
fn child_by_id(by_id: &[(u32, u32)], id: u32) -> Option<u32> {
    if by_id.len() <= 4 {
        by_id.iter().find(|&&(k, _)| k == id).map(|&(_, child)| child)
    } else {
        by_id.binary_search_by_key(&id, |&(k, _)| k).ok().map(|at| by_id[at].1)
    }
}

impl PhraseTrie {
    pub(crate) fn new() -> PhraseTrie {
        PhraseTrie {
            nodes: vec![Node::default()],
            ids: FxMap::default(),
            root: Vec::new(),
            root_stems: StemSet::default(),
            stem_led: Vec::new(),
            slot: 0,
        }
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
                    let fresh = self.ids.len() as u32;
                    let id = *self.ids.entry(key.as_str().into()).or_insert(fresh);
                    self.link(node, id, n as u32);
                    n
                }
            };
            node = next;
        }
        self.nodes[node].entries.push(entry);
    }

    fn link(&mut self, node: usize, id: u32, child: u32) {
        if node == 0 {
            if self.root.len() <= id as usize {
                self.root.resize(id as usize + 1, NO_KEY);
            }
            self.root[id as usize] = child;
        } else {
            let by_id = &mut self.nodes[node].by_id;
            match by_id.binary_search_by_key(&id, |&(k, _)| k) {
                Ok(at) => by_id[at].1 = child,
                Err(at) => by_id.insert(at, (id, child)),
            }
        }
    }

    /// Switches the key ids to the vocabulary's (`vocabulary(key)`, defined
    /// for every key of the trie), so that rows of
    /// [`crate::Dictionaries::key_id`] ids can be looked up directly.
    pub(crate) fn renumber(&mut self, vocabulary: impl Fn(&str) -> u32) {
        self.ids = self.ids.keys().map(|k| (k.clone(), vocabulary(k))).collect();
        self.root_stems = StemSet::new(self.nodes[0].stems.iter().map(|(s, child)| (s.clone(), *child)));
        // By the old ids: `index_root_stems` makes them again.
        self.stem_led.clear();
        self.root.clear();
        for node in 0..self.nodes.len() {
            self.nodes[node].by_id.clear();
            let children: Vec<(u32, u32)> =
                self.nodes[node].children.iter().map(|(k, &child)| (self.ids[k], child)).collect();
            for (id, child) in children {
                self.link(node, id, child);
            }
        }
    }

    /// Notes, by vocabulary id, which of the `vocabulary` keys (indexed by
    /// id, after [`PhraseTrie::renumber`]) start with a stem of the root.
    pub(crate) fn index_root_stems(&mut self, vocabulary: &[&str]) {
        self.stem_led = vec![0; vocabulary.len().div_ceil(64)];
        if self.root_stems.is_empty() {
            return;
        }
        for (id, key) in vocabulary.iter().enumerate() {
            if self.root_stems.prefixes_of(key).next().is_some() {
                self.stem_led[id / 64] |= 1 << (id % 64);
            }
        }
    }

    /// The bit of vocabulary id `id` in `bits` (`None` past its end).
    #[inline]
    fn bit(bits: &[u64], id: u32) -> Option<bool> {
        bits.get(id as usize / 64).map(|b| b >> (id % 64) & 1 != 0)
    }

    /// After [`PhraseTrie::index_root_stems`]: whether a phrase may start
    /// with the key with vocabulary id `id` (a child of the root, or led by
    /// a root stem).
    pub(crate) fn starts_with_id(&self, id: u32) -> bool {
        self.root_child(id) || Self::bit(&self.stem_led, id).unwrap_or(false)
    }

    /// Whether the key with vocabulary id `id` is a child of the root.
    #[inline]
    fn root_child(&self, id: u32) -> bool {
        self.root.get(id as usize).is_some_and(|&c| c != NO_KEY)
    }

    /// Makes `bit` this trie's in the [`TokenKeys::starts`] of rows made by
    /// [`crate::Dictionaries::key_row`] (which then say for it whether a
    /// phrase may start at a token).
    pub(crate) fn set_slot(&mut self, bit: u8) {
        self.slot = bit;
    }

    /// Whether key `k` of a token (string `key`, vocabulary id `id` when
    /// known) starts with a stem of the root.
    #[inline]
    fn starts_with_root_stem(&self, key: &str, id: Option<u32>) -> bool {
        match id.and_then(|id| Self::bit(&self.stem_led, id)) {
            Some(led) => led,
            None => self.root_stems.prefixes_of(key).next().is_some(),
        }
    }

    /// The ids of a token's keys, by hashing the strings when the caller
    /// has no ids.
    #[inline]
    fn ids_of<K: TokenKeys>(&self, keys: &K) -> [u32; 3] {
        keys.ids().unwrap_or_else(|| {
            keys.strs().map(|k| if k.is_empty() { NO_KEY } else { self.ids.get(k).copied().unwrap_or(NO_KEY) })
        })
    }

    /// Adds the children of `node` reached by the distinct keys of a token
    /// (`strs` for stems, `ids` for exact keys) to `next` (without duplicates).
    #[inline]
    fn step(&self, node: usize, strs: &[&str; 3], ids: &[u32; 3], known: bool, next: &mut Nodes) {
        let n = &self.nodes[node];
        if node == 0 && !self.root_stems.is_empty() {
            // The same children as the scan below, in the same order: a
            // stem's child was created when the stem was added, so the
            // order of `stems` is that of the child ids.
            let base = next.len;
            for (k, key) in strs.iter().enumerate() {
                // A vocabulary id says whether the walk finds anything.
                let id = Some(ids[k]).filter(|&id| known && id != NO_KEY);
                // Equal ids are equal keys, whose stems were walked.
                if id.is_some_and(|id| ids[..k].contains(&id)) || !self.starts_with_root_stem(key, id) {
                    continue;
                }
                for (_, &child) in self.root_stems.prefixes_of(key) {
                    if !next.contains(child) {
                        next.push(child);
                    }
                }
            }
            if next.len > base + 1 {
                next.sort_from(base);
            }
        } else {
            for (stem, child) in &n.stems {
                if strs.iter().any(|k| k.starts_with(&**stem)) && !next.contains(*child) {
                    next.push(*child);
                }
            }
        }
        for (k, &id) in ids.iter().enumerate() {
            // Equal ids are equal keys: a repeated key has had its turn.
            if id == NO_KEY || ids[..k].contains(&id) {
                continue;
            }
            let child = if node == 0 {
                self.root.get(id as usize).copied().filter(|&c| c != NO_KEY)
            } else {
                child_by_id(&n.by_id, id)
            };
            if let Some(child) = child {
                if !next.contains(child) {
                    next.push(child);
                }
            }
        }
    }

    /// Every match starting at token `start`, as `(end, entries)`, longest last.
    ///
    /// `keys(i)` gives the keys token `i` may match under (norm, lemmas):
    /// strings, or a [`KeyRow`] with their ids, which is faster.
    /// Allocates nothing when no phrase starts at `start`.
    #[inline]
    pub fn matches_at<K, F>(&self, start: usize, len: usize, keys: F) -> Vec<(usize, &[u32])>
    where
        K: TokenKeys,
        F: Fn(usize) -> K,
    {
        let mut out = Vec::new();
        self.matches_into(start, len, keys, &mut out);
        out
    }

    /// [`PhraseTrie::matches_at`] into `out` (cleared first), so that a
    /// caller scanning a sentence reuses one vector.
    #[inline]
    pub fn matches_into<'t, K, F>(&'t self, start: usize, len: usize, keys: F, out: &mut Vec<(usize, &'t [u32])>)
    where
        K: TokenKeys,
        F: Fn(usize) -> K,
    {
        out.clear();
        if start >= len {
            return;
        }
        let first = keys(start);
        // No phrase starts at nearly every position: say so before setting
        // anything up (this test is inlined into the caller's loop; the
        // search is not). A row that says it for this trie is read first.
        let bits = first.starts();
        let known = bits & ROW_KNOWN != 0 && self.slot != 0;
        if known && bits & self.slot == 0 {
            return;
        }
        let first_ids = self.ids_of(&first);
        if !known && !self.may_start_with(&first, &first_ids) {
            return;
        }
        self.matches_from(start, len, first, first_ids, keys, out);
    }

    /// Whether a phrase may start at a token with the keys `first`: false
    /// only when their [`TokenKeys::starts`] bits say that none does (then
    /// [`PhraseTrie::matches_into`] finds nothing there). A caller that
    /// scans a sentence with several tries tests this first.
    #[inline]
    pub fn may_start<K: TokenKeys>(&self, first: &K) -> bool {
        let bits = first.starts();
        bits & ROW_KNOWN == 0 || self.slot == 0 || bits & self.slot != 0
    }

    /// Whether a phrase may start with a token with the keys `first` (and
    /// their ids `ids`): a child of the root by id, or a stem of the root
    /// one of the keys starts with.
    #[inline]
    fn may_start_with<K: TokenKeys>(&self, first: &K, ids: &[u32; 3]) -> bool {
        if ids.iter().any(|&id| self.root_child(id)) {
            return true;
        }
        if self.root_stems.is_empty() {
            // Before `renumber`, the root's stems are scanned in `step`.
            return !self.nodes[0].stems.is_empty();
        }
        let (strs, known) = (first.strs(), first.ids());
        (0..3).any(|k| {
            let id = known.map(|ids| ids[k]).filter(|&id| id != NO_KEY);
            self.starts_with_root_stem(strs[k], id)
        })
    }

    /// The search of [`PhraseTrie::matches_at`] from a token that may
    /// start a phrase (keys `first`, ids `first_ids`).
    #[inline(never)]
    fn matches_from<'t, K, F>(
        &'t self,
        start: usize,
        len: usize,
        first: K,
        first_ids: [u32; 3],
        keys: F,
        out: &mut Vec<(usize, &'t [u32])>,
    ) where
        K: TokenKeys,
        F: Fn(usize) -> K,
    {
        let mut frontier = Nodes::default();
        self.step(0, &first.strs(), &first_ids, first.ids().is_some(), &mut frontier);
        let mut i = start + 1;
        // Most phrases end at a leaf: when no node goes on, the next
        // token's keys are not read (nor `next` set up).
        if !self.found_at(&frontier, i, out) || i >= len {
            return;
        }
        let mut next = Nodes::default();
        // The two buffers trade places by reference, not by value.
        let (mut frontier, mut next) = (&mut frontier, &mut next);
        loop {
            let token_keys = keys(i);
            let (strs, ids) = (token_keys.strs(), self.ids_of(&token_keys));
            let known = token_keys.ids().is_some();
            next.clear();
            for &node in frontier.as_slice() {
                // A leaf adds nothing.
                if self.nodes[node as usize].has_children() {
                    self.step(node as usize, &strs, &ids, known, next);
                }
            }
            std::mem::swap(&mut frontier, &mut next);
            i += 1;
            if !self.found_at(frontier, i, out) || i >= len {
                return;
            }
        }
    }

    /// Pushes the entries of the `frontier` nodes as matches ending at `i`;
    /// says whether a phrase goes on past one of them.
    #[inline]
    fn found_at<'t>(&'t self, frontier: &Nodes, i: usize, out: &mut Vec<(usize, &'t [u32])>) -> bool {
        let mut open = false;
        for &node in frontier.as_slice() {
            let n = &self.nodes[node as usize];
            if !n.entries.is_empty() {
                out.push((i, n.entries.as_slice()));
            }
            open |= n.has_children();
        }
        open
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

    /// With the root's stems noted by vocabulary id, a row of ids finds
    /// what its strings find: a vocabulary key led by a stem, one that is
    /// not, and a key outside the vocabulary (walked as a string).
    #[test]
    fn root_stems_by_id_find_what_strings_find() {
        let mut t = trie(&["ruritan* army", "fenw*", "states"]);
        let vocab = ["army", "fenwick", "ruritanian", "said", "states"];
        let id = |k: &str| vocab.iter().position(|v| *v == k).map_or(NO_KEY, |p| p as u32);
        t.renumber(id);
        t.index_root_stems(&vocab);
        let words = ["said", "ruritanian", "army", "fenwick", "ruritania", "army", "fen", "states"];
        let mut found = 0;
        for start in 0..words.len() {
            let by_str = t.matches_at(start, words.len(), |i| [words[i], "", ""]);
            let by_id =
                t.matches_at(start, words.len(), |i| KeyRow::new([words[i], "", ""], [id(words[i]), NO_KEY, NO_KEY]));
            assert_eq!(by_id, by_str, "at {start}");
            found += by_id.len();
        }
        assert_eq!(at(&t, &words, 1), vec![(3, vec![0])]);
        assert_eq!(at(&t, &words, 4), vec![(6, vec![0])]);
        assert_eq!(found, 4);
    }

    /// A row of ids gives the matches its strings give, in the same order:
    /// keys led by several stems, distinct keys of one token sharing
    /// stems, an exact child of the root and stems at once.
    #[test]
    fn id_rows_keep_the_order_of_the_stem_walk() {
        let mut t = trie(&["rurit* army", "ru*", "ruritan*", "ruritania", "ruritanian army", "ruritania army", "fen*"]);
        let vocab = ["army", "fenwick", "ruritania", "ruritanian", "rutland", "said"];
        let id = |k: &str| vocab.iter().position(|v| *v == k).map_or(NO_KEY, |p| p as u32);
        t.renumber(id);
        t.index_root_stems(&vocab);
        let rows: [[&str; 3]; 6] = [
            ["ruritanian", "ruritania", "ruritanian"],
            ["army", "", ""],
            ["ruritania", "ruritanian", "rutland"],
            ["army", "army", ""],
            ["rutland", "fenwick", "said"],
            ["said", "", ""],
        ];
        let ids = |r: &[&str; 3]| r.map(|k| if k.is_empty() { NO_KEY } else { id(k) });
        let mut found = 0;
        for start in 0..rows.len() {
            let by_str = t.matches_at(start, rows.len(), |i| rows[i]);
            let by_id = t.matches_at(start, rows.len(), |i| KeyRow::new(rows[i], ids(&rows[i])));
            assert_eq!(by_id, by_str, "at {start}");
            found += by_id.len();
        }
        assert!(found >= 8, "{found} matches");
    }

    #[test]
    fn id_rows_find_what_strings_find_after_renumbering() {
        let mut t = trie(&["united", "united states", "united states army", "states", "ruritan* army"]);
        // A vocabulary numbered unlike the trie's own insertion order.
        let vocab = ["zeta", "army", "states", "united", "said"];
        let id = |k: &str| vocab.iter().position(|v| *v == k).map_or(NO_KEY, |p| p as u32);
        t.renumber(id);
        let words = ["united", "states", "army", "said", "ruritanian", "army"];
        for start in 0..words.len() {
            let by_str = t.matches_at(start, words.len(), |i| [words[i], "", ""]);
            let by_id =
                t.matches_at(start, words.len(), |i| KeyRow::new([words[i], "", ""], [id(words[i]), NO_KEY, NO_KEY]));
            assert_eq!(by_id, by_str, "at {start}");
        }
        assert_eq!(at(&t, &words, 0), vec![(1, vec![0]), (2, vec![1]), (3, vec![2])]);
        assert_eq!(at(&t, &words, 4), vec![(6, vec![4])]);
    }

    /// After renumbering, the root's stems are looked up in a `StemSet`
    /// (shortest first) instead of compared one by one: the same matches in
    /// the same order, that of the phrases' insertion.
    #[test]
    fn root_stems_match_in_insertion_order_after_renumbering() {
        let mut t = trie(&["ruritan* army", "r*", "ruri* army", "ruritan*", "ru* navy", "army"]);
        let words = ["ruritanian", "army", "rural", "navy", "army", "xenia"];
        let before: Vec<_> = (0..words.len()).map(|s| at(&t, &words, s)).collect();
        t.renumber(|k| if k == "army" { 0 } else { 1 });
        let after: Vec<_> = (0..words.len()).map(|s| at(&t, &words, s)).collect();
        assert_eq!(after, before);
        assert_eq!(after[0], vec![(1, vec![3]), (1, vec![1]), (2, vec![0]), (2, vec![2])]);
        assert_eq!(after[2], vec![(3, vec![1]), (4, vec![4])]);
        assert_eq!(after[5], vec![]);
    }

    /// A reused vector holds the matches at its last position only.
    #[test]
    fn matches_into_clears_and_finds_what_matches_at_finds() {
        let t = trie(&["united", "united states", "states"]);
        let words = ["united", "states", "said"];
        let mut out = Vec::new();
        for start in [0, 1, 2, 0, 3] {
            t.matches_into(start, words.len(), |i| [words[i], "", ""], &mut out);
            assert_eq!(out, t.matches_at(start, words.len(), |i| [words[i], "", ""]), "at {start}");
        }
        t.matches_into(0, words.len(), |i| [words[i], "", ""], &mut out);
        assert_eq!(out.len(), 2);
        t.matches_into(2, words.len(), |i| [words[i], "", ""], &mut out);
        assert!(out.is_empty());
    }

    /// A node with more children than a short scan covers (looked up by
    /// binary search) finds each of them, by id and by string, and a phrase
    /// ending at a leaf stops the search there.
    #[test]
    fn many_children_by_id_find_what_strings_find() {
        let words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india"];
        let phrases: Vec<String> = words.iter().map(|w| format!("red {w}")).collect();
        let mut t = trie(&phrases.iter().map(String::as_str).collect::<Vec<_>>());
        let mut vocab = vec!["red"];
        vocab.extend(words.iter().rev());
        let id = |k: &str| vocab.iter().position(|v| *v == k).map_or(NO_KEY, |p| p as u32);
        t.renumber(id);
        for (n, w) in words.iter().enumerate() {
            let sentence = ["red", w, "red"];
            let by_str = t.matches_at(0, 3, |i| [sentence[i], "", ""]);
            let by_id = t.matches_at(0, 3, |i| KeyRow::new([sentence[i], "", ""], [id(sentence[i]), NO_KEY, NO_KEY]));
            assert_eq!(by_id, by_str, "{w}");
            assert_eq!(by_id, vec![(2, &[n as u32][..])], "{w}");
        }
        assert!(t.matches_at(0, 2, |i| [["red", "zulu"][i], "", ""]).is_empty());
    }

    /// `may_start` says no only when a row's bits say that no phrase of
    /// this trie starts there.
    #[test]
    fn may_start_follows_the_row_bits() {
        let mut t = trie(&["red army"]);
        t.set_slot(1);
        let row = |starts| KeyRow::with_starts(["red", "", ""], [NO_KEY; 3], starts);
        assert!(t.may_start(&row(ROW_KNOWN | 1)));
        assert!(!t.may_start(&row(ROW_KNOWN | 2)));
        assert!(t.may_start(&row(0)));
        assert!(t.may_start(&["red", "", ""]));
    }

    #[test]
    fn any_key_of_a_token_matches_once() {
        let t = trie(&["hold talk"]);
        let keys = [["held", "hold", "hold"], ["talks", "talk", "talk"]];
        let m = t.matches_at(0, 2, |i| keys[i]);
        assert_eq!(m, vec![(2, &[0u32][..])]);
    }
}
