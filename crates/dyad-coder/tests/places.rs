//! Places from the world gazetteer: which names are places and which
//! country an event takes from them. Each case is a sentence coded with the
//! default dictionaries and the world gazetteer, with the target and
//! location country it must (or must not) get.

use std::sync::Arc;

use chrono::NaiveDate;
use dyad_coder::Coder;
use dyad_dict::DictionariesBuilder;
use dyad_geo::Gazetteer;
use dyad_text::Lexicon;

fn coder() -> Coder {
    let lexicon = Arc::new(Lexicon::english());
    let dicts = DictionariesBuilder::new().with_defaults().build(&lexicon).unwrap_or_else(|e| panic!("{e}"));
    Coder::builder(Arc::new(dicts), lexicon).gazetteer(Arc::new(Gazetteer::world())).build()
}

/// Each event of `text` as `SOURCE ROOT TARGET @LOCATION-COUNTRY`.
fn events(coder: &Coder, text: &str) -> Vec<String> {
    let doc = coder.code_text(text, NaiveDate::from_ymd_opt(2025, 9, 1));
    let mut out = Vec::new();
    for e in &doc.events {
        let target = e.target.as_ref().map_or("-", |t| t.code.as_str());
        let at = e.location.as_ref().and_then(|l| l.country.as_deref()).unwrap_or("-");
        out.push(format!("{} {} {target} @{at}", e.source.code, &e.cameo.as_str()[..2]));
    }
    out
}

