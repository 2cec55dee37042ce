//! Rough throughput check (not a test): `cargo run --release -p dyad-text
//! --example throughput -- FILE.jsonl` reads the "text" field of each line,
//! then times `Lexicon::english()` and `sentences()` + `analyze()`.

use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: throughput FILE.jsonl");
    let data = std::fs::read_to_string(&path).expect("read corpus");
    let docs: Vec<String> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_owned))
        .collect();
    // Best of 5 builds: the machine may be shared.
    let mut build = std::time::Duration::MAX;
    for _ in 0..5 {
        let t = Instant::now();
        let l = dyad_text::Lexicon::english();
        build = build.min(t.elapsed());
        drop(l);
    }
    let lex = dyad_text::Lexicon::english();
    let bytes: usize = docs.iter().map(String::len).sum();
    let t = Instant::now();
    let (mut sents, mut toks) = (0usize, 0usize);
    for d in &docs {
        for s in dyad_text::sentences(d) {
            sents += 1;
            toks += lex.analyze(d, s).len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "lexicon build {:.1} ms ({} forms); {} docs, {:.1} MB, {} sentences, {} tokens in {:.3} s: {:.0} sentences/s, {:.1} MB/s",
        build.as_secs_f64() * 1e3,
        lex.len(),
        docs.len(),
        bytes as f64 / 1e6,
        sents,
        toks,
        secs,
        sents as f64 / secs,
        bytes as f64 / 1e6 / secs
    );
}
