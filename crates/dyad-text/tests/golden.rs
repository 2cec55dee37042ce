//! Data-driven checks: segmentation (text -> sentences) and tagging
//! (sentence -> "word/TAG/lemma ..."). All sentences written for this crate.
//! Refresh after an intended change with `UPDATE_EXPECT=1 cargo test -p dyad-text`.

use dyad_core::Span;
use dyad_text::{sentences, Lexicon};
use expect_test::{expect, Expect};
use std::sync::OnceLock;

fn lex() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(Lexicon::english)
}

fn seg(input: &str, expect: Expect) {
    let got: Vec<&str> = sentences(input).iter().map(|s| s.slice(input)).collect();
    expect.assert_debug_eq(&got);
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

// ---------------------------------------------------------------- segmentation

#[test]
fn seg_abbreviations() {
    seg(
        "The U.S. and the U.N. met on Feb. 3 with Gen. Alvarez. Mr. Okafor of Acme Inc. said No. 2 was next. He left at 9 a.m. Tuesday.",
        expect![[r#"
            [
                "The U.S. and the U.N. met on Feb. 3 with Gen. Alvarez.",
                "Mr. Okafor of Acme Inc. said No. 2 was next.",
                "He left at 9 a.m. Tuesday.",
            ]
        "#]],
    );
}

#[test]
fn seg_abbreviation_at_end() {
    seg(
        "Talks were held in the U.S. The delegation left on Jan. 5. It returned at 6 p.m. The vote followed.",
        expect![[r#"
            [
                "Talks were held in the U.S.",
                "The delegation left on Jan. 5.",
                "It returned at 6 p.m.",
                "The vote followed.",
            ]
        "#]],
    );
}

#[test]
fn seg_initials() {
    seg(
        "John F. Kennedy Airport was closed. Traffic resumed later.",
        expect![[r#"
        [
            "John F. Kennedy Airport was closed.",
            "Traffic resumed later.",
        ]
    "#]],
    );
}

#[test]
fn seg_quotes() {
    seg(
        "\"We will not retreat,\" the minister said. \"The border is closed.\" Officials agreed. He asked, \"Why now?\" and left.",
        expect![[r#"
            [
                "\"We will not retreat,\" the minister said.",
                "\"The border is closed.\"",
                "Officials agreed.",
                "He asked, \"Why now?\" and left.",
            ]
        "#]],
    );
}

#[test]
fn seg_brackets() {
    seg(
        "The army withdrew (the ceasefire held.) Rebels regrouped. The (tiny) unit stayed.",
        expect![[r#"
        [
            "The army withdrew (the ceasefire held.)",
            "Rebels regrouped.",
            "The (tiny) unit stayed.",
        ]
    "#]],
    );
}

#[test]
fn seg_dateline() {
    seg(
        "NAIROBI, March 3 (Reuters) - Kenyan police arrested two opposition leaders on Tuesday. The government denied wrongdoing.",
        expect![[r#"
            [
                "NAIROBI, March 3 (Reuters) - Kenyan police arrested two opposition leaders on Tuesday.",
                "The government denied wrongdoing.",
            ]
        "#]],
    );
}

#[test]
fn seg_headline_and_wrap() {
    seg(
        "ARMY SEIZES PORT AFTER CLASHES\n\nLAGOS, June 4 - Troops took control of the port\nafter two days of fighting, a military spokesman said\non Sunday. Shipping was halted.\n    The port handles most of the country's fuel imports.\n",
        expect![[r#"
            [
                "ARMY SEIZES PORT AFTER CLASHES",
                "LAGOS, June 4 - Troops took control of the port\nafter two days of fighting, a military spokesman said\non Sunday.",
                "Shipping was halted.",
                "The port handles most of the country's fuel imports.",
            ]
        "#]],
    );
}

#[test]
fn seg_all_caps() {
    seg(
        "U.S. TROOPS LEAVE BASE. THE PENTAGON CONFIRMED THE MOVE. GEN. WARD SAID IT WAS PLANNED.",
        expect![[r#"
        [
            "U.S. TROOPS LEAVE BASE.",
            "THE PENTAGON CONFIRMED THE MOVE.",
            "GEN. WARD SAID IT WAS PLANNED.",
        ]
    "#]],
    );
}

#[test]
fn seg_bullets() {
    seg(
        "Key points:\n- Ceasefire agreed in principle\n- Prisoners to be exchanged\n* Aid convoys resume\n1. First phase\n2) Second phase",
        expect![[r#"
            [
                "Key points:",
                "- Ceasefire agreed in principle",
                "- Prisoners to be exchanged",
                "* Aid convoys resume",
                "1. First phase",
                "2) Second phase",
            ]
        "#]],
    );
}

#[test]
fn seg_question_exclamation() {
    seg(
        "Will the truce hold? Nobody knows! \"Who fired first?\" asked a reporter. Nobody answered...",
        expect![[r#"
        [
            "Will the truce hold?",
            "Nobody knows!",
            "\"Who fired first?\" asked a reporter.",
            "Nobody answered...",
        ]
    "#]],
    );
}

#[test]
fn seg_numbers_and_unicode() {
    seg(
        "Prices rose 3.5 pct in 1986. Côte d’Ivoire’s envoy left… The talks stalled. «Non», dit-il. Ukraine — and Poland — agreed.",
        expect![[r#"
            [
                "Prices rose 3.5 pct in 1986.",
                "Côte d’Ivoire’s envoy left…",
                "The talks stalled.",
                "«Non», dit-il.",
                "Ukraine — and Poland — agreed.",
            ]
        "#]],
    );
}

#[test]
fn seg_tab_paragraph() {
    seg(
        "First paragraph line one\nline two\n\tSecond paragraph starts here",
        expect![[r#"
        [
            "First paragraph line one\nline two",
            "Second paragraph starts here",
        ]
    "#]],
    );
}

#[test]
fn seg_cap_long_sentence() {
    let word = "lorem ";
    let text = word.repeat(1000);
    let spans = sentences(&text);
    assert!(spans.len() >= 3);
    for s in &spans {
        assert!(s.len() <= dyad_text::MAX_SENTENCE_BYTES);
        assert!(s.len() > dyad_text::MAX_SENTENCE_BYTES / 2 || s.end == text.trim_end().len());
    }
    let no_space = "x".repeat(5000);
    let spans = sentences(&no_space);
    assert_eq!(spans.iter().map(|s| s.len()).sum::<usize>(), 5000);
}

// --------------------------------------------------------------------- tagging

#[test]
fn tag_held_talks() {
    tags("Turkish and Greek officials held talks in Athens on Monday.", expect!["Turkish/NNP and/CC Greek/NNP officials/NN/official held/VBD/hold talks/NN/talk in/IN Athens/NNP on/IN Monday/NNP ./PUNCT"]);
}

#[test]
fn tag_passive() {
    tags(
        "Three diplomats were expelled by Poland.",
        expect!["Three/CD diplomats/NN/diplomat were/AUXD/be expelled/VBN/expel by/IN Poland/NNP ./PUNCT"],
    );
}

#[test]
fn tag_arrested() {
    tags("Police arrested two journalists", expect!["Police/NN arrested/VBD/arrest two/CD journalists/NN/journalist"]);
}

#[test]
fn tag_said_that_had() {
    tags("The ministry said on Friday that Poland had expelled three diplomats", expect!["The/DT ministry/NN said/VBD/say on/IN Friday/NNP that/SC Poland/NNP had/AUXD/have expelled/VBN/expel three/CD diplomats/NN/diplomat"]);
}

#[test]
fn tag_did_not() {
    tags("Russia did not attack Ukraine", expect!["Russia/NNP did/AUXD/do not/NEG attack/VB Ukraine/NNP"]);
}

#[test]
fn tag_refused_to() {
    tags(
        "Israel refused to release the prisoners",
        expect!["Israel/NNP refused/VBD/refuse to/TO release/VB the/DT prisoners/NN/prisoner"],
    );
}

#[test]
fn tag_attacked_post() {
    tags(
        "Hamas fighters attacked an Israeli army post",
        expect!["Hamas/NNP fighters/NN/fighter attacked/VBD/attack an/DT/a Israeli/JJ army/NN post/NN"],
    );
}

#[test]
fn tag_broke_down() {
    tags("The talks broke down.", expect!["The/DT talks/NN/talk broke/VBD/break down/RB ./PUNCT"]);
}

#[test]
fn tag_called_on() {
    tags("U.N. Secretary-General Antonio Guterres called on both sides to de-escalate.", expect!["U.N./NNP Secretary-General/NN Antonio/NNP Guterres/NNP called/VBD/call on/IN both/DT sides/NN/side to/TO de-escalate/VB ./PUNCT"]);
}

#[test]
fn tag_irregulars() {
    tags(
        "Rebels freed the hostages, fought the army, struck a deal and sought talks after they met.",
        expect!["Rebels/NN/rebel freed/VBD/free the/DT hostages/NN/hostage ,/PUNCT fought/VBD/fight the/DT army/NN ,/PUNCT struck/VBD/strike a/DT deal/NN and/CC sought/VBD/seek talks/NN/talk after/IN they/PRP met/VBD/meet ./PUNCT"],
    );
}

#[test]
fn tag_saw() {
    tags("He saw the saw.", expect!["He/PRP saw/VBD/see the/DT saw/NN ./PUNCT"]);
}

#[test]
fn tag_clitics() {
    tags("The minister's aides didn't say they'd resign, but officials' hopes can't rise.", expect!["The/DT minister/NN 's/POS aides/NN/aide did/AUXD/do n't/NEG/not say/VB they/PRP 'd/MD/would resign/VB ,/PUNCT but/CC officials/NN/official '/POS/'s hopes/NN/hope ca/MD/can n't/NEG/not rise/VB ./PUNCT"]);
}

#[test]
fn tag_tokens() {
    tags(
        "U.S.-backed forces of al-Shabaab seized 1,200 rifles worth $3.5 million on 2/27 in Côte d’Ivoire – officials said.",
        expect!["U.S./NNP -/PUNCT backed/JJ/back forces/NN/force of/IN al-Shabaab/NNP seized/VBD/seize 1,200/CD rifles/NN/rifle worth/NN $/X 3.5/CD million/CD on/IN 2/27/CD in/IN Côte/NNP d’Ivoire/NNP –/PUNCT officials/NN/official said/VBD/say ./PUNCT"],
    );
}

#[test]
fn tag_modal_and_gerund() {
    tags(
        "The government will consider sending troops to the border.",
        expect!["The/DT government/NN will/MD consider/VB sending/VBG/send troops/NN to/IN the/DT border/NN ./PUNCT"],
    );
}

#[test]
fn tag_has_been() {
    tags(
        "The opposition leader has been detained since Sunday.",
        expect![
            "The/DT opposition/NN leader/NN has/AUXZ/have been/AUXN/be detained/VBN/detain since/IN Sunday/NNP ./PUNCT"
        ],
    );
}

#[test]
fn tag_all_caps() {
    tags(
        "IRAN ACCUSES IRAQ OF SHELLING BORDER TOWNS",
        expect!["IRAN/NNP ACCUSES/VBZ/accuse IRAQ/NNP OF/IN SHELLING/VBG/shell BORDER/NN TOWNS/NN/town"],
    );
}

#[test]
fn tag_present3() {
    tags(
        "China urges restraint as Japan sends ships",
        expect!["China/NNP urges/VBZ/urge restraint/NN as/IN Japan/NNP sends/VBZ/send ships/NN/ship"],
    );
}

#[test]
fn tag_us_country() {
    tags("The US imposed sanctions on them and warned us.", expect!["The/DT US/NNP imposed/VBD/impose sanctions/NN/sanction on/IN them/PRP/they and/CC warned/VBD/warn us/PRP/we ./PUNCT"]);
}

#[test]
fn lemma_context_free() {
    let l = lex();
    for (w, want) in [
        ("freed", "free"),
        ("held", "hold"),
        ("met", "meet"),
        ("fought", "fight"),
        ("struck", "strike"),
        ("sought", "seek"),
        ("talks", "talk"),
        ("saw", "see"),
        ("was", "be"),
        ("n't", "not"),
        ("media", "media"),
        ("xyzzy", "xyzzy"),
    ] {
        assert_eq!(l.lemma(w), want, "{w}");
    }
}

#[test]
fn tag_verb_after_name_ending_in_s() {
    // A past form after `'s` that opens no noun phrase of its own is the verb;
    // before the possessed noun it stays an adjective.
    tags(
        "St. John's criticised Ottawa.",
        expect!["St./NNP John/NNP 's/POS criticised/VBD/criticise Ottawa/NNP ./PUNCT"],
    );
    tags("Russia's revised plan failed.", expect!["Russia/NNP 's/POS revised/JJ plan/NN failed/VBD/fail ./PUNCT"]);
    tags(
        "St. John's protested to the council.",
        expect!["St./NNP John/NNP 's/POS protested/VBD/protest to/IN the/DT council/NN ./PUNCT"],
    );
}

#[test]
fn tag_adverb_between_subject_and_past_verb() {
    // `later`/`earlier` can be adjectives; between a subject and a past form
    // that takes an object, a clause or nothing they are adverbs.
    tags("Fidan later criticised Israel.", expect!["Fidan/NNP later/RB criticised/VBD/criticise Israel/NNP ./PUNCT"]);
    tags(
        "The minister earlier condemned the attack.",
        expect!["The/DT minister/NN earlier/RB/early condemned/VBD/condemn the/DT attack/NN ./PUNCT"],
    );
    tags(
        "He later said that talks failed.",
        expect!["He/PRP later/RB said/VBD/say that/SC talks/NN/talk failed/VBD/fail ./PUNCT"],
    );
    tags(
        "Fidan also later criticised Israel.",
        expect!["Fidan/NNP also/RB later/RB criticised/VBD/criticise Israel/NNP ./PUNCT"],
    );
    tags(
        "Fidan later also criticised Israel.",
        expect!["Fidan/NNP later/RB also/RB criticised/VBD/criticise Israel/NNP ./PUNCT"],
    );
    // Before the noun they describe they stay adjectives.
    tags(
        "The later agreed deal collapsed.",
        expect!["The/DT later/JJ/late agreed/JJ/agree deal/NN collapsed/VBD/collapse ./PUNCT"],
    );
    tags(
        "Ankara's later revised plan angered Athens.",
        expect!["Ankara/NNP 's/POS later/JJ/late revised/JJ plan/NN angered/VBD/anger Athens/NNP ./PUNCT"],
    );
    tags("A more detailed report followed.", expect!["A/DT more/RB detailed/JJ report/NN followed/VBD/follow ./PUNCT"]);
    tags(
        "The recently elected president visited Chile.",
        expect!["The/DT recently/RB elected/JJ/elect president/NN visited/VBD/visit Chile/NNP ./PUNCT"],
    );
    tags(
        "Russia's often criticised policy angered Kyiv.",
        expect!["Russia/NNP 's/POS often/JJ criticised/JJ/criticise policy/NN angered/VBD/anger Kyiv/NNP ./PUNCT"],
    );
    // A noun with an adverb reading is still the noun (`the US firm agreed`).
    tags("The US firm agreed to pay.", expect!["The/DT US/NNP firm/NN agreed/VBD/agree to/TO pay/VB ./PUNCT"]);
}
