import GRDB

// MARK: - What the serotonergic load and the tremor burden read

extension KnowledgeBase {
    /// Which of these drugs are serotonergic, and how strongly: class `serotonergic` (strong) or
    /// `weakly_serotonergic` (weak), directly or through a parent class; the stronger wins.
    public func serotonergicStrengths(of drugIDs: some Collection<String>) throws -> [String: SerotonergicStrength] {
        guard !drugIDs.isEmpty else { return [:] }
        if let memory { return memory.serotonergicStrengths(of: drugIDs) }
        return try reader.read { db in
            var result: [String: SerotonergicStrength] = [:]
            let rows = try Row.fetchAll(
                db, sql: """
                    SELECT drug_id, class_id FROM drug_class_closure
                    WHERE class_id IN ('serotonergic', 'weakly_serotonergic')
                      AND drug_id IN (\(Self.placeholders(drugIDs.count)))
                    """,
                arguments: StatementArguments(Array(drugIDs)))
            for row in rows {
                let drug: String = row["drug_id"], classID: String = row["class_id"]
                let strength: SerotonergicStrength = classID == SerotonergicStrength.strong.classID ? .strong : .weak
                result[drug] = max(result[drug] ?? strength, strength)
            }
            return result
        }
    }

    /// Each drug's own tremor risk at its worst, for drugs that have one: the strongest statement's
    /// severity and the highest stated frequency (``StatementStrength``), over the drug's and its classes' statements.
    public func tremorRisks(of drugIDs: some Collection<String>) throws -> [String: TremorRisk] {
        guard !drugIDs.isEmpty else { return [:] }
        if let memory { return memory.tremorRisks(of: drugIDs) }
        // Read from drug_effects, not drugs_by_effect: SQLite 3.40 rejects a WHERE on that
        // view ("misuse of aggregate function max()").
        let statements = try statements(of: drugIDs, about: .tremor)
        return Dictionary(grouping: statements, by: \.drugID).compactMapValues { group in
            guard let strongest = StatementStrength.strongest(group, by: \.strength),
                  let frequency = group.map(\.frequency).max() else { return nil }
            return TremorRisk(severity: strongest.severity, frequency: frequency)
        }
    }
}
