//! dyad's world gazetteer: populated places and countries, compiled in.
//!
//! [`Gazetteer::world`] holds every populated place of 15,000 inhabitants or
//! more and every national capital (about 34,000 places), with coordinates,
//! population and ISO 3166-1 alpha-3 country, plus the facts of the 249 ISO
//! 3166-1 countries and territories and Kosovo (alpha-2, alpha-3, name,
//! capital, demonym). The data are GeoNames data (CC BY 4.0,
//! <https://www.geonames.org/>), generated into compact tables in `data/` by
//! `scripts/gen_gazetteer.py` and `scripts/gen_countries.py`; nothing is
//! read or downloaded at run time.
//!
//! A [`Gazetteer`] is an immutable value that the caller builds once and
//! shares by reference (it is `Send + Sync`); there is no global state.
//!
//! Names are looked up by their lower-cased form ([`Gazetteer::key`]), under
//! their primary name or one of the few alternate names kept (`Kiev`,
//! `Bombay`, `Zurich` for `Zürich`, `St. Petersburg`). A name can name
//! several places; candidates come by descending population, which decides
//! between same-name places: `Paris` is the French capital before Paris,
//! Texas, and `St. Petersburg` is Russia's before Florida's.
//!
//! ```
//! use dyad_geo::Gazetteer;
//!
//! let geo = Gazetteer::world();
//! assert!(geo.len() >= 25_000);
//!
//! let paris = geo.best("Paris").unwrap();
//! assert_eq!(paris.country, "FRA");
//! assert!(paris.capital);
//!
//! // Alternate names and accent-free spellings find the place too.
//! assert_eq!(geo.best("Kiev").unwrap().name, "Kyiv");
//! assert_eq!(geo.best("zurich").unwrap().country, "CHE");
//!
//! // Every candidate for a name, most likely first.
//! let springfields: Vec<_> = geo.lookup("Springfield").map(|p| p.country).collect();
//! assert!(springfields.iter().all(|c| *c == "USA"));
//!
//! // Country facts: alpha-2 to alpha-3, names and capitals.
//! assert_eq!(geo.alpha3("de"), Some("DEU"));
//! assert_eq!(geo.country("TUR").unwrap().capital, Some("Ankara"));
//! ```
#![deny(missing_docs)]

use std::collections::HashMap;

/// The place table: see `scripts/gen_gazetteer.py` for the format.
const PLACES: &str = include_str!("../data/places.tsv");
/// The country table: see `scripts/gen_countries.py`.
const COUNTRIES: &str = include_str!("../data/countries.tsv");

/// A populated place.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Place {
    /// Name as GeoNames writes it (may hold accents: `Zürich`).
    pub name: &'static str,
    /// ISO 3166-1 alpha-3 country code (`XKX` for Kosovo).
    pub country: &'static str,
    /// Latitude, decimal degrees (rounded to 0.001).
    pub lat: f32,
    /// Longitude, decimal degrees (rounded to 0.001).
    pub lon: f32,
    /// Population (GeoNames).
    pub population: u32,
    /// The country's capital or seat of government.
    pub capital: bool,
    alternates: &'static str,
}

impl Place {
    /// The ASCII alternate names that are indexed for this place.
    pub fn alternates(&self) -> impl Iterator<Item = &'static str> {
        self.alternates.split('|').filter(|a| !a.is_empty())
    }
}

/// An ISO 3166-1 country or territory (or Kosovo).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code (`XK` for Kosovo).
    pub alpha2: &'static str,
    /// ISO 3166-1 alpha-3 code (`XKX` for Kosovo).
    pub alpha3: &'static str,
    /// English short name as used in news.
    pub name: &'static str,
    /// Capital or seat of government, when it has one.
    pub capital: Option<&'static str>,
    /// Demonym / adjective (`Turkish`), when one is in common use.
    pub demonym: Option<&'static str>,
}

/// Bits of a name's hash that pick its bucket of the index (4,096
/// buckets of about ten names each).
const BUCKET_BITS: u32 = 12;

/// The world gazetteer. Build it once with [`Gazetteer::world`]; it is
/// immutable afterwards.
pub struct Gazetteer {
    places: Vec<Place>,
    /// (hash of a name's key, place), sorted by hash and then candidate
    /// order; see [`Gazetteer::lookup`].
    index: Vec<(u64, u32)>,
    /// Where the hashes of each [`BUCKET_BITS`]-bit prefix start in
    /// `index` (one more entry at the end): a lookup searches a dozen
    /// entries in a cache line or two instead of the whole index (sixteen
    /// steps over 600 KB, most of them cache misses).
    buckets: Vec<u32>,
    names: usize,
    countries: Vec<Country>,
    country_index: HashMap<&'static str, u16>,
    max_words: usize,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("places", &self.places.len())
            .field("names", &self.names)
            .field("countries", &self.countries.len())
            .finish()
    }
}