/// Checks every `(text, wanted, unwanted)`: each wanted string is a
/// substring of some event, and no event contains an unwanted one.
fn assert_cases(cases: &[(&str, &[&str], &[&str])]) {
    let coder = coder();
    let mut failures = Vec::new();
    for (text, wanted, unwanted) in cases {
        let got = events(&coder, text);
        let missing: Vec<&&str> = wanted.iter().filter(|w| !got.iter().any(|g| g.contains(*w))).collect();
        let extra: Vec<&&str> = unwanted.iter().filter(|u| got.iter().any(|g| g.contains(*u))).collect();
        if !missing.is_empty() || !extra.is_empty() {
            failures.push(format!("{text:?}: missing {missing:?}, unwanted {extra:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

/// A gazetteer name that runs on into another capitalised name word is the
/// first word of a longer name the gazetteer lacks (`Nur Shams` is not
/// `Nur` in Iran); an administrative word after it, a known name after it,
/// or a name standing alone still give the place.
#[test]
fn a_longer_name_is_not_its_first_word() {
    assert_cases(&[
        ("Israeli forces raided the Nur Shams camp in the West Bank.", &["ISRMIL 19"], &["IRN"]),
        ("Israeli troops stormed the Nur Shams refugee camp on Tuesday.", &["ISRMIL 19"], &["IRN"]),
        ("Israeli soldiers entered Nur Shams and detained several men.", &[], &["IRN"]),
        ("Israeli soldiers detained two men in the Nur Shams camp.", &["ISRMIL 17 ISRCVL"], &["IRN"]),
        ("Israeli aircraft bombed the Nur Shams camp near Tulkarm.", &["@PSE"], &["IRN"]),
        ("British police arrested a man in Brick Lane on Sunday.", &["GBRCOP 17 GBRCVL"], &["USA"]),
        // Guards: the place itself, alone or with an administrative word.
        ("Russian drones struck targets in Kramatorsk on Monday.", &["RUS", "@UKR"], &[]),
        ("Russian forces attacked villages in Donetsk Region overnight.", &["RUSMIL 19", "@UKR"], &[]),
        ("Gunmen attacked a checkpoint near Kidal in northern Mali.", &["@MLI"], &[]),
    ]);
}

/// Ukraine's national romanisation is a gazetteer spelling too
/// (`Kupiansk` for GeoNames' `Kupyansk`, `Mykolaiv` for `Mykolayiv`), and
/// the hand-written regions of `places.places` are places: the location,
/// the country of a role noun named with them, never an actor alone.
#[test]
fn romanised_cities_and_regions_are_places() {
    assert_cases(&[
        ("Russian artillery shelled Kupiansk overnight.", &["RUSMIL 19 UKR @UKR"], &[]),
        ("Russian drones hit a power plant near Kostiantynivka.", &["@UKR"], &[]),
        ("Russian troops attacked positions near Sloviansk on Friday.", &["RUSMIL 19", "@UKR"], &[]),
        ("Rebel fighters killed 20 villagers in North Kivu.", &["@COD"], &[]),
        ("Boko Haram fighters abducted 30 students in Borno on Sunday.", &["@NGA"], &[]),
        ("Ohio police officers arrested two protesters.", &["USACOP 17"], &[]),
        ("Pakistani troops killed six militants in Balochistan.", &["PAKMIL 18", "@PAK"], &[]),
        // Guards: a region alone is no actor; a person's first name is no place.
        ("Texas criticised Mexico over the border.", &[], &["USA"]),
        ("Virginia Giuffre accused Prince Andrew of abuse.", &[], &["@USA"]),
    ]);
}

/// Frontline towns under the gazetteer's 15,000-people cut and Gaza's
/// towns and camps are hand-written places (`places.places`): the event is
/// located in their country, and a material act aimed at them is aimed at it.
#[test]
fn small_towns_in_the_news_are_places() {
    assert_cases(&[
        ("Russian forces shelled Huliaipole overnight.", &["RUSMIL 19 UKR @UKR"], &[]),
        ("Russian drones struck a market in Orikhiv on Friday.", &["@UKR"], &[]),
        ("Ukrainian troops repelled an assault near Chasiv Yar.", &["@UKR"], &[]),
        ("Russian jets bombed Sudzha after Ukrainian troops entered the town.", &["@RUS"], &[]),
        ("Israeli strikes killed 12 people in Deir al-Balah on Tuesday.", &["@PSE"], &[]),
        ("Israeli tanks shelled Beit Lahia at dawn.", &["ISRMIL 19 PSE @PSE"], &[]),
    ]);
}

/// A country named right before an armed act (`a US strike`, `Russian
/// shelling`) is the attacker, not where the act happened: the victims
/// take the place of the event (`a village in Somalia`), and a place of
/// the attacker's own keeps them its own (`in Belgorod`). A country before
/// another noun still sets the scene (`a Turkish border town`).
#[test]
fn an_attackers_country_is_not_the_scene() {
    assert_cases(&[
        ("Four civilians were killed in a US strike on a village in Somalia.", &["USA 19 SOMCVL"], &["USACVL"]),
        (
            "Four civilians were killed in a US drone strike on a village in Somalia.",
            &["USAMIL 19 SOMCVL"],
            &["USACVL"],
        ),
        ("Two fighters died in an Israeli air strike in southern Lebanon.", &["ISR 19 LBN"], &["ISRREB"]),
        ("Two civilians were wounded in Russian shelling in the Belgorod region.", &["RUS 19 RUSCVL"], &[]),
        ("Police arrested two journalists in a Turkish border town.", &["TURCOP 17 TURMED"], &[]),
    ]);
}

/// A facility named in a place target is its owner's, of the place's
/// country (docs/actors.md, military sites and place targets): an army
/// base or checkpoint is the military, a police station the police,
/// government offices the government.
#[test]
fn a_facility_is_its_owners_in_the_places_country() {
    assert_cases(&[
        ("Rebels attacked an army base in Myanmar's Shan state.", &["MMRREB 19 MMRMIL"], &[]),
        ("Militants attacked a military base in Niger.", &["NERINS 19 NERMIL"], &[]),
        ("Gunmen attacked a military checkpoint in Burkina Faso.", &["BFAREB 19 BFAMIL"], &[]),
        ("Gunmen attacked a police station in northern Nigeria.", &["NGAREB 19 NGACOP"], &[]),
        ("Protesters attacked a police station in Dhaka.", &["BGDCVL 19 BGDCOP"], &[]),
        ("Gunmen attacked government offices in northern Mali.", &["MLIREB 19 MLIGOV"], &[]),
    ]);
}
