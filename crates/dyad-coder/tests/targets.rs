//! Finding the target: one class of sentences per test, each checked with
//! several phrasings and a guard where no target must be coded. A small
//! self-contained dictionary; made-up countries and sentences.

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
Ruritania = RUR
Ruritanian = RUR
Concordia Union = IGOCON
";

const AGENTS: &str = "
drone = MIL
army = MIL
troops = MIL
police = COP
official = GOV
negotiator = GOV
delegation = GOV
rebel = REB
police chief = COP
opposition = OPP
student = EDU
judge = JUD
university = EDU
trade union = LAB
leader = GOV
";

const EVENTS: &str = "
deny = 016
condemn = 111
criticise = 111
warn = 012
be alarmed = 012
alarmed = 012
refuse .. to load .. cargo|weapon = 143
refuse .. to unload .. cargo|weapon = 143
ban .. export = 163
weigh = 014
shell = 194
meet = 040
say = 010
voice .. hope = 013
be confident = 013
act .. as .. mediator = 045
carry .. message between = 045
hold .. talks = 040
mediate = 045
exchange .. prisoner = 0841
accuse = 112
attack = 190
seize .. town|city|base = 192
capture .. town|city|base = 192
discuss = 040
discuss .. in .. call = 041
ratify = 057
offer to = 030
stand ready to = 030
vow to = 030
agree with {target} = 019
send .. troops to {target} = 154
impose .. sanction on {target} = 163
speak .. by phone = 041
agree .. to .. visit = 036
agree .. to resume .. talks = 036
sign .. deal = 057
ban = 172
ban .. from = 172
arrest = 173
raid = 091
";

/// `SOURCE CAMEO TARGET` of each event of `input`, joined by `; `.
fn coded(input: &str) -> String {
    coded_with(input, "")
}

/// As `coded`, with `extra` event patterns on top of `EVENTS`.
fn coded_with(input: &str, extra: &str) -> String {
    let lexicon = Arc::new(Lexicon::english());
    let mut b = DictionariesBuilder::new();
    b.add_source("t.actors", ACTORS).add_source("t.agents", AGENTS).add_source("t.events", EVENTS);
    if !extra.is_empty() {
        b.add_source("x.events", extra);
    }
    let dicts = Arc::new(b.build(&lexicon).unwrap_or_else(|e| panic!("{e}")));
    let events = Coder::builder(dicts, lexicon).build().code_text(input, None).events;
    let line = |e: &dyad_core::Event| {
        let target = e.target.as_ref().map_or("-", |t| t.code.as_str());
        format!("{} {} {target}", e.source.code, e.cameo)
    };
    events.iter().map(line).collect::<Vec<_>>().join("; ")
}

fn check(input: &str, expect: &str) {
    assert_eq!(coded(input), expect, "input: {input}");
}

#[test]
fn goods_sent_somewhere_are_aimed_at_where_they_go() {
    check("Freedonian dockers refused to load cargo bound for Sylvania.", "FRD 143 SYL");
    check("Grandfenwick refused to unload weapons destined for Ruritania.", "GFW 143 RUR");
    check("Freedonia banned exports of engine parts shipped to Sylvania.", "FRD 163 SYL");
    check("Freedonia is weighing curbs on parts sold to Ruritania.", "FRD 014 RUR");
    // Guard: a verb of its own in a clause after `said` is no participle.
    check("Freedonia said the shipment went to Sylvania.", "");
}

#[test]
fn an_attributive_past_form_goes_on_with_the_object() {
    check("Freedonia was alarmed by renewed fighting in Sylvania.", "FRD 012 SYL");
    check("Grandfenwick criticised the failed coup in Ruritania.", "GFW 111 RUR");
    check("Freedonia condemned the stalled talks with Sylvania.", "FRD 111 SYL");
}

#[test]
fn a_role_noun_modifying_a_noun_yields_to_the_actor_the_phrase_is_aimed_at() {
    check("Freedonia denied a drone incursion into Sylvanian airspace.", "FRD 016 SYL");
    check("Grandfenwick condemned the drone strikes on Ruritania.", "GFW 111 RUR");
    check("Freedonia is weighing curbs on drone parts bound for Sylvania.", "FRD 014 SYL");
    // Guard: `for` names whom aid helps, not where the phrase is aimed.
    check("Freedonia criticised new army aid for Sylvania.", "FRD 111 -");
    // Guard: with nothing aimed at after it, the modifier is still the target.
    check("Sylvanian rebels shelled army positions in Freedonia.", "SYLREB 194 FRDMIL");
    // Guard: the agent after `by` is no target.
    check("Freedonia condemned the drone strikes by Sylvania.", "FRD 111 -");
}

