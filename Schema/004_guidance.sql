-- twitchcheck knowledge base, part 4: advice shown beside findings.
--
-- Guidance is what a source says a person should do when an effect appears, as
-- opposed to what to do about one drug or combination (that is the management
-- column of the risk and rule tables). `check` shows each row whose effect is
-- among its findings: the seed document's advice on when a twitch needs a doctor
-- appears with a twitching finding, advice on tremor (Merck Manual, A.D.A.M.) with a
-- tremor finding, and never otherwise.

CREATE TABLE guidance (
    effect_id TEXT NOT NULL REFERENCES effects(id),
    -- The advice in words a patient can read, as the source gives it.
    text      TEXT NOT NULL CHECK (text <> ''),
    -- Where the advice was stretched beyond what the source says, and why.
    note      TEXT,
    source_id TEXT NOT NULL REFERENCES sources(id),
    PRIMARY KEY (effect_id, source_id)
) STRICT, WITHOUT ROWID;
