//! False alarms: acts a news reader does not see done. A clause of
//! condition or of a time still to come (`unless X agreed`, `will sign as
//! soon as X agrees`), a bare verb asked for (`demanded the leader
//! resign`), an aim named by a noun (`its ambition of joining`), a
//! firm's own talk aimed at no actor and a performer's act are not coded;
//! the real political use next to each still is. A small self-contained
//! dictionary; made-up sentences.

use std::sync::Arc;

use dyad_coder::Coder;
use dyad_dict::DictionariesBuilder;
use dyad_text::Lexicon;

const ACTORS: &str = "
Ruritania = RUR
Sylvania = SYL
Sylvanian = SYL
Freedonia = FRD
Freedonian = FRD
Grandfenwick = GFW
";

const AGENTS: &str = "
leader = GOV
president = GOV
minister = GOV
militia = REB
militias = REB
rebels = REB
firm = BUS
company = BUS
bank = BUS
bankers = BUS
investors = BUS
";

const EVENTS: &str = "
agree = 019
agree to = 019
sign .. treaty = 057
sign = 057
withdraw = 0874
withdraw from = 0874
resign = 0831
step down = 0831
release = 084
free = 084
attack = 190
join = 050
demand = 100
insist = 010
say = 010
hope = 013
worried = 012
be worried = 012
plan = 030
meet = 040
urge = 020
lend = 071
recognise = 051
criticise = 111
praise = 051
";

fn coder() -> Coder {
    let lexicon = Arc::new(Lexicon::english());
    let dicts = {
        let mut b = DictionariesBuilder::new();
        b.add_source("fa.actors", ACTORS).add_source("fa.agents", AGENTS).add_source("fa.events", EVENTS);
        b.build(&lexicon).expect("the test dictionaries build")
    };
    Coder::builder(Arc::new(dicts), lexicon).build()
}

/// Each event as `SOURCE CODE TARGET` (`-` for none).
fn events(input: &str) -> Vec<String> {
    let coded = coder().code_text(input, None);
    let show = |e: &dyad_core::Event| {
        let target = e.target.as_ref().map_or("-", |t| t.code.as_str());
        [e.source.code.as_str(), e.cameo.as_str(), target].join(" ")
    };
    coded.events.iter().map(show).collect()
}

fn check(input: &str, expect: &str) {
    assert_eq!(events(input).join("; "), expect, "input: {input}");
}

fn coded(input: &str) -> Vec<String> {
    events(input).iter().map(|e| e.rsplit_once(' ').map_or(e.clone(), |(head, _)| head.to_string())).collect()
}

/// No event of an actor whose code starts with `prefix` in any of `cases`.
fn none_by(prefix: &str, cases: &[&str]) {
    for s in cases {
        let got = coded(s);
        assert!(!got.iter().any(|e| e.starts_with(prefix)), "{s}: {got:?}");
    }
}

#[test]
fn a_condition_is_not_an_act_done() {
    // `unless`, past an apposition of the subject, whatever the tense.
    none_by(
        "SYL",
        &[
            "No money would reach Sylvania unless the president, Sylvanian leader Novak, agreed to talks.",
            "Freedonia will not pay unless Sylvania withdraws from the valley.",
            "Unless the Sylvanian militias withdraw, Freedonia will attack them.",
        ],
    );
    // The main clause after the condition is still read (as intent or threat).
    assert!(coded("Unless the talks resume, Freedonia will attack Sylvania.").iter().any(|e| e.starts_with("FRD 13")));
}

#[test]
fn a_time_still_to_come_is_not_an_act_done() {
    none_by(
        "SYL",
        &[
            "Freedonia is ready to sign the treaty as soon as Sylvania agrees on a date.",
            "Freedonia will free the sailors once Sylvania releases the tanker.",
            "Freedonia, once Sylvania releases the tanker, will free the sailors.",
            "Grandfenwick will not recognise Freedonia until Sylvania withdraws its troops.",
            "Ruritania could attack Sylvania when Freedonia withdraws its police.",
            // Told in the past, the present moves back a tense.
            "Freedonia said it was ready to sign as soon as Sylvania agreed on a date.",
            "Freedonia said it would free the crew once Sylvania released the tanker.",
        ],
    );
}

