import GRDB

/// Checks a built knowledge base: the data checks below, then SQLite's own integrity and foreign-key checks.
///
/// The schema already enforces what a single row must hold; these checks look across rows
/// for what the schema cannot say (a rule with no example, a source nothing cites).
public struct KnowledgeBaseAudit: Sendable {
    public let knowledgeBase: KnowledgeBase

    /// An audit of one knowledge base.
    public init(knowledgeBase: KnowledgeBase) {
        self.knowledgeBase = knowledgeBase
    }

    /// Runs every check, in the order of ``checks``, and returns every problem found.
    public func run() throws -> [AuditProblem] {
        try knowledgeBase.reader.read { db in
            try Self.checks.flatMap { try $0.run(db) }
        }
    }

    /// Every check `db check` runs.
    public static let checks: [AuditCheck] = [
        AuditCheck(
            id: "fact-without-source",
            summary: "Every fact names a source that exists, and every rule cites at least one.",
            fix: "name a source id from Seeds/sources/ in the row's seed file"
        ) { db in
            var findings = try Row.fetchAll(db, sql: "SELECT id FROM interaction_rules WHERE id NOT IN (SELECT rule_id FROM rule_sources) ORDER BY id")
                .map { AuditCheck.Finding(table: "interaction_rules", key: $0["id"], detail: "the rule cites no source") }
            for (table, column) in try sourceColumns(db) {
                let rows = try Row.fetchAll(db, sql: """
                    SELECT \(column.quotedDatabaseIdentifier) AS source FROM \(table.quotedDatabaseIdentifier)
                    WHERE \(column.quotedDatabaseIdentifier) NOT IN (SELECT id FROM sources)
                    """)
                findings += rows.map { AuditCheck.Finding(table: table, key: "\(column) = \($0["source"] as String)",
                                                          detail: "the row cites a source that is not in the sources table") }
            }
            return findings
        },
        AuditCheck(
            id: "name-means-two-drugs",
            summary: "A name leads to one drug, or to one combination product, never to both.",
            fix: "keep the name in only one of Seeds/drug_names/ and Seeds/combination_products/",
            sql: """
                SELECT 'combination_products' AS "table", combination_products.name AS key,
                       'the combination product''s name is also a name of ' || drug_names.drug_id
                           || ' (' || drug_names.kind || ')' AS detail
                FROM combination_products JOIN drug_names ON drug_names.key = combination_products.key
                ORDER BY 2
                """),
        AuditCheck(
            id: "rule-without-flags-example",
            summary: "Every combination rule has a medication list it must flag.",
            fix: "add a 'flags' row for the rule to Seeds/rule_examples/",
            sql: """
                SELECT 'interaction_rules' AS "table", id AS key, 'the rule has no list it must flag' AS detail
                FROM interaction_rules
                WHERE id NOT IN (SELECT rule_id FROM rule_examples WHERE expectation = 'flags') ORDER BY id
                """),
        AuditCheck(
            id: "rule-without-clear-example",
            summary: "Every combination rule has a medication list it must leave clear.",
            fix: "add a 'clear' row for the rule to Seeds/rule_examples/",
            sql: """
                SELECT 'interaction_rules' AS "table", id AS key, 'the rule has no list it must leave clear' AS detail
                FROM interaction_rules
                WHERE id NOT IN (SELECT rule_id FROM rule_examples WHERE expectation = 'clear') ORDER BY id
                """),
        AuditCheck(
            id: "rule-side-without-drugs",
            summary: "Each side of a combination rule stands for at least one drug.",
            fix: "list drugs in the class in Seeds/drug_classes/, or point the rule at another class",
            sql: """
                SELECT 'interaction_rules' AS "table", id AS key,
                       'the ' || side || ' side, class ' || class_id || ', has no drugs' AS detail
                FROM (SELECT id, 'left' AS side, left_class_id AS class_id FROM interaction_rules
                      UNION ALL SELECT id, 'right', right_class_id FROM interaction_rules) AS sides
                WHERE sides.class_id IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM drug_class_closure WHERE drug_class_closure.class_id = sides.class_id)
                ORDER BY 2
                """),
        AuditCheck(
            id: "atc-class-mismatch",
            summary: "A drug's ATC code starts with the ATC prefix of each class it is listed in.",
            fix: "check the ATC code in Seeds/drugs/ and the atc_prefix in Seeds/classes/ against the WHO index; leave a code empty if it was not looked up",
            sql: """
                SELECT 'drug_classes' AS "table", drugs.id || ' in ' || classes.id AS key,
                       'ATC ' || drugs.atc || ' does not start with the class prefix ' || classes.atc_prefix AS detail
                FROM drug_classes
                JOIN drugs ON drugs.id = drug_classes.drug_id
                JOIN classes ON classes.id = drug_classes.class_id
                WHERE drugs.atc IS NOT NULL AND classes.atc_prefix IS NOT NULL
                  AND substr(drugs.atc, 1, length(classes.atc_prefix)) <> classes.atc_prefix
                ORDER BY 2
                """),
        AuditCheck(
            id: "class-without-members",
            summary: "Every class has a member drug or a subclass.",
            fix: "list its drugs in Seeds/drug_classes/, or remove the class from Seeds/classes/",
            sql: """
                SELECT 'classes' AS "table", id AS key, 'the class has no drugs and no subclasses' AS detail
                FROM classes
                WHERE id NOT IN (SELECT class_id FROM drug_classes) AND id NOT IN (SELECT parent_id FROM class_parents)
                ORDER BY id
                """),
        AuditCheck(
            id: "drug-without-name",
            summary: "Every drug has its generic name in drug_names, so it can be typed.",
            fix: "rebuild with 'twitchcheck db build'; the build adds each generic name, so its absence means the file was changed by hand",
            sql: """
                SELECT 'drugs' AS "table", id AS key, 'no name in drug_names leads to the drug' AS detail
                FROM drugs WHERE NOT EXISTS (SELECT 1 FROM drug_names WHERE drug_names.drug_id = drugs.id)
                ORDER BY id
                """),
        AuditCheck(
            id: "source-never-cited",
            level: .warning,
            summary: "Every source is cited by some fact.",
            fix: "cite it from a seed row, or remove it from Seeds/sources/"
        ) { db in
            var cited: Set<String> = []
            for (table, column) in try sourceColumns(db) {
                cited.formUnion(try String.fetchAll(db, sql: """
                    SELECT DISTINCT \(column.quotedDatabaseIdentifier) FROM \(table.quotedDatabaseIdentifier)
                    WHERE \(column.quotedDatabaseIdentifier) IS NOT NULL
                    """))
            }
            return try String.fetchAll(db, sql: "SELECT id FROM sources ORDER BY id").filter { !cited.contains($0) }.map {
                AuditCheck.Finding(table: "sources", key: $0, detail: "nothing in the knowledge base cites this source")
            }
        },
        AuditCheck(
            id: "enzyme-row-without-strength",
            summary: "Every enzyme row has a strength that fits its role (substrates sensitive, moderate or minor; inhibitors and inducers strong, moderate or weak).",
            fix: "fill the strength column in Seeds/enzyme_roles/ from the FDA table or the label the row cites",
            sql: """
                SELECT 'enzyme_roles' AS "table", drug_id || ' ' || role || ' of ' || enzyme AS key,
                       'strength ' || coalesce(strength, '(missing)') || ' does not fit the role' AS detail
                FROM enzyme_roles
                WHERE strength IS NULL
                   OR (role = 'substrate' AND strength NOT IN ('sensitive', 'moderate', 'minor'))
                   OR (role <> 'substrate' AND strength NOT IN ('strong', 'moderate', 'weak'))
                ORDER BY 2
                """),
        AuditCheck(
            id: "generated-rule-sources-not-derivation",
            summary: "A generated rule's sources are exactly the enzyme and exposure rows it was derived from.",
            fix: "rebuild with 'twitchcheck db build'; generated rules are made by the build, never written by hand",
            sql: """
                WITH expected AS (
                    SELECT d.rule_id, s.source_id FROM rule_derivations d
                    JOIN enzyme_roles s ON s.drug_id = d.object_drug_id AND s.enzyme = d.enzyme AND s.role = 'substrate'
                    UNION SELECT d.rule_id, i.source_id FROM rule_derivations d
                    JOIN enzyme_roles i ON i.drug_id = d.other_drug_id AND i.enzyme = d.enzyme AND i.role = 'inhibitor'
                    UNION SELECT d.rule_id, e.source_id FROM rule_derivations d
                    JOIN exposure_risks e ON e.drug_id = d.object_drug_id
                ), actual AS (
                    SELECT rule_id, source_id FROM rule_sources
                    WHERE rule_id IN (SELECT id FROM interaction_rules WHERE origin = 'generated')
                ), differences AS (
                    SELECT rule_id, source_id, 'cites ' AS what FROM actual EXCEPT SELECT rule_id, source_id, 'cites ' FROM expected
                    UNION ALL
                    SELECT rule_id, source_id, 'does not cite ' FROM expected EXCEPT SELECT rule_id, source_id, 'does not cite ' FROM actual
                )
                SELECT 'interaction_rules' AS "table", rule_id AS key,
                       'the rule ' || what || source_id || ', which is not what its derivation says' AS detail
                FROM differences
                UNION ALL
                SELECT 'interaction_rules', id, 'a generated rule with no derivation'
                FROM interaction_rules WHERE origin = 'generated' AND id NOT IN (SELECT rule_id FROM rule_derivations)
                ORDER BY 2
                """),
        AuditCheck(
            id: "washout-without-fitting-source",
            summary: "Every washout interval cites a source that speaks to its drugs: a class rule one for the class pair, "
                + "a drug rule one for its drug; a drug's label only for that drug, and only where it is on a side of the rule.",
            fix: "add a row to Seeds/washout_sources/ (drug empty for a class-level source, else the drug whose label states it)",
            sql: """
                SELECT 'washout_rules' AS "table", id AS key, 'a class washout rule with no class-level source' AS detail
                FROM washout_rules
                WHERE stopped_class_id IS NOT NULL
                  AND id NOT IN (SELECT washout_id FROM washout_sources WHERE drug_id IS NULL)
                UNION ALL
                SELECT 'washout_rules', id, 'a drug washout rule with no source for ' || stopped_drug_id
                FROM washout_rules
                WHERE stopped_drug_id IS NOT NULL
                  AND id NOT IN (SELECT washout_id FROM washout_sources WHERE drug_id = washout_rules.stopped_drug_id)
                UNION ALL
                SELECT 'washout_sources', s.washout_id || ' ' || s.source_id,
                       s.drug_id || ' is on neither side of the washout rule'
                FROM washout_sources s JOIN washout_rules w ON w.id = s.washout_id
                WHERE s.drug_id IS NOT NULL
                  AND s.drug_id IS NOT w.stopped_drug_id
                  AND NOT EXISTS (SELECT 1 FROM drug_class_closure c WHERE c.drug_id = s.drug_id
                                  AND c.class_id IN (w.stopped_class_id, w.start_class_id))
                UNION ALL
                SELECT 'washout_sources', s.washout_id || ' ' || s.source_id,
                       'cited for the whole class pair, but it is ' || d.drug_id || '''s own label elsewhere'
                FROM washout_sources s JOIN washout_sources d ON d.source_id = s.source_id AND d.drug_id IS NOT NULL
                WHERE s.drug_id IS NULL
                ORDER BY 2
                """),
        AuditCheck(
            id: "derived-tables",
            summary: "The class closures the build derives (class_ancestors, drug_class_closure) hold exactly what their definitions give.",
            fix: "rebuild the file with 'twitchcheck db build'; change classes, class_parents or drug_classes through Seeds/, not these tables"
        ) { db in
            try DerivedTables.all.flatMap { table in
                let (missing, extra) = try DerivedTables.differences(table, in: db)
                let key = { (row: Row) in row.databaseValues.map { String.fromDatabaseValue($0) ?? $0.description }.joined(separator: " ") }
                return missing.map { AuditCheck.Finding(table: table.name, key: key($0), detail: "the row is missing") }
                    + extra.map { AuditCheck.Finding(table: table.name, key: key($0), detail: "the row does not follow from the seeds") }
            }
        },
        AuditCheck(
            id: "sqlite-integrity",
            summary: "SQLite's PRAGMA integrity_check finds the file sound.",
            fix: "rebuild the file with 'twitchcheck db build'"
        ) { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
                .filter { try !isFalseNullReport($0, db) }
                .map { AuditCheck.Finding(table: "(file)", key: "integrity_check", detail: $0) }
        },
        AuditCheck(
            id: "foreign-key",
            summary: "SQLite's PRAGMA foreign_key_check finds no row pointing at a missing row.",
            fix: "add the missing row to its seed file, or correct the id that points at it, then rebuild"
        ) { db in
            try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row in
                let rowid: Int64? = row[1]
                return AuditCheck.Finding(table: row[0], key: rowid.map { "rowid \($0)" } ?? "(row without rowid)",
                                          detail: "points at a missing row of \(row[2] as String)")
            }
        },
    ]

    /// Every column that names a source (`source_id`, `resolution_source_id`), in every table but `sources`,
    /// so that a table added to the schema is covered without changing the checks.
    static func sourceColumns(_ db: Database) throws -> [(table: String, column: String)] {
        let tables = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'sources' ORDER BY name
            """)
        return try tables.flatMap { table in
            try db.columns(in: table).map(\.name).filter { $0 == "source_id" || $0.hasSuffix("_source_id") }.map { (table, $0) }
        }
    }

    /// SQLite 3.40 reports "NULL value in T.C" for some columns of STRICT, WITHOUT ROWID tables that hold no
    /// NULL at all; such a report is confirmed by asking the table before it counts as a problem.
    static func isFalseNullReport(_ message: String, _ db: Database) throws -> Bool {
        let prefix = "NULL value in "
        guard message.hasPrefix(prefix) else { return false }
        let parts = message.dropFirst(prefix.count).split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, try db.tableExists(parts[0]),
              try db.columns(in: parts[0]).contains(where: { $0.name == parts[1] }) else { return false }
        let nulls = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM \(parts[0].quotedDatabaseIdentifier) WHERE \(parts[1].quotedDatabaseIdentifier) IS NULL
            """) ?? 0
        return nulls == 0
    }
}
