//! The dictionary parser reports problems as diagnostics; it never panics.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

fn lexicon() -> &'static dyad_text::Lexicon {
    static LEXICON: OnceLock<dyad_text::Lexicon> = OnceLock::new();
    LEXICON.get_or_init(dyad_text::Lexicon::english)
}

fuzz_target!(|data: &[u8]| {
    let Some((&kind, rest)) = data.split_first() else { return };
    let name = ["f.actors", "f.agents", "f.events", "f.synonyms", "f.places", "f.other"][kind as usize % 6];
    let text = String::from_utf8_lossy(rest);
    let lexicon = lexicon();
    let mut builder = dyad_dict::DictionariesBuilder::new();
    builder.add_source("base.synonyms", "&talk = talk, negotiation\n");
    builder.add_source(name, &text);
    let _ = builder.check(lexicon);
});
