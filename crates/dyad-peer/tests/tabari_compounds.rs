//! TABARI loader and conventions for compound phrases, with invented
//! dictionaries: the actors file's `<NOUN>` list decides whether `and`
//! after a listed noun joins two nouns of one actor (`goats and sheep of
//! Freedonia`) or opens another phrase whose actor acts (`sheep and pigs
//! of Sylvania`).

mod common;

use dyad_peer::PeerCoder;

const ACTORS: &str = "\
<NOUN>
GOATS
SHEEP
CATTLE
</NOUN>
<ADJECTIVE>
AWFUL
EVIL
</ADJECTIVE>
FREEDONIA [FRD]
SYLVANIA [SYL]
OSTREVIA [OST]
NORLAND [NRL]
";

const VERBS: &str = "\
PRAISE [041]
WARN [160]
CRITICI [121]
";

fn coder() -> PeerCoder {
    let (converted, coder) = common::tabari_coder(ACTORS, VERBS);
    assert!(!converted.diagnostics.iter().any(|d| d.kind == "unsupported-block"), "{:?}", converted.diagnostics);
    coder
}

#[test]
fn and_after_a_listed_noun_opens_another_phrase() {
    let coder = coder();
    let cases = [
        ("Freedonia's sheep and pigs of Sylvania warned Ostrevia on Monday.", "SYL OST 160", "unlisted second noun"),
        ("Freedonia's cattle and horses of Norland praised Ostrevia on Friday.", "NRL OST 041", "other words"),
        ("The sheep and donkeys of Sylvania criticised Norland again.", "SYL NRL 121", "no actor before"),
        ("Freedonia's goats and sheep of Sylvania warned Ostrevia on Monday.", "FRD OST 160", "two listed nouns"),
        (
            "Freedonia's cattle and goats of Norland praised Ostrevia on Friday.",
            "FRD OST 041",
            "two listed, other order",
        ),
        (
            "Freedonia's herds and pigs of Sylvania warned Ostrevia on Monday.",
            "FRD OST 160",
            "no listed noun: one phrase",
        ),
    ];
    for (text, want, why) in cases {
        assert_eq!(common::tabari_codes(&coder, text), want, "{why}: {text}");
    }
}
