//! Filters, pages, series and rankings.

mod common;

use common::{day, spec, Coded, Spec};
use dyad_core::cameo::CameoCode;
use dyad_core::EventDate;
use dyad_store::{ActorLevel, ActorSelector, Error, Filter, Page, Period, Store};

fn sel(s: &str) -> ActorSelector {
    ActorSelector::parse(s).unwrap()
}

/// A store with a small, known set of events.
fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("q.db")).unwrap();
    let docs = [
        Coded::new(
            "d1",
            &[
                spec("TURGOV", "GRCGOV", "040", "2020-01-10"), // consult, quad 1, +1
                spec("GRCMIL", "TURMIL", "190", "2020-02-03"), // fight, quad 4, -10
                spec("TURGOVMIL", "GRC", "112", "2021-03-05"), // accuse, quad 3
            ],
        ),
        Coded::new(
            "d2",
            &[
                Spec { place: Some(("Tehran", "IRN")), ..spec("IRNCOP", "IRNMED", "173", "2020-01-11") },
                spec("USA", "JPN", "036", "2020-01-12"),
                spec("IGOUNO", "SYR", "042", "2020-01-13"),
                Spec { negated: true, ..spec("TUR", "GRC", "040", "2020-01-14") },
                Spec { target: None, ..spec("JPNGOV", "USA", "010", "2020-01-15") },
            ],
        ),
    ];
    let batch: Vec<_> = docs.iter().map(|d| d.new_document()).collect();
    store.ingest(&batch, "test").unwrap();
    (dir, store)
}

fn codes(store: &Store, filter: &Filter) -> Vec<String> {
    store
        .events(filter, Page::default())
        .unwrap()
        .iter()
        .map(|e| format!("{}>{}:{}", e.source.code, e.target.as_ref().map_or("-", |t| t.code.as_str()), e.cameo))
        .collect()
}

#[test]
fn selectors_are_read_from_their_shape() {
    assert_eq!(sel("tur"), ActorSelector::Country("TUR".into()));
    assert_eq!(sel("GOV"), ActorSelector::Sector("GOV".into()));
    assert_eq!(sel("IGO"), ActorSelector::Country("IGO".into()), "transnational blocks are not sectors");
    assert_eq!(sel("TURGOV"), ActorSelector::Code("TURGOV".into()));
    assert_eq!(sel("code:TUR"), ActorSelector::Code("TUR".into()));
    assert_eq!(sel("sector:mil"), ActorSelector::Sector("MIL".into()));
    assert!(ActorSelector::parse("").is_err());
    assert!(ActorSelector::parse("T'; DROP TABLE events; --").is_err());
    assert!(ActorSelector::parse("team:TUR").is_err());
}

#[test]
fn actor_filters() {
    let (_dir, store) = store();
    let f = |source: Option<&str>, target: Option<&str>| Filter {
        source: source.map(sel),
        target: target.map(sel),
        ..Filter::default()
    };
    assert_eq!(codes(&store, &f(Some("TUR"), None)), ["TURGOV>GRCGOV:040", "TURGOVMIL>GRC:112"]);
    assert_eq!(codes(&store, &f(Some("TURGOV"), None)), ["TURGOV>GRCGOV:040", "TURGOVMIL>GRC:112"]);
    assert_eq!(codes(&store, &f(Some("code:TURGOVMIL"), None)), ["TURGOVMIL>GRC:112"]);
    assert_eq!(codes(&store, &f(Some("code:TURMI"), None)), Vec::<String>::new(), "blocks, not characters");
    assert_eq!(codes(&store, &f(Some("MIL"), None)), ["GRCMIL>TURMIL:190"]);
    assert_eq!(codes(&store, &f(None, Some("GRC"))), ["TURGOV>GRCGOV:040", "TURGOVMIL>GRC:112"]);
    assert_eq!(codes(&store, &f(Some("IGO"), None)), ["IGOUNO>SYR:042"]);
    assert_eq!(codes(&store, &f(Some("IGOUNO"), Some("SYR"))), ["IGOUNO>SYR:042"]);
}

#[test]
fn dyads_match_either_direction_and_leave_out_negated_events() {
    let (_dir, store) = store();
    let dyad = Filter { dyad: Some((sel("GRC"), sel("TUR"))), ..Filter::default() };
    assert_eq!(codes(&store, &dyad), ["TURGOV>GRCGOV:040", "GRCMIL>TURMIL:190", "TURGOVMIL>GRC:112"]);
    assert_eq!(store.count(&dyad).unwrap(), 3);
    let with_negated = Filter { include_negated: true, ..dyad.clone() };
    assert_eq!(store.count(&with_negated).unwrap(), 4);
    let mil = Filter { dyad: Some((sel("MIL"), sel("TUR"))), ..Filter::default() };
    assert_eq!(codes(&store, &mil), ["GRCMIL>TURMIL:190"]);
}

