import GRDB

// MARK: - The sources a report cites

extension KnowledgeBase {
    /// The sources with these ids, in the order asked.
    public func sources(_ ids: [String]) throws -> [Source] {
        if let memory { return memory.sources(ids) }
        let found = try reader.read { db in try Source.filter(keys: ids).fetchAll(db) }
        let byID = Dictionary(uniqueKeysWithValues: found.map { ($0.id, $0) })
        return ids.compactMap { byID[$0] }
    }

    /// Every source, in id order.
    public func allSources() throws -> [Source] {
        try reader.read { db in try Source.order(Source.Columns.id).fetchAll(db) }
    }
}