#[test]
fn a_warning_or_hope_is_about_the_actor_its_that_clause_names() {
    check("Freedonia warned that Sylvania faced a famine.", "FRD 012 SYL");
    check("Grandfenwick warned again that famine was spreading across Ruritania.", "GFW 012 RUR");
    check("Freedonia voiced hope that inspectors could soon return to Sylvania.", "FRD 013 SYL");
    // Guard: an actor inside a subject about something else.
    check("Freedonia warned that growth in Sylvania would slow.", "FRD 012 -");
    // Guard: the speaker's own country is no target.
    check("Freedonia warned that Freedonian troops would stay.", "FRD 012 -");
    // The other party of ties the clause is about.
    check("Freedonia warned that relations with Sylvania could worsen.", "FRD 012 SYL");
    check("Grandfenwick was confident that the trade pact with the Concordia Union would hold.", "GFW 013 IGOCON");
    check("Freedonia voiced hope that talks between Sylvania and Ruritania would resume.", "FRD 013 SYL; FRD 013 RUR");
    // Guard: the speaker's own country as the party is no target.
    check("Freedonia warned that the deal with Freedonian firms would fail.", "FRD 012 -");
    // Guard: a warning with no `that` clause names no one through it.
    check("Freedonia warned of famine, Sylvania said.", "FRD 012 -");
}

#[test]
fn a_mediator_is_between_the_pair_named_before_it() {
    check(
        "Freedonia and Sylvania exchanged prisoners, with Ruritania acting as mediator.",
        "FRD 0841 SYL; SYL 0841 FRD; RUR 045 FRD; RUR 045 SYL",
    );
    check(
        "Negotiators from Freedonia and Sylvania held talks, with Grandfenwick carrying messages between the two delegations.",
        "FRDGOV 040 SYLGOV; SYLGOV 040 FRDGOV; GFW 045 FRDGOV; GFW 045 SYLGOV",
    );
    // Guard: with no pair named, a mediation has no target.
    check("Ruritania mediated the talks.", "RUR 045 -");
}

#[test]
fn a_role_noun_of_the_country_belongs_to_the_actor_named_before() {
    check("Freedonia's opposition accused the country's police chief.", "FRDOPP 112 FRDCOP");
    check("Sylvanian students criticised the country's most senior judges.", "SYLEDU 111 SYLJUD");
    check("Ruritanian students condemned the nation's police chief.", "RUREDU 111 RURCOP");
    // Guard: a police chief of no named country stays unsettled.
    check("Freedonia's opposition accused a police chief.", "FRDOPP 112 -");
}

#[test]
fn a_rebel_force_taking_a_place_in_its_own_country_acts_against_it() {
    check("Freedonian rebels seized the eastern Freedonian town of Bora.", "FRDREB 192 FRD");
    check("Sylvanian rebels attacked the Sylvanian city of Tarn.", "SYLREB 190 SYL");
    check("Freedonian rebels captured an army base in northern Freedonia.", "FRDREB 192 FRD");
    check("Ruritanian rebels captured an army base in Ruritania's north.", "RURREB 192 RUR");
    // Guard: a place phrase right after the verb is where, not what.
    check("Freedonian rebels attacked in Freedonian territory.", "FRDREB 190 -");
    // Guard: a state's own forces in their own country name no target.
    check("Freedonian troops seized the Freedonian town of Bora.", "FRDMIL 192 -");
}

#[test]
fn a_pair_discussing_a_topic_acts_on_each_other() {
    check("Freedonia and Sylvania discussed the Ruritania crisis in a phone call.", "FRD 041 SYL; SYL 041 FRD");
    check("Freedonia and Sylvania discussed Ruritania's future.", "FRD 040 SYL; SYL 040 FRD");
    // Guard: outside talks, the modifier names the party (`ratified X's membership`).
    check("Freedonia and Sylvania ratified Ruritanian membership.", "FRD 057 RUR; SYL 057 RUR");
    // Guard: a third party after `with` is whom the pair met.
    check("Freedonia and Sylvania discussed the crisis with Ruritania.", "FRD 040 RUR; SYL 040 RUR");
}

#[test]
fn an_intention_is_aimed_where_its_act_is() {
    check("Freedonia offered to send troops to Sylvania.", "FRD 030 SYL");
    check("Grandfenwick stood ready to send 2,000 troops to Ruritania.", "GFW 030 RUR");
    check("Freedonia vowed to impose sanctions on Sylvania.", "FRD 1312 SYL");
    // Guard: a party of its own before the infinitive stays the target.
    check("Freedonia agreed with Sylvania to send troops to Ruritania.", "FRD 019 SYL");
}

