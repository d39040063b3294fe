import Foundation
import GRDB

/// Read-only access to a built knowledge base: names, classes, risks and rules.
///
/// Every query the checker needs is a named method here; no SQL strings leave this type
/// except through ``reader`` for the `sql` command.
public final class KnowledgeBase: Sendable {
    /// The database file.
    public let path: String
    /// The read-only connection, for callers that run their own SQL (the `sql` command).
    public let reader: DatabaseQueue

    /// Opens an existing knowledge base read-only; fails with a message that says how to fix it.
    public init(path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw TwitchCheckError.databaseMissing(path: path)
        }
        self.path = path
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "twitchcheck"
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA query_only = ON")
        }
        do {
            reader = try DatabaseQueue(path: path, configuration: configuration)
            let version = try reader.read { db in
                try String.fetchOne(db, sql: "SELECT value FROM build_info WHERE key = 'schema_version'")
            }
            guard version == KnowledgeBaseBuilder.schemaVersion else {
                throw TwitchCheckError.databaseOutdated(path: path, found: "schema version \(version ?? "none")")
            }
        } catch let error as DatabaseError {
            let reason = error.resultCode == .SQLITE_ERROR ? "it has no twitchcheck tables" : (error.message ?? "\(error)")
            throw TwitchCheckError.databaseUnreadable(path: path, reason: reason)
        }
    }

    // MARK: - Names

    /// The drugs a normalised name stands for: one drug, or every ingredient of a combination product.
    public func drugs(forKey key: String) throws -> (drugIDs: [String], kind: MatchKind)? {
        try reader.read { db in
            if let name = try DrugName.filter(DrugName.Columns.key == key).fetchOne(db) {
                return ([name.drugID], name.kind)
            }
            let ingredients = try String.fetchAll(
                db, sql: "SELECT drug_id FROM combination_ingredients WHERE product_key = ? ORDER BY drug_id", arguments: [key])
            return ingredients.isEmpty ? nil : (ingredients, .brand)
        }
    }

    /// Every name key with the name as written, for suggesting close names.
    public func allNames() throws -> [(key: String, name: String)] {
        try reader.read { db in
            try Row.fetchAll(db, sql: "SELECT key, name FROM drug_names UNION ALL SELECT key, name FROM combination_products")
                .map { ($0["key"], $0["name"]) }
        }
    }

    /// Every name a drug is known by.
    public func names(of drugID: String) throws -> [DrugName] {
        try reader.read { db in
            try DrugName.filter(DrugName.Columns.drugID == drugID).order(Column("kind"), Column("name")).fetchAll(db)
        }
    }

    // MARK: - Classes and risks

    /// Every class each drug belongs to, directly or through a parent class.
    public func classes(of drugIDs: some Collection<String>) throws -> [String: Set<String>] {
        guard !drugIDs.isEmpty else { return [:] }
        return try reader.read { db in
            var result: [String: Set<String>] = [:]
            let rows = try Row.fetchAll(
                db, sql: "SELECT drug_id, class_id FROM drug_class_closure WHERE drug_id IN (\(Self.placeholders(drugIDs.count)))",
                arguments: StatementArguments(Array(drugIDs)))
            for row in rows {
                result[row["drug_id"], default: []].insert(row["class_id"])
            }
            return result
        }
    }

    /// Each drug's own risks, every source's statement of them.
    public func effects(of drugIDs: some Collection<String>) throws -> [DrugEffect] {
        guard !drugIDs.isEmpty else { return [] }
        return try reader.read { db in
            try DrugEffect.filter(Array(drugIDs).contains(DrugEffect.Columns.drugID)).fetchAll(db)
        }
    }

    // MARK: - Rules

    /// Every combination rule with its sources.
    public func rules() throws -> [InteractionRule] {
        try reader.read { db in
            var sources: [String: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT rule_id, source_id FROM rule_sources ORDER BY rule_id, source_id") {
                sources[row["rule_id"], default: []].append(row["source_id"])
            }
            return try InteractionRule.order(Column("id")).fetchAll(db).map { rule in
                var rule = rule
                rule.sourceIDs = sources[rule.id] ?? []
                return rule
            }
        }
    }

    /// Every rule's example lists.
    public func ruleExamples() throws -> [RuleExample] {
        try reader.read { db in
            try RuleExample.order(Column("rule_id"), Column("expectation")).fetchAll(db)
        }
    }

    /// The sources with these ids, in the order asked.
    public func sources(_ ids: [String]) throws -> [Source] {
        let found = try reader.read { db in try Source.filter(keys: ids).fetchAll(db) }
        let byID = Dictionary(uniqueKeysWithValues: found.map { ($0.id, $0) })
        return ids.compactMap { byID[$0] }
    }

    /// A value of the build_info table (schema_version, seed_digest, built_at).
    public func buildInfo(_ key: String) throws -> String? {
        try reader.read { db in try String.fetchOne(db, sql: "SELECT value FROM build_info WHERE key = ?", arguments: [key]) }
    }

    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}
