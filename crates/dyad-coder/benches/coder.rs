//! Criterion bench for the whole coder (`Coder::code`) with the default
//! dictionaries, plus the one-off costs behind start-up: building the
//! lexicon and the dictionaries. Each asserts its answer before timing.

use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dyad_coder::Coder;
use dyad_core::Document;
use dyad_dict::DictionariesBuilder;
use dyad_text::Lexicon;
use std::hint::black_box;

/// A short wire story written for this bench.
const STORY: &str = "ANKARA, March 3 (Wire) - Turkish officials held talks with Greek diplomats in Athens \
on Monday. The European Union praised the agreement. Police arrested two journalists in Nairobi on \
Tuesday, Kenyan officials said. Russia accused Ukraine of shelling the plant. The weather was mild \
and nothing else happened.";

fn coder() -> Coder {
    let lexicon = Arc::new(Lexicon::english());
    let dicts = DictionariesBuilder::new().with_defaults().build(&lexicon).expect("default dictionaries build");
    Coder::builder(Arc::new(dicts), lexicon).build()
}

fn whole_coder(c: &mut Criterion) {
    let coder = coder();
    let date = chrono::NaiveDate::from_ymd_opt(2025, 3, 3);
    let doc = Document::new("bench", STORY).with_published(date);
    let coded = coder.code(&doc);
    assert_eq!(coded.sentences, 5);
    let codes: Vec<(String, &str)> =
        coded.events.iter().map(|e| (e.source.code.to_string(), e.cameo.as_str())).collect();
    assert!(
        coded.events.iter().any(|e| e.source.code.starts_with("TUR") && e.cameo.as_str().starts_with("04")),
        "{codes:?}"
    );
    assert!(
        coded.events.iter().any(|e| e.source.code.starts_with("RUS") && e.cameo.as_str().starts_with("11")),
        "{codes:?}"
    );
    assert!(coded.events.iter().all(|e| e.sentence != 4), "nothing in the last sentence: {codes:?}");
    let mut g = c.benchmark_group("coder");
    g.throughput(Throughput::Elements(coded.sentences as u64));
    g.bench_function("Coder::code (sentences)", |b| b.iter(|| coder.code(black_box(&doc)).events.len()));
    g.finish();
}

fn start_up(c: &mut Criterion) {
    let mut g = c.benchmark_group("start-up");
    g.sample_size(10);
    g.bench_function("Lexicon::english", |b| b.iter(|| Lexicon::english().len()));
    let lexicon = Lexicon::english();
    g.bench_function("default dictionaries", |b| {
        b.iter(|| DictionariesBuilder::new().with_defaults().build(&lexicon).map(|d| d.actors().len()).unwrap_or(0))
    });
    g.bench_function("load + code one sentence", |b| {
        b.iter(|| coder().code_text("Turkish officials met Greek diplomats.", None).events.len())
    });
    g.finish();
}

criterion_group!(benches, whole_coder, start_up);
criterion_main!(benches);