#[test]
fn a_cooperative_act_after_a_meeting_is_with_the_one_met() {
    check(
        "The Freedonian negotiator spoke by phone with the Sylvanian negotiator and agreed to regular visits.",
        "FRDGOV 041 SYLGOV; FRDGOV 036 SYLGOV",
    );
    check("Freedonia met Ruritania and agreed to resume talks.", "FRD 040 RUR; FRD 036 RUR");
    check("Grandfenwick met Sylvania on Monday and signed a deal.", "GFW 040 SYL; GFW 057 SYL");
    // Guard: a hostile act after the meeting is not aimed at the one met.
    check("Freedonia met Sylvania and condemned the attack.", "FRD 040 SYL; FRD 111 -");
    // Guard: a cooperative act with a party of its own keeps it.
    check("Freedonia met Sylvania and signed a deal with Ruritania.", "FRD 040 SYL; FRD 057 RUR");
}

#[test]
fn its_people_belong_to_the_body_named_as_the_last_object() {
    check(
        "Freedonia banned the Sylvanian trade union, accusing its leaders of sabotage.",
        "FRD 172 SYLLAB; FRD 112 SYLLAB",
    );
    check(
        "Freedonia raided the Sylvanian university and banned its rector from the country.",
        "FRD 091 SYLEDU; FRD 172 SYLEDU",
    );
    check("Ruritania attacked the Sylvanian army and arrested its leaders.", "RUR 190 SYLMIL; RUR 173 SYLMIL");
    // Guard: `its` after a plural object is the source's.
    check("Ruritania attacked the Sylvanian rebels and lost its leaders.", "RUR 190 SYLREB");
    // Guard: after a bare country, `its` may be the source's own.
    check("Ruritania attacked Sylvania and arrested its officials.", "RUR 190 SYL; RUR 173 -");
}

/// Reciprocal verbs of the checks below, on top of `EVENTS`.
const RECIPROCAL_EVENTS: &str = "
trade .. accusation = 112
exchange .. insult = 111
swap .. detainee = 0841
blame = 112
";

fn check_reciprocal(input: &str, expect: &str) {
    assert_eq!(coded_with(input, RECIPROCAL_EVENTS), expect, "input: {input}");
}

#[test]
fn a_compound_subject_acting_both_ways_codes_each_direction() {
    check_reciprocal("Freedonia and Sylvania traded accusations over the dam.", "FRD 112 SYL; SYL 112 FRD");
    check_reciprocal(
        "Grandfenwick and Ruritania accused each other of breaking the truce.",
        "GFW 112 RUR; RUR 112 GFW",
    );
    check_reciprocal(
        "Freedonia and Ruritania blamed one another for the collapse of the talks.",
        "FRD 112 RUR; RUR 112 FRD",
    );
    check_reciprocal("Sylvania and Grandfenwick exchanged insults on Monday.", "SYL 111 GFW; GFW 111 SYL");
    check_reciprocal("Freedonia and Sylvania criticised each other.", "FRD 111 SYL; SYL 111 FRD");
    check_reciprocal("Freedonia and Sylvania swapped detainees.", "FRD 0841 SYL; SYL 0841 FRD");
    // Guard: a third party named as the object stays the target.
    check_reciprocal("Freedonia and Sylvania condemned Ruritania.", "FRD 111 RUR; SYL 111 RUR");
    // Guard: one actor trading with a `with` party codes that one direction.
    check_reciprocal("Freedonia traded accusations with Sylvania.", "FRD 112 SYL");
    // Guard: an act done side by side is not done to each other.
    check_reciprocal("Freedonia and Sylvania accused the rebels.", "FRD 112 -; SYL 112 -");
}

const ADJUNCT_EVENTS: &str = "
visit = 042
talk = 040
talk with {target} = 040
ask = 020
demand = 100
praise = 051
release .. prisoner = 0841
lift .. curfew = 0813
clash = 190
freeze .. aid = 162
";

fn check_adjunct(input: &str, expect: &str) {
    assert_eq!(coded_with(input, ADJUNCT_EVENTS), expect, "input: {input}");
}

#[test]
fn a_fronted_letter_or_call_names_whom_the_main_act_is_aimed_at() {
    check_adjunct("In a letter to the Concordia Union, Freedonia asked for more tents.", "FRD 020 IGOCON");
    check_adjunct(
        "During a phone call with Sylvania, the Ruritanian negotiator demanded guarantees.",
        "RURGOV 100 SYL",
    );
    check_adjunct("In a message to Grandfenwick, Freedonian officials asked member states for help.", "FRDGOV 020 GFW");
    // Guard: a named object after the verb stays the target.
    check_adjunct("In a letter to Sylvania, Freedonia praised Ruritania.", "FRD 051 RUR");
    // Guard: an adjunct that addresses nobody (`in a speech in X`) gives no target.
    check_adjunct("In a speech on Monday, Freedonia demanded guarantees.", "FRD 100 -");
}

