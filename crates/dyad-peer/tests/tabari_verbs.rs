//! TABARI loader: verb words, with invented dictionaries. A verb written
//! with `_` matches its letters (and TABARI's regular endings), so an
//! inflected form (`STRUCK_`) is not a form of its lemma's verb; a `_`
//! after a synonym set lets words come between the set's member and the
//! next word, while one before the set joins them.

mod common;

use dyad_peer::PeerCoder;

const ACTORS: &str = "\
FREEDONIA [FRD]
SYLVANIA [SYL]
";

const VERBS: &str = "\
<SYNSETS>
&NEG
+DID_NOT
+WILL_NOT
</SYNSETS>
STRIKE [190]
- SURELY_&NEG_AGAIN * [191]
STRUCK_ [195]
";

fn coder() -> PeerCoder {
    common::tabari_coder(ACTORS, VERBS).1
}

/// Each case: text, the events wanted, and why.
fn check(cases: &[(&str, &str, &str)]) {
    let coder = coder();
    for (text, want, why) in cases {
        assert_eq!(common::tabari_codes(&coder, text), *want, "{why}: {text}");
    }
}

#[test]
fn an_inflected_verb_written_with_underscore_is_not_its_lemma() {
    check(&[
        ("Freedonia will strike Sylvania again next week, officials said.", "FRD SYL 190", "base form"),
        ("Freedonia strikes Sylvania again, officials said on Monday.", "FRD SYL 190", "present"),
        ("Freedonia struck Sylvania again, officials said on Monday.", "FRD SYL 195", "the written form"),
    ]);
}

#[test]
fn underscore_after_a_synonym_set_is_a_gap() {
    check(&[
        ("Freedonia surely did not again strike Sylvania, officials said on Monday.", "FRD SYL 191", "adjacent"),
        (
            "Freedonia surely will not ever again strike Sylvania, officials said.",
            "FRD SYL 191",
            "a word after the member",
        ),
        (
            "Freedonia surely then did not again strike Sylvania, officials said.",
            "FRD SYL 190",
            "a word before the member",
        ),
    ]);
}
