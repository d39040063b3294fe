import GRDB

// MARK: - Classes, own risks and rules, as the rules engine asks for them

extension KnowledgeBase {
    /// Every class each drug belongs to, directly or through a parent class.
    public func classes(of drugIDs: some Collection<String>) throws -> [String: Set<String>] {
        guard !drugIDs.isEmpty else { return [:] }
        if let memory { return memory.classes(of: drugIDs) }
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
        if let memory { return memory.effects(of: drugIDs) }
        return try reader.read { db in
            try DrugEffect.filter(Array(drugIDs).contains(DrugEffect.Columns.drugID)).fetchAll(db)
        }
    }

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
}
