//! Checks the generated CAMEO and PLOVER tables against facts from the
//! reference files and against dyad's documented decisions.

use dyad_core::cameo::{self, CameoCode, QuadClass};
use dyad_core::plover::{PloverMapping, PloverType};

fn code(s: &str) -> CameoCode {
    CameoCode::parse(s).unwrap_or_else(|| panic!("{s} should parse"))
}

fn mapping(s: &str) -> PloverMapping {
    code(s).plover().unwrap_or_else(|| panic!("{s} should map to PLOVER"))
}

#[test]
fn codebook_size_and_roots() {
    // The reference file has 310 rows, but one of them carries code 106 glued
    // onto 1056's name; the generator splits it back out.
    assert_eq!(CameoCode::all().count(), 311);
    let roots: Vec<&str> = CameoCode::all().filter(|c| c.is_root()).map(CameoCode::as_str).collect();
    let expected: Vec<String> = (1..=20).map(|i| format!("{i:02}")).collect();
    assert_eq!(roots, expected);
}

#[test]
fn every_code_parses_back_and_sits_in_the_tree() {
    let mut previous: Option<CameoCode> = None;
    for c in CameoCode::all() {
        let s = c.as_str();
        assert_eq!(CameoCode::parse(s), Some(c), "{s}");
        assert_eq!(c.to_string(), s);
        assert_eq!(usize::from(c.level()), s.len(), "{s}");
        assert!((2..=4).contains(&c.level()), "{s}");
        assert!(s.bytes().all(|b| b.is_ascii_digit()), "{s}");
        assert_eq!(c.is_root(), c.level() == 2, "{s}");

        let root = c.root();
        assert!(root.is_root(), "root of {s} is {}", root.as_str());
        assert!(s.starts_with(root.as_str()), "{s}");
        assert_eq!(root.quad_class(), c.quad_class(), "{s}");

        match c.parent() {
            None => assert!(c.is_root()),
            Some(p) => {
                assert_eq!(p.as_str(), &s[..s.len() - 1], "{s}");
                assert_eq!(p.level() + 1, c.level());
            }
        }

        assert!(!c.name().is_empty() && c.name().is_ascii(), "{s}: {:?}", c.name());
        assert!((-10.0..=10.0).contains(&c.goldstein()), "{s}");

        if let Some(prev) = previous {
            assert!(prev < c && prev.as_str() < s, "{s} out of order");
        }
        previous = Some(c);
    }
}

#[test]
fn parse_rejects_non_codes() {
    for bad in ["999", "", "0", "04x", "21", "00", "0400", " 040", "040 ", "04 ", "1213"] {
        assert_eq!(CameoCode::parse(bad), None, "{bad:?}");
    }
}

#[test]
fn consult() {
    let c = code("040");
    assert_eq!(c.name(), "Consult, not specified below");
    assert_eq!(c.goldstein(), 1.0);
    assert_eq!(c.quad_class().number(), 1);
    assert_eq!(c.root().as_str(), "04");
    assert_eq!(c.root().name(), "CONSULT");
    let m = mapping("040");
    assert_eq!(m.event, PloverType::Consult);
    assert_eq!(m.mode, None);
    assert!(m.context.is_empty());
    assert_eq!(mapping("042").mode, Some("visit"));
    assert_eq!(mapping("044").mode, Some("third-party"));
}

#[test]
fn specific_mappings() {
    let retreat = mapping("0874");
    assert_eq!(retreat.event, PloverType::Retreat);
    assert_eq!(retreat.mode, Some("disarm"));
    assert_eq!(retreat.context, ["military"]);
    assert_eq!(code("0874").goldstein(), 10.0);
    assert_eq!(code("0874").quad_class(), QuadClass::MaterialCooperation);

    let arrest = mapping("173");
    assert_eq!(arrest.event, PloverType::Coerce);
    assert_eq!(arrest.mode, Some("arrest"));
    assert_eq!(arrest.context, ["legal"]);
    assert_eq!(arrest.score(), -7.0);

    let kill = mapping("1823");
    assert_eq!(code("1823").name(), "Kill by physical assault");
    assert_eq!(code("1823").goldstein(), -10.0);
    assert_eq!(kill.event, PloverType::Assault);
    assert_eq!(kill.mode, None);
    assert!(kill.context.is_empty());

    let nuclear = mapping("2042");
    assert_eq!(code("2042").name(), "Detonate nuclear weapons");
    assert_eq!(code("2042").goldstein(), -10.0);
    assert_eq!(code("2042").quad_class().number(), 4);
    assert_eq!(nuclear.event, PloverType::Assault);
    assert_eq!(nuclear.mode, Some("unconventional"));
    assert_eq!(nuclear.context, ["cbrn"]);
    assert_eq!(nuclear.score(), -10.0);

    // Multiple contexts are split on ';'.
    assert_eq!(mapping("091").context, ["crime", "corruption"]);
    assert_eq!(mapping("196").context, ["legal", "military"]);
}

