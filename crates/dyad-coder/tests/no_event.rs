//! The no-event code (`PATTERN = ---`): a matched no-event pattern takes
//! its words from the shorter patterns it overlaps and codes nothing, with
//! an actor inside or after it too, and `explain` names it as the rule that
//! suppressed coding. A small self-contained dictionary; made-up sentences.

use std::sync::Arc;

use dyad_coder::Coder;
use dyad_core::Document;
use dyad_dict::DictionariesBuilder;
use dyad_text::Lexicon;

const ACTORS: &str = "Freedonia = FRD\nFreedonian = FRD\nSylvania = SYL\nSylvanian = SYL\n";

const EVENTS: &str = "
meet = 040
meet .. criteria|target|demand = ---
meet .. demands* = 083
talk = 040
talk about = ---
talk about ... with {target} = 040
occupy = 192
the|occupied* territory = ---
criticise = 111
";

fn coder() -> Coder {
    let lexicon = Arc::new(Lexicon::english());
    let mut b = DictionariesBuilder::new();
    b.add_source("t.actors", ACTORS).add_source("t.events", EVENTS);
    let dicts = b.build(&lexicon).unwrap_or_else(|e| panic!("{e}"));
    Coder::builder(Arc::new(dicts), lexicon).build()
}

/// `SOURCE CAMEO TARGET` of each event, joined by `; `.
fn check(input: &str, expect: &str) {
    let coded = coder().code_text(input, None);
    let got: Vec<String> = coded
        .events
        .iter()
        .map(|e| format!("{} {} {}", e.source.code, e.cameo, e.target.as_ref().map_or("-", |t| t.code.as_str())))
        .collect();
    assert_eq!(got.join("; "), expect, "input: {input}");
}

#[test]
fn no_event_pattern_codes_nothing_even_with_an_actor_inside() {
    check("Freedonia met the Sylvanian criteria for membership.", "");
    check("Freedonia talked about Sylvania on Monday.", "");
    check("Freedonia built new roads in the occupied Sylvanian territory.", "");
}

#[test]
fn shorter_and_longer_patterns_still_code() {
    check("Freedonia met Sylvania on Monday.", "FRD 040 SYL");
    check("Freedonia occupied Sylvania.", "FRD 192 SYL");
    // A longer coding pattern beats the no-event one.
    check("Freedonia talked about the border with Sylvania.", "FRD 040 SYL");
    // At equal length the usual order decides (here the later line).
    check("Freedonia met Sylvania's demands.", "FRD 083 SYL");
    // Words outside the no-event trigger code as usual, with its subject.
    check("Freedonia met the criteria and criticised Sylvania.", "FRD 111 SYL");
}

#[test]
fn explain_names_the_rule_that_suppressed_coding() {
    let coder = coder();
    let (coded, traces) = coder.explain(&Document::new("d", "Freedonia met the Sylvanian criteria."));
    assert!(coded.events.is_empty());
    let triggers = &traces[0].triggers;
    let suppressing = triggers.iter().find(|t| t.code == "---").expect("the no-event match is listed");
    assert_eq!(suppressing.pattern, "meet .. criteria|target|demand");
    assert!(
        suppressing.decision.ends_with("no event: this rule suppresses the patterns it overlaps"),
        "{}",
        suppressing.decision
    );
    let meet = triggers.iter().find(|t| t.code == "040").expect("the shorter match is listed");
    assert!(meet.decision.starts_with("overlapped"), "{}", meet.decision);
}
