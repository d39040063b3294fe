import GRDB

extension KnowledgeBase {
    /// The drug with this RxNorm ingredient id, when the knowledge base records it (ids are never guessed).
    public func drugID(rxcui: String) throws -> String? {
        try reader.read { db in
            try String.fetchOne(db, sql: "SELECT id FROM drugs WHERE rxcui = ?", arguments: [rxcui])
        }
    }
}
