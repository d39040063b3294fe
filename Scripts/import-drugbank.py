#!/usr/bin/env python3
"""Generate Seeds/drugs/drugbank.tsv and Seeds/drug_names/drugbank.tsv from the
DrugBank open vocabulary (CC0), so that every DrugBank drug is recognised by name.

    python3 Scripts/import-drugbank.py [--vocabulary PATH] [--root PATH]

DrugBank drugs carry none of the four risks; they only make a name known, so that a
list can be called clear when every name in it was recognised. Every other seed file
is authoritative and is read first:

  (a) an entry with any name (common name or synonym) whose folded key equals a name
      or drug id defined in another Seeds/drugs or Seeds/drug_names file (or a
      combination product) IS that drug: only its other names are added, as synonyms;
  (b) otherwise the entry becomes a drug whose id is its common name in lowercase;
  (c) a key claimed by two DrugBank entries is ambiguous and added for neither
      (except that an entry's own common name beats another entry's synonym);
  (d) keys that are one non-name word (salts, forms, units), shorter than 3
      characters or purely numeric are never added;
  (e) research codes, CAS-like numbers, systematic chemical names and short
      acronyms are skipped; INN, BAN, USAN and other spellings are kept;
  (f) an entry with no CAS number, no InChI key and no accession number (allergen
      extracts of foods, pollens, moulds and animal skins, vaccine antigens) gets kind
      'substance': recognised, never suggested.

Keys are folded as NameNormalizer folds them (lowercase, accents removed, apostrophes
dropped, other non-alphanumerics as single spaces). Names whose key would not be
plain ASCII are skipped, so that this script and the Swift normaliser always agree.
The output is sorted and deterministic: running the script twice changes nothing.
Python 3 standard library only.
"""

import argparse
import csv
import os
import re
import sys
import unicodedata

SOURCE = "drugbank-vocabulary"
GENERATED = "drugbank.tsv"
DEFAULT_VOCABULARY = "../shared/data/drugbank-vocabulary/drugbank_vocabulary.csv"
LONGEST_NAME = 6  # longer synonyms are systematic chemical names nobody types (the resolver itself matches any length)

# DrugBank's common name is sometimes the international name; drug ids are US adopted
# names (DESIGN.md: "albuterol, acetaminophen, meperidine"). Where DrugBank lists the
# US name among the synonyms, that synonym becomes the id and the common name a synonym.
US_NAMES = {
    "salbutamol": "albuterol", "levosalbutamol": "levalbuterol", "rifampicin": "rifampin",
    "mesalazine": "mesalamine", "glibenclamide": "glyburide", "ciclosporin": "cyclosporine",
    "pethidine": "meperidine", "paracetamol": "acetaminophen", "adrenaline": "epinephrine",
    "noradrenaline": "norepinephrine", "frusemide": "furosemide", "lignocaine": "lidocaine",
    "aciclovir": "acyclovir", "valaciclovir": "valacyclovir", "colecalciferol": "cholecalciferol",
    "cefalexin": "cephalexin", "chlorphenamine": "chlorpheniramine", "clomifene": "clomiphene",
    "dicycloverine": "dicyclomine", "glyceryl trinitrate": "nitroglycerin", "hyoscine": "scopolamine",
    "isoprenaline": "isoproterenol", "phenobarbitone": "phenobarbital", "thiamazole": "methimazole",
    "orciprenaline": "metaproterenol", "tetracosactide": "cosyntropin", "benzylpenicillin": "penicillin g",
    "phenoxymethylpenicillin": "penicillin v", "ethinylestradiol": "ethinyl estradiol",
    "bendrofluazide": "bendroflumethiazide", "cromoglicic acid": "cromolyn",
    "oxybuprocaine": "benoxinate", "amfetamine": "amphetamine", "dexamfetamine": "dextroamphetamine",
    "metamfetamine": "methamphetamine", "valproic acid": "valproate",
    "norethisterone": "norethindrone", "dextrose, unspecified form": "dextrose",
    "hydroxyethyl starch": "hetastarch", "torasemide": "torsemide", "risedronic acid": "risedronate",
    "erythropoietin": "epoetin alfa", "acetylsalicylic acid": "aspirin", "phylloquinone": "phytonadione",
}

