-- expect: a query ran for more than 
-- The drugs' own risks, never ending.
DROP VIEW drug_effects;
CREATE VIEW drug_effects (drug_id, effect_id, severity, severity_rank, frequency, evidence,
                          summary, management, via_class_id, source_id) AS
  WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n)
  SELECT drug_id, effect_id, severity, 1, frequency, evidence, summary, management, NULL, source_id
  FROM n, drug_risks WHERE x < 0;
