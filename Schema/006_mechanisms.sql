-- twitchcheck knowledge base, part 6: mechanisms (issue 11). Which drugs are cleared by,
-- inhibit or induce which enzyme; which drugs cause one of our effects when their level
-- rises; the written policy that turns the two into a severity; and washout intervals.
-- The build derives combination rules from these tables into interaction_rules
-- (origin 'generated' and 'additive'); see Schema/README.md and Schema/SEVERITY_POLICY.md.

CREATE TABLE enzyme_roles (
    -- One drug's role for one enzyme (or transporter), as one source states it.
    drug_id   TEXT NOT NULL REFERENCES drugs(id),
    enzyme    TEXT NOT NULL CHECK (enzyme IN ('CYP1A2', 'CYP2C9', 'CYP2C19', 'CYP2D6', 'CYP3A4', 'P-gp', 'UGT')),
    role      TEXT NOT NULL CHECK (role IN ('substrate', 'inhibitor', 'inducer')),
    -- Substrates: sensitive | moderate (how much the enzyme matters to the drug's clearance, FDA
    -- wording: sensitive or moderate sensitive) | minor (a minor pathway; never generates a rule).
    -- Inhibitors and inducers: strong | moderate | weak (FDA Table 1). Checked by `db check`.
    strength  TEXT,
    source_id TEXT NOT NULL REFERENCES sources(id),
    note      TEXT,
    PRIMARY KEY (drug_id, enzyme, role)
) STRICT, WITHOUT ROWID;

CREATE TABLE exposure_risks (
    -- An object drug whose raised level causes one of our effects.
    drug_id           TEXT PRIMARY KEY REFERENCES drugs(id),
    effect_id         TEXT NOT NULL REFERENCES effects(id),
    movement_disorder TEXT REFERENCES movement_disorders(id),
    -- How close the toxic level is to the usual one: narrow (levels monitored, toxicity
    -- near the therapeutic range) or moderate (dose-related effects; labels adjust the dose).
    therapeutic_range TEXT NOT NULL CHECK (therapeutic_range IN ('narrow', 'moderate')),
    -- How a raised level shows ("unsteadiness, double vision, nystagmus, tremor").
    shows             TEXT NOT NULL CHECK (shows <> ''),
    source_id         TEXT NOT NULL REFERENCES sources(id)
) STRICT;

CREATE TABLE exposure_severity_policy (
    -- Schema/SEVERITY_POLICY.md, "Generated rules", as data: inhibitor strength x range.
    -- A missing cell means no rule is generated.
    inhibitor_strength TEXT NOT NULL CHECK (inhibitor_strength IN ('strong', 'moderate', 'weak')),
    therapeutic_range  TEXT NOT NULL CHECK (therapeutic_range IN ('narrow', 'moderate')),
    severity           TEXT NOT NULL REFERENCES severities(id),
    evidence           TEXT NOT NULL REFERENCES evidence_levels(id),
    PRIMARY KEY (inhibitor_strength, therapeutic_range)
) STRICT, WITHOUT ROWID;

INSERT INTO exposure_severity_policy (inhibitor_strength, therapeutic_range, severity, evidence) VALUES
    ('strong', 'narrow', 'major', 'probable'),
    ('moderate', 'narrow', 'moderate', 'probable'),
    ('weak', 'narrow', 'minor', 'theoretical'),
    ('strong', 'moderate', 'moderate', 'probable'),
    ('moderate', 'moderate', 'minor', 'theoretical');

CREATE TABLE rule_derivations (
    -- What a generated rule was derived from: the object's substrate row and the
    -- precipitant's inhibitor row for one enzyme, and the object's exposure row.
    -- `db check` verifies that the rule's sources are exactly these rows' sources.
    rule_id        TEXT NOT NULL REFERENCES interaction_rules(id),
    object_drug_id TEXT NOT NULL REFERENCES drugs(id),
    other_drug_id  TEXT NOT NULL REFERENCES drugs(id),
    enzyme         TEXT NOT NULL,
    PRIMARY KEY (rule_id, enzyme)
) STRICT, WITHOUT ROWID;

CREATE TABLE washout_rules (
    -- Starting a drug of `start_class_id` within `days` of stopping a drug of `stopped_class_id`
    -- (or the drug `stopped_drug_id`, which overrides the class interval) is as dangerous as
    -- taking them together. Used by `batch`, which knows the dates, and by `check` for a list
    -- item with a stop date. Its sources are in washout_sources.
    id               TEXT PRIMARY KEY CHECK (id <> '' AND id NOT GLOB '*[^a-z0-9_-]*'),
    stopped_class_id TEXT REFERENCES classes(id),
    stopped_drug_id  TEXT REFERENCES drugs(id),
    start_class_id   TEXT NOT NULL REFERENCES classes(id),
    days             INTEGER NOT NULL CHECK (days > 0),
    effect_id        TEXT NOT NULL REFERENCES effects(id),
    severity         TEXT NOT NULL REFERENCES severities(id),
    summary          TEXT NOT NULL CHECK (summary <> ''),
    CHECK ((stopped_class_id IS NULL) <> (stopped_drug_id IS NULL))
) STRICT;

CREATE TABLE washout_sources (
    -- Where a washout interval is stated. drug_id is the drug whose own label states it (Zoloft's
    -- label for sertraline); NULL for a source that states it for the whole class pair. A finding
    -- cites the rows for its two drugs, then the class rows; `db check` fails on a rule without a
    -- class-level source (a class rule) or a source for its drug (a drug rule), and on a drug row
    -- whose drug is on neither side of the rule.
    washout_id TEXT NOT NULL REFERENCES washout_rules(id),
    source_id  TEXT NOT NULL REFERENCES sources(id),
    drug_id    TEXT REFERENCES drugs(id),
    PRIMARY KEY (washout_id, source_id)
) STRICT, WITHOUT ROWID;

-- "Which rules were generated, and from what?": one row per generated rule and enzyme.
CREATE VIEW generated_rules (rule, object_drug, other_drug, enzyme, effect, severity, summary, sources) AS
SELECT interaction_rules.id, rule_derivations.object_drug_id, rule_derivations.other_drug_id,
       rule_derivations.enzyme, interaction_rules.effect_id, interaction_rules.severity, interaction_rules.summary,
       (SELECT group_concat(source_id, ',') FROM rule_sources WHERE rule_sources.rule_id = interaction_rules.id)
FROM interaction_rules JOIN rule_derivations ON rule_derivations.rule_id = interaction_rules.id
WHERE interaction_rules.origin = 'generated';
