import GRDB

// MARK: - Lookups for `drug` and `effect`

extension KnowledgeBase {
    /// Every name a drug is known by.
    public func names(of drugID: String) throws -> [DrugName] {
        try reader.read { db in
            try DrugName.filter(DrugName.Columns.drugID == drugID).order(Column("kind"), Column("name")).fetchAll(db)
        }
    }

    /// The drug with this id (its lowercase generic name), or nil.
    public func drug(_ drugID: String) throws -> Drug? {
        try reader.read { db in try Drug.fetchOne(db, key: drugID) }
    }

    /// Every class a drug belongs to: direct memberships first, then those inherited through class parents.
    public func classMemberships(of drugID: String) throws -> [ClassMembership] {
        try reader.read { db in
            try ClassMembership.fetchAll(db, sql: """
                SELECT closure.class_id, classes.name, closure.via_class_id,
                       EXISTS (SELECT 1 FROM drug_classes d WHERE d.drug_id = closure.drug_id AND d.class_id = closure.class_id) AS direct,
                       (SELECT source_id FROM drug_classes d WHERE d.drug_id = closure.drug_id AND d.class_id = closure.class_id) AS source_id
                FROM drug_class_closure closure JOIN classes ON classes.id = closure.class_id
                WHERE closure.drug_id = ?
                ORDER BY direct DESC, closure.class_id
                """, arguments: [drugID])
        }
    }

    /// The display name of every class, by class id.
    public func classNames() throws -> [String: String] {
        try reader.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, name FROM classes").map { ($0["id"], $0["name"]) })
        }
    }

    /// The drugs of a class, direct members and members of its subclasses, sorted.
    public func members(ofClass classID: String) throws -> [String] {
        try reader.read { db in
            try String.fetchAll(db, sql: "SELECT drug_id FROM drug_class_closure WHERE class_id = ? ORDER BY drug_id", arguments: [classID])
        }
    }

    /// Every combination rule a drug stands on a side of, with its sources, in rule id order.
    public func rules(involving drugID: String) throws -> [InteractionRule] {
        let ids = try reader.read { db in
            try Set(String.fetchAll(db, sql: "SELECT rule_id FROM rule_side_drugs WHERE drug_id = ?", arguments: [drugID]))
        }
        return try rules().filter { ids.contains($0.id) }
    }

    /// Every drug a source says causes an effect, one row per drug with its strongest statement (the `drugs_by_effect` view, ``StatementStrength``).
    public func drugsCausing(_ effect: Effect) throws -> [EffectCause] {
        try reader.read { db in
            try EffectCause.fetchAll(db, sql: """
                SELECT drugs_by_effect.*,
                       (SELECT group_concat(class_id) FROM (SELECT class_id FROM drug_classes
                          WHERE drug_classes.drug_id = drugs_by_effect.drug ORDER BY class_id)) AS direct_classes
                FROM drugs_by_effect WHERE effect = ? ORDER BY drug
                """, arguments: [effect.rawValue])
        }
    }

    /// Drugs that add an effect only together with another drug: those on a side of a rule for
    /// the effect, each with the strongest such rule's severity and evidence (``StatementStrength``)
    /// and the rules' sources. (Serotonin syndrome comes from combinations, so this is most of the answer for it.)
    public func drugsInRules(for effect: Effect) throws -> [EffectCause] {
        let rows = try reader.read { db in
            try RuleSideDrug.fetchAll(db, sql: """
                SELECT rule_side_drugs.drug_id AS drug, interaction_rules.id AS rule,
                       interaction_rules.severity AS severity, interaction_rules.evidence AS evidence,
                       (SELECT group_concat(source_id) FROM rule_sources WHERE rule_id = interaction_rules.id) AS sources,
                       (SELECT group_concat(class_id) FROM (SELECT class_id FROM drug_classes
                          WHERE drug_classes.drug_id = rule_side_drugs.drug_id ORDER BY class_id)) AS direct_classes
                FROM rule_side_drugs JOIN interaction_rules ON interaction_rules.id = rule_side_drugs.rule_id
                WHERE interaction_rules.effect_id = ?
                ORDER BY rule_side_drugs.drug_id, interaction_rules.id
                """, arguments: [effect.rawValue])
        }
        // Rows come in drug, then rule order; each drug's rules keep that order for its sources.
        return Dictionary(grouping: rows, by: \.drug).sorted { $0.key < $1.key }.compactMap { drug, rules in
            guard let strongest = StatementStrength.strongest(rules, by: \.strength) else { return nil }
            var sources: [String] = []
            for source in rules.flatMap({ EffectCause.list($0.sources) }) where !sources.contains(source) {
                sources.append(source)
            }
            return EffectCause(effect: effect, drug: drug, severity: strongest.severity, evidence: strongest.evidence,
                               frequency: .unknown, viaClass: nil, sources: sources.joined(separator: ","),
                               directClasses: strongest.directClasses)
        }
    }

    /// The effect's name as the `effects` table gives it.
    public func effectName(_ effect: Effect) throws -> String? {
        try reader.read { db in try String.fetchOne(db, sql: "SELECT name FROM effects WHERE id = ?", arguments: [effect.rawValue]) }
    }
}
