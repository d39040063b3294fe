import Foundation
import GRDB

/// Read-only access to a built knowledge base: names, classes, risks and rules.
///
/// Every query the checker needs is a named method here; no SQL strings leave this type
/// except through ``reader`` for the `sql` command.
public final class KnowledgeBase: Sendable {
    /// The database file.
    public let path: String
    /// The read-only connection, under ``ReadLimits``; every read of the knowledge base goes through it.
    public let reader: KnowledgeBaseReader
    /// Classes, risks, guidance and sources held in memory (a server's), or nil to read them per call.
    public let memory: KnowledgeMemory?

    /// Opens an existing knowledge base read-only; fails with a message that says how to fix it.
    /// `holdingInMemory` reads what checks need besides names once, now (see ``KnowledgeMemory``).
    public init(path: String, limits: ReadLimits = .standard, holdingInMemory: Bool = false) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw TwitchCheckError.databaseMissing(path: path)
        }
        if isFolder.boolValue {
            throw TwitchCheckError.databaseUnreadable(path: path, reason: "it is a folder")
        }
        self.path = path
        reader = try KnowledgeBaseReader(path: path, limits: limits)
        let version = try reader.read { db in
            guard try db.tableExists("build_info") else {
                throw TwitchCheckError.databaseUnreadable(path: path, reason: "it has no twitchcheck tables")
            }
            return try String.fetchOne(db, sql: "SELECT value FROM build_info WHERE key = 'schema_version'")
        }
        guard version == KnowledgeBaseBuilder.schemaVersion else {
            throw TwitchCheckError.databaseOutdated(path: path, found: "schema version \(version ?? "none")")
        }
        memory = holdingInMemory ? try KnowledgeMemory(loadingFrom: KnowledgeBase(path: path, limits: limits)) : nil
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

    /// Every name key with the name as written and its kind, for suggesting close names.
    public func allNames() throws -> [(key: String, name: String, kind: MatchKind)] {
        try reader.read { db in
            try Row.fetchAll(db, sql: "SELECT key, name, kind FROM drug_names UNION ALL SELECT key, name, 'brand' FROM combination_products")
                .map { ($0["key"], $0["name"], MatchKind(rawValue: $0["kind"]) ?? .synonym) }
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
        if let memory { return memory.sources(ids) }
        let found = try reader.read { db in try Source.filter(keys: ids).fetchAll(db) }
        let byID = Dictionary(uniqueKeysWithValues: found.map { ($0.id, $0) })
        return ids.compactMap { byID[$0] }
    }

    /// A value of the build_info table (schema_version, seed_digest, built_at).
    public func buildInfo(_ key: String) throws -> String? {
        try reader.read { db in try String.fetchOne(db, sql: "SELECT value FROM build_info WHERE key = ?", arguments: [key]) }
    }

    /// The one way twitchcheck opens a knowledge base for reading: read-only and `query_only`.
    static func readOnlyConfiguration(label: String) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = label
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA query_only = ON")
        }
        return configuration
    }

    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}

