import Dispatch
import GRDB
import GRDBSQLite

/// Fences one connection for a person's SQL: ``QueryPolicy`` as the SQLite authorizer,
/// extension loading off, SQLite's value length limit, and a progress handler that stops the query at its deadline.
///
/// SQLite calls back into this object from the connection's own thread while a statement
/// compiles or steps; it lives as long as the connection it guards.
final class QueryGuard: @unchecked Sendable {
    /// Every action the authorizer refused, in words, in the order SQLite asked.
    private var refusals: [String] = []
    /// Whether the progress handler stopped the query because the deadline passed.
    private(set) var timedOut = false
    private var deadline: UInt64 = .max
    private let timeout: Double

    /// A guard that stops queries after `timeout` seconds.
    init(timeout: Double) {
        self.timeout = timeout
    }

    /// Installs the authorizer and progress handler and starts the clock; call once, before compiling.
    func install(on db: Database) {
        guard let connection = db.sqliteConnection else { return }
        sqlite3_enable_load_extension(connection, 0)
        sqlite3_limit(connection, SQLITE_LIMIT_LENGTH, ReadLimits.standard.maxValueBytes)
        let nanoseconds = timeout * 1_000_000_000
        deadline = nanoseconds >= Double(UInt64.max / 2) ? .max : DispatchTime.now().uptimeNanoseconds + UInt64(nanoseconds)
        let context = Unmanaged.passUnretained(self).toOpaque()
        // Replacing GRDB's authorizer is safe here: this connection exists only for this one query.
        sqlite3_set_authorizer(connection, { context, action, first, second, _, _ in
            let guardian = Unmanaged<QueryGuard>.fromOpaque(context!).takeUnretainedValue()
            return guardian.authorize(action, first.map { String(cString: $0) }, second.map { String(cString: $0) })
        }, context)
        sqlite3_progress_handler(connection, 1_000, { context in
            let guardian = Unmanaged<QueryGuard>.fromOpaque(context!).takeUnretainedValue()
            return guardian.isPastDeadline() ? 1 : 0
        }, context)
    }

    private func authorize(_ action: Int32, _ first: String?, _ second: String?) -> Int32 {
        guard let refused = QueryPolicy.refusal(action: action, first, second) else { return SQLITE_OK }
        refusals.append(refused)
        // Let compilation go on past SQLite's bookkeeping to the action the person wrote (DROP TABLE drugs),
        // which is refused in turn; a statement with any refusal is never run (see ReadOnlyQuery).
        return QueryPolicy.isSchemaBookkeeping(refused) ? SQLITE_OK : SQLITE_DENY
    }

    /// What the statement was refused for: the first refusal that names what the person wrote
    /// ("DROP TABLE drugs" rather than SQLite's "DELETE from sqlite_master"), or nil when nothing was refused.
    var refusal: String? {
        refusals.first { !QueryPolicy.isSchemaBookkeeping($0) } ?? refusals.first.map { _ in "a change to the schema" }
    }

    /// Whether the deadline has passed; also checked between rows, while Swift converts them.
    func isPastDeadline() -> Bool {
        if DispatchTime.now().uptimeNanoseconds >= deadline { timedOut = true }
        return timedOut
    }
}
