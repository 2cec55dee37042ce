//! PETRARCH loader and conventions, with invented dictionaries: `^` skips a
//! noun phrase whether or not it is an actor, a record whose parse does not
//! balance codes nothing, an agent coordinated inside an actor's noun phrase
//! is no bare agent, a verb in an adverbial clause of a verb that codes gives
//! no event, a verb after a determiner is a noun, `former` makes ELI, a
//! `[+++]` pattern is not used, a pattern's words match as written
//! (`- * CHARTER` does not match "charters"), and a verb with no actor after
//! it codes a targetless event only when an object noun phrase follows it
//! (not a bare time word), and a verb written as an inflected form matches
//! its letters only; every agent of an actor's noun phrase adds its code;
//! generated form variants of no event are left out of `dyad code` unreported;
//! a base-form verb after `a` and modifiers is a noun; a possessive actor
//! before modifiers heads the noun phrase.

use std::sync::Arc;

use dyad_peer::petrarch::{read_suite, Dictionaries};
use dyad_peer::{Conventions, PeerCoder};
use dyad_text::Lexicon;

const ACTORS: &str = "\
FREEDONIA [FRD]
FREEDONIAN [FRD]
SYLVANIA [SYL]
OSTREVIA [OST]
";

const AGENTS: &str = "\
GOVERNMENT [~GOV]
MEDIA [~MED]
OFFICIAL {OFFICIALS} [~GOV]
";

const VERBS: &str = "\
--- WARN [160] ---
WARN
- * THEIR ^ ABOUT + [162]
- * AT ^ + [163]

--- RESTORE [064] ---
RESTORE
- * SHAM TIES [+++]

--- BURN [222] ---
BURN

--- ACCORD [---] ---
ACCORD
- IN_* [040]

--- ADOPT [081] ---
ADOPT
- * CHARTER [102]

--- SHELVE [---] ---
SHELVE
- * SUMMIT [191]

--- PROTEST [140] ---
PROTEST

--- GREET [036] ---
GREET

--- GREETED [031:032] ---
GREETED

--- VISIT [042] ---
VISIT
";

fn coder() -> PeerCoder {
    coder_with(ACTORS, AGENTS, VERBS)
}

fn coder_with(actors: &str, agents: &str, verbs: &str) -> PeerCoder {
    let lexicon = Lexicon::english();
    let dicts = Dictionaries {
        actors: vec![("t.actors.txt".into(), actors.into())],
        agents: vec![("t.agents.txt".into(), agents.into())],
        verbs: vec![("t.verbs.txt".into(), verbs.into())],
        ..Dictionaries::default()
    };
    let (coder, rejected) = PeerCoder::build(&dicts.convert(&lexicon), Arc::new(lexicon));
    assert!(rejected.is_empty(), "{rejected:?}");
    coder
}

fn codes(coder: &PeerCoder, text: &str, c: &Conventions) -> Vec<String> {
    let mut v: Vec<String> = coder
        .code_with(text, None, c.clone())
        .into_iter()
        .map(|e| format!("{}/{}/{}", e.source, e.target, e.code))
        .collect();
    v.sort();
    v
}

#[test]
fn skip_before_a_word_passes_over_any_noun_phrase() {
    let coder = coder();
    let peer = Conventions::default();
    // `THEIR ^ ABOUT +`: the skipped phrase names no actor.
    assert_eq!(codes(&coder, "Freedonia warned their citizens about Sylvania.", &peer), vec!["FRD/SYL/162"]);
    // ... or one.
    assert_eq!(codes(&coder, "Freedonia warned their Ostrevia allies about Sylvania.", &peer), vec!["FRD/SYL/162"]);
    // `AT ^ +`: before a slot `^` still passes over an actor to the target.
    assert_eq!(codes(&coder, "Freedonia warned at Ostrevia about Sylvania.", &peer), vec!["FRD/SYL/163"]);
    // Without the pattern's words the verb codes alone.
    assert_eq!(codes(&coder, "Freedonia warned Sylvania.", &peer), vec!["FRD/SYL/160"]);
}

