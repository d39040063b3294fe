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

    /// Runs `body` with the database, under the read limits.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
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
