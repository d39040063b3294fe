-- expect: a value or row is larger than 1 MiB
-- A gigabyte blob for every drug's class (main took 47 s and 1.8 GB on one like it).
DROP TABLE drug_class_closure;
CREATE VIEW drug_class_closure AS
  SELECT drugs.id AS drug_id, zeroblob(1000000000) AS class_id, 'ssri' AS via_class_id FROM drugs;
