//! Criterion benches for dictionary matching with the default dictionaries:
//! actor/agent phrase tries at every token, and event-pattern (trigger)
//! matching over a sentence. Each asserts its answer before timing.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dyad_dict::{Dictionaries, DictionariesBuilder, PatternInput};
use dyad_text::{sentences, Lexicon, Token};
use std::hint::black_box;

/// Sentences written for these benches.
const TEXT: &str = "Turkish officials held talks with Greek diplomats in Athens on Monday. \
The European Union praised the agreement. Police arrested two journalists in Nairobi on Tuesday. \
Russia accused Ukraine of shelling the plant. Iran rejected the proposal, and Israel threatened \
to strike. The weather was mild and nothing else happened.";

/// An analysed sentence with the three keys per token the coder matches on.
struct Analysed {
    tokens: Vec<Token>,
    cf: Vec<String>,
}

impl Analysed {
    fn keys(&self, i: usize) -> [&str; 3] {
        let t = &self.tokens[i];
        [t.norm.as_str(), t.lemma.as_str(), self.cf[i].as_str()]
    }
}

impl PatternInput for Analysed {
    fn len(&self) -> usize {
        self.tokens.len()
    }
    fn keys(&self, i: usize) -> [&str; 3] {
        Analysed::keys(self, i)
    }
    fn actor_from(&self, _: usize) -> Option<usize> {
        None
    }
    fn actor_until(&self, _: usize) -> Option<usize> {
        None
    }
    fn skippable(&self, i: usize) -> bool {
        !matches!(self.tokens[i].norm.as_str(), "," | "." | ";" | "and" | "that")
    }
}

fn setup() -> (Lexicon, Dictionaries, Vec<Analysed>) {
    let lexicon = Lexicon::english();
    let dicts = DictionariesBuilder::new().with_defaults().build(&lexicon).expect("default dictionaries build");
    let sentences = sentences(TEXT)
        .into_iter()
        .map(|s| {
            let tokens = lexicon.analyze(TEXT, s);
            let cf = tokens.iter().map(|t| lexicon.lemma(&t.norm).to_string()).collect();
            Analysed { tokens, cf }
        })
        .collect();
    (lexicon, dicts, sentences)
}

/// Actor and agent matches (start, end) over all sentences.
fn actor_matches(dicts: &Dictionaries, sentences: &[Analysed]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    for (k, s) in sentences.iter().enumerate() {
        let n = s.tokens.len();
        for i in 0..n {
            for trie in [dicts.actor_trie(), dicts.agent_trie()] {
                if let Some((end, _)) = trie.matches_at(i, n, |j| s.keys(j)).last() {
                    out.push((k, i, *end));
                }
            }
        }
    }
    out
}

fn words(s: &Analysed, start: usize, end: usize) -> String {
    s.tokens[start..end].iter().map(|t| t.norm.as_str()).collect::<Vec<_>>().join(" ")
}

fn actors(c: &mut Criterion) {
    let (_lexicon, dicts, sentences) = setup();
    let found = actor_matches(&dicts, &sentences);
    let phrases: Vec<String> = found.iter().map(|&(k, i, e)| words(&sentences[k], i, e)).collect();
    for want in ["turkish", "greek", "european union", "police", "russia", "ukraine", "iran", "israel"] {
        assert!(phrases.iter().any(|p| p == want), "{want:?} not matched in {phrases:?}");
    }
    assert!(!phrases.iter().any(|p| p == "weather"), "{phrases:?}");
    let tokens: usize = sentences.iter().map(|s| s.tokens.len()).sum();
    let mut g = c.benchmark_group("dict");
    g.throughput(Throughput::Elements(tokens as u64));
    g.bench_function("actor+agent tries (tokens)", |b| b.iter(|| actor_matches(&dicts, black_box(&sentences)).len()));
    g.finish();
}

fn triggers(c: &mut Criterion) {
    let (_lexicon, dicts, sentences) = setup();
    let triggers: Vec<Vec<String>> = sentences
        .iter()
        .map(|s| {
            dicts
                .find_patterns(s)
                .iter()
                .map(|m| m.trigger.iter().map(|&t| s.tokens[t].norm.as_str()).collect::<Vec<_>>().join(" "))
                .collect()
        })
        .collect();
    let fired = |k: usize, word: &str| triggers[k].iter().any(|t| t.split(' ').any(|w| w == word));
    assert!(fired(0, "held") || fired(0, "talks"), "{:?}", triggers[0]);
    assert!(fired(1, "praised"), "{:?}", triggers[1]);
    assert!(fired(2, "arrested"), "{:?}", triggers[2]);
    assert!(fired(3, "accused"), "{:?}", triggers[3]);
    assert!(fired(4, "rejected"), "{:?}", triggers[4]);
    assert!(triggers[5].is_empty(), "{:?}", triggers[5]);
    let tokens: usize = sentences.iter().map(|s| s.tokens.len()).sum();
    let mut g = c.benchmark_group("dict");
    g.throughput(Throughput::Elements(tokens as u64));
    g.bench_function("trigger patterns (tokens)", |b| {
        b.iter(|| sentences.iter().map(|s| dicts.find_patterns(black_box(s)).len()).sum::<usize>())
    });
    g.finish();
}

criterion_group!(benches, actors, triggers);
criterion_main!(benches);
