//! The compiled-in world gazetteer and country facts.

use std::time::Instant;

use dyad_geo::Gazetteer;

#[test]
fn holds_every_big_place_and_every_capital() {
    let t = Instant::now();
    let geo = Gazetteer::world();
    eprintln!("Gazetteer::world() built in {:?} ({} places, {} names)", t.elapsed(), geo.len(), geo.names());
    assert!(geo.len() >= 25_000, "{} places", geo.len());
    assert_eq!(geo.countries().len(), 250);
    let capitals = geo.places().iter().filter(|p| p.capital).count();
    assert!(capitals >= 235, "{capitals} capitals");
    for c in geo.countries() {
        if c.capital.is_some() && !matches!(c.alpha3, "SGS" | "UMI" | "ATA" | "BVT" | "HMD" | "TKL") {
            assert!(geo.capital_of(c.alpha3).is_some(), "no capital place for {} ({:?})", c.alpha3, c.capital);
        }
    }
}

#[test]
fn population_decides_between_same_name_places() {
    let geo = Gazetteer::world();
    let paris: Vec<_> = geo.lookup("paris").collect();
    assert!(paris.len() > 1);
    assert_eq!(paris[0].country, "FRA");
    assert!(paris.windows(2).all(|w| w[0].population >= w[1].population));
    assert_eq!(geo.best("Washington").unwrap().country, "USA");
    assert!(geo.best("Washington").unwrap().capital);
    assert_eq!(geo.best("London").unwrap().country, "GBR");
    assert_eq!(geo.best("Tripoli").unwrap().country, "LBY");
}

#[test]
fn alternate_names_find_places() {
    let geo = Gazetteer::world();
    assert_eq!(geo.best("Kiev").unwrap().name, "Kyiv");
    assert_eq!(geo.best("Bombay").unwrap().name, "Mumbai");
    assert_eq!(geo.best("Saigon").unwrap().country, "VNM");
    assert_eq!(geo.best("St. Petersburg").unwrap().country, "RUS");
    assert_eq!(geo.best("ZURICH").unwrap().name, "Zürich");
    assert_eq!(geo.best("Ho Chi Minh City").unwrap().country, "VNM");
    assert!(geo.max_words() >= 4);
    assert!(geo.lookup("Xyzzyville").next().is_none());
    assert!(!geo.contains("Xyzzyville"));
}

#[test]
fn country_codes() {
    let geo = Gazetteer::world();
    assert_eq!(geo.alpha3("US"), Some("USA"));
    assert_eq!(geo.alpha3("gb"), Some("GBR"));
    assert_eq!(geo.alpha3("XK"), Some("XKX"));
    assert_eq!(geo.alpha3("USA"), None);
    assert_eq!(geo.country("fra").unwrap().alpha2, "FR");
    assert_eq!(geo.country("GEO").unwrap().demonym, Some("Georgian"));
    assert!(geo.country("ZZ").is_none());
    assert_eq!(geo.capital_of("TR").unwrap().name, "Ankara");
    // Every place's country is a known country.
    for p in geo.places() {
        assert!(geo.country(p.country).is_some(), "{} has unknown country {}", p.name, p.country);
        assert!((-90.0..=90.0).contains(&p.lat) && (-180.0..=180.0).contains(&p.lon), "{p:?}");
    }
}

#[test]
fn table_stays_compact() {
    let bytes = include_str!("../data/places.tsv").len();
    assert!(bytes < 1_500_000, "places.tsv is {bytes} bytes");
}