#[test]
fn a_time_clause_of_a_past_act_still_codes() {
    check("Freedonia freed the sailors once Sylvania released the tanker.", "FRD 084 -; SYL 084 -");
    check("Grandfenwick refused talks until Sylvania withdrew its troops.", "SYL 0874 -");
    check("Freedonia attacked Ruritania when Sylvania withdrew its police.", "FRD 190 RUR; SYL 0874 -");
    // A headline's present with no future in it is the news.
    check("Freedonia frees sailors after Sylvania releases tanker", "FRD 084 -; SYL 084 -");
}

#[test]
fn a_bare_verb_asked_for_is_not_done() {
    none_by(
        "SYL",
        &[
            "Freedonia demanded the Sylvanian leader resign.",
            "Freedonia insisted the Sylvanian militias withdraw from the valley.",
            "Ruritania has repeatedly demanded the Sylvanian president step down.",
        ],
    );
    // Reported as done, it still codes.
    assert!(
        coded("Freedonia said the Sylvanian militias withdrew from the valley.").contains(&"SYLREB 0874".to_string())
    );
    assert!(coded("The Sylvanian leader resigned.").contains(&"SYLGOV 0831".to_string()));
}

#[test]
fn an_aim_named_by_a_noun_is_not_done() {
    none_by(
        "SYL",
        &[
            "Debt remains the main obstacle to Sylvania's ambition of joining Ruritania.",
            "Sylvania's dream of attacking Freedonia worries Grandfenwick.",
            "Beneath Sylvania's rhetoric of attacking Freedonia lies caution.",
            // Any noun that is no trigger: what it is about is no act done.
            "Sylvania's policy of attacking Freedonia has failed.",
            "Sylvania ended its practice of releasing prisoners early.",
        ],
    );
    // A trigger noun's own gerund refines it; the act itself still codes.
    check("Sylvania attacked Freedonia.", "SYL 190 FRD");
    assert!(coded("Sylvania joined Ruritania in 2004.").contains(&"SYL 050".to_string()));
}

#[test]
fn a_firms_own_talk_aimed_at_no_actor_is_business_news() {
    // (No event at all: every code starts with "".)
    none_by(
        "",
        &[
            "The Sylvanian firm hopes sales will rise next year.",
            "Freedonian investors are worried about the deficit.",
            "The Freedonian company said profits fell.",
            "The Sylvanian bank plans to open new branches.",
            // Its own country is no target either (it had settled the firm's country first).
            "Investors are worried about the Freedonian deficit.",
            "Sylvanian investors are worried about Sylvania.",
        ],
    );
    // Aimed at a state it is political, and a government's own talk stays.
    check("Freedonian bankers urged the Sylvanian minister to act.", "FRDBUS 020 SYLGOV");
    check("The Sylvanian bank will lend Freedonia two billion dollars.", "SYLBUS 0331 FRD");
    check("The Freedonian minister hopes sales will rise next year.", "FRDGOV 013 -");
    check("Sylvanian investors are worried about Freedonia.", "SYLBUS 012 FRD");
}

#[test]
fn a_performer_named_by_nationality_acts_in_culture() {
    none_by(
        "",
        &[
            "Sylvanian actor Ivo Marek is hoping to win the award again.",
            "Freedonian pop singer Ana Lind criticised Ruritania on stage.",
            "A Sylvanian rapper awaiting trial attacked a photographer.",
            "Freedonian rock band Kestrel praised Sylvania after the concert.",
        ],
    );
    // A state actor, and a country with no performer, are still politics.
    check("Sylvanian state actors attacked Freedonia.", "SYL 190 FRD");
    check("Sylvania criticised Ruritania on Monday.", "SYL 111 RUR");
}