#[test]
fn an_unbalanced_parse_codes_nothing() {
    let xml = "<Sentences>
<Sentence date=\"19950101\" id=\"B-01\"><Text>Freedonia warned Sylvania.</Text>
<Parse>(ROOT (S (NP (NNP Freedonia)) (VP (VBD warned) (NP (NNP Sylvania))) (. .)))</Parse></Sentence>
<Sentence date=\"19950101\" id=\"B-02\"><Text>Freedonia warned Sylvania.</Text>
<Parse>(ROOT (S (NP (NNP Freedonia)) (VBD warned) (NP (NNP Sylvania))) (. .)))</Parse></Sentence>
<Sentence date=\"19950101\" id=\"B-03\"><Text>Freedonia warned Sylvania.</Text>
<Parse>(ROOT (S (NP (NNP Freedonia)) (VP (VBD warned) (NP (NNP Sylvania)) (. .)))</Parse></Sentence>
<Sentence date=\"19950101\" id=\"B-04\"><Text>Freedonia warned Sylvania.</Text></Sentence>
</Sentences>";
    let suite = read_suite("x.xml", xml);
    let texts: Vec<&str> = suite.records.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(texts, vec!["Freedonia warned Sylvania.", "", "", "Freedonia warned Sylvania."]);
    let bad: Vec<&str> =
        suite.diagnostics.iter().filter(|d| d.kind == "bad-parse").map(|d| d.message.as_str()).collect();
    assert_eq!(bad.len(), 2, "{bad:?}");
    assert!(bad[0].starts_with("B-02") && bad[1].starts_with("B-03"), "{bad:?}");
    let coder = coder();
    assert!(codes(&coder, &suite.records[1].text, &Conventions::default()).is_empty());
}

#[test]
fn an_agent_joined_to_an_actor_phrase_is_not_bare() {
    let coder = coder();
    let peer = Conventions::default();
    // `Freedonian media and government`: both take the country.
    assert_eq!(
        codes(&coder, "Freedonian media and government warned Sylvania.", &peer),
        vec!["FRDGOV/SYL/160", "FRDMED/SYL/160"]
    );
    // An agent standing alone is still bare, whatever country the engine
    // carries to it from the sentence.
    let got = codes(&coder, "In Freedonia, he said government warned Sylvania.", &peer);
    assert!(got.iter().all(|c| !c.starts_with("FRDGOV")), "{got:?}");
}

#[test]
fn a_verb_in_an_adverbial_clause_of_a_coded_verb_gives_no_event() {
    let coder = coder();
    let loose = Conventions { require_target: false, agent_prefix: Some("---"), ..Conventions::default() };
    let text = "Freedonia restored ties with Sylvania after Ostrevia crowds burned the embassy.";
    assert_eq!(codes(&coder, text, &loose), vec!["FRD/SYL/064"]);
    // Past a comma the clause has ended: the reporting verb's own clause codes.
    let text = "Freedonia restored ties with Sylvania after the storm, Ostrevia crowds burned the embassy.";
    assert_eq!(codes(&coder, text, &loose), vec!["FRD/SYL/064", "OST//222"]);
    // With no verb coding before it, the clause's verb codes.
    let text = "Freedonia improved ties with Sylvania after Ostrevia crowds burned the embassy.";
    assert_eq!(codes(&coder, text, &loose), vec!["OST//222"]);
}

#[test]
fn a_verb_after_a_determiner_is_a_noun() {
    let coder = coder();
    let peer = Conventions::default();
    assert_eq!(codes(&coder, "Freedonia was in accord with Sylvania on Monday.", &peer), vec!["FRD/SYL/040"]);
    assert!(codes(&coder, "Freedonia was in an accord with Sylvania on Monday.", &peer).is_empty());
}

#[test]
fn former_makes_the_actor_eli() {
    let coder = coder();
    let peer = Conventions::default();
    assert_eq!(codes(&coder, "Freedonia restored ties with former Sylvania officials.", &peer), vec!["FRD/SYLELI/064"]);
    assert_eq!(codes(&coder, "Freedonia restored ties with Sylvania officials.", &peer), vec!["FRD/SYLGOV/064"]);
}

#[test]
fn a_complex_code_pattern_is_not_used() {
    let lexicon = Lexicon::english();
    let dicts = Dictionaries { verbs: vec![("t.verbs.txt".into(), VERBS.into())], ..Dictionaries::default() };
    let conv = dicts.convert(&lexicon);
    assert_eq!(conv.diagnostics.iter().filter(|d| d.kind == "complex-code-pattern").count(), 1);
    let coder = coder();
    let text = "Freedonia restored sham ties with Sylvania.";
    assert_eq!(codes(&coder, text, &Conventions::default()), vec!["FRD/SYL/064"]);
}

