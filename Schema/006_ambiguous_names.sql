-- Error-prone abbreviations that stand for more than one drug: safety bodies list them
-- because one is given for the other ("MS" is morphine sulfate or magnesium sulfate).
-- The name resolver reports such a name as ambiguous, naming every drug it may mean, and
-- checks none of them; it never picks one. A key here shadows the same key in drug_names.
CREATE TABLE ambiguous_names (
    -- The folded lookup key, as in drug_names.
    key       TEXT NOT NULL CHECK (key <> ''),
    name      TEXT NOT NULL CHECK (name <> ''),
    -- One row per drug the name may mean.
    drug_id   TEXT NOT NULL REFERENCES drugs(id),
    source_id TEXT NOT NULL REFERENCES sources(id),
    PRIMARY KEY (key, drug_id)
) STRICT, WITHOUT ROWID;
