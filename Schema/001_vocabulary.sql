-- twitchcheck knowledge base, part 1: the controlled vocabularies.
--
-- These ids are contracts (see DESIGN.md in the shared folder): scripts and
-- other tools read them, so they never change meaning. Every other table
-- points here through a foreign key, and the CHECK constraints repeat the
-- list so that a typo in a seed file fails the build instead of a query.

CREATE TABLE effects (
    id          TEXT PRIMARY KEY
                CHECK (id IN ('serotonin_syndrome', 'tremor', 'tardive_dyskinesia', 'twitching', 'hypertensive_crisis')),
    name        TEXT NOT NULL,
    description TEXT NOT NULL
) STRICT;

INSERT INTO effects (id, name, description) VALUES
    ('serotonin_syndrome', 'Serotonin syndrome',
     'Serotonin toxicity: too much serotonin activity in the nervous system; agitation, sweating, tremor, clonus, fever.'),
    ('tremor', 'Tremor',
     'Rhythmic shaking of a body part, including drug-induced action and parkinsonian tremor.'),
    ('tardive_dyskinesia', 'Tardive dyskinesia and other extrapyramidal effects',
     'Involuntary, often lasting movements of the face and body after dopamine-blocking drugs; also acute dystonia and parkinsonism.'),
    ('twitching', 'Twitching (myoclonus, fasciculation)',
     'Sudden brief jerks (myoclonus) or small visible muscle twitches (fasciculations).'),
    ('hypertensive_crisis', 'Hypertensive crisis',
     'A sudden, dangerous rise in blood pressure (severe headache, pounding heart, stiff neck, sweating); only for the MAO-inhibitor combinations a label contraindicates for that reason.');

-- Which movement disorder a movement finding is about, so a clinician knows what to watch for.
CREATE TABLE movement_disorders (
    id          TEXT PRIMARY KEY
                CHECK (id IN ('parkinsonism', 'acute_dystonia', 'akathisia', 'tardive_dyskinesia', 'neurotoxicity',
                              'tremor', 'myoclonus')),
    name        TEXT NOT NULL,
    description TEXT NOT NULL
) STRICT;

INSERT INTO movement_disorders (id, name, description) VALUES
    ('parkinsonism', 'Parkinsonism', 'Slowness, stiffness, shuffling gait and resting tremor from dopamine blockade.'),
    ('acute_dystonia', 'Acute dystonia', 'Sudden sustained muscle spasms (neck, jaw, eyes rolling up), usually in the first days.'),
    ('akathisia', 'Akathisia', 'Inner restlessness and an urge to keep moving.'),
    ('tardive_dyskinesia', 'Tardive dyskinesia', 'Involuntary, often lasting movements of the mouth, face and limbs after months of dopamine blockade.'),
    ('neurotoxicity', 'Neurotoxicity', 'Coarse tremor, unsteadiness, confusion, slurred speech or twitching from a toxic drug level or a toxic combination.'),
    ('tremor', 'Tremor', 'Rhythmic shaking, usually of the hands.'),
    ('myoclonus', 'Myoclonus', 'Sudden brief muscle jerks.');

CREATE TABLE severities (
    id      TEXT PRIMARY KEY
            CHECK (id IN ('minor', 'moderate', 'major', 'contraindicated')),
    rank    INTEGER NOT NULL UNIQUE CHECK (rank BETWEEN 1 AND 4),
    meaning TEXT NOT NULL
) STRICT;

INSERT INTO severities (id, rank, meaning) VALUES
    ('minor', 1, 'Usually no action beyond awareness.'),
    ('moderate', 2, 'Monitor closely or adjust the dose.'),
    ('major', 3, 'Avoid the combination or change therapy; potentially life-threatening or permanent.'),
    ('contraindicated', 4, 'Do not combine.');

CREATE TABLE evidence_levels (
    id      TEXT PRIMARY KEY
            CHECK (id IN ('theoretical', 'disputed', 'probable', 'established')),
    rank    INTEGER NOT NULL UNIQUE CHECK (rank BETWEEN 1 AND 4),
    meaning TEXT NOT NULL
) STRICT;

INSERT INTO evidence_levels (id, rank, meaning) VALUES
    ('theoretical', 1, 'Expected from pharmacology; no convincing clinical reports.'),
    ('disputed', 2, 'Reported or warned about, but credible sources disagree.'),
    ('probable', 3, 'Case reports or a regulator''s warning, consistent with pharmacology.'),
    ('established', 4, 'In the product label or shown in controlled studies or large case series.');

CREATE TABLE frequencies (
    id      TEXT PRIMARY KEY
            CHECK (id IN ('unknown', 'rare', 'uncommon', 'common', 'very_common')),
    rank    INTEGER NOT NULL UNIQUE CHECK (rank BETWEEN 0 AND 4),
    meaning TEXT NOT NULL
) STRICT;

INSERT INTO frequencies (id, rank, meaning) VALUES
    ('unknown', 0, 'Not stated by the source.'),
    ('rare', 1, 'Fewer than 1 in 1,000 people.'),
    ('uncommon', 2, 'Between 1 in 1,000 and 1 in 100 people.'),
    ('common', 3, 'Between 1 in 100 and 1 in 10 people.'),
    ('very_common', 4, 'More than 1 in 10 people.');

CREATE TABLE source_kinds (
    id      TEXT PRIMARY KEY
            CHECK (id IN ('fda_label', 'fda_communication', 'fda_reference', 'review', 'guideline', 'case_report',
                          'tertiary', 'database', 'seed_document')),
    meaning TEXT NOT NULL
) STRICT;

INSERT INTO source_kinds (id, meaning) VALUES
    ('fda_label', 'A US prescribing information (label) section.'),
    ('fda_communication', 'An FDA Drug Safety Communication or class labeling change.'),
    ('fda_reference', 'An FDA reference page for health professionals, such as its table of CYP substrates, inhibitors and inducers.'),
    ('review', 'A peer-reviewed review or original study.'),
    ('guideline', 'A professional society guideline or position paper.'),
    ('case_report', 'A published case report.'),
    ('tertiary', 'A textbook, compendium or interaction database monograph.'),
    ('database', 'A drug vocabulary or naming database.'),
    ('seed_document', 'The question-and-answer document the product started from.');

CREATE TABLE name_kinds (
    id      TEXT PRIMARY KEY CHECK (id IN ('generic', 'brand', 'synonym')),
    meaning TEXT NOT NULL
) STRICT;

INSERT INTO name_kinds (id, meaning) VALUES
    ('generic', 'The US adopted (generic) name.'),
    ('brand', 'A trade name.'),
    ('synonym', 'An international (INN, BAN) or other name for the same substance.');