# NameVocabulary.nonNameWords (Sources/TwitchCheckKit/Resolution/NameVocabulary.swift),
# read from the Swift source when it is there, so that the two lists never drift.
FALLBACK_NON_NAME_WORDS = set()


def fold(name):
    """The lookup key of a name, as NameNormalizer.key computes it."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    words, current = [], []
    for c in text:
        if c in "'\u2019`":
            continue
        if c.isalnum():
            current.append(c)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return " ".join(words)


def read_non_name_words(root):
    path = os.path.join(root, "Sources/TwitchCheckKit/Resolution/NameVocabulary.swift")
    try:
        text = open(path, encoding="utf-8").read()
    except OSError:
        return FALLBACK_NON_NAME_WORDS
    match = re.search(r"nonNameWords[^=]*=\s*\[(.*?)\]", text, re.S)
    if not match:
        sys.exit(f"cannot find nonNameWords in {path}")
    body = re.sub(r"//[^\n]*", "", match.group(1))
    return set(re.findall(r'"([^"]*)"', body))


def read_tsv(path):
    """Rows of a seed file as dicts (header is the first non-comment line)."""
    header, rows = None, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.startswith("#"):
                continue
            fields = [x.strip() for x in line.split("\t")]
            if header is None:
                header = fields
            else:
                rows.append(dict(zip(header, fields)))
    return rows


def seed_files(root, table):
    folder = os.path.join(root, "Seeds", table)
    if not os.path.isdir(folder):
        return []
    return [os.path.join(folder, f) for f in sorted(os.listdir(folder))
            if f.endswith(".tsv") and f not in (GENERATED, "fda-unii.tsv")]


CODE = re.compile(r"^[a-z]{1,7}[- ]?\d[\w-]*$", re.I)            # BAY 12-8039, SR33589, UK-92480
CAS_LIKE = re.compile(r"^\d+(-\d+)+$")                            # 103-90-2
LOCANT = re.compile(r"(\d+[,'’]\d*)|(^|[^a-z0-9])\d+[a-z]?-[a-z(]|\d-$", re.I)  # 2,4- ; 4-acetamido ; 17alpha-
BRACKETS = re.compile(r"[()\[\]{};,:/+=<>±*]")
UPPER_ACRONYM = re.compile(r"^[A-Za-z0-9-]{2,7}$")


def looks_like_code(name, key):
    """Rule (e): research codes, CAS numbers, systematic names, acronyms."""
    if CAS_LIKE.match(name) or CODE.match(name):
        return True
    if BRACKETS.search(name) and any(ch.isdigit() for ch in name):
        return True
    if LOCANT.search(name):
        return True
    if "," in name or ";" in name:
        return True
    # Short acronyms (RFP, TCP, hCRF, cis-RA): ambiguous abbreviations.
    letters = [c for c in name if c.isalpha()]
    if UPPER_ACRONYM.match(name) and sum(c.isupper() for c in letters) >= 2 and \
            sum(c.isupper() for c in letters) * 2 >= len(letters):
        return True
    if len(key.split()) > LONGEST_NAME:
        return True
    return False


def acceptable_key(key, non_name_words):
    """Rule (d), plus: the key must be plain ASCII (so Swift folds it the same way)."""
    if len(key) < 3 or key.replace(" ", "").isdigit():
        return False
    if not key.isascii():
        return False
    if " " not in key and key in non_name_words:
        return False
    return True


# Medicines and herbal products people do list, though DrugBank gives them no CAS number,
# structure or accession number (rule (f) would otherwise call them substances).
MEDICINES_WITHOUT_CAS = {
    "dextrose", "benzalkonium", "nadroparin", "certoparin", "semuloparin", "belladonna", "talc", "thrombin",
    "ferumoxides", "dihydroergocryptine", "bentonite", "echinacea", "licorice", "chamomile", "capsicum",
    "eleuthero", "bilberry", "hops", "turmeric", "ginger", "cinnamon", "wormwood", "mitoquinone",
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--root", default=os.path.dirname(here), help="the checkout (default: this script's parent)")
    parser.add_argument("--vocabulary", help="drugbank_vocabulary.csv (default: ../shared/data/... beside the checkout)")
    args = parser.parse_args()
    root = args.root
    vocabulary = args.vocabulary or os.path.join(root, DEFAULT_VOCABULARY)
    non_name_words = read_non_name_words(root)

    # 1. What the authoritative seeds already define: key -> drug id (None = a combination product).
    existing_ids = set()
    existing = {}
    for path in seed_files(root, "drugs"):
        for row in read_tsv(path):
            if row.get("id"):
                existing_ids.add(row["id"])
                existing.setdefault(fold(row["id"]), row["id"])
    for path in seed_files(root, "drug_names"):
        for row in read_tsv(path):
            if row.get("name") and row.get("drug"):
                existing.setdefault(fold(row["name"]), row["drug"])
    for path in seed_files(root, "combination_products"):
        for row in read_tsv(path):
            if row.get("name"):
                existing.setdefault(fold(row["name"]), None)

    # Drug ids the other seed files use without defining them: they expect this import
    # to define them, so they decide between DrugBank's spelling and the US name.
    referenced = set()
    for table, columns in [("drug_names", ["drug"]), ("drug_classes", ["drug"]), ("drug_risks", ["drug"]),
                           ("combination_products", ["ingredients"]), ("interaction_rules", ["left", "right"])]:
        for path in seed_files(root, table):
            for row in read_tsv(path):
                for column in columns:
                    for value in (row.get(column) or "").split(","):
                        value = value.strip()
                        if table == "interaction_rules":
                            if not value.startswith("drug:"):
                                continue
                            value = value[len("drug:"):]
                        if value:
                            referenced.add(value)
    referenced -= existing_ids

    # 2. DrugBank entries: (dbid, common name, [(name, key, is_common)]).
    entries = []
    # (f) Entries with no CAS number, no chemical structure and no former accession number are
    #     allergen extracts (foods, pollens, moulds, animal skins), vaccine antigens and the like:
    #     kind 'substance', recognised by name but never offered as "did you mean" ("Vial" is not veal).
    not_medicines = set()
    skipped_code = skipped_rule_d = 0
    with open(vocabulary, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            common = row["Common name"].strip()
            names = [(common, True)] + [(s.strip(), False) for s in (row["Synonyms"] or "").split(" | ") if s.strip()]
            kept, seen = [], set()
            for name, is_common in names:
                if "\t" in name or "\n" in name:
                    continue
                key = fold(name)
                if key in seen:
                    continue
                if not acceptable_key(key, non_name_words):
                    skipped_rule_d += 1
                    continue
                if not is_common and looks_like_code(name, key):
                    skipped_code += 1
                    continue
                seen.add(key)
                kept.append((name, key, is_common))
            entries.append((row["DrugBank ID"], common, kept))
            if not (row["CAS"] or row["Standard InChI Key"] or row["Accession Numbers"]).strip():
                not_medicines.add(row["DrugBank ID"])

    # 3. Claims: a key claimed by two entries is ambiguous, unless exactly one of them
    #    has it as its common name (a drug's own name beats another drug's synonym).
    claims = {}
    for index, (_, _, kept) in enumerate(entries):
        for _, key, is_common in kept:
            claims.setdefault(key, []).append((index, is_common))
    owner = {}
    ambiguous = set()
    for key, claimants in claims.items():
        indexes = {i for i, _ in claimants}
        if len(indexes) == 1:
            owner[key] = claimants[0][0]
            continue
        commons = {i for i, c in claimants if c}
        if len(commons) == 1:
            owner[key] = commons.pop()
        else:
            ambiguous.add(key)

    # 4. Resolve each entry to an existing drug or a new one.
    drugs = {}   # id -> DrugBank id
    names = {}   # key -> (name, drug id)
    stats = dict(entries=len(entries), matched_existing=0, new_drugs=0, conflicting_existing=0,
                 id_collision=0, no_usable_name=0, ambiguous_keys=len(ambiguous),
                 skipped_code_like=skipped_code, skipped_rule_d=skipped_rule_d, colliding_names=0)
    new_ids = {}  # id key -> entry index, to catch two entries with the same id
    plans = []
    conflicts = []
    for index, (dbid, common, kept) in enumerate(entries):
        # Match through the entry's own keys only: a key two entries share (levosalbutamol
        # also lists "albuterol") does not make the second entry that drug.
        matches = {existing[key] for _, key, _ in kept if key in existing and owner.get(key) == index}
        if None in matches:          # a combination product's name: leave the entry alone
            matches.discard(None)
        if len(matches) > 1:
            stats["conflicting_existing"] += 1
            conflicts.append(f"{dbid} {common}: {sorted(matches)}")
            continue
        own = [(n, k, c) for n, k, c in kept if owner.get(k) == index and k not in existing]
        if matches:
            plans.append((index, matches.pop(), own, False))
            stats["matched_existing"] += 1
            continue
        common_key = fold(common)
        if not any(k == common_key for _, k, _ in own):
            stats["no_usable_name"] += 1   # its own name is a non-name word, too short or ambiguous
            continue
        drug_id = US_NAMES.get(common.lower(), common.lower()).strip()
        if drug_id != common.lower() and (fold(drug_id) not in {k for _, k, _ in own}
                                          or common.lower() in referenced):
            # The US name only where DrugBank lists it for this entry, and not where
            # another seed file already uses DrugBank's spelling as the id.
            drug_id = common.lower().strip()
        id_key = fold(drug_id)
        if (not drug_id or drug_id != drug_id.strip() or id_key in existing or id_key in new_ids
                or drug_id in existing_ids or (id_key in owner and owner[id_key] != index) or id_key in ambiguous):
            stats["id_collision"] += 1
            continue
        new_ids[id_key] = index
        plans.append((index, drug_id, own, True))

    for index, drug_id, own, is_new in plans:
        dbid = entries[index][0]
        if is_new:
            drugs[drug_id] = dbid
            stats["new_drugs"] += 1
        elif drug_id not in existing_ids and drug_id not in drugs:
            # A name in another file (e.g. a brand) points at a drug only DrugBank defines.
            if fold(drug_id) in new_ids or fold(drug_id) in names:
                continue
            drugs[drug_id] = dbid
            new_ids[fold(drug_id)] = index
            stats["new_drugs"] += 1
        for name, key, _ in own:
            if key == fold(drug_id):
                continue
            if key in names or key in existing or (key in new_ids and new_ids[key] != index):
                stats["colliding_names"] += 1
                continue
            names[key] = (name, drug_id)

    # Names whose key equals a new drug's id are that drug's generic name already.
    names = {k: v for k, v in names.items() if k not in new_ids}

    write(os.path.join(root, "Seeds/drugs", GENERATED),
          ["# Generated by Scripts/import-drugbank.py from the DrugBank open vocabulary (CC0); do not edit by hand.",
           "# Drugs known by name only: none of the four risks."],
          ["id", "kind", "rxcui", "atc", "source"],
          sorted([drug_id, "substance" if dbid in not_medicines and drug_id not in MEDICINES_WITHOUT_CAS else "drug", "", "", SOURCE]
                 for drug_id, dbid in drugs.items()))
    write(os.path.join(root, "Seeds/drug_names", GENERATED),
          ["# Generated by Scripts/import-drugbank.py from the DrugBank open vocabulary (CC0); do not edit by hand.",
           "# Common names and synonyms (INN, BAN, USAN and other spellings) of DrugBank drugs."],
          ["name", "drug", "kind", "source"],
          sorted(([name, drug_id, "synonym", SOURCE] for name, drug_id in names.values()),
                 key=lambda r: (r[1], fold(r[0]), r[0])))
    missing = sorted(referenced - set(drugs))
    if missing:
        print(f"warning: {len(missing)} drug ids used by other seed files are defined nowhere: {', '.join(missing)}",
              file=sys.stderr)
    stats["drug_rows"] = len(drugs)
    stats["name_rows"] = len(names)
    for k, v in stats.items():
        print(f"{k:22} {v}")
    if os.environ.get("DRUGBANK_DEBUG"):
        print("ambiguous:", sorted(ambiguous))
        print("conflicts:", conflicts)
        print("unnamed:", [entries[i][1] for i in range(len(entries)) if fold(entries[i][1]) not in owner or owner[fold(entries[i][1])] != i])


def write(path, comments, header, rows):
    lines = comments + ["\t".join(header)] + ["\t".join(r) for r in rows]
    text = "\n".join(lines) + "\n"
    try:
        if open(path, encoding="utf-8").read() == text:
            return
    except OSError:
        pass
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(path + ".tmp", path)


if __name__ == "__main__":
    main()
