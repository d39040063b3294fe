-- twitchcheck knowledge base, part 3: views that answer a person's questions, and the two
-- tables the build derives for them.
-- Every view is documented, with example queries, in Schema/README.md.

-- The class closures are tables, not views: every check reads them, and as recursive views SQLite
-- would work them out again at each query. The build fills them from classes, class_parents and
-- drug_classes as soon as those are imported (DerivedTables.swift holds their definitions, the recursive
-- queries), and `twitchcheck db check` compares a file's rows with what the definitions give.

-- Every class a class belongs to, itself included (depth 0), following class_parents.
CREATE TABLE class_ancestors (
    class_id    TEXT NOT NULL REFERENCES classes(id),
    ancestor_id TEXT NOT NULL REFERENCES classes(id),
    depth       INTEGER NOT NULL CHECK (depth >= 0),
    PRIMARY KEY (class_id, ancestor_id)
) STRICT, WITHOUT ROWID;

-- Every class each drug belongs to, directly or through a parent class; via_class_id is the direct
-- class it comes through (the first by id when there are several).
CREATE TABLE drug_class_closure (
    drug_id      TEXT NOT NULL REFERENCES drugs(id),
    class_id     TEXT NOT NULL REFERENCES classes(id),
    via_class_id TEXT NOT NULL REFERENCES classes(id),
    PRIMARY KEY (drug_id, class_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX drug_class_closure_by_class ON drug_class_closure (class_id, drug_id);

-- Each drug's own risks: those stated for the drug and those stated for any of its classes.
CREATE VIEW drug_effects (drug_id, effect_id, severity, severity_rank, frequency, evidence,
                          summary, management, via_class_id, source_id) AS
SELECT drug_risks.drug_id, drug_risks.effect_id, drug_risks.severity, severities.rank,
       drug_risks.frequency, drug_risks.evidence, drug_risks.summary, drug_risks.management,
       NULL, drug_risks.source_id
FROM drug_risks JOIN severities ON severities.id = drug_risks.severity
UNION ALL
SELECT drug_class_closure.drug_id, class_risks.effect_id, class_risks.severity, severities.rank,
       class_risks.frequency, class_risks.evidence, class_risks.summary, class_risks.management,
       class_risks.class_id, class_risks.source_id
FROM class_risks
JOIN drug_class_closure ON drug_class_closure.class_id = class_risks.class_id
JOIN severities ON severities.id = class_risks.severity;

-- "Which drugs cause tremor?": one row per drug and effect. The strongest statement wins
-- (StatementStrength in Sources/TwitchCheckKit/Rules/): the most severe statement, then the best
-- evidence, ranked together as severity rank * 10 + evidence rank, so the severity and evidence
-- shown are one statement's; the frequency is the highest any source states.
CREATE VIEW drugs_by_effect (effect, drug, severity, evidence, frequency, via_class, sources) AS
WITH grouped AS (
    SELECT drug_effects.effect_id AS effect_id,
           drug_effects.drug_id AS drug_id,
           max(drug_effects.severity_rank * 10 + evidence_levels.rank) AS strength,
           max(frequencies.rank) AS frequency_rank,
           group_concat(DISTINCT drug_effects.via_class_id) AS via_class,
           group_concat(DISTINCT drug_effects.source_id) AS sources
    FROM drug_effects
    JOIN evidence_levels ON evidence_levels.id = drug_effects.evidence
    JOIN frequencies ON frequencies.id = drug_effects.frequency
    GROUP BY drug_effects.effect_id, drug_effects.drug_id
)
SELECT grouped.effect_id, grouped.drug_id, severities.id, evidence_levels.id, frequencies.id,
       grouped.via_class, grouped.sources
FROM grouped
JOIN severities ON severities.rank = grouped.strength / 10
JOIN evidence_levels ON evidence_levels.rank = grouped.strength % 10
JOIN frequencies ON frequencies.rank = grouped.frequency_rank;

-- Every name a drug is known by, with the kind of name.
CREATE VIEW drug_name_list (drug, name, kind) AS
SELECT drug_id, name, kind FROM drug_names;

-- Combination rules with each side named, whether a class or a drug.
CREATE VIEW rule_overview (rule, left_side, right_side, effect, severity, evidence, summary, sources) AS
SELECT interaction_rules.id,
       coalesce('class:' || interaction_rules.left_class_id, 'drug:' || interaction_rules.left_drug_id),
       coalesce('class:' || interaction_rules.right_class_id, 'drug:' || interaction_rules.right_drug_id),
       interaction_rules.effect_id, interaction_rules.severity, interaction_rules.evidence,
       interaction_rules.summary,
       (SELECT group_concat(source_id, ',') FROM rule_sources WHERE rule_sources.rule_id = interaction_rules.id)
FROM interaction_rules;

-- The drugs each rule side stands for.
CREATE VIEW rule_side_drugs (rule_id, side, drug_id) AS
SELECT interaction_rules.id, 'left', drug_class_closure.drug_id
FROM interaction_rules JOIN drug_class_closure ON drug_class_closure.class_id = interaction_rules.left_class_id
UNION
SELECT id, 'left', left_drug_id FROM interaction_rules WHERE left_drug_id IS NOT NULL
UNION
SELECT interaction_rules.id, 'right', drug_class_closure.drug_id
FROM interaction_rules JOIN drug_class_closure ON drug_class_closure.class_id = interaction_rules.right_class_id
UNION
SELECT id, 'right', right_drug_id FROM interaction_rules WHERE right_drug_id IS NOT NULL;

-- "What does sertraline interact with?": every drug pair a rule covers, both ways round.
CREATE VIEW drug_interactions (drug, other_drug, effect, severity, evidence, rule, summary) AS
SELECT l.drug_id, r.drug_id, interaction_rules.effect_id, interaction_rules.severity,
       interaction_rules.evidence, interaction_rules.id, interaction_rules.summary
FROM interaction_rules
JOIN rule_side_drugs l ON l.rule_id = interaction_rules.id AND l.side = 'left'
JOIN rule_side_drugs r ON r.rule_id = interaction_rules.id AND r.side = 'right'
WHERE l.drug_id <> r.drug_id
UNION
SELECT r.drug_id, l.drug_id, interaction_rules.effect_id, interaction_rules.severity,
       interaction_rules.evidence, interaction_rules.id, interaction_rules.summary
FROM interaction_rules
JOIN rule_side_drugs l ON l.rule_id = interaction_rules.id AND l.side = 'left'
JOIN rule_side_drugs r ON r.rule_id = interaction_rules.id AND r.side = 'right'
WHERE l.drug_id <> r.drug_id;

-- "Which drugs are SSRIs?": every drug of every class, direct members and members of
-- subclasses; direct is 1 when the drug is listed in the class itself.
CREATE VIEW class_members (class, class_name, drug, direct, via_class) AS
SELECT drug_class_closure.class_id, classes.name, drug_class_closure.drug_id,
       drug_class_closure.class_id = drug_class_closure.via_class_id
         OR EXISTS (SELECT 1 FROM drug_classes
                    WHERE drug_classes.drug_id = drug_class_closure.drug_id
                      AND drug_classes.class_id = drug_class_closure.class_id),
       drug_class_closure.via_class_id
FROM drug_class_closure JOIN classes ON classes.id = drug_class_closure.class_id;

-- "Tell me about sertraline" in one row: its brand names, direct classes, the effects it
-- can cause on its own, and how many combination rules it takes part in.
CREATE VIEW drug_overview (drug, kind, brands, classes, effects, rules) AS
SELECT drugs.id, drugs.kind,
       (SELECT group_concat(name, ', ') FROM (SELECT name FROM drug_names
          WHERE drug_names.drug_id = drugs.id AND drug_names.kind = 'brand' ORDER BY name)),
       (SELECT group_concat(class_id, ', ') FROM (SELECT class_id FROM drug_classes
          WHERE drug_classes.drug_id = drugs.id ORDER BY class_id)),
       (SELECT group_concat(effect_id, ', ') FROM (SELECT DISTINCT effect_id FROM drug_effects
          WHERE drug_effects.drug_id = drugs.id ORDER BY effect_id)),
       (SELECT count(DISTINCT rule_id) FROM rule_side_drugs WHERE rule_side_drugs.drug_id = drugs.id)
FROM drugs;

-- "Where do the sources disagree?": a drug's own risk of one effect stated at different
-- severities by different sources (the checker reports the most severe).
CREATE VIEW severity_disagreements (drug, effect, severities, sources) AS
SELECT drug_id, effect_id,
       group_concat(DISTINCT severity),
       group_concat(DISTINCT source_id)
FROM drug_effects
GROUP BY drug_id, effect_id
HAVING count(DISTINCT severity) > 1;
