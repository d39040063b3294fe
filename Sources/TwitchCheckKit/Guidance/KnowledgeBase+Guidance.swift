import GRDB

// MARK: - Advice on when to see a doctor, by effect

extension KnowledgeBase {
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