#[test]
fn event_type_filters() {
    let (_dir, store) = store();
    let cameo = |c: &str| Filter { cameo: CameoCode::parse(c), ..Filter::default() };
    assert_eq!(codes(&store, &cameo("04")), ["TURGOV>GRCGOV:040", "IGOUNO>SYR:042"]);
    assert_eq!(codes(&store, &cameo("042")), ["IGOUNO>SYR:042"]);
    let plover = Filter { plover: Some("coerce".into()), ..Filter::default() };
    assert_eq!(codes(&store, &plover), ["IRNCOP>IRNMED:173"]);
    let quad = Filter { quad_class: Some(4), ..Filter::default() };
    assert_eq!(codes(&store, &quad), ["IRNCOP>IRNMED:173", "GRCMIL>TURMIL:190"]);
    let hostile = Filter { goldstein: Some((-10.0, -5.0)), ..Filter::default() };
    assert_eq!(codes(&store, &hostile), ["IRNCOP>IRNMED:173", "GRCMIL>TURMIL:190"]);
}

#[test]
fn date_place_and_text_filters() {
    let (_dir, store) = store();
    let range = Filter { since: Some(day("2020-01-12")), until: Some(day("2020-02-03")), ..Filter::default() };
    assert_eq!(codes(&store, &range), ["USA>JPN:036", "IGOUNO>SYR:042", "JPNGOV>-:010", "GRCMIL>TURMIL:190"]);
    let place = Filter { location_country: Some("irn".into()), ..Filter::default() };
    assert_eq!(codes(&store, &place), ["IRNCOP>IRNMED:173"]);
    // Stemmed full-text search over the sentences.
    let text = Filter { text: Some("official AND tehran".into()), ..Filter::default() };
    assert_eq!(codes(&store, &text), ["IRNCOP>IRNMED:173"]);
    let bad = Filter { text: Some("AND AND (".into()), ..Filter::default() };
    assert!(matches!(store.events(&bad, Page::default()), Err(Error::InvalidQuery(_))));
}

#[test]
fn pages() {
    let (_dir, store) = store();
    let all = codes(&store, &Filter::default());
    assert_eq!(all.len(), 7);
    let page = store.events(&Filter::default(), Page { limit: 2, offset: 3 }).unwrap();
    let page: Vec<String> = page.iter().map(|e| e.source.code.clone()).collect();
    assert_eq!(page, ["IGOUNO", "JPNGOV"]);
    // Every event carries its sentences.
    let e = &store.events(&Filter::default(), Page { limit: 1, offset: 0 }).unwrap()[0];
    let m = store.mentions(e.id).unwrap();
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].sentence, "TURGOV officials met GRCGOV envoys.");
    assert_eq!(m[0].event.source.span.slice(&m[0].sentence), "TURGOV officials");
}

/// A dyad with events both ways, interleaved in time, several on one day,
/// some undated, some month-dated: every page of it must be the slice of the
/// whole list, and every count the same as counting the list.
#[test]
fn pages_and_counts_of_a_dyad_in_both_directions() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("p.db")).unwrap();
    let cameos = ["040", "036", "112", "190", "042"];
    let mut docs = Vec::new();
    for i in 0..30usize {
        let (a, b) = if i % 3 == 0 { ("GRC", "TUR") } else { ("TUR", "GRC") };
        let date = format!("2021-05-{:02}", 1 + (i * 7) % 11);
        let mut event = spec(a, b, cameos[i % cameos.len()], &date);
        if i % 10 == 4 {
            event.date = None;
        }
        if i % 10 == 7 {
            event.date = Some(EventDate::Month { year: 2021, month: 4 });
        }
        // Other dyads around, which no page may show.
        let other = spec("FRA", "DEU", "040", &date);
        docs.push(Coded::new(&format!("doc{i}"), &[event, other]));
    }
    let batch: Vec<_> = docs.iter().map(|d| d.new_document()).collect();
    store.ingest(&batch, "test").unwrap();
    let filters = [
        Filter { dyad: Some((sel("TUR"), sel("GRC"))), ..Filter::default() },
        Filter { dyad: Some((sel("GRC"), sel("TURGOV"))), ..Filter::default() },
        Filter { dyad: Some((sel("TUR"), sel("GRC"))), quad_class: Some(1), ..Filter::default() },
        Filter::default(),
    ];
    for filter in &filters {
        let all = store.events(filter, Page { limit: 1000, offset: 0 }).unwrap();
        let ids: Vec<i64> = all.iter().map(|e| e.id).collect();
        assert_eq!(store.count(filter).unwrap(), ids.len() as u64, "{filter:?}");
        for cap in [0, 1, 5, 1000] {
            assert_eq!(store.count_at_most(filter, cap).unwrap(), (ids.len() as u64).min(cap), "{filter:?} {cap}");
        }
        for limit in [1, 4, 7] {
            for offset in [0, 1, 3, 10, 29, 40] {
                let page = store.events(filter, Page { limit, offset }).unwrap();
                let got: Vec<i64> = page.iter().map(|e| e.id).collect();
                let from = (offset as usize).min(ids.len());
                let to = (offset as usize + limit as usize).min(ids.len());
                assert_eq!(got, ids[from..to], "{filter:?} limit {limit} offset {offset}");
            }
        }
    }
    // The dyad in both directions, oldest first, undated first of all.
    let dyad = &filters[0];
    let all = store.events(dyad, Page { limit: 1000, offset: 0 }).unwrap();
    assert!(all.len() > 20, "{}", all.len());
    assert!(all.iter().any(|e| e.source.code == "GRC") && all.iter().any(|e| e.source.code == "TUR"));
    assert!(all[0].date.is_none());
}

