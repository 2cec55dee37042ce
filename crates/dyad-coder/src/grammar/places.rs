//! Places and dates of a sentence: gazetteer hits, the nearest place and date to a trigger.

use super::*;

pub(super) fn find_places(
    s: &Sentence<'_>,
    dicts: &Dictionaries,
    geo: Option<(&Gazetteer, &[bool])>,
    first_sentence: bool,
    story_countries: &[String],
) -> Vec<PlaceHit> {
    let toks = &s.tokens;
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let best = dicts.place_trie().matches_at(i, toks.len(), |k| s.keys(k)).into_iter().next_back();
        let Some((end, ids)) = best else {
            i += 1;
            continue;
        };
        // Place names are names: require a capital letter as written.
        if toks[i].case == dyad_text::Case::Lower {
            i += 1;
            continue;
        }
        let Some(&id) = ids.last() else {
            i += 1;
            continue;
        };
        let e = &dicts.places()[id as usize];
        let prev = i.checked_sub(1).map(|p| &toks[p]);
        let prev = match prev {
            Some(t) if t.tag == Tag::Det || t.norm == "the" => i.checked_sub(2).map(|p| &toks[p]),
            other => other,
        };
        let dateline = first_sentence && i == 0 && toks.get(end).is_some_and(|t| norm_is(t, &[",", "(", "-", "--"]));
        let locative = dateline
            || prev.is_some_and(|t| {
                norm_is(t, LOCATIVE_PREPS) && !norm_is(t, &["to", "from", "of", "into", "toward", "towards"])
            });
        out.push(PlaceHit {
            start: i,
            end,
            location: Location {
                name: e.name.clone(),
                country: Some(e.country.clone()),
                lat: Some(e.lat),
                lon: Some(e.lon),
                span: s.span_of(i, end),
            },
            locative,
        });
        i = end;
    }
    if let Some((geo, named)) = geo {
        gazetteer_places(s, geo, named, first_sentence, story_countries, &mut out);
    }
    out
}

/// Places the dictionaries do not know, from the gazetteer: capitalised
/// names after a locative preposition (`in Kramatorsk`), and a dateline
/// (`KRAMATORSK, Ukraine (Reuters) -`). Among same-name places, one in a
/// country the story names wins, then the most populous.
pub(super) fn gazetteer_places(
    s: &Sentence<'_>,
    geo: &Gazetteer,
    named: &[bool],
    first_sentence: bool,
    story_countries: &[String],
    out: &mut Vec<PlaceHit>,
) {
    let toks = &s.tokens;
    let covered = |out: &[PlaceHit], i: usize| out.iter().any(|p| p.start <= i && i < p.end);
    let name_word =
        |t: &Token| t.case != dyad_text::Case::Lower && t.norm.chars().next().is_some_and(char::is_alphabetic);
    // A headline or all-caps line capitalises every word (the Title Case
    // test of the mentions, so one sentence is judged one way).
    let title_case = s.all_caps || crate::mentions::title_case(s);
    // (start, dateline, locative)
    let mut starts: Vec<(usize, bool, bool)> = Vec::new();
    if first_sentence && toks.first().is_some_and(|t| t.case == dyad_text::Case::Upper) {
        starts.push((0, true, true));
    }
    for (i, t) in toks.iter().enumerate() {
        let mut j = if toks.get(i + 1).is_some_and(|n| n.norm == "the") { i + 2 } else { i + 1 };
        while toks.get(j).is_some_and(|d| d.case == dyad_text::Case::Lower && is_direction(d)) {
            j += 1;
        }
        if norm_is(t, &["in", "at", "near", "outside", "around", "across", "throughout"]) {
            starts.push((j, false, true));
        } else if norm_is(t, &["on", "into", "against", "to", "toward", "towards", "upon"])
            || (matches!(t.tag, Tag::Verb(_)) && t.case == dyad_text::Case::Lower)
            || (t.norm == "of" && i > 0 && norm_is(&toks[i - 1], PLACE_NOUNS))
        {
            // Where an act was aimed (`shelled Kherson`, `the city of Goma`),
            // not necessarily where it happened.
            starts.push((j, false, false));
        }
    }
    for (start, dateline, locative) in starts {
        // `in March` is a date, not the town in Cambridgeshire.
        if start >= toks.len()
            || covered(out, start)
            || named[start]
            || !name_word(&toks[start])
            || crate::resolve::is_calendar_word(&toks[start].norm)
        {
            continue;
        }
        let longest = (1..=geo.max_words().min(toks.len() - start)).rev().find_map(|n| {
            let words = &toks[start..start + n];
            if !words.iter().all(name_word) {
                return None;
            }
            let name = s.span_of(start, start + n).slice(s.text);
            let mut candidates = geo.lookup(name).peekable();
            candidates.peek()?;
            let all: Vec<_> = candidates.collect();
            let place = all.iter().find(|p| story_countries.iter().any(|c| c == p.country)).or(all.first())?;
            Some((start + n, **place))
        });
        let Some((end, place)) = longest else { continue };
        // A gazetteer name that runs on into another name word, in a story
        // that names countries but not this place's, is the head of a longer
        // name the gazetteer lacks (`the Nur Shams camp` in a story on
        // Israel is not Nur in Iran). In a story naming no country it is as
        // often a place used as a modifier (`a Tampa Police officer`). An
        // administrative word (`Donetsk Region`) or a known name (`in
        // Kherson Russian troops`) does not count, nor does a title-case
        // headline, where every word is capitalised.
        let foreign = !story_countries.is_empty() && !story_countries.iter().any(|c| c == place.country);
        if foreign
            && !title_case
            && toks.get(end).is_some_and(|t| {
                name_word(t) && !named[end] && !ADMIN_WORDS.contains(&t.norm.as_str()) && !is_direction(t)
            })
        {
            continue;
        }
        if dateline && !toks.get(end).is_some_and(|t| norm_is(t, &[",", "(", "-", "--"])) {
            continue;
        }
        out.push(PlaceHit {
            start,
            end,
            location: Location {
                name: place.name.to_string(),
                country: Some(place.country.to_string()),
                lat: Some(f64::from(place.lat)),
                lon: Some(f64::from(place.lon)),
                span: s.span_of(start, end),
            },
            locative,
        });
    }
}

