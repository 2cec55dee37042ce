#!/usr/bin/env python3
"""Generate crates/dyad-text/data/lexicon.tsv from LemmInflect's data files.

No Rust crate ships an English lemma lexicon, so dyad derives its own from
the Python package LemmInflect (MIT licence, Copyright (C) 2019 Brad Jascob),
whose dictionary is in turn derived from the NIH SPECIALIST Lexicon.

Usage:
    pip install lemminflect==0.2.3
    python3 scripts/gen_lexicon.py            # writes the table
    python3 scripts/gen_lexicon.py --check    # exits 1 if the committed table differs

The output is a plain-text table sorted by form (byte order), one word form a
line:  form<TAB>group[ group...]  where a group is a run of tag letters that
share one lemma, optionally followed by the lemma:
    (nothing)  lemma is the form itself
    -K         lemma is the form minus its last K bytes   (talks -> talk)
    :LEMMA     lemma written out                          (held -> hold)
Tag letters: n=NN s=NNS m=NNP (a capitalised name in the source data)
v=VB/VBP d=VBD p=VBN g=VBG z=VBZ j=JJ/JJR/JJS r=RB/RBR/RBS.
Forms are lower case; a capitalised source entry becomes tag m.
"""
import gzip
import os
import sys

import lemminflect

VERSION = "0.2.3"
RES = os.path.join(os.path.dirname(lemminflect.__file__), "resources")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                   "crates", "dyad-text", "data", "lexicon.tsv")

# Order of groups in a line, and the context-free lemma preference of the
# Rust side: verb readings first (a news word that can be a verb usually is
# one), then nouns, adjectives, adverbs.
ORDER = "dpzgvnsmjr"

PENN = {"noun": ["s"], "adj": ["j", "j"], "adv": ["r", "r"],
        "verb": ["d", "p", "g", "z"]}
BASE = {"noun": "n", "adj": "j", "adv": "r", "verb": "v"}
UPOS_LETTERS = {"noun": "ns", "verb": "vdpgz", "adj": "j", "adv": "r"}


def ok(word):
    return word and all(not c.isspace() for c in word) and "," not in word