// MARK: - Assessment lookups

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

    /// Each drug's own tremor risk at its worst, for drugs that have one: the most severe
    /// statement and the highest stated frequency, over the drug's and its classes' statements.
    public func tremorRisks(of drugIDs: some Collection<String>) throws -> [String: TremorRisk] {
        guard !drugIDs.isEmpty else { return [:] }
        if let memory { return memory.tremorRisks(of: drugIDs) }
        // Read from drug_effects, not drugs_by_effect: SQLite 3.40 rejects a WHERE on that
        // view ("misuse of aggregate function max()").
        let statements = try reader.read { db in
            try DrugEffect.filter(Array(drugIDs).contains(DrugEffect.Columns.drugID))
                .filter(Column("effect_id") == Effect.tremor.rawValue)
                .fetchAll(db)
        }
        var result: [String: TremorRisk] = [:]
        for statement in statements {
            let current = result[statement.drugID]
            let frequencies = [current?.frequency, statement.frequency].compactMap { $0 }
            result[statement.drugID] = TremorRisk(
                severity: max(current?.severity ?? statement.severity, statement.severity),
                frequency: frequencies.max { Frequency.allCases.firstIndex(of: $0)! < Frequency.allCases.firstIndex(of: $1)! }
                    ?? statement.frequency)
        }
        return result
    }

    /// The guidance for these effects, one entry per distinct text with the effects and sources it goes with.
    public func guidance(for effects: some Collection<Effect>) throws -> [Guidance] {
        guard !effects.isEmpty else { return [] }
        if let memory { return memory.guidance(for: effects) }
        let rows = try reader.read { db in
            try Row.fetchAll(
                db, sql: """
                    SELECT effect_id, text, source_id FROM guidance
                    WHERE effect_id IN (\(Self.placeholders(effects.count)))
                    ORDER BY text, effect_id, source_id
                    """,
                arguments: StatementArguments(effects.map(\.rawValue)))
        }
        var texts: [String] = []
        var effectsByText: [String: Set<Effect>] = [:]
        var sourcesByText: [String: [String]] = [:]
        for row in rows {
            let text: String = row["text"]
            guard let effect = Effect(rawValue: row["effect_id"]) else { continue }
            if effectsByText[text] == nil { texts.append(text) }
            effectsByText[text, default: []].insert(effect)
            let source: String = row["source_id"]
            if !(sourcesByText[text] ?? []).contains(source) { sourcesByText[text, default: []].append(source) }
        }
        return texts.map { Guidance(effects: (effectsByText[$0] ?? []).sorted(), text: $0, sources: sourcesByText[$0] ?? []) }
    }
}

// MARK: - Lookups for drug and effect

extension KnowledgeBase {
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

    /// Every drug a source says causes an effect, one row per drug, its worst stated severity (the `drugs_by_effect` view).
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
    /// the effect, each with the worst such rule's severity and evidence and the rules' sources.
    /// (Serotonin syndrome comes from combinations, so this is most of the answer for it.)
    public func drugsInRules(for effect: Effect) throws -> [EffectCause] {
        try reader.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT rule_side_drugs.drug_id AS drug, interaction_rules.id AS rule,
                       interaction_rules.severity AS severity, interaction_rules.evidence AS evidence,
                       (SELECT group_concat(source_id) FROM rule_sources WHERE rule_id = interaction_rules.id) AS sources,
                       (SELECT group_concat(class_id) FROM (SELECT class_id FROM drug_classes
                          WHERE drug_classes.drug_id = rule_side_drugs.drug_id ORDER BY class_id)) AS direct_classes
                FROM rule_side_drugs JOIN interaction_rules ON interaction_rules.id = rule_side_drugs.rule_id
                WHERE interaction_rules.effect_id = ?
                ORDER BY rule_side_drugs.drug_id, interaction_rules.id
                """, arguments: [effect.rawValue])
            var byDrug: [String: (severity: Severity, evidence: Evidence, sources: [String], classes: String?)] = [:]
            for row in rows {
                let drug: String = row["drug"]
                let severity = Severity(rawValue: row["severity"]) ?? .minor
                let evidence = Evidence(rawValue: row["evidence"]) ?? .theoretical
                let sources = EffectCause.list(row["sources"])
                if let current = byDrug[drug] {
                    let stronger = (severity, evidence) > (current.severity, current.evidence)
                    byDrug[drug] = (stronger ? severity : current.severity, stronger ? evidence : current.evidence,
                                    current.sources + sources.filter { !current.sources.contains($0) }, current.classes)
                } else {
                    byDrug[drug] = (severity, evidence, sources, row["direct_classes"])
                }
            }
            return byDrug.keys.sorted().map { drug in
                let entry = byDrug[drug]!
                return EffectCause(effect: effect, drug: drug, severity: entry.severity, evidence: entry.evidence,
                                   frequency: .unknown, viaClass: nil, sources: entry.sources.joined(separator: ","),
                                   directClasses: entry.classes)
            }
        }
    }

    /// Whether a class with this id exists.
    public func hasClass(_ classID: String) throws -> Bool {
        try reader.read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM classes WHERE id = ?)", arguments: [classID]) ?? false }
    }

    /// The effect's name as the `effects` table gives it.
    public func effectName(_ effect: Effect) throws -> String? {
        try reader.read { db in try String.fetchOne(db, sql: "SELECT name FROM effects WHERE id = ?", arguments: [effect.rawValue]) }
    }
}