#[test]
fn a_pattern_word_matches_as_written() {
    let lexicon = Lexicon::english();
    let dicts = Dictionaries { verbs: vec![("t.verbs.txt".into(), VERBS.into())], ..Dictionaries::default() };
    let check = dicts.convert(&lexicon).builder().check(&lexicon);
    assert!(check.is_empty(), "{check:?}");
    let coder = coder();
    let peer = Conventions::default();
    assert_eq!(codes(&coder, "Freedonia adopted a charter with Sylvania.", &peer), vec!["FRD/SYL/102"]);
    // The plural is another word for PETRARCH: the verb's own code.
    assert_eq!(codes(&coder, "Freedonia adopted two charters with Sylvania.", &peer), vec!["FRD/SYL/081"]);
    // A `[---]` verb codes nothing once its pattern does not match.
    assert_eq!(codes(&coder, "Freedonia shelved the summit with Sylvania.", &peer), vec!["FRD/SYL/191"]);
    assert!(codes(&coder, "Freedonia shelved the summits with Sylvania.", &peer).is_empty());
}

#[test]
fn a_targetless_event_needs_an_object() {
    let coder = coder();
    let loose = Conventions { require_target: false, agent_prefix: Some("---"), ..Conventions::default() };
    assert_eq!(codes(&coder, "Freedonia protested on Saturday.", &loose), vec!["FRD//140"]);
    assert_eq!(codes(&coder, "Freedonia protested the decision.", &loose), vec!["FRD//140"]);
    // A bare time word is no object, nor is the end of the sentence.
    assert!(codes(&coder, "Freedonia protested today.", &loose).is_empty());
    assert!(codes(&coder, "Freedonia protested.", &loose).is_empty());
    assert!(codes(&coder, "Freedonia protested Friday, officials said.", &loose).is_empty());
    // An actor after the verb is coded as ever.
    assert_eq!(codes(&coder, "Freedonia protested to Sylvania today.", &loose), vec!["FRD/SYL/140"]);
}

#[test]
fn an_inflected_verb_matches_its_letters() {
    let coder = coder();
    let peer = Conventions::default();
    // `GREETED` is not `greet`, whose own block codes it.
    assert_eq!(codes(&coder, "Freedonia greets Sylvania.", &peer), vec!["FRD/SYL/036"]);
    assert_eq!(codes(&coder, "Freedonia greeted Sylvania.", &peer), vec!["FRD/SYL/031", "SYL/FRD/032"]);
}

#[test]
fn written_form_variants_of_no_event_are_not_reported() {
    let verbs = "--- SHELVE [---] ---\nSHELVE\n- * SUMMIT [191]\n\n--- PRAISE [051] ---\nPRAISE\n- * RIVAL [---]\n";
    let lexicon = Lexicon::english();
    let dicts = Dictionaries { verbs: vec![("t.verbs.txt".into(), verbs.into())], ..Dictionaries::default() };
    let converted = dicts.convert(&lexicon);
    // `- * SUMMIT` under `--- SHELVE [---] ---` gets a `summits` variant of no event.
    let events = converted.source(".events").expect("events source");
    assert!(events.lines().any(|l| l.contains("summits*") && l.contains("= ---")), "{events}");
    // Only the dictionary's own no-event pattern is reported.
    let peer_line = |n: u32| {
        let l = events.lines().nth(n as usize - 1).unwrap_or_default();
        l.rsplit_once(':').map(|(_, n)| n.trim().to_string()).unwrap_or_default()
    };
    let dyad = converted.for_dyad();
    let null: Vec<String> =
        dyad.diagnostics.iter().filter(|d| d.kind == "null-code-pattern").map(|d| peer_line(d.line)).collect();
    assert_eq!(null, vec!["7"], "{events}");
}

// PETRARCH agents: every agent phrase of an actor's noun phrase adds its
// code (a prefix agent before the actor's code), the longest phrase at each
// word, agent phrases written right after the mention belong to it, a code
// already held is not repeated, and coordinated agents keep one each.

const MORE_ACTORS: &str = "\
LANTERN_TRUST [NGOLTN]
NOVAK [SYL]
WEST_FREEDONIAN [FRDWST]
";

const MORE_AGENTS: &str = "\
ENVOY {ENVOYS} [~GOV]
RELIEF_CORPS {} [NGO~]
PRESS_OFFICER {PRESS_OFFICERS} [~MED]
POLICE {} [~COP]
SECRET_POLICE {} [~SPY]
HARBOUR_GUILD {} [~HBG]
WORLD_COUNCIL {} [~WCL]
";

fn stack_coder() -> PeerCoder {
    coder_with(&format!("{ACTORS}{MORE_ACTORS}"), &format!("{AGENTS}{MORE_AGENTS}"), VERBS)
}

