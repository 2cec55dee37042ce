//! Criterion benches for the text stages: segmentation and tokenisation +
//! lemmas + tagging (`Lexicon::analyze`). Each asserts its answer first, so
//! `cargo bench -- --test` (CI) checks correctness without timing.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dyad_text::{sentences, Lexicon, Tag, VerbForm};
use std::hint::black_box;

/// A wire-style paragraph written for these benches: a dateline,
/// abbreviations, initials, a quote, numbers and a hard wrap.
const PARAGRAPH: &str = "ANKARA, March 3 (Wire) - Turkish officials held talks with Greek diplomats in Athens \
on Monday. The European Union praised the agreement. Police arrested two journalists in Nairobi on Tuesday, \
Kenyan officials said. Russia accused Ukraine of shelling the plant. Iran rejected the U.S. proposal on \
Feb. 5, saying it \"changes nothing.\" Mr. Smith met Gen. Jones at 10 a.m. in Washington.\nThe talks \
broke down after 3.5 hours, and 1,200 workers went on strike.\n\n";

const SENTENCES_PER_PARAGRAPH: usize = 7;

fn corpus(paragraphs: usize) -> String {
    PARAGRAPH.repeat(paragraphs)
}

fn segmentation(c: &mut Criterion) {
    let text = corpus(50);
    let spans = sentences(&text);
    assert_eq!(spans.len(), 50 * SENTENCES_PER_PARAGRAPH);
    assert_eq!(spans[1].slice(&text), "The European Union praised the agreement.");
    assert!(spans[5].slice(&text).starts_with("Mr. Smith met Gen. Jones at 10 a.m. in Washington."));
    let mut g = c.benchmark_group("text");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("segmentation", |b| b.iter(|| sentences(black_box(&text)).len()));
    g.finish();
}

fn analysis(c: &mut Criterion) {
    let lexicon = Lexicon::english();
    let text = corpus(10);
    let spans = sentences(&text);
    let tokens = lexicon.analyze(&text, spans[2]);
    let arrested = tokens.iter().find(|t| t.norm == "arrested").expect("a token `arrested`");
    assert_eq!(arrested.tag, Tag::Verb(VerbForm::Past));
    assert_eq!(arrested.lemma, "arrest");
    assert_eq!(arrested.span.slice(&text), "arrested");
    let held = lexicon.analyze(&text, spans[0]);
    assert!(held.iter().any(|t| t.norm == "held" && t.lemma == "hold" && t.tag.is_verb()));
    let us = lexicon.analyze(&text, spans[4]);
    assert!(us.iter().any(|t| t.norm == "u.s." && t.tag == Tag::ProperNoun));
    let total: usize = spans.iter().map(|&s| lexicon.analyze(&text, s).len()).sum();
    assert_eq!(
        total,
        10 * spans[..SENTENCES_PER_PARAGRAPH].iter().map(|&s| lexicon.analyze(&text, s).len()).sum::<usize>()
    );

    let mut g = c.benchmark_group("text");
    g.throughput(Throughput::Elements(total as u64));
    g.bench_function("analyze (tokens)", |b| {
        b.iter(|| spans.iter().map(|&s| lexicon.analyze(black_box(&text), s).len()).sum::<usize>())
    });
    g.finish();
}

criterion_group!(benches, segmentation, analysis);
criterion_main!(benches);
