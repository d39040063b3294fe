import GRDB

// MARK: - The sources a report cites

extension KnowledgeBase {
    /// The sources with these ids, in the order asked.
    public func sources(_ ids: [String]) throws -> [Source] {
        if let memory { return memory.sources(ids) }
        guard !ids.isEmpty else { return [] }
        // Plain SQL: `filter(keys:)` first asks the schema for the primary key (two PRAGMAs).
        let found = try reader.read { db in
            try Source.fetchAll(db, sql: "SELECT * FROM sources WHERE id IN (\(Self.placeholders(ids.count)))",
                                arguments: StatementArguments(ids))
        }
        let byID = Dictionary(uniqueKeysWithValues: found.map { ($0.id, $0) })
        return ids.compactMap { byID[$0] }
    }

    /// Every source, in id order.
    public func allSources() throws -> [Source] {
        try reader.read { db in try Source.order(Source.Columns.id).fetchAll(db) }
    }
}
