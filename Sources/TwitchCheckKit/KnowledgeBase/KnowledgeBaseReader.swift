import GRDB

/// The read-only connection every read of a knowledge base goes through.
///
/// Each read runs under ``ReadLimits`` (processor time, value size), and any SQLite failure
/// leaves as ``TwitchCheckError/databaseRead(path:reason:)``, which says what failed and what to do.
public final class KnowledgeBaseReader: Sendable {
    /// The database file.
    public let path: String
    private let queue: DatabaseQueue
    private let budget: ReadBudget

    /// Opens `path` read-only with `query_only` on, under `limits`.
    init(path: String, limits: ReadLimits, label: String = "twitchcheck") throws {
        let budget = ReadBudget(limits: limits)
        var configuration = KnowledgeBase.readOnlyConfiguration(label: label)
        // The configuration holds the budget as long as the connection lives.
        configuration.prepareDatabase { db in budget.install(on: db) }
        self.path = path
        self.budget = budget
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw TwitchCheckError.databaseUnreadable(path: path, reason: ErrorExplanation.reason(for: error))
        }
    }

    /// The connection of the ``readingTogether(_:)`` running on this task, if any.
    @TaskLocal private static var together: OpenRead?

    /// A read in progress: its reader and connection (used only on the thread that opened it).
    private final class OpenRead: @unchecked Sendable {
        let reader: KnowledgeBaseReader
        let db: Database
        init(reader: KnowledgeBaseReader, db: Database) {
            self.reader = reader
            self.db = db
        }
    }

    /// Runs `body`, and every ``read(_:)`` of this reader it makes, in one read transaction under
    /// one read budget: a one-shot command (`check`) then starts and ends one transaction, not
    /// twenty (issue 13), and sees one state of the file throughout. The connection is this reader's
    /// only one: reads on other threads wait until `body` returns, so `body` must not wait for them.
    public func readingTogether<T>(_ body: () throws -> T) throws -> T {
        if let open = Self.together, open.reader === self { return try body() }
        return try read { db in try Self.$together.withValue(OpenRead(reader: self, db: db)) { try body() } }
    }

    /// Runs `body` with the database, under the read limits; inside ``readingTogether(_:)``, in its transaction.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        if let open = Self.together, open.reader === self { return try body(open.db) }
        do {
            return try queue.read { db in
                budget.start()
                defer { budget.stop() }
                return try body(db)
            }
        } catch let error as DatabaseError {
            throw TwitchCheckError.databaseRead(path: path, reason: reason(for: error))
        } catch is RowDecodingError {
            throw TwitchCheckError.databaseRead(path: path, reason: "a row holds a value of the wrong kind, or none where one belongs")
        }
    }

    /// What went wrong, in words; a stopped read and a value past the limit are named as such.
    private func reason(for error: DatabaseError) -> String {
        if error.resultCode == .SQLITE_INTERRUPT, let expiry = budget.expiry {
            return "\(expiry) and was stopped (a view that never ends?)"
        }
        return switch error.resultCode {
        case .SQLITE_TOOBIG:
            "a value or row is larger than \(budget.limits.sizeText), far more than a knowledge base holds"
        default:
            ErrorExplanation.reason(for: error)
        }
    }
}
