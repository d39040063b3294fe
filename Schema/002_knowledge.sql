-- twitchcheck knowledge base, part 2: sources, drugs, names, classes, risks
-- and combination rules. Loaded from the files in Seeds/ (one folder per
-- table). See Schema/README.md for what each column means and how to query.

CREATE TABLE sources (
    id       TEXT PRIMARY KEY CHECK (id <> '' AND id NOT GLOB '*[^a-z0-9-]*'),
    kind     TEXT NOT NULL REFERENCES source_kinds(id),
    citation TEXT NOT NULL CHECK (citation <> ''),
    url      TEXT CHECK (url IS NULL OR url GLOB 'http*://*' OR url GLOB 'file:*')
) STRICT;

CREATE TABLE drugs (
    -- The generic name in lowercase, as US labels spell it (albuterol, not salbutamol).
    id          TEXT PRIMARY KEY CHECK (id <> '' AND id = lower(id) AND id = trim(id)),
    -- RxNorm concept id of the ingredient, only where it was looked up; never guessed.
    rxcui       TEXT CHECK (rxcui IS NULL OR (rxcui <> '' AND rxcui NOT GLOB '*[^0-9]*')),
    -- WHO ATC code (7 characters), only where it was looked up; never guessed.
    atc         TEXT CHECK (atc IS NULL OR atc GLOB '[A-Z][0-9][0-9][A-Z][A-Z][0-9][0-9]'),
    kind        TEXT NOT NULL DEFAULT 'drug' CHECK (kind IN ('drug', 'supplement', 'substance')),
    source_id   TEXT NOT NULL REFERENCES sources(id)
) STRICT;

CREATE TABLE drug_names (
    -- The lookup key: the name folded by twitchcheck's name normaliser (lowercase,
    -- no accents, punctuation as spaces). Unique, so a name can never mean two drugs.
    key       TEXT PRIMARY KEY CHECK (key <> ''),
    name      TEXT NOT NULL CHECK (name <> ''),
    drug_id   TEXT NOT NULL REFERENCES drugs(id),
    kind      TEXT NOT NULL REFERENCES name_kinds(id),
    source_id TEXT NOT NULL REFERENCES sources(id)
) STRICT;

CREATE INDEX drug_names_by_drug ON drug_names(drug_id);

CREATE TABLE combination_products (
    -- A brand that contains more than one drug (Percocet: oxycodone and acetaminophen).
    key       TEXT PRIMARY KEY CHECK (key <> ''),
    name      TEXT NOT NULL CHECK (name <> ''),
    source_id TEXT NOT NULL REFERENCES sources(id)
) STRICT;

