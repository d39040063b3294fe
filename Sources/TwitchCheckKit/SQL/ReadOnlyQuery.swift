import Foundation
import GRDB
import GRDBSQLite

/// Runs a person's SQL against the knowledge base, refusing anything that could write.
///
/// Four fences, any one of which suffices for writes: the file is opened read-only,
/// `PRAGMA query_only` is on, ``QueryPolicy`` refuses writes, ATTACH, setting PRAGMAs and
/// `load_extension` before the statement runs, and extension loading is off. The query runs
/// on a connection of its own, which is stopped when it runs past its time limit.
public struct ReadOnlyQuery: Sendable {
    /// The time limit when none is given, in seconds.
    public static let defaultTimeout: Double = 10
    /// The most text a result may hold, over all its rows, in bytes (the whole knowledge base is
    /// under 10 MB as text).
    public static let maxResultBytes = 64 << 20

    public let knowledgeBase: KnowledgeBase
    /// Seconds the query may run before it is stopped.
    public let timeout: Double

    /// A query runner over a knowledge base, stopping queries after `timeout` seconds.
    public init(knowledgeBase: KnowledgeBase, timeout: Double = ReadOnlyQuery.defaultTimeout) {
        self.knowledgeBase = knowledgeBase
        self.timeout = timeout
    }

    /// Runs one statement with named parameters (`:NAME` in the SQL) and returns every row.
    public func run(_ sql: String, parameters: [String: String] = [:]) throws -> QueryResult {
        var columns: [String] = []
        var rows: [[QueryValue]] = []
        try stream(sql, parameters: parameters, columns: { columns = $0 }, row: { rows.append($0) })
        return QueryResult(columns: columns, rows: rows)
    }

    /// Runs one statement and hands over the column names, then each row as it is read, so a
    /// large answer is written while it is read. The time limit covers the handling of rows too.
    public func stream(_ sql: String, parameters: [String: String] = [:], columns: ([String]) throws -> Void,
                       row handle: ([QueryValue]) throws -> Void) throws {
        let guardian = QueryGuard(timeout: timeout)
        do {
            let queue = try DatabaseQueue(path: knowledgeBase.path,
                                          configuration: KnowledgeBase.readOnlyConfiguration(label: "twitchcheck-sql"))
            defer { try? queue.close() }
            try queue.inDatabase { db in
                guardian.install(on: db)
                let statement = try db.makeStatement(sql: sql)
                if let refusal = guardian.refusal { throw QueryError.refused(refusal) }
                guard statement.isReadonly else {
                    throw QueryError.refused("a statement that writes")
                }
                try bind(parameters, to: statement)
                try columns(statement.columnNames)
                let cursor = try Row.fetchCursor(statement)
                var size = 0
                while let row = try cursor.next() {
                    let values: [QueryValue] = row.databaseValues.map(Self.value)
                    // No question about the knowledge base has an answer this large; a runaway join does.
                    size += values.reduce(8) { $0 + $1.text.utf8.count }
                    if size > Self.maxResultBytes { throw QueryError.resultTooLarge(bytes: Self.maxResultBytes) }
                    try handle(values)
                    if guardian.isPastDeadline() { throw QueryError.timedOut(seconds: timeout) }
                }
            }
        } catch let error as DatabaseError {
            if let refusal = guardian.refusal { throw QueryError.refused(refusal) }
            if guardian.timedOut || error.resultCode == .SQLITE_INTERRUPT { throw QueryError.timedOut(seconds: timeout) }
            if error.message?.hasPrefix("Multiple statements found") == true { throw QueryError.multipleStatements }
            if error.message == "empty statement" { throw QueryError.empty }
            if error.resultCode == .SQLITE_TOOBIG { throw QueryError.valueTooLarge(bytes: Int(ReadLimits.standard.maxValueBytes)) }
            throw QueryError.sqlite(ErrorExplanation.reason(for: error))
        }
    }

    private func bind(_ parameters: [String: String], to statement: Statement) throws {
        let names: [String?] = (0..<sqlite3_bind_parameter_count(statement.sqliteStatement)).map { index in
            sqlite3_bind_parameter_name(statement.sqliteStatement, index + 1).map { String(cString: $0) }
        }
        let wanted = names.compactMap { $0 }.map { String($0.dropFirst()) }
        if let missing = wanted.first(where: { parameters[$0] == nil }) {
            throw QueryError.parameters("the query uses :\(missing) but no value was given for it")
        }
        if let extra = parameters.keys.sorted().first(where: { !wanted.contains($0) }) {
            throw QueryError.parameters("a value was given for '\(extra)' but the query has no :\(extra)")
        }
        if names.contains(where: { $0 == nil }) {
            throw QueryError.parameters("the query uses '?'; name its parameters instead (:NAME)")
        }
        if !parameters.isEmpty {
            statement.arguments = StatementArguments(parameters.mapValues { $0 as (any DatabaseValueConvertible)? })
        }
    }

    /// A blob as lowercase hexadecimal.
    private static func hex(_ data: Data) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: data.count * 2) { buffer in
            for (index, byte) in data.enumerated() {
                buffer[2 * index] = digits[Int(byte >> 4)]
                buffer[2 * index + 1] = digits[Int(byte & 0x0F)]
            }
            return data.count * 2
        }
    }

    private static func value(_ value: DatabaseValue) -> QueryValue {
        switch value.storage {
        case .null: .null
        case .int64(let number): .integer(number)
        case .double(let number): .real(number)
        case .string(let text): .text(text)
        case .blob(let data): .text(hex(data))
        }
    }
}
