//! Mood checks: what is hoped, feared or foreseen of another actor is not
//! an act, a commitment not to use force is an intention to de-escalate,
//! a country naming a player's side acts in sport, and a headline's
//! passive names who an act was done to; a likely act, one with no sign
//! of it, and a capitalised trigger word inside a sentence are not coded. A small self-contained dictionary; made-up sentences.

use std::sync::Arc;

use dyad_coder::Coder;
use dyad_dict::DictionariesBuilder;
use dyad_text::Lexicon;

const ACTORS: &str = "
Freedonia = FRD
Freedonian = FRD
Sylvania = SYL
Sylvanian = SYL
Grandfenwick = GFW
";

const EVENTS: &str = "
attack = 190
invade = 192
meet = 040
meet with = 040
negotiate with = 046
release = 084
pledge = 030
vow = 030
promise = 030
warn = 012
hope = 013
impose sanctions on = 163
criticise = 111
praise = 051
launch .. attack = 190
invasion = 192
blockade = 191
talks = 040
sanctions = 163
arrest = 173
sentence = 116
kill = 1823
expel = 166
accuse = 112
fine = 116
side with = 032
supply = 070
expel diplomats = 166
visit = 042
warn .. [that] it|they|we would|will ... if|unless = 139
";

fn coder() -> Coder {
    let lexicon = Arc::new(Lexicon::english());
    let dicts = {
        let mut builder = DictionariesBuilder::new();
        builder.add_source("mood.actors", ACTORS);
        builder.add_source("mood.events", EVENTS);
        builder.build(&lexicon).expect("the test dictionaries build")
    };
    Coder::builder(Arc::new(dicts), lexicon).build()
}

/// Checks each `(sentence, events)` pair, events as `SOURCE CAMEO TARGET`
/// joined by `; `, with one coder.
fn check_all(cases: &[(&str, &str)]) {
    let coder = coder();
    for (input, expect) in cases {
        let events = coder.code_text(input, None).events;
        let got = events
            .iter()
            .map(|e| {
                [e.source.code.as_str(), e.cameo.as_str(), e.target.as_ref().map_or("-", |t| t.code.as_str())].join(" ")
            })
            .collect::<Vec<_>>()
            .join("; ");
        assert_eq!(&got, expect, "input: {input}");
    }
}

#[test]
fn what_is_hoped_or_feared_of_another_actor_is_not_coded() {
    check_all(&[
        ("Freedonia fears that Sylvania will attack Grandfenwick.", ""),
        ("Freedonia fears Sylvania will invade Grandfenwick next year.", ""),
        ("Freedonia hopes Sylvania releases the Grandfenwick sailors.", "FRD 013 -"),
        ("Freedonia expects that Sylvania will impose sanctions on Grandfenwick.", ""),
        ("Analysts predicted that Sylvania would meet with Grandfenwick.", ""),
        ("Amid fears that Sylvania would invade Grandfenwick, Freedonia closed its border.", ""),
        ("Freedonia believes Sylvania will attack Grandfenwick.", ""),
        ("Officials dismissed speculation that Sylvania would invade Grandfenwick.", ""),
    ]);
}

#[test]
fn a_warning_about_another_actor_is_a_prediction_when_future() {
    check_all(&[
        // The warning is about the clause's subject (its target), not its act.
        ("Freedonia warned that Sylvania would attack Grandfenwick.", "FRD 012 SYL"),
        // A past act the warning reports happened.
        ("Freedonia warned that Sylvania had attacked Grandfenwick.", "FRD 012 SYL; SYL 190 GFW"),
    ]);
}

#[test]
fn the_speakers_own_intention_and_reported_acts_still_code() {
    check_all(&[
        // A pronoun subject is the speaker's own threat or intention.
        ("Freedonia warned that it would attack Sylvania.", "FRD 1384 SYL"),
        ("Freedonia hopes it will meet Sylvania soon.", "FRD 013 -; FRD 036 SYL"),
        // Reported speech is coded.
        ("Freedonia said Sylvania attacked Grandfenwick.", "SYL 190 GFW"),
        ("Freedonia believes Sylvania attacked Grandfenwick.", "SYL 190 GFW"),
        ("Freedonia fears were eased when Sylvania released the Grandfenwick sailors.", "SYL 084 GFW"),
    ]);
}

