-- expect: a query ran for more than 
-- A class closure that never ends: check, drug and effect all read it.
DROP TABLE drug_class_closure;
CREATE VIEW drug_class_closure AS
  WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n)
  SELECT drugs.id AS drug_id, 'ssri' AS class_id, 'ssri' AS via_class_id FROM n, drugs WHERE x < 0;