/// Words that follow a place name as part of it without making it another
/// place: `Donetsk Region`, `Khan Younis Governorate`.
const ADMIN_WORDS: &[&str] = &[
    "region",
    "province",
    "oblast",
    "district",
    "state",
    "county",
    "governorate",
    "city",
    "prefecture",
    "municipality",
    "department",
    "territory",
    "raion",
    "krai",
];

pub(super) fn nearest_place(places: &[PlaceHit], trigger: usize) -> Option<Location> {
    nearest(places, trigger, |p| p.locative).map(|p| p.location.clone())
}

/// The place of `places` that `keep` takes and that starts nearest the
/// token `trigger`.
fn nearest(places: &[PlaceHit], trigger: usize, keep: impl Fn(&PlaceHit) -> bool) -> Option<&PlaceHit> {
    places.iter().filter(|p| keep(p)).min_by_key(|p| (p.start as isize - trigger as isize).unsigned_abs())
}

/// The date expression for a trigger: one in the same clause (no comma or
/// clause mark between them) first, then the nearest; otherwise the
/// publication date.
pub(super) fn nearest_date(
    toks: &[Token],
    dates: &[DateMention],
    trigger: usize,
    published: Option<NaiveDate>,
) -> (Option<EventDate>, Option<String>) {
    let same_clause = |d: &DateMention| {
        let (a, b) = if d.start < trigger { (d.end.min(trigger), trigger) } else { (trigger, d.start) };
        !toks[a..b].iter().any(|t| norm_is(t, &[",", ";", ":", "who", "which", "that"]))
    };
    let distance = |d: &&DateMention| (!same_clause(d), (d.start as isize - trigger as isize).unsigned_abs());
    match dates.iter().min_by_key(distance) {
        Some(d) => (Some(d.date), Some(d.text.clone())),
        None => (published.map(EventDate::Day), None),
    }
}

/// The country of the place named nearest a force act, whether where it
/// happened or what it hit (`shelled Pokrovsk, killing three civilians`,
/// `a strike on the town of Sumy killed two civilians`): the victims' country
/// when they have no place of their own.
pub(super) fn scene_country(places: &[PlaceHit], trigger: usize) -> Option<String> {
    nearest(places, trigger, |p| p.location.country.is_some()).and_then(|p| p.location.country.clone())
}

/// Lemmas of a meeting and of meeting: a place after one names only where
/// people met, not whose they are (`the summit in Geneva`, `talks with
/// Kinshasa in Doha`, `envoys meeting in Cairo`). Not `gather`: protesters
/// gather at an embassy, and where they protest is whose they are.
const MEETING_WORDS: &[&str] = &[
    "conference",
    "summit",
    "talk",
    "talks",
    "meeting",
    "meet",
    "forum",
    "negotiation",
    "negotiations",
    "convene",
    "host",
];

/// Whether the place or country named from token `start` on (in `country`)
/// is the venue of a meeting between other countries: a meeting word comes
/// before it in the same clause (see [`is_venue`]) and an actor of another
/// country is named (`Iran sent a delegation to the peace conference in
/// Geneva`). A role noun does not take such a venue's country; it still is
/// the event's location. A meeting at home keeps it (`Labour's spring
/// conference in Gateshead`), and so does a place with no meeting word
/// (`officials in Kabul` are the local government's).
///
/// Nor is a country that names the attacker of an armed act where the
/// sentence is set (`civilians were killed in a US strike on Sanaa`): the
/// victims take the struck place's country, not the attacker's.
pub(super) fn foreign_venue(toks: &[Token], found: &[Mention], start: usize, country: Option<&str>) -> bool {
    // (`a US drone strike`: the mention may hold a weapon, `US drone`.)
    let attacker = found
        .iter()
        .find(|m| m.start == start && !m.is_place)
        .is_some_and(|m| crate::resolve::names_an_attacker(toks, m.end));
    attacker
        || is_venue(toks, start)
            && found
                .iter()
                .filter(|m| !m.is_place)
                .flat_map(|m| &m.members)
                .any(|x| x.country.is_some() && x.country.as_deref() != country)
}

/// Whether the place or country named from token `start` on, after `in` or
/// `at`, follows a meeting word in the same clause, with no other verb
/// between (`talks with Kinshasa in Doha`).
fn is_venue(toks: &[Token], start: usize) -> bool {
    let mut p = start;
    while p > 0
        && toks[p - 1].case == dyad_text::Case::Lower
        && (matches!(toks[p - 1].tag, Tag::Adj | Tag::Det) || is_direction(&toks[p - 1]))
    {
        p -= 1;
    }
    let Some(prep) = p.checked_sub(1) else { return false };
    if !norm_is(&toks[prep], &["in", "at"]) {
        return false;
    }
    for t in toks[prep.saturating_sub(8)..prep].iter().rev() {
        if MEETING_WORDS.contains(&t.lemma.as_str()) {
            return true;
        }
        if norm_is(t, &[",", ";", ":", "that", "who", "which", "but"]) || matches!(t.tag, Tag::Verb(_)) {
            return false;
        }
    }
    false
}