#[test]
fn a_commitment_not_to_use_force_is_an_intention_to_de_escalate() {
    check_all(&[
        ("Freedonia pledged not to attack Sylvania.", "FRD 0356 SYL"),
        ("Freedonia vowed never to invade Sylvania again.", "FRD 0356 SYL"),
        ("Sylvania has promised not to attack Grandfenwick.", "SYL 0356 GFW"),
        // A commitment to use force is a threat; one not to negotiate a refusal.
        ("Freedonia pledged to attack Sylvania.", "FRD 1384 SYL"),
        ("Freedonia vowed not to negotiate with Sylvania.", "FRD 125 SYL"),
    ]);
}

#[test]
fn a_country_naming_a_players_or_coachs_side_is_sport() {
    check_all(&[
        ("Freedonia coach Jan Kral criticised the referee.", ""),
        ("The Sylvania skipper praised the fans.", ""),
        ("Sylvanian tennis coach Ana Ruiz criticised the umpire.", ""),
        ("The Freedonia international criticised the ban.", ""),
        // A country or its leader still acts in politics.
        ("Freedonia criticised Sylvania on Monday.", "FRD 111 SYL"),
        ("Sylvania's star witness criticised Freedonia.", "SYL 111 FRD"),
    ]);
}

#[test]
fn an_act_that_is_possible_awaited_or_risked_is_not_coded() {
    check_all(&[
        ("Freedonia is getting ready for a possible Sylvanian attack.", ""),
        ("Grandfenwick made preparations for a potential Sylvanian blockade.", ""),
        ("Sylvania is weeks away from invading Freedonia.", ""),
        ("Sylvania is on the brink of invading Grandfenwick.", ""),
        ("The crisis raised the risk of a Freedonian invasion of Sylvania.", ""),
        ("Sylvania used the border incident as a pretext for an invasion of Freedonia.", ""),
        ("The expected talks between Freedonia and Sylvania were postponed.", ""),
        ("Sylvanian troops cannot afford attacks on Freedonia.", ""),
        ("Grandfenwick could face sanctions from Sylvania.", ""),
    ]);
}

#[test]
fn the_act_itself_still_codes_beside_words_of_waiting() {
    check_all(&[
        ("Sylvania launched an attack on Freedonia.", "SYL 190 FRD"),
        // A light verb realises an act that was only threatened before.
        ("Sylvania launched its long-threatened attack on Freedonia.", "SYL 190 FRD"),
        ("Sylvanian troops attacked Freedonia on Monday.", "SYL 190 FRD"),
        ("Freedonia criticised Sylvania for the invasion of Grandfenwick.", "FRD 111 SYL"),
    ]);
}

#[test]
fn a_headline_passive_names_who_the_act_was_done_to() {
    check_all(&[
        // No agent: no source, no event (not the victim as the actor).
        ("Freedonia sentenced to pay damages, says Sylvania", ""),
        ("Sylvanians sentenced to 12 years for espionage", ""),
        ("Sylvanians arrested in Freedonia over protest", ""),
        ("Freedonians arrested and jailed in Sylvania", ""),
        ("Two Sylvanians killed, three wounded", ""),
        ("Grandfenwick expelled, says Freedonia", ""),
        ("Sylvanians accused of spying for Freedonia", ""),
        // With an agent: the agent acts on the subject.
        ("Sylvanian journalist arrested by Freedonia", "FRD 173 SYL"),
    ]);
}

#[test]
fn an_active_verb_with_its_object_still_codes() {
    check_all(&[
        ("Freedonia arrested two Sylvanian journalists.", "FRD 173 SYL"),
        ("Freedonia expelled the Sylvanian ambassador on Monday.", "FRD 166 SYL"),
        ("Sylvanian troops killed at least 18 Freedonian villagers.", "SYL 1823 FRD"),
        ("Sylvanian troops killed more than 40 Freedonian soldiers.", "SYL 1823 FRD"),
        ("Freedonia arrested on Monday two Sylvanian journalists.", "FRD 173 SYL"),
        // (The relative clause's object is its noun: not a passive.)
        ("Grandfenwick condemned the killings of villagers Sylvania arrested in March.", "SYL 173 -"),
    ]);
}

#[test]
fn a_headline_fine_before_its_amount_is_passive() {
    check_all(&[
        ("Sylvanians fined 2,700 euros for amputating the wrong leg", ""),
        ("Freedonians fined $5 million over data breach", ""),
        ("Sylvania fined 300,000 shillings for a salute", ""),
        // Active, the one fined comes before the amount.
        ("Freedonia fines Sylvania 4 billion euros", "FRD 116 SYL"),
        ("Freedonia fined two Sylvanian firms $3 million", "FRD 116 SYL"),
        ("Freedonian regulators fined 12 Sylvanian banks on Monday", "FRD 116 SYL"),
    ]);
}

