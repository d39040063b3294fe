import GRDB

// MARK: - What `db info` shows (the checks of `db check` are SQL kept as data in KnowledgeBaseAudit)

extension KnowledgeBase {
    /// The build_info values by key, the rows of every table in table name order, and the views' names, in one read.
    func contents() throws -> (buildInfo: [(key: String, value: String)], tableCounts: [(table: String, rows: Int)], views: [String]) {
        try reader.read { db in
            let info = try Row.fetchAll(db, sql: "SELECT key, value FROM build_info ORDER BY key").map { (key: $0["key"] as String, value: $0["value"] as String) }
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            let counts = try tables.map { table in
                (table: table, rows: try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.quotedDatabaseIdentifier)") ?? 0)
            }
            let views = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name")
            return (info, counts, views)
        }
    }
}