fn stacked(coder: &PeerCoder, text: &str) -> Vec<String> {
    codes(coder, text, &Conventions::default())
}

#[test]
fn every_agent_of_the_noun_phrase_adds_its_code() {
    let coder = stack_coder();
    // A prefix agent before the country and a role noun after it.
    assert_eq!(stacked(&coder, "A Relief Corps Freedonia envoy warned Sylvania."), vec!["NGOFRDGOV/SYL/160"]);
    assert_eq!(
        stacked(&coder, "Sylvania restored ties with a Relief Corps Freedonia envoy."),
        vec!["SYL/NGOFRDGOV/064"]
    );
    // A role noun before `of` and an organisation, in one mention.
    assert_eq!(
        stacked(&coder, "The press officers of Lantern Trust warned Sylvania on Monday."),
        vec!["NGOLTNMED/SYL/160"]
    );
    assert_eq!(stacked(&coder, "Lantern Trust envoys warned Sylvania."), vec!["NGOLTNGOV/SYL/160"]);
    // One agent still codes as before.
    assert_eq!(stacked(&coder, "Freedonia officials warned Sylvania."), vec!["FRDGOV/SYL/160"]);
}

#[test]
fn the_longest_agent_phrase_at_a_word_codes() {
    let coder = stack_coder();
    assert_eq!(stacked(&coder, "Freedonia secret police warned Sylvania."), vec!["FRDSPY/SYL/160"]);
    assert_eq!(stacked(&coder, "Freedonia police warned Sylvania."), vec!["FRDCOP/SYL/160"]);
}

#[test]
fn an_agent_code_already_held_is_not_repeated() {
    let coder = stack_coder();
    assert_eq!(stacked(&coder, "Freedonia government officials warned Sylvania."), vec!["FRDGOV/SYL/160"]);
}

#[test]
fn agent_phrases_right_after_the_mention_belong_to_it() {
    let coder = stack_coder();
    assert_eq!(stacked(&coder, "Freedonian harbour guild envoys warned Sylvania."), vec!["FRDHBGGOV/SYL/160"]);
    // The engine's mention ends at the actor phrase; the agent phrase after it still adds its code.
    assert_eq!(stacked(&coder, "West Freedonian world council activists warned Sylvania."), vec!["FRDWSTWCL/SYL/160"]);
    // Past a comma the noun phrase has ended.
    let got = stacked(&coder, "Sylvania restored ties with Freedonia, government envoys said.");
    assert!(got.contains(&"SYL/FRD/064".to_string()), "{got:?}");
}

#[test]
fn coordinated_agents_keep_one_each() {
    let coder = stack_coder();
    assert_eq!(
        stacked(&coder, "Freedonian media and government warned Sylvania."),
        vec!["FRDGOV/SYL/160", "FRDMED/SYL/160"]
    );
}

#[test]
fn a_base_verb_after_an_article_and_modifiers_is_a_noun() {
    let coder = coder();
    let peer = Conventions::default();
    assert_eq!(
        codes(&coder, "Freedonia warned Sylvania during a brief private visit to Ostrevia.", &peer),
        vec!["FRD/SYL/160"]
    );
    assert_eq!(codes(&coder, "Freedonia warned Sylvania before an official visit.", &peer), vec!["FRD/SYL/160"]);
    // A modal, a written ending, or no article: the verb heads its own phrase.
    assert_eq!(codes(&coder, "A Freedonia official will visit Sylvania.", &peer), vec!["FRDGOV/SYL/042"]);
    assert_eq!(codes(&coder, "A Freedonia official visits Sylvania.", &peer), vec!["FRDGOV/SYL/042"]);
    assert_eq!(codes(&coder, "Freedonia officials visit Sylvania every year.", &peer), vec!["FRDGOV/SYL/042"]);
}

#[test]
fn a_possessive_actor_before_modifiers_heads_the_noun_phrase() {
    let coder = stack_coder();
    // The role noun's own actor (Novak) does not replace the possessor.
    assert_eq!(stacked(&coder, "Freedonia's proud and stern envoy Novak warned Ostrevia."), vec!["FRDGOV/OST/160"]);
    assert_eq!(stacked(&coder, "Freedonia's veteran envoy Novak warned Ostrevia."), vec!["FRDGOV/OST/160"]);
    assert_eq!(stacked(&coder, "Freedonia's envoy Novak warned Ostrevia."), vec!["FRDGOV/OST/160"]);
    // Without the possessive the role noun's actor codes.
    assert_eq!(stacked(&coder, "The proud envoy Novak warned Ostrevia."), vec!["SYLGOV/OST/160"]);
}