impl Default for Gazetteer {
    fn default() -> Gazetteer {
        Gazetteer::world()
    }
}

/// Candidates for one name, most likely first.
#[derive(Clone, Debug)]
pub struct Lookup<'g> {
    places: &'g [Place],
    entries: std::slice::Iter<'g, (u64, u32)>,
    name: String,
}

impl<'g> Iterator for Lookup<'g> {
    type Item = &'g Place;

    fn next(&mut self) -> Option<&'g Place> {
        // Entries share the name's hash; keep those whose name really is it.
        for &(_, id) in self.entries.by_ref() {
            let p = &self.places[id as usize];
            if key_eq(p.name, &self.name) || p.alternates().any(|a| key_eq(a, &self.name)) {
                return Some(p);
            }
        }
        None
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, self.entries.size_hint().1)
    }
}

/// The characters of a name's key: see [`Gazetteer::key`].
fn key_chars(name: &str) -> impl Iterator<Item = char> + '_ {
    name.split_whitespace().enumerate().flat_map(|(i, word)| {
        let sep = if i > 0 { Some(' ') } else { None };
        sep.into_iter().chain(word.chars().flat_map(|c| {
            let c = match c {
                '\u{2019}' | '\u{2018}' | '`' => '\'',
                c => c,
            };
            c.to_lowercase()
        }))
    })
}

/// Whether two names have the same key, without allocating.
fn key_eq(a: &str, b: &str) -> bool {
    key_chars(a).eq(key_chars(b))
}

