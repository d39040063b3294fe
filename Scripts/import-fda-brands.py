#!/usr/bin/env python3
"""Generate Seeds/drug_names/fda-unii.tsv from the FDA's UNII Names list (public domain),
so that every brand the FDA lists for a drug twitchcheck knows is recognised.

    python3 Scripts/import-fda-brands.py [--brands PATH] [--vocabulary PATH] [--root PATH] [--report PATH]

Each row of brand-names.tsv names a brand and the substance it contains, often a salt
(LUSTRAL -> SERTRALINE HYDROCHLORIDE). The substance is mapped to a knowledge-base drug:

  (1) through its UNII: the DrugBank open vocabulary lists the UNII of each entry, and the
      entry's common name leads to the drug (sertraline);
  (2) through its name: the display name as it stands, then without the salt, ester and
      hydrate words the resolver itself skips (NameVocabulary.nonNameWords), must be a name
      another seed file defines. When (1) and (2) disagree the row is left unmapped.

A brand is imported as a name of that drug unless it is:

  ambiguous   it names two drugs, or a drug and a substance the knowledge base does not
              know (imported, it would turn the other substance into this drug), or it is
              a combination ("STALEVO COMPONENT LEVODOPA" rows) or one of its components,
              carries a word of combination labels (COUGH, SYRUP, PM, DM...), or is one of
              the brands reviewed by hand (REVIEWED below);
  shadowing   its key is already a name of another drug or of a combination product, a
              DrugBank name of another substance, or contains such a name as a run of its
              words ("ACETAMINOPHEN PM" must not hide acetaminophen behind one drug);
  common-word every word is a common English word, a dose-form, unit, salt or joining word
              (Scripts/fda-brands-common-words.txt and NameVocabulary), or the key is
              shorter than 4 letters, looks like a research code, is not plain ASCII or is
              longer than the resolver's 6 words;
  unmapped    its substance maps to no drug the knowledge base knows.

A brand that is already a name of the same drug is counted as known and not repeated.
Every other seed file is authoritative and read first; DrugBank's generated file counts as
a seed file here. The output is sorted and deterministic: running the script twice changes
nothing. The left-out brands and why are written to --report (not committed: it is large).
Python 3 standard library only.
"""

import argparse
import csv
import importlib.util
import os
import re
import sys

SOURCE = "fda-unii-names"
GENERATED = "fda-unii.tsv"
DEFAULT_BRANDS = "../shared/data/fda-unii/brand-names.tsv"
DEFAULT_VOCABULARY = "../shared/data/drugbank-vocabulary/drugbank_vocabulary.csv"
COMMON_WORDS = "Scripts/fda-brands-common-words.txt"
LONGEST_NAME = 6   # MedicationResolver.longestName: longer names can never match
SHORTEST_KEY = 4   # letters and digits; shorter brands are too easily a word or an abbreviation
CODE = re.compile(r"^[a-z]{1,7}[- ]?\d[\w-]*$", re.I)   # NS-218, SR33589
COMPONENT = re.compile(r" componen(t|et) ")            # "STALEVO COMPONENT LEVODOPA", and the list's misspelling
# Words of combination labels: the list names one substance of "AMBENYL COUGH SYRUP"
# (codeine and bromodiphenhydramine), so a brand with these words may drop an ingredient.
COMBINATION_WORDS = {"compound", "cough", "syrup", "formula", "plus", "cold", "sinus", "pm", "dm", "comp"}
# Brands reviewed by hand: combinations the list gives under one substance, family names
# whose products differ in what they contain, and brand prefixes. Left out as ambiguous.
REVIEWED = {
    "ziac": "bisoprolol and hydrochlorothiazide",
    "apresazide": "hydralazine and hydrochlorothiazide",
    "mepergan": "meperidine and promethazine",
    "hycodan": "hydrocodone and homatropine",
    "foraseq": "formoterol and budesonide",
    "mircette": "desogestrel and ethinyl estradiol",
    "midol": "a family: ibuprofen, or acetaminophen, caffeine and pyrilamine",
    "benylin": "a family: diphenhydramine, dextromethorphan, guaifenesin and others",
    "dimapp": "the Dimetapp family: brompheniramine, phenylephrine, dextromethorphan",
    "cepacol": "a family: cetylpyridinium mouthwash, benzocaine and menthol lozenges",
    "depo": "a prefix (Depo-Provera, Depo-Medrol, Depo-Testosterone)",
}


