-- expect: a value or row is larger than 1 MiB
-- A 400 MB summary for every risk.
DROP VIEW drug_effects;
CREATE VIEW drug_effects (drug_id, effect_id, severity, severity_rank, frequency, evidence,
                          summary, management, via_class_id, source_id) AS
  SELECT drug_id, effect_id, severity, 1, frequency, evidence, (zeroblob(400000000) || 'x'),
         management, NULL, source_id FROM drug_risks;