#[test]
fn oddities_of_the_2021_table() {
    // Listed under the 08 RETREAT heading rather than with 081.
    for c in ["0813", "0814"] {
        assert_eq!(mapping(c).event, PloverType::Retreat, "{c}");
        assert_eq!(mapping(c).mode, None, "{c}");
    }
    // The root takes its first heading, which agrees with 080.
    assert_eq!(mapping("08").event, PloverType::Concede);
    assert_eq!(mapping("080").event, PloverType::Concede);
    // Listed twice, identically.
    assert_eq!(mapping("175").event, PloverType::Assault);
    // Listed under other roots' headings.
    assert_eq!(mapping("191").event, PloverType::Coerce);
    assert_eq!(mapping("191").mode, Some("restrict"));
    assert_eq!(mapping("192").event, PloverType::Coerce);
    assert_eq!(mapping("201").event, PloverType::Assault);
    assert_eq!(mapping("201").mode, Some("cleansing"));
    // Trailing spaces in modes are trimmed.
    assert_eq!(mapping("0861").mode, Some("access"));
    assert_eq!(mapping("1322").mode, Some("ban"));
    assert_eq!(mapping("183").mode, Some("suicide-attack"));
}

#[test]
fn repaired_source_rows() {
    assert_eq!(code("1056").name(), "Demand de-escalation of military engagement");
    assert_eq!(code("106").name(), "Demand withdrawal");
    assert_eq!(code("106").goldstein(), -5.0);
    assert_eq!(mapping("106").event, PloverType::Request);
    assert_eq!(code("044").name(), "Meet at a 'third' location");
    // A misspelling in the source ("matyerial").
    assert_eq!(code("033").name(), "Express intent to provide material aid, not specified below");
}

#[test]
fn every_code_but_01x_maps_to_plover() {
    let missing: Vec<&str> =
        CameoCode::all().filter(|c| c.root().as_str() != "01" && c.plover().is_none()).map(CameoCode::as_str).collect();
    assert!(missing.is_empty(), "no PLOVER mapping for {missing:?}");
    let statements: Vec<&str> =
        CameoCode::all().filter(|c| c.root().as_str() == "01" && c.plover().is_some()).map(CameoCode::as_str).collect();
    assert!(statements.is_empty(), "01x should not map: {statements:?}");
}

#[test]
fn appeals_follow_their_demand_siblings() {
    for c in CameoCode::all().filter(|c| c.root().as_str() == "02") {
        let m = c.plover().unwrap();
        assert_eq!(m.event, PloverType::Request, "{c}");
        let demand = format!("10{}", &c.as_str()[2..]);
        let sibling = mapping(&demand);
        assert_eq!((m.mode, m.context), (sibling.mode, sibling.context), "{c} vs {demand}");
    }
    assert_eq!(mapping("02").mode, None);
    assert_eq!(mapping("020").mode, None);
    assert_eq!(mapping("0211").mode, Some("assist"));
    assert_eq!(mapping("0211").context, ["economic"]);
    assert_eq!(mapping("026").mode, Some("meet"));
    // Appeals stay verbal cooperation under the GDELT convention.
    assert_eq!(code("020").quad_class(), QuadClass::VerbalCooperation);
}

#[test]
fn modes_and_contexts_are_normalised() {
    for c in CameoCode::all() {
        let Some(m) = c.plover() else { continue };
        if let Some(mode) = m.mode {
            assert!(!mode.is_empty(), "{c}");
            assert_eq!(mode, mode.trim(), "{c}");
            assert_eq!(mode, mode.to_lowercase(), "{c}");
        }
        for ctx in m.context {
            assert!(!ctx.is_empty() && !ctx.contains(';'), "{c}: {ctx:?}");
            assert_eq!(*ctx, ctx.trim(), "{c}");
        }
        if c.is_root() {
            assert_eq!((m.mode, m.context.len()), (None, 0), "{c}");
        }
    }
}

