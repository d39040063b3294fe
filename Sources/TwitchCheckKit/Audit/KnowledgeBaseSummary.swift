import GRDB

/// What a knowledge base file is: its build, its row counts and its sources (`twitchcheck db info`).
public struct KnowledgeBaseSummary: Sendable, Equatable {
    /// The file.
    public let path: String
    /// `build_info` values: schema_version, seed_digest, built_at.
    public let buildInfo: [(key: String, value: String)]
    /// Rows per table, in table name order.
    public let tableCounts: [(table: String, rows: Int)]
    /// The views, in name order.
    public let views: [String]

    /// Reads the summary of a knowledge base.
    public init(knowledgeBase: KnowledgeBase) throws {
        path = knowledgeBase.path
        (buildInfo, tableCounts, views) = try knowledgeBase.contents()
    }

    /// The number of sources the knowledge base cites.
    public var sourceCount: Int { tableCounts.first { $0.table == "sources" }?.rows ?? 0 }

    /// The summary as `item`, `value` rows, for the shared row formats.
    public var rows: QueryResult {
        var rows: [[QueryValue]] = [[.text("path"), .text(path)]]
        rows += buildInfo.map { [.text($0.key), .text($0.value)] }
        rows.append([.text("sources"), .integer(Int64(sourceCount))])
        rows += tableCounts.map { [.text("rows in \($0.table)"), .integer(Int64($0.rows))] }
        rows.append([.text("views"), .text(views.joined(separator: ", "))])
        return QueryResult(columns: ["item", "value"], rows: rows)
    }

    public static func == (lhs: KnowledgeBaseSummary, rhs: KnowledgeBaseSummary) -> Bool {
        lhs.rows == rhs.rows
    }
}
