//! Segmentation and analysis keep every span inside the text, on char
//! boundaries, in order.
#![no_main]

use dyad_core::Span;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

fn lexicon() -> &'static dyad_text::Lexicon {
    static LEXICON: OnceLock<dyad_text::Lexicon> = OnceLock::new();
    LEXICON.get_or_init(dyad_text::Lexicon::english)
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let lexicon = lexicon();
    let mut last_end = 0;
    for sentence in dyad_text::sentences(&text) {
        assert!(sentence.start >= last_end && sentence.end <= text.len());
        assert!(text.is_char_boundary(sentence.start) && text.is_char_boundary(sentence.end));
        last_end = sentence.end;
        let mut prev = Span::new(sentence.start, sentence.start);
        for token in lexicon.analyze(&text, sentence) {
            assert!(token.span.start >= prev.end && token.span.end <= sentence.end);
            assert!(text.is_char_boundary(token.span.start) && text.is_char_boundary(token.span.end));
            prev = token.span;
        }
    }
});
