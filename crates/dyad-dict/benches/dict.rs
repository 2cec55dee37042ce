//! Criterion benches for dictionary matching with the default dictionaries:
//! actor/agent phrase tries at every token, and event-pattern (trigger)
//! matching over a sentence; and pattern matching with a dictionary whose
//! words are mostly stems, as TABARI's are. Each asserts its answer before
//! timing.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dyad_dict::{Dictionaries, DictionariesBuilder, KeyRow, PatternInput, TokenKeys};
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
    timed(c, "actor+agent tries (tokens)", tokens, || actor_matches(&dicts, black_box(&sentences)).len());
}

/// Times `f` in the `dict` group, per token.
fn timed(c: &mut Criterion, name: &str, tokens: usize, mut f: impl FnMut() -> usize) {
    let mut g = c.benchmark_group("dict");
    g.throughput(Throughput::Elements(tokens as u64));
    g.bench_function(name, |b| b.iter(&mut f));
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
    timed(c, "trigger patterns (tokens)", tokens, || {
        sentences.iter().map(|s| dicts.find_patterns(black_box(s)).len()).sum::<usize>()
    });
}

/// A sentence as the coder hands it to the pattern matcher: each token's
/// keys mapped through `Dictionaries::key_id`, with their ids.
struct Keyed<'a> {
    rows: Vec<KeyRow<'a>>,
}

impl PatternInput for Keyed<'_> {
    fn len(&self) -> usize {
        self.rows.len()
    }
    fn keys(&self, i: usize) -> [&str; 3] {
        *self.rows[i]
    }
    fn ids(&self, i: usize) -> Option<[u32; 3]> {
        self.rows[i].ids()
    }
    fn actor_from(&self, _: usize) -> Option<usize> {
        None
    }
    fn actor_until(&self, _: usize) -> Option<usize> {
        None
    }
    fn skippable(&self, i: usize) -> bool {
        !matches!(self.rows[i][0], "," | "." | ";")
    }
}

/// Sentences written for the stem bench.
const STEM_TEXT: &str = "The spokesman said the ministry would reconsider its offer after the vote. \
Officials said nothing about the convoy. The council repeated its warning to the traders on Friday. \
The envoy said the talks were constructive and promised another round. Rain fell on the coast.";

/// Stems for the generated patterns (made up for this bench).
const FIRST: [&str; 24] = [
    "reconsid",
    "offe",
    "vot",
    "convo",
    "warn",
    "trad",
    "talk",
    "construct",
    "promis",
    "round",
    "minist",
    "court",
    "harbo",
    "tarif",
    "ceasef",
    "treat",
    "loan",
    "strik",
    "embass",
    "rebel",
    "border",
    "elect",
    "budget",
    "protest",
];
const SECOND: [&str; 12] =
    ["after", "vote", "about", "friday", "another", "round", "rally", "deal", "summit", "grain", "visa", "fleet"];

/// A dictionary of 1,177 stem patterns, most of them anchored on `said*`
/// or `repeat*`, as TABARI's `SAID` anchors hundreds of patterns.
fn stem_source() -> String {
    let mut src = String::new();
    for (a, first) in FIRST.iter().enumerate() {
        for (b, second) in SECOND.iter().enumerate() {
            let code = ["010", "040", "057", "111", "112", "120", "130", "190"][(a + b) % 8];
            src.push_str(&format!("said* ... {first}* ... {second}* = {code}\n"));
            src.push_str(&format!("repeat* .. {first}* ... {second} = {code}\n"));
            src.push_str(&format!("{first}* .. {second}* = {code}\n"));
            src.push_str(&format!("{second}* ... {first}* ... said* = {code}\n"));
        }
        src.push_str(&format!("said* .. {first}* = 010\n"));
    }
    src.push_str("rain* fell* .. coast* = 190\n");
    src
}

fn stem_patterns(c: &mut Criterion) {
    let lexicon = Lexicon::english();
    let mut b = DictionariesBuilder::new();
    b.add_source("stems.events", &stem_source());
    let dicts = b.build(&lexicon).expect("stem patterns build");
    assert_eq!(dicts.patterns().len(), 1_177);
    let analysed: Vec<Vec<(String, String, String)>> = sentences(STEM_TEXT)
        .into_iter()
        .map(|s| {
            lexicon
                .analyze(STEM_TEXT, s)
                .iter()
                .map(|t| (t.norm.to_string(), t.lemma.to_string(), lexicon.lemma(&t.norm).to_string()))
                .collect()
        })
        .collect();
    let keyed: Vec<Keyed<'_>> = analysed
        .iter()
        .map(|tokens| Keyed {
            rows: tokens
                .iter()
                .map(|(n, l, c)| {
                    let ((n, ni), (l, li), (c, ci)) = (dicts.key_id(n), dicts.key_id(l), dicts.key_id(c));
                    KeyRow::new([n, l, c], [ni, li, ci])
                })
                .collect(),
        })
        .collect();
    // The pattern texts matched in each sentence.
    let found: Vec<Vec<&str>> = keyed
        .iter()
        .map(|s| dicts.find_patterns(s).iter().map(|m| dicts.patterns()[m.pattern as usize].text.as_str()).collect())
        .collect();
    let has = |k: usize, text: &str| found[k].contains(&text);
    assert!(has(0, "said* ... reconsid* ... after*"), "{:?}", found[0]);
    assert!(has(0, "said* ... offe* ... vote*"), "{:?}", found[0]);
    assert!(has(0, "said* .. minist*"), "{:?}", found[0]);
    assert!(!has(0, "said* ... reconsid* ... friday*"), "{:?}", found[0]);
    assert!(has(1, "said* .. convo*"), "{:?}", found[1]);
    assert!(has(2, "repeat* .. warn* ... friday"), "{:?}", found[2]);
    assert!(has(2, "trad* .. friday*"), "{:?}", found[2]);
    assert!(has(3, "said* ... talk* ... another*"), "{:?}", found[3]);
    assert!(has(3, "promis* .. another*"), "{:?}", found[3]);
    assert_eq!(found[4], ["rain* fell* .. coast*"]);
    let tokens: usize = keyed.iter().map(|s| s.rows.len()).sum();
    timed(c, "stem patterns (tokens)", tokens, || {
        keyed.iter().map(|s| dicts.find_patterns(black_box(s)).len()).sum::<usize>()
    });
}

criterion_group!(benches, actors, triggers, stem_patterns);
criterion_main!(benches);