#[test]
fn a_likely_act_or_one_with_no_sign_of_it_is_not_coded() {
    check_all(&[
        ("It is likely Freedonia and Grandfenwick will side with Sylvania.", ""),
        ("It is unlikely that Sylvania will attack Freedonia this year.", ""),
        ("Analysts said it was possible Sylvania would invade Freedonia.", ""),
        ("There was no sign Sylvania was willing to meet Freedonia.", ""),
        ("Reporters saw no indication that Sylvania had supplied drones to Freedonia.", ""),
        ("There is little evidence Grandfenwick has expelled diplomats from Sylvania.", ""),
    ]);
}

#[test]
fn a_sure_or_seen_act_still_codes() {
    check_all(&[
        ("Freedonia sided with Sylvania, officials said.", "FRD 032 SYL"),
        ("There were signs Sylvania attacked Freedonia.", "SYL 190 FRD"),
        ("Sylvania supplied drones to Freedonia, officials said.", "SYL 070 FRD"),
        ("There was no sign of a deal, and Freedonia attacked Sylvania on Monday.", "FRD 190 SYL"),
    ]);
}

#[test]
fn a_capitalised_trigger_word_inside_a_sentence_is_a_name() {
    check_all(&[
        ("Freedonian critics praised the new film, Meet the Sylvanians, on Monday.", "FRD 051 -"),
        ("The Freedonia band recorded its album Sudden Attack in Sylvania last year.", ""),
        ("Freedonian Finance Minister Fine Kral said the new budget was sound and balanced.", ""),
        // A title-case headline and the first word still code.
        ("Freedonia Attacks Sylvanian Border Posts With Drones", "FRD 190 SYL"),
        ("Meet Sylvania first, Freedonian officials urged on Monday.", ""),
        ("Freedonia attacked Sylvania and praised Grandfenwick.", "FRD 190 SYL; FRD 051 GFW"),
    ]);
}

#[test]
fn an_indefinite_act_before_a_modal_is_imagined() {
    check_all(&[
        ("A total Sylvanian attack would cause disaster in Freedonia.", ""),
        ("Any invasion of Freedonia by Sylvania will be met with force.", ""),
        ("A Sylvanian blockade of Freedonia could last for months.", ""),
        // Done, or definite: the act happened.
        ("A Sylvanian attack on Freedonia killed five people on Monday.", "SYL 190 FRD; SYL 1823 -"),
        ("The Sylvanian invasion of Freedonia could push prices higher.", "SYL 192 FRD"),
    ]);
}

#[test]
fn a_headlines_to_before_a_bare_verb_is_the_future() {
    check_all(&[
        // `X to visit Y` is `X is to visit Y`: an intention, or a threat for force.
        ("Freedonia to visit Sylvania next week", "FRD 036 SYL"),
        ("Freedonia to attack Sylvania", "FRD 1384 SYL"),
        // The headline's present, and an infinitive after a verb, are not.
        ("Freedonia visits Sylvania", "FRD 042 SYL"),
        ("Freedonia vowed to visit Sylvania", "FRD 036 SYL"),
    ]);
}

#[test]
fn the_act_inside_a_conditional_threat_is_what_it_threatens() {
    check_all(&[
        ("Freedonia warned it would impose sanctions on Sylvania unless Grandfenwick withdrew.", "FRD 139 SYL"),
        ("Freedonia warned it would attack Sylvania if Grandfenwick refused.", "FRD 139 SYL"),
        // Without a condition the act threatened is coded as the threat.
        ("Freedonia vowed to impose sanctions on Sylvania.", "FRD 1312 SYL"),
    ]);
}

#[test]
fn a_warning_with_no_that_is_the_threat_it_states() {
    check_all(&[
        ("Freedonia warned it would attack Sylvania.", "FRD 1384 SYL"),
        // The one warned is the target when the threat names no one else.
        ("Freedonia warned Sylvania it would attack its bases.", "FRD 1384 SYL"),
        ("Freedonia warned Sylvania that it would attack its bases.", "FRD 1384 SYL"),
        ("Freedonia warned Sylvania it would attack Grandfenwick.", "FRD 1384 GFW"),
    ]);
}