#[test]
fn series_per_period() {
    let (_dir, store) = store();
    let dyad = Filter { dyad: Some((sel("TUR"), sel("GRC"))), ..Filter::default() };
    let months = store.series(&dyad, Period::Month).unwrap();
    let labels: Vec<&str> = months.rows.iter().map(|r| r.period.as_str()).collect();
    assert_eq!(labels.len(), 15, "every month from 2020-01 to 2021-03, gaps included");
    assert_eq!(labels[0], "2020-01");
    assert_eq!(months.rows[0].quad, [1, 0, 0, 0]);
    assert_eq!(months.rows[0].goldstein_mean, Some(1.0));
    assert_eq!(months.rows[1].quad, [0, 0, 0, 1]);
    assert_eq!(months.rows[2].events, 0);
    assert_eq!(months.rows[2].goldstein_mean, None);
    assert_eq!(months.rows[14].quad, [0, 0, 1, 0]);
    let years = store.series(&dyad, Period::Year).unwrap();
    assert_eq!(years.rows.iter().map(|r| r.events).collect::<Vec<_>>(), [2, 1]);
    assert_eq!(years.rows[0].goldstein_mean, Some(-4.5));
    let weeks = store.series(&dyad, Period::Week).unwrap();
    assert_eq!(weeks.rows[0].period, "2020-W02");
    assert_eq!(weeks.rows[0].start, day("2020-01-06"));
}

#[test]
fn imprecise_dates_stay_out_of_finer_series() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("q.db")).unwrap();
    let month =
        Spec { date: Some(EventDate::Month { year: 2024, month: 5 }), ..spec("USA", "JPN", "040", "2024-05-01") };
    let doc = Coded::new("d", &[month, spec("USA", "JPN", "040", "2024-05-20")]);
    store.ingest(&[doc.new_document()], "t").unwrap();
    let f = Filter::default();
    let days = store.series(&f, Period::Day).unwrap();
    assert_eq!(days.left_out, 1);
    assert_eq!(days.rows.len(), 1);
    let months = store.series(&f, Period::Month).unwrap();
    assert_eq!((months.left_out, months.rows[0].events), (0, 2));
}

#[test]
fn rankings() {
    let (_dir, store) = store();
    let actors = store.top_actors(&Filter::default(), ActorLevel::Country, 3).unwrap();
    assert_eq!(actors[0].actor, "GRC");
    assert_eq!((actors[0].as_source, actors[0].as_target), (1, 2));
    assert_eq!(actors[1].actor, "TUR");
    let dyads = store.top_dyads(&Filter::default(), ActorLevel::Country, 10).unwrap();
    assert_eq!((dyads[0].a.as_str(), dyads[0].b.as_str()), ("GRC", "TUR"));
    assert_eq!((dyads[0].a_to_b, dyads[0].b_to_a), (1, 2));
    let since = Filter { since: Some(day("2021-01-01")), ..Filter::default() };
    let dyads = store.top_dyads(&since, ActorLevel::Code, 10).unwrap();
    assert_eq!(dyads.len(), 1);
    assert_eq!((dyads[0].a.as_str(), dyads[0].b.as_str()), ("GRC", "TURGOVMIL"));
}