def main():
    # form -> upos -> preferred lemma order (from the lemma table)
    pref = {}
    lemma_rows = []
    with gzip.open(os.path.join(RES, "lemma_lu.csv.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            form, upos, lemmas = line.rstrip("\n").split(",", 2)
            lemmas = lemmas.split("/")
            pref[(form, upos)] = lemmas
            lemma_rows.append((form, upos, lemmas))

    # (form, letter) -> list of lemmas in discovery order
    table = {}

    def add(form, letter, lemma):
        if not (ok(form) and ok(lemma)):
            return
        table.setdefault((form, letter), [])
        if lemma not in table[(form, letter)]:
            table[(form, letter)].append(lemma)

    with gzip.open(os.path.join(RES, "infl_lu.csv.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split(",")
            lemma, upos, forms = parts[0], parts[1], parts[2:]
            add(lemma, BASE[upos], lemma)
            letters = PENN[upos]
            vbd = forms[0] if forms else ""
            for i, spellings in enumerate(forms[:len(letters)]):
                # An empty VBN column means "same as VBD" (regular verbs).
                if upos == "verb" and i == 1 and not spellings:
                    spellings = vbd
                for s in spellings.split("/"):
                    if s and not (letters[i] == "s" and s == lemma):
                        add(s, letters[i], lemma)

    # Lemma-table rows whose reading the inflection table does not produce
    # (mostly uncountable nouns and odd spellings): add a plausible tag.
    for form, upos, lemmas in lemma_rows:
        if upos not in UPOS_LETTERS:
            continue  # aux rows: the Rust closed-class list handles them
        if any((form, l) in table for l in UPOS_LETTERS[upos]):
            continue
        for lemma in lemmas:
            if lemma == form:
                add(form, BASE[upos], lemma)
            elif upos == "noun":
                add(form, "s", lemma)
            elif upos == "verb":
                if form.endswith("ing"):
                    add(form, "g", lemma)
                elif form.endswith("s"):
                    add(form, "z", lemma)
                else:
                    add(form, "d", lemma)
                    add(form, "p", lemma)
            else:
                add(form, BASE[upos], lemma)

    with open(os.path.join(RES, "infl_overrides.csv"), encoding="utf-8") as f:
        conv = {"NNS": "s", "VBD": "d", "VBN": "p", "VBG": "g", "VBZ": "z",
                "VBP": "v", "VB": "v", "JJR": "j", "JJS": "j", "RBR": "r",
                "RBS": "r"}
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            lemma, tag, form = line.split(",")
            if tag in conv:
                add(form, conv[tag], lemma)

    # Fold to lower case. Capitalised source entries become tag "m".
    lower = {}
    for (form, letter), lemmas in table.items():
        upos = {"n": "noun", "s": "noun", "v": "verb", "d": "verb",
                "p": "verb", "g": "verb", "z": "verb", "j": "adj",
                "r": "adv"}[letter]
        order = pref.get((form, upos), [])
        lemmas = sorted(lemmas, key=lambda l: order.index(l) if l in order else len(order))
        lemma = lemmas[0]
        if form != form.lower():
            if letter not in "ns":
                continue  # capitalised verbs/adjectives are data noise
            key, letter, lemma = form.lower(), "m", form.lower()
        else:
            key = form
        lower.setdefault(key, {})
        lower[key].setdefault(letter, lemma)

    lines = []
    for form in sorted(lower, key=lambda s: s.encode("utf-8")):
        readings = lower[form]
        groups = {}
        for letter in ORDER:
            if letter in readings:
                groups.setdefault(readings[letter], []).append(letter)
        out = []
        for lemma, letters in sorted(groups.items(), key=lambda kv: ORDER.index(kv[1][0])):
            g = "".join(letters)
            if lemma == form:
                pass
            elif form.startswith(lemma):
                g += "-%d" % (len(form.encode()) - len(lemma.encode()))
            else:
                g += ":" + lemma
            out.append(g)
        lines.append("%s\t%s\n" % (form, " ".join(out)))

    text = "".join([
        "# dyad English lexicon: word forms, tags and lemmas.\n",
        "# GENERATED by scripts/gen_lexicon.py from LemmInflect %s; do not edit by hand.\n" % VERSION,
        "#\n",
        "# Source: LemmInflect (https://github.com/bjascob/LemmInflect), files\n",
        "# resources/infl_lu.csv.gz, lemma_lu.csv.gz and infl_overrides.csv.\n",
        "# LemmInflect licence: MIT License, Copyright (C) 2019 Brad Jascob.\n",
        "#   Permission is hereby granted, free of charge, to any person obtaining a copy\n",
        "#   of this software and associated documentation files (the \"Software\"), to deal\n",
        "#   in the Software without restriction, including without limitation the rights\n",
        "#   to use, copy, modify, merge, publish, distribute, sublicense, and/or sell\n",
        "#   copies of the Software, and to permit persons to whom the Software is\n",
        "#   furnished to do so, subject to the following conditions:\n",
        "#   The above copyright notice and this permission notice shall be included in\n",
        "#   all copies or substantial portions of the Software.\n",
        "#   THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND.\n",
        "# Upstream data: LemmInflect's README states that its dictionary and morphology\n",
        "# rules are derived from the NIH SPECIALIST Lexicon (National Library of\n",
        "# Medicine, Lexical Systems Group), which NLM distributes under its own open\n",
        "# terms of use; AGID was used only as a test baseline, not as data.\n",
        "#\n",
        "# Format: form<TAB>group[ group...]; a group is tag letters sharing one lemma,\n",
        "# then nothing (lemma = form), -K (drop last K bytes) or :LEMMA.\n",
        "# Tags: n=NN s=NNS m=NNP v=VB d=VBD p=VBN g=VBG z=VBZ j=JJ r=RB.\n",
    ] + lines)
    if "--check" in sys.argv:
        with open(OUT, encoding="utf-8") as f:
            same = f.read() == text
        print("lexicon.tsv is %s" % ("up to date" if same else "STALE"))
        sys.exit(0 if same else 1)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print("wrote %s: %d forms, %d bytes" % (OUT, len(lines), len(text.encode())))


if __name__ == "__main__":
    main()
