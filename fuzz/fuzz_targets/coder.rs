//! The coder never panics, and every event's spans point into the text.
#![no_main]

use std::sync::{Arc, OnceLock};

use dyad_coder::Coder;
use dyad_core::Document;
use libfuzzer_sys::fuzz_target;

fn coder() -> &'static Coder {
    static CODER: OnceLock<Coder> = OnceLock::new();
    CODER.get_or_init(|| {
        let lexicon = Arc::new(dyad_text::Lexicon::english());
        let dicts =
            dyad_dict::DictionariesBuilder::new().with_defaults().build(&lexicon).expect("default dictionaries");
        Coder::builder(Arc::new(dicts), lexicon).build()
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let doc = Document::new("fuzz", text);
    for event in coder().code(&doc).events {
        assert!(event.source.span.end <= doc.text.len());
        assert!(event.evidence.trigger_span.end <= doc.text.len());
        assert!(dyad_core::cameo::CameoCode::parse(event.cameo.as_str()).is_some());
    }
});