def load_drugbank_script(root):
    """import-drugbank.py's fold, TSV and vocabulary readers: one definition of each."""
    path = os.path.join(root, "Scripts", "import-drugbank.py")
    spec = importlib.util.spec_from_file_location("import_drugbank", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_connector_words(root):
    """NameVocabulary.connectorWords, read from the Swift source."""
    path = os.path.join(root, "Sources/TwitchCheckKit/Resolution/NameVocabulary.swift")
    text = open(path, encoding="utf-8").read()
    match = re.search(r"connectorWords[^=]*=\s*\[(.*?)\]", text, re.S)
    if not match:
        sys.exit(f"cannot find connectorWords in {path}")
    return set(re.findall(r'"([^"]*)"', match.group(1)))


def read_common_words(root):
    words = set()
    with open(os.path.join(root, COMMON_WORDS), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                words.add(line)
    return words


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--root", default=os.path.dirname(here), help="the checkout (default: this script's parent)")
    parser.add_argument("--brands", help="brand-names.tsv (default: ../shared/data/fda-unii/ beside the checkout)")
    parser.add_argument("--vocabulary", help="drugbank_vocabulary.csv (default: ../shared/data/... beside the checkout)")
    parser.add_argument("--report", help="write every brand left out, with the reason, to this file")
    args = parser.parse_args()
    root = args.root
    db = load_drugbank_script(root)
    fold = db.fold
    non_name = db.read_non_name_words(root)
    connectors = read_connector_words(root)
    common = read_common_words(root) | non_name | connectors

    # 1. What the other seed files define: key -> drug id (None = a combination product).
    index = {}
    for path in db.seed_files(root, "drugs") + [os.path.join(root, "Seeds/drugs", db.GENERATED)]:
        for row in db.read_tsv(path):
            if row.get("id"):
                index.setdefault(fold(row["id"]), row["id"])
    for path in db.seed_files(root, "drug_names") + [os.path.join(root, "Seeds/drug_names", db.GENERATED)]:
        if os.path.basename(path) == GENERATED:
            continue
        for row in db.read_tsv(path):
            if row.get("name") and row.get("drug"):
                index.setdefault(fold(row["name"]), row["drug"])
    for path in db.seed_files(root, "combination_products"):
        for row in db.read_tsv(path):
            if row.get("name"):
                index[fold(row["name"])] = None

    # 2. DrugBank: UNII -> drug, and every DrugBank name -> the drugs its entries are
    #    ("?" for an entry the knowledge base does not know).
    by_unii, claims = {}, {}
    vocabulary = args.vocabulary or os.path.join(root, DEFAULT_VOCABULARY)
    with open(vocabulary, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            drug = index.get(fold(row["Common name"]))
            if row["UNII"].strip() and drug:
                by_unii[row["UNII"].strip()] = drug
            names = [row["Common name"]] + (row["Synonyms"] or "").split(" | ")
            for name in names:
                if name.strip():
                    claims.setdefault(fold(name), set()).add(drug or "?")

    def substance_drug(unii, display):
        through_unii = by_unii.get(unii)
        key = fold(display)
        through_name = index.get(key)
        if through_name is None:
            stripped = " ".join(w for w in key.split() if w not in non_name)
            through_name = index.get(stripped) if stripped else None
        if through_unii and through_name and through_unii != through_name:
            return None
        return through_unii or through_name

    # 3. Brands, grouped by key. "STALEVO COMPONENT LEVODOPA" rows say that STALEVO is a
    #    combination: neither the brand nor its component rows may stand for one drug.
    brands = {}   # key -> {"names": set, "drugs": set, "unmapped": [substance]}
    brands_path = args.brands or os.path.join(root, DEFAULT_BRANDS)
    with open(brands_path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            name = row["brand_name"].strip()
            if not name or "\t" in name:
                continue
            entry = brands.setdefault(fold(name), {"names": set(), "drugs": set(), "unmapped": []})
            entry["names"].add(name)
            if COMPONENT.search(f" {fold(name)} "):
                entry["unmapped"].append(f"a component of {name}")
                head = COMPONENT.split(f" {fold(name)} ")[0].strip()
                brands.setdefault(head, {"names": set(), "drugs": set(), "unmapped": []})["unmapped"].append(f"combination: {name}")
                continue
            drug = substance_drug(row["unii"].strip(), row["substance_display_name"])
            if drug:
                entry["drugs"].add(drug)
            else:
                entry["unmapped"].append(row["substance_display_name"])

    def contained_name(words, drug, names):
        """The longest run of the brand's words that is a name of something else, or None."""
        for length in range(len(words) - 1, 0, -1):
            for start in range(len(words) - length + 1):
                part = " ".join(words[start:start + length])
                if part in names and names[part] != drug and not (length == 1 and part in common):
                    owner = names[part]
                    return f"{drug}; contains '{part}' ({'a combination product' if owner is None else owner})"
        return None

    # 4. Decide each brand.
    counts = {k: 0 for k in ["brands", "imported", "known", "ambiguous", "shadowing", "common-word", "unmapped"]}
    imported, left_out = [], []
    for key in sorted(brands):
        entry = brands[key]
        if not entry["names"]:   # a combination known only from its component rows
            continue
        name = sorted(entry["names"])[0]
        counts["brands"] += 1
        drugs = entry["drugs"]
        reason, detail = None, ""
        words = key.split()
        if not drugs:
            reason, detail = "unmapped", "; ".join(sorted(set(entry["unmapped"])))
        elif len(drugs) == 1 and index.get(key) == next(iter(drugs)):
            counts["known"] += 1
            continue
        elif len(drugs) > 1 or entry["unmapped"]:
            reason, detail = "ambiguous", ", ".join(sorted(drugs) + sorted(set(entry["unmapped"])))
        elif key in REVIEWED or COMBINATION_WORDS & set(words):
            reason = "ambiguous"
            detail = f"{next(iter(drugs))}; {REVIEWED.get(key, 'may be a combination')}"
        elif (not key.isascii() or len(key.replace(" ", "")) < SHORTEST_KEY or len(words) > LONGEST_NAME
              or CODE.match(name) or all(w in common or w.isdigit() for w in words)):
            reason, detail = "common-word", next(iter(drugs))
        else:
            drug = next(iter(drugs))
            if key in index:
                owner = index[key]
                reason, detail = "shadowing", f"{drug}; already {'a combination product' if owner is None else 'a name of ' + owner}"
            elif claims.get(key, {drug}) - {drug}:
                reason, detail = "shadowing", f"{drug}; DrugBank name of {', '.join(sorted(claims[key] - {drug}))}"
            else:
                detail = contained_name(words, drug, index)
                reason = "shadowing" if detail else None
        if reason:
            counts[reason] += 1
            left_out.append((reason, name, detail))
        else:
            counts["imported"] += 1
            imported.append((name, next(iter(drugs))))

    # 5. The same check against the brands imported beside it ("PROSTIN E2" must not hide "PROSTIN").
    names = dict(index)
    names.update((fold(name), drug) for name, drug in imported)
    kept = []
    for name, drug in imported:
        detail = contained_name(fold(name).split(), drug, names)
        if detail:
            counts["imported"] -= 1
            counts["shadowing"] += 1
            left_out.append(("shadowing", name, detail))
        else:
            kept.append((name, drug))
    imported = kept

    db.write(os.path.join(root, "Seeds/drug_names", GENERATED),
             ["# Generated by Scripts/import-fda-brands.py from the FDA GSRS UNII Names list (June 2025, public domain); do not edit by hand.",
              "# Brand names (type bn) whose substance, salt or not, is a drug the other seed files know; see the script for what is left out."],
             ["name", "drug", "kind", "source"],
             sorted(([name, drug, "brand", SOURCE] for name, drug in imported), key=lambda r: (r[1], fold(r[0]), r[0])))
    if args.report:
        with open(args.report, "w", encoding="utf-8") as f:
            for reason, name, detail in sorted(left_out):
                f.write(f"{reason}\t{name}\t{detail}\n")
    for k, v in counts.items():
        print(f"{k:12} {v}")


if __name__ == "__main__":
    main()