CREATE TABLE combination_ingredients (
    product_key TEXT NOT NULL REFERENCES combination_products(key),
    drug_id     TEXT NOT NULL REFERENCES drugs(id),
    PRIMARY KEY (product_key, drug_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE classes (
    id          TEXT PRIMARY KEY CHECK (id <> '' AND id NOT GLOB '*[^a-z0-9_]*'),
    name        TEXT NOT NULL,
    description TEXT NOT NULL,
    -- The ATC prefix this class corresponds to, when it corresponds to one.
    atc_prefix  TEXT CHECK (atc_prefix IS NULL OR atc_prefix GLOB '[A-Z]*'),
    source_id   TEXT NOT NULL REFERENCES sources(id)
) STRICT;

CREATE TABLE class_parents (
    -- Class inclusion: every member of class_id is also a member of parent_id
    -- (an SSRI is an antidepressant and is serotonergic).
    class_id  TEXT NOT NULL REFERENCES classes(id),
    parent_id TEXT NOT NULL REFERENCES classes(id),
    PRIMARY KEY (class_id, parent_id),
    CHECK (class_id <> parent_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE drug_classes (
    drug_id   TEXT NOT NULL REFERENCES drugs(id),
    class_id  TEXT NOT NULL REFERENCES classes(id),
    source_id TEXT NOT NULL REFERENCES sources(id),
    note      TEXT,
    PRIMARY KEY (drug_id, class_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE drug_risks (
    -- A drug's own risk of an effect, as one source states it. Several sources
    -- may state the same risk; the checker reports the most severe.
    drug_id    TEXT NOT NULL REFERENCES drugs(id),
    effect_id  TEXT NOT NULL REFERENCES effects(id),
    severity   TEXT NOT NULL REFERENCES severities(id),
    frequency  TEXT NOT NULL DEFAULT 'unknown' REFERENCES frequencies(id),
    evidence   TEXT NOT NULL REFERENCES evidence_levels(id),
    summary    TEXT NOT NULL CHECK (summary <> ''),
    management TEXT NOT NULL CHECK (management <> ''),
    note       TEXT,
    source_id  TEXT NOT NULL REFERENCES sources(id),
    PRIMARY KEY (drug_id, effect_id, source_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE class_risks (
    -- A risk a source states for a whole class ("antipsychotics cause tardive
    -- dyskinesia"); it applies to every member, direct or through class_parents.
    class_id   TEXT NOT NULL REFERENCES classes(id),
    effect_id  TEXT NOT NULL REFERENCES effects(id),
    severity   TEXT NOT NULL REFERENCES severities(id),
    frequency  TEXT NOT NULL DEFAULT 'unknown' REFERENCES frequencies(id),
    evidence   TEXT NOT NULL REFERENCES evidence_levels(id),
    summary    TEXT NOT NULL CHECK (summary <> ''),
    management TEXT NOT NULL CHECK (management <> ''),
    note       TEXT,
    source_id  TEXT NOT NULL REFERENCES sources(id),
    PRIMARY KEY (class_id, effect_id, source_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE interaction_rules (
    -- A combination risk: a drug from the left side together with a different
    -- drug from the right side. Each side is exactly one class or one drug.
    id             TEXT PRIMARY KEY CHECK (id <> '' AND id NOT GLOB '*[^a-z0-9_-]*'),
    left_class_id  TEXT REFERENCES classes(id),
    left_drug_id   TEXT REFERENCES drugs(id),
    right_class_id TEXT REFERENCES classes(id),
    right_drug_id  TEXT REFERENCES drugs(id),
    effect_id      TEXT NOT NULL REFERENCES effects(id),
    severity       TEXT NOT NULL REFERENCES severities(id),
    evidence       TEXT NOT NULL REFERENCES evidence_levels(id),
    summary        TEXT NOT NULL CHECK (summary <> ''),
    mechanism      TEXT NOT NULL CHECK (mechanism <> ''),
    management     TEXT NOT NULL CHECK (management <> ''),
    -- Where the rule comes from: a seed row written from a label or other source ('label'),
    -- or made at build time from enzyme data ('generated') or from two own risks ('additive').
    origin         TEXT NOT NULL DEFAULT 'label' CHECK (origin IN ('label', 'generated', 'additive')),
    -- For movement findings, which disorder to watch for (see movement_disorders); NULL if not one.
    movement_disorder TEXT REFERENCES movement_disorders(id),
    CHECK ((left_class_id IS NULL) <> (left_drug_id IS NULL)),
    CHECK ((right_class_id IS NULL) <> (right_drug_id IS NULL))
) STRICT;
-- Both sides of every rule, small enough to scan in a few pages: a list's rules are found here,
-- then read by rowid, instead of scanning every rule's text (issue 13).
CREATE INDEX interaction_rules_by_sides ON interaction_rules (left_drug_id, left_class_id, right_drug_id, right_class_id);

CREATE TABLE rule_sources (
    rule_id   TEXT NOT NULL REFERENCES interaction_rules(id),
    source_id TEXT NOT NULL REFERENCES sources(id),
    PRIMARY KEY (rule_id, source_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE rule_examples (
    -- Medication lists a rule must flag ('flags') and lists it must not ('clear').
    -- The test suite runs every one; they double as documentation.
    rule_id     TEXT NOT NULL REFERENCES interaction_rules(id),
    expectation TEXT NOT NULL CHECK (expectation IN ('flags', 'clear')),
    medications TEXT NOT NULL CHECK (medications <> ''),  -- names separated by ' ; '
    note        TEXT,
    PRIMARY KEY (rule_id, expectation, medications)
) STRICT, WITHOUT ROWID;

CREATE TABLE source_claims (
    -- What a source says that the knowledge base does not take as it stands,
    -- kept so that the disagreement is visible (the seed document files
    -- bupropion under SNRIs; it is an NDRI).
    source_id            TEXT NOT NULL REFERENCES sources(id),
    subject              TEXT NOT NULL,
    claim                TEXT NOT NULL,
    resolution           TEXT NOT NULL,
    resolution_source_id TEXT NOT NULL REFERENCES sources(id),
    PRIMARY KEY (source_id, subject, claim)
) STRICT, WITHOUT ROWID;

CREATE TABLE build_info (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
