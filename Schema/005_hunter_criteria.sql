-- twitchcheck knowledge base, part 5: the Hunter Serotonin Toxicity Criteria.
--
-- The five decision rules `twitchcheck assess` applies, as Dunkley et al. (QJM 2003)
-- publish them: with exposure to a serotonergic drug, the first rule that fires means
-- serotonin toxicity. The logic lives in Sources/TwitchCheckKit/Assessment/HunterRule.swift;
-- this table states the rules with their source so they can be read and queried, and a
-- test keeps the two identical. Derived in overdose patients: a diagnostic aid, not an
-- interaction score.

CREATE TABLE hunter_rules (
    rule      INTEGER PRIMARY KEY CHECK (rule BETWEEN 1 AND 5),
    -- Every feature named must be present; the temperature must be strictly above 38 °C.
    statement TEXT NOT NULL CHECK (statement <> ''),
    source_id TEXT NOT NULL REFERENCES sources(id)
) STRICT;
