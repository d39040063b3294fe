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
        return try statements(of: drugIDs, about: nil)
    }

    /// The drug_effects rows of these drugs, about one effect or all. Plain SQL: GRDB's query
    /// interface costs a `check` about half a millisecond to build the statement.
    func statements(of drugIDs: some Collection<String>, about effect: Effect?) throws -> [DrugEffect] {
        let drugs = Array(drugIDs)
        let sql = "SELECT * FROM drug_effects WHERE drug_id IN (\(Self.placeholders(drugs.count)))"
        return try reader.read { db in
            if let effect {
                return try DrugEffect.fetchAll(db, sql: sql + " AND effect_id = ?", arguments: StatementArguments(drugs + [effect.rawValue]))
            }
            return try DrugEffect.fetchAll(db, sql: sql, arguments: StatementArguments(drugs))
        }
    }

    /// Every combination rule with its sources, in id order.
    public func rules() throws -> [InteractionRule] {
        try rules(where: nil, arguments: [])
    }

    /// The combination rules whose two sides are both among these drugs and classes, with their
    /// sources, in id order: all that one medication list can match (a few dozen of the hundreds).
    public func rules(namingDrugs drugIDs: some Collection<String>, classes classIDs: some Collection<String>) throws -> [InteractionRule] {
        let drugs = Array(drugIDs), classes = Array(classIDs)
        let side = { (name: String) in
            "(\(name)_drug_id IN (\(Self.placeholders(drugs.count))) OR \(name)_class_id IN (\(Self.placeholders(classes.count))))"
        }
        return try rules(where: side("left") + " AND " + side("right"), arguments: StatementArguments(drugs + classes + drugs + classes))
    }

    /// The rules that meet `condition` on their sides' columns (all when nil), with their sources.
    /// The condition is judged on the index of the sides (`interaction_rules_by_sides`), and only
    /// the rules that meet it are read whole; their sources are then read by rule id.
    private func rules(where condition: String?, arguments: StatementArguments) throws -> [InteractionRule] {
        try reader.read { db in
            let filter = condition.map { " WHERE rowid IN (SELECT rowid FROM interaction_rules WHERE \($0))" } ?? ""
            let rules = try InteractionRule.fetchAll(db, sql: "SELECT * FROM interaction_rules\(filter) ORDER BY id", arguments: arguments)
            guard !rules.isEmpty else { return [] }
            let chosen = condition == nil ? "" : " WHERE rule_id IN (\(Self.placeholders(rules.count)))"
            var sources: [String: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT rule_id, source_id FROM rule_sources\(chosen) ORDER BY rule_id, source_id",
                                        arguments: condition == nil ? [] : StatementArguments(rules.map(\.id))) {
                sources[row[0], default: []].append(row[1])
            }
            return rules.map { rule in
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
