//! Every ISO 3166-1 country and territory has an actor entry in the default
//! dictionaries, and every capital in the gazetteer's country table is a
//! place the default dictionaries can name.

use std::collections::HashSet;

use dyad_dict::DictionariesBuilder;
use dyad_geo::Gazetteer;
use dyad_text::Lexicon;

#[test]
fn every_iso_country_has_an_actor_entry() {
    let lexicon = Lexicon::english();
    let dicts = DictionariesBuilder::new().with_defaults().build(&lexicon).unwrap_or_else(|e| panic!("{e}"));
    let codes: HashSet<&str> = dicts.actors().iter().map(|a| a.code.as_str()).collect();
    let geo = Gazetteer::world();
    let missing: Vec<&str> = geo.countries().iter().map(|c| c.alpha3).filter(|code| !codes.contains(code)).collect();
    assert!(missing.is_empty(), "no actor entry for {missing:?}");
    // Each country's short name is an entry for its code.
    let mut unnamed = Vec::new();
    for c in geo.countries() {
        let named = dicts.actors().iter().any(|a| a.code == c.alpha3 && a.phrase.eq_ignore_ascii_case(c.name));
        if !named {
            unnamed.push(format!("{} {}", c.alpha3, c.name));
        }
    }
    assert!(unnamed.is_empty(), "short name not in the dictionaries: {unnamed:?}");
}
