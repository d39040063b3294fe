import GRDB

/// Runs a person's SQL against the knowledge base, refusing anything that could write.
public struct ReadOnlyQuery: Sendable {
    public let knowledgeBase: KnowledgeBase

    public init(knowledgeBase: KnowledgeBase) {
        self.knowledgeBase = knowledgeBase
    }

    /// Runs one statement with named parameters and returns every row.
    public func run(_ sql: String, parameters: [String: String] = [:]) throws -> QueryResult {
        do {
            return try knowledgeBase.reader.read { db in
                let statement = try db.makeStatement(sql: sql)
                guard statement.isReadonly else {
                    throw QueryError.notReadOnly
                }
                if !parameters.isEmpty {
                    statement.arguments = StatementArguments(parameters.mapValues { $0 as (any DatabaseValueConvertible)? })
                }
                var rows: [[QueryValue]] = []
                let cursor = try Row.fetchCursor(statement)
                while let row = try cursor.next() {
                    rows.append(row.databaseValues.map(Self.value))
                }
                return QueryResult(columns: statement.columnNames, rows: rows)
            }
        } catch let error as DatabaseError {
            throw QueryError.sqlite(error.message ?? "\(error)")
        }
    }

    private static func value(_ value: DatabaseValue) -> QueryValue {
        switch value.storage {
        case .null: .null
        case .int64(let number): .integer(number)
        case .double(let number): .real(number)
        case .string(let text): .text(text)
        case .blob(let data): .text(data.map { String(format: "%02x", $0) }.joined())
        }
    }
}

/// Why a query was refused or failed.
public enum QueryError: Error, Equatable, CustomStringConvertible {
    case notReadOnly
    case sqlite(String)

    public var description: String {
        switch self {
        case .notReadOnly: "the knowledge base is read-only: only SELECT (and read-only PRAGMA) queries are allowed"
        case .sqlite(let message): "SQL error: \(message)"
        }
    }
}
