//! Tagger rules, one test per rule with its near misses (sentences written
//! for this crate). Refresh after an intended change with
//! `UPDATE_EXPECT=1 cargo test -p dyad-text --test tagger`.

use dyad_core::Span;
use dyad_text::Lexicon;
use expect_test::{expect, Expect};
use std::sync::OnceLock;

fn lex() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(Lexicon::english)
}

fn tags(input: &str, expect: Expect) {
    let toks = lex().analyze(input, Span::new(0, input.len()));
    let got: Vec<String> = toks
        .iter()
        .map(|t| {
            let word = t.span.slice(input);
            if t.lemma == t.norm {
                format!("{word}/{}", t.tag.short())
            } else {
                format!("{word}/{}/{}", t.tag.short(), t.lemma)
            }
        })
        .collect();
    expect.assert_eq(&got.join(" "));
}

#[test]
fn second_verb_after_object() {
    // After `and` that ends a verb's object, a word before an article,
    // possessive or number is a second verb of the same form.
    tags(
        "Kenya will host Uganda and sign a pact.",
        expect!["Kenya/NNP will/MD host/VB Uganda/NNP and/CC sign/VB a/DT pact/NN ./PUNCT"],
    );
    tags(
        "Turkey visits Kyiv and signs a deal.",
        expect!["Turkey/NNP visits/VBZ/visit Kyiv/NNP and/CC signs/VBZ/sign a/DT deal/NN ./PUNCT"],
    );
    tags("Japan agreed to cut tariffs and aid its neighbours.", expect!["Japan/NNP agreed/VBD/agree to/TO cut/VB tariffs/NN/tariff and/CC aid/VB its/DT neighbours/NN/neighbour ./PUNCT"]);
    // Near misses: a noun followed by its own modifiers, a time phrase, or
    // a base form with no modal before the first verb.
    tags("Germany will host the talks and signs of progress grew.", expect!["Germany/NNP will/MD host/VB the/DT talks/NN/talk and/CC signs/NN/sign of/IN progress/NN grew/VBD/grow ./PUNCT"]);
    tags(
        "Japan will discuss trade and aid this week.",
        expect!["Japan/NNP will/MD discuss/VB trade/NN and/CC aid/NN this/DT week/NN ./PUNCT"],
    );
    tags(
        "They host the talks and aid the region.",
        expect!["They/PRP host/VB the/DT talks/NN/talk and/CC aid/NN the/DT region/NN ./PUNCT"],
    );
}
