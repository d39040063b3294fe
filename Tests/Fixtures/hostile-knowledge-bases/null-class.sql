-- expect: a row holds a value of the wrong kind
-- NULL where a class id belongs.
DROP VIEW drug_class_closure;
CREATE VIEW drug_class_closure AS SELECT drugs.id AS drug_id, NULL AS class_id, NULL AS via_class_id FROM drugs;