#[test]
fn quad_classes_follow_gdelt() {
    for c in CameoCode::all().filter(|c| c.is_root()) {
        let root: u8 = c.as_str().parse().unwrap();
        let expected = match root {
            1..=5 => 1,
            6..=8 => 2,
            9..=13 => 3,
            _ => 4,
        };
        assert_eq!(c.quad_class().number(), expected, "{c}");
    }
    assert_eq!(QuadClass::VerbalCooperation.name(), "Verbal cooperation");
    assert_eq!(QuadClass::MaterialConflict.to_string(), "Material conflict");
}

#[test]
fn plover_types() {
    let names = [
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    ];
    let all: Vec<&str> = PloverType::all().map(PloverType::as_str).collect();
    assert_eq!(all, names);
    for name in names {
        let t = PloverType::parse(name).unwrap();
        assert_eq!(t.as_str(), name);
        assert_eq!(t.to_string(), name);
        assert_eq!(PloverType::parse(&name.to_lowercase()), Some(t));
    }
    assert_eq!(PloverType::parse("INVESTIGATE"), None);
    assert_eq!(PloverType::parse(""), None);
    // Every type is the target of some CAMEO code.
    for t in PloverType::all() {
        assert!(CameoCode::all().any(|c| c.plover().is_some_and(|m| m.event == t)), "{t}");
    }
}

#[test]
fn plover_scores() {
    assert_eq!(PloverType::Consult.score(None), 2.5);
    assert_eq!(PloverType::Consult.score(Some("visit")), 4.0);
    assert_eq!(PloverType::Consult.score(Some(" Visit ")), 4.0);
    assert_eq!(PloverType::Consult.score(Some("third-party")), 1.0);
    assert_eq!(PloverType::Consult.score(Some("no-such-mode")), 2.5);
    assert_eq!(PloverType::Consult.score(Some("")), 2.5);
    assert_eq!(PloverType::Retreat.score(Some("disarm")), 10.0);
    assert_eq!(PloverType::Assault.score(Some("unconventional")), -10.0);
    assert_eq!(PloverType::Coerce.score(Some("martial-law")), -7.5);
    assert_eq!(PloverType::Request.score(None), 0.0);
    assert_eq!(PloverType::Request.quad_class(), QuadClass::VerbalConflict);
    assert_eq!(PloverType::Protest.quad_class(), QuadClass::MaterialConflict);
    assert!(PloverType::Consult.modes().any(|m| m == "phone"));
    assert_eq!(PloverType::Agree.modes().count(), 0);
    for t in PloverType::all() {
        assert!((-10.0..=10.0).contains(&t.score(None)), "{t}");
        for m in t.modes() {
            assert_eq!(m, m.to_lowercase(), "{t}/{m}");
        }
    }
}

#[test]
fn actor_types() {
    assert_eq!(cameo::actor_type("GOV"), Some("Government"));
    assert_eq!(cameo::actor_type("MIL"), Some("Military"));
    assert_eq!(cameo::actor_type("UIS"), Some("Unidentified State Actor"));
    assert_eq!(cameo::actor_type("gov"), None);
    assert_eq!(cameo::actor_type("XXX"), None);
    assert_eq!(cameo::actor_type(""), None);
    let codes: Vec<&str> = cameo::ACTOR_TYPES.iter().map(|&(c, _)| c).collect();
    assert!(codes.windows(2).all(|w| w[0] < w[1]), "sorted, no duplicates");
    for &(c, label) in cameo::ACTOR_TYPES {
        assert_eq!(c.len(), 3);
        assert!(c.bytes().all(|b| b.is_ascii_uppercase()), "{c}");
        assert!(!label.is_empty(), "{c}");
        assert_eq!(cameo::actor_type(c), Some(label));
    }
}

#[test]
fn transnational_prefixes() {
    for block in ["IGO", "NGO", "NGM", "MNC", "IMG", "INT", "UIS"] {
        assert!(cameo::is_transnational_prefix(block), "{block}");
        assert!(cameo::actor_type(block).is_some(), "{block}");
    }
    assert!(cameo::is_transnational_prefix("IGOUNO"));
    assert!(cameo::is_transnational_prefix("NGOAMN"));
    for not in ["GOV", "USA", "TURGOV", "UNO", "IG", "", "igo"] {
        assert!(!cameo::is_transnational_prefix(not), "{not:?}");
    }
}