#[test]
fn a_meeting_in_a_time_adjunct_is_the_clause_subjects_own() {
    check_adjunct("Freedonia praised the Sylvanian army during a visit to Sylvania.", "FRD 051 SYLMIL; FRD 042 SYL");
    check_adjunct(
        "Ruritania released 30 prisoners after talks with a Freedonian negotiator.",
        "RUR 0841 -; RUR 040 FRDGOV",
    );
    // Guard: a meeting with no partner is not coded apart (`at talks in X`).
    check_adjunct("Freedonia praised Sylvania during the talks in Ruritania.", "FRD 051 SYL");
}

#[test]
fn a_noun_event_set_back_by_a_measure_of_time_is_background() {
    check_adjunct("Freedonia lifted the curfew two weeks after clashes between police and rebels.", "FRD 0813 -");
    check_adjunct(
        "Sylvania froze its aid to Ruritania, days after talks between Freedonia and Ruritania.",
        "SYL 162 RUR",
    );
    // Guard: a clause after `hours after` is still news.
    check_adjunct(
        "Freedonia lifted the curfew hours after Sylvanian rebels clashed with Ruritania.",
        "FRD 0813 -; SYLREB 190 RUR",
    );
}

#[test]
fn a_speakers_naming_frame_before_the_object_is_passed_over() {
    check("Freedonia condemned what it called Sylvanian aggression.", "FRD 111 SYL");
    check("Ruritania criticised what Grandfenwick described as Freedonian provocations.", "RUR 111 FRD");
    check("Sylvania condemned what it said was a Ruritanian plot.", "SYL 111 RUR");
    check("Freedonia denied what they termed an attack on Ruritania.", "FRD 016 RUR");
    // Guard: a free relative with a verb of its own is a clause, not a frame.
    check("Freedonia condemned what happened after the Sylvanian vote.", "FRD 111 -");
    // Guard: after a frame, an actor that is the subject of its own verb is still no object.
    check("Freedonia condemned what it called a plot and Sylvania denied it.", "FRD 111 -; SYL 016 -");
}

#[test]
fn a_parenthetical_adjunct_after_the_verb_comes_before_the_object() {
    check("Freedonia met, on the sidelines of the summit, the Sylvanian negotiator.", "FRD 040 SYLGOV");
    check("Grandfenwick warned, in a letter to Ruritania, the Sylvanian army.", "GFW 012 SYLMIL");
    check("Freedonia denied, without giving details, Sylvanian reports.", "FRD 016 SYL");
    // Guard: with a clause after the commas, the letter's addressee is no object.
    check("Freedonia warned, in a letter to Ruritania, that talks had failed.", "FRD 012 -");
    // Guard: a comma that opens a clause of its own ends the object search.
    check("Freedonia met, and Sylvania later accused Ruritania.", "FRD 040 -; SYL 112 RUR");
}

#[test]
fn a_statements_circumstances_name_no_target() {
    check("Freedonia condemned the decision amid a dispute with Sylvania.", "FRD 111 -");
    check("Grandfenwick warned of unrest ahead of talks with Ruritania.", "GFW 012 -");
    check("Freedonia criticised the vote despite pressure from Sylvania.", "FRD 111 -");
    check("Ruritania denied the report following a complaint by Freedonia.", "RUR 016 -");
    // Guard: the object named before the adjunct stays the target.
    check("Freedonia condemned Sylvania amid a dispute with Ruritania.", "FRD 111 SYL");
    // Guard: a material act keeps its aim past the adjunct.
    check("Freedonia shelled Sylvanian rebels amid a dispute with Ruritania.", "FRD 194 SYLREB");
}

#[test]
fn an_intent_to_send_goods_is_aimed_at_the_recipient() {
    let extra = "agree = 019\npromise = 030\nsend .. drone = 072\nsupply .. drone = 072\ncriticise .. drone = 111\n";
    let check = |input: &str, expect: &str| assert_eq!(coded_with(input, extra), expect, "input: {input}");
    check("Freedonia agreed to send drones to Sylvania.", "FRD 0332 SYL");
    check("Grandfenwick promised to supply drones to the Ruritanian army.", "GFW 0332 RURMIL");
    // Guard: with no recipient the goods name no target.
    check("Freedonia agreed to send drones on Tuesday.", "FRD 0332 -");
    // Guard: the act itself (no statement of intent) keeps its target as before.
    check("Freedonia sent drones to Sylvania.", "FRD 072 SYL");
}
