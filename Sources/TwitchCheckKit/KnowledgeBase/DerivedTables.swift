import GRDB

/// The tables a build derives from the seeds instead of importing them: `class_ancestors` and
/// `drug_class_closure` (see `Schema/003_views.sql`).
///
/// Every check reads the class closures; as recursive views, SQLite worked them out again at each
/// query, a fifth of a `check`'s time (issue 13). Their definitions, the recursive queries, are kept
/// here once: ``fill(_:)`` runs them as soon as a build has imported the classes (``SeedImporter``;
/// the rules it derives read them), and the `derived-tables`
/// check of `twitchcheck db check` compares a file's rows with what they give.
public enum DerivedTables {
    /// One derived table: its name, its columns, and the query whose rows it holds.
    public struct Table: Sendable {
        public let name: String
        public let columns: [String]
        public let definition: String
    }

    /// The derived tables, each after the tables its definition reads.
    public static let all = [classAncestors, drugClassClosure]

    /// Every class a class belongs to, itself included (depth 0), following `class_parents`.
    static let classAncestors = Table(name: "class_ancestors", columns: ["class_id", "ancestor_id", "depth"], definition: """
        WITH RECURSIVE walk(class_id, ancestor_id, depth) AS (
            SELECT id, id, 0 FROM classes
            UNION
            SELECT walk.class_id, class_parents.parent_id, walk.depth + 1
            FROM walk JOIN class_parents ON class_parents.class_id = walk.ancestor_id
        )
        SELECT class_id, ancestor_id, min(depth) FROM walk GROUP BY class_id, ancestor_id
        """)

    /// Every class a drug belongs to, directly or through a parent; `via_class_id` is the direct
    /// class it comes through, the first by id when there are several.
    static let drugClassClosure = Table(name: "drug_class_closure", columns: ["drug_id", "class_id", "via_class_id"], definition: """
        SELECT drug_classes.drug_id, class_ancestors.ancestor_id, min(drug_classes.class_id)
        FROM drug_classes
        JOIN class_ancestors ON class_ancestors.class_id = drug_classes.class_id
        GROUP BY drug_classes.drug_id, class_ancestors.ancestor_id
        """)

    /// Fills every derived table from the imported classes, class parents and drug classes.
    static func fill(_ db: Database) throws {
        for table in all {
            try db.execute(sql: "INSERT INTO \(table.name) (\(table.columns.joined(separator: ", "))) \(table.definition)")
        }
    }

    /// The rows that differ between a derived table and its definition: `missing` rows the
    /// definition gives and the table lacks, `extra` rows the table holds and the definition does not give.
    /// `drug_class_closure` is judged against the stored `class_ancestors`, which is judged in turn.
    static func differences(_ table: Table, in db: Database) throws -> (missing: [Row], extra: [Row]) {
        let columns = table.columns.joined(separator: ", ")
        let stored = "SELECT \(columns) FROM \(table.name)"
        let derived = "SELECT * FROM (\(table.definition))"
        return (try Row.fetchAll(db, sql: "\(derived) EXCEPT \(stored) ORDER BY 1, 2 LIMIT 20"),
                try Row.fetchAll(db, sql: "\(stored) EXCEPT \(derived) ORDER BY 1, 2 LIMIT 20"))
    }
}