/// A 64-bit hash of a name's key (FNV-1a over the key's characters).
fn key_hash(name: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in key_chars(name) {
        h ^= u64::from(u32::from(c));
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Parses a decimal such as `-12.345` (the table's coordinates) quickly.
fn parse_degrees(s: &str) -> f32 {
    let (neg, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let mut v: i64 = 0;
    for b in int.bytes().chain(frac.bytes().chain(std::iter::repeat(b'0')).take(3)) {
        if !b.is_ascii_digit() {
            return s.parse().unwrap_or(0.0);
        }
        v = v * 10 + i64::from(b - b'0');
    }
    let v = v as f32 / 1000.0;
    if neg {
        -v
    } else {
        v
    }
}

impl Gazetteer {
    /// Builds the compiled-in world gazetteer (a few milliseconds).
    pub fn world() -> Gazetteer {
        let mut places = Vec::with_capacity(34_500);
        let mut country = "";
        for line in PLACES.lines() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(code) = line.strip_prefix('=') {
                country = code;
                continue;
            }
            let mut f = line.split('\t');
            let (Some(name), Some(alternates), Some(lat), Some(lon), Some(pop)) =
                (f.next(), f.next(), f.next(), f.next(), f.next())
            else {
                debug_assert!(false, "bad gazetteer line {line:?}");
                continue;
            };
            places.push(Place {
                name,
                country,
                lat: parse_degrees(lat),
                lon: parse_degrees(lon),
                population: pop.parse().unwrap_or(0),
                capital: f.next() == Some("C"),
                alternates,
            });
        }

        // Every (name or alternate, place), in candidate order per name:
        // population first; on a tie the primary name, then table order.
        let mut keyed: Vec<(u64, std::cmp::Reverse<u32>, bool, u32)> = Vec::with_capacity(places.len() * 9 / 8);
        let mut max_words = 1;
        for (i, p) in places.iter().enumerate() {
            let words = |s: &str| s.split_whitespace().count();
            max_words = max_words.max(words(p.name));
            let h = key_hash(p.name);
            keyed.push((h, std::cmp::Reverse(p.population), false, i as u32));
            for alt in p.alternates() {
                let ha = key_hash(alt);
                if ha != h {
                    max_words = max_words.max(words(alt));
                    keyed.push((ha, std::cmp::Reverse(p.population), true, i as u32));
                }
            }
        }
        keyed.sort_unstable();
        keyed.dedup_by(|b, a| a.0 == b.0 && a.3 == b.3);
        let mut names = 0;
        let index: Vec<(u64, u32)> = keyed
            .iter()
            .enumerate()
            .map(|(k, e)| {
                names += usize::from(k == 0 || keyed[k - 1].0 != e.0);
                (e.0, e.3)
            })
            .collect();

        let mut countries = Vec::with_capacity(250);
        for line in COUNTRIES.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let mut f = line.split('\t');
            let (Some(alpha2), Some(alpha3), Some(name)) = (f.next(), f.next(), f.next()) else {
                debug_assert!(false, "bad country line {line:?}");
                continue;
            };
            let opt = |s: Option<&'static str>| s.filter(|s| !s.is_empty());
            countries.push(Country { alpha2, alpha3, name, capital: opt(f.next()), demonym: opt(f.next()) });
        }
        let mut country_index = HashMap::with_capacity(countries.len() * 2);
        for (i, c) in countries.iter().enumerate() {
            country_index.insert(c.alpha2, i as u16);
            country_index.insert(c.alpha3, i as u16);
        }
        let buckets = (0..=1u64 << BUCKET_BITS)
            .map(|b| index.partition_point(|e| e.0 >> (64 - BUCKET_BITS) < b) as u32)
            .collect();
        Gazetteer { places, index, buckets, names, countries, country_index, max_words }
    }

    /// The lookup key of a name: lower case, typographic apostrophes made
    /// ASCII, runs of white space collapsed to one space.
    pub fn key(name: &str) -> String {
        key_chars(name).collect()
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// True when there are no places (never for [`Gazetteer::world`]).
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// Every place, by country (alpha-3) and then by descending population.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// Number of distinct names and alternate names indexed.
    pub fn names(&self) -> usize {
        self.names
    }

    /// The most words in any indexed name (`Ho Chi Minh City` has four):
    /// callers matching token spans need not try longer ones.
    pub fn max_words(&self) -> usize {
        self.max_words
    }

    /// Every place called `name` (any case, primary or alternate name), most
    /// likely first: by descending population.
    pub fn lookup(&self, name: &str) -> Lookup<'_> {
        let h = key_hash(name);
        let bucket = (h >> (64 - BUCKET_BITS)) as usize;
        let (from, to) = (self.buckets[bucket] as usize, self.buckets[bucket + 1] as usize);
        let near = &self.index[from..to];
        let a = near.partition_point(|e| e.0 < h);
        let b = a + near[a..].partition_point(|e| e.0 == h);
        // Most names asked for are no place: nothing to copy for them.
        let name = if a == b { String::new() } else { name.to_string() };
        Lookup { places: &self.places, entries: near[a..b].iter(), name }
    }

    /// The most likely place called `name`.
    pub fn best(&self, name: &str) -> Option<&Place> {
        self.lookup(name).next()
    }

    /// True when some place is called `name`.
    pub fn contains(&self, name: &str) -> bool {
        self.lookup(name).next().is_some()
    }

    /// The 249 ISO 3166-1 countries and territories and Kosovo, by alpha-3.
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    /// A country by its alpha-2 or alpha-3 code (any case).
    pub fn country(&self, code: &str) -> Option<&Country> {
        if !(2..=3).contains(&code.len()) {
            return None;
        }
        let upper = code.to_ascii_uppercase();
        self.country_index.get(upper.as_str()).map(|&i| &self.countries[i as usize])
    }

    /// The alpha-3 code of an alpha-2 code (`"DE"` -> `"DEU"`), any case.
    pub fn alpha3(&self, alpha2: &str) -> Option<&'static str> {
        if alpha2.len() != 2 {
            return None;
        }
        self.country(alpha2).map(|c| c.alpha3)
    }

    /// The capital (or seat of government) of a country, as a place.
    pub fn capital_of(&self, code: &str) -> Option<&Place> {
        let country = self.country(code)?;
        self.places.iter().find(|p| p.capital && p.country == country.alpha3)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_lower_case_and_collapsed() {
        assert_eq!(Gazetteer::key("  Ho  Chi Minh\tCity "), "ho chi minh city");
        assert_eq!(Gazetteer::key("N\u{2019}Djamena"), "n'djamena");
        assert_eq!(Gazetteer::key("ZÜRICH"), "zürich");
    }

    /// The buckets find, for every indexed name and for names of no
    /// place, the same entries as a search of the whole index.
    #[test]
    fn buckets_find_what_the_whole_index_finds() {
        let geo = Gazetteer::world();
        let whole = |name: &str| -> Vec<u32> {
            let h = key_hash(name);
            let a = geo.index.partition_point(|e| e.0 < h);
            let b = a + geo.index[a..].partition_point(|e| e.0 == h);
            geo.index[a..b]
                .iter()
                .filter(|&&(_, id)| key_matches(&geo.places[id as usize], name))
                .map(|e| e.1)
                .collect()
        };
        let found = |name: &str| -> Vec<u32> {
            geo.lookup(name)
                .map(|p| {
                    (p as *const Place as usize - geo.places.as_ptr() as usize) as u32
                        / std::mem::size_of::<Place>() as u32
                })
                .collect()
        };
        let mut checked = 0;
        for p in geo.places.iter().step_by(7) {
            for name in std::iter::once(p.name).chain(p.alternates()) {
                let expected = whole(name);
                assert!(!expected.is_empty(), "{name}");
                assert_eq!(found(name), expected, "{name}");
                checked += 1;
            }
        }
        for name in ["Nowhere At All", "zzzz", "", "Said", "The"] {
            assert_eq!(found(name), whole(name), "{name}");
        }
        assert!(checked > 4_000, "{checked}");
    }

    fn key_matches(p: &Place, name: &str) -> bool {
        key_eq(p.name, name) || p.alternates().any(|a| key_eq(a, name))
    }

    #[test]
    fn gazetteer_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Gazetteer>();
    }
}
