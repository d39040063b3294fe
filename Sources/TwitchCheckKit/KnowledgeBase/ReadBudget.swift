import Foundation
import GRDB
import GRDBSQLite

/// Enforces ``ReadLimits`` on one connection: SQLite's length limit, and a progress handler that
/// interrupts a statement once the read has used its processor time or its time on the clock.
///
/// Processor time is the reading thread's, so a busy machine does not fail an honest read; the
/// clock limit, six times longer by default, still ends a read that the machine starves.
/// The clock is started and stopped inside the connection's serialized access (see
/// ``KnowledgeBaseReader``), and the handler runs on that same thread; no state is shared across threads.
final class ReadBudget: @unchecked Sendable {
    let limits: ReadLimits
    /// Thread processor time and clock time, in nanoseconds, past which the running statement is interrupted.
    private var deadline: UInt64 = .max
    private var wallDeadline: UInt64 = .max
    /// Why the handler interrupted a statement of the current read, in words, or nil.
    private(set) var expiry: String?

    init(limits: ReadLimits) {
        self.limits = limits
    }

    /// Sets the length limit and installs the progress handler; the budget must outlive the connection.
    func install(on db: Database) {
        guard let connection = db.sqliteConnection else { return }
        sqlite3_limit(connection, SQLITE_LIMIT_LENGTH, limits.maxValueBytes)
        let context = Unmanaged.passUnretained(self).toOpaque()
        sqlite3_progress_handler(connection, 10_000, { context in
            Unmanaged<ReadBudget>.fromOpaque(context!).takeUnretainedValue().isSpent() ? 1 : 0
        }, context)
    }

    /// Starts the clock for one read.
    func start() {
        expiry = nil
        deadline = Self.threadTime() + Self.nanoseconds(limits.seconds)
        wallDeadline = DispatchTime.now().uptimeNanoseconds + Self.nanoseconds(limits.wallSeconds)
    }

    /// Stops the clock.
    func stop() {
        deadline = .max
        wallDeadline = .max
    }

    private func isSpent() -> Bool {
        if expiry == nil {
            if Self.threadTime() >= deadline {
                expiry = "a query ran for more than \(ReadLimits.describe(seconds: limits.seconds)) of processing"
            } else if DispatchTime.now().uptimeNanoseconds >= wallDeadline {
                expiry = "a query ran for more than \(ReadLimits.describe(seconds: limits.wallSeconds))"
            }
        }
        return expiry != nil
    }

    private static func nanoseconds(_ seconds: Double) -> UInt64 {
        UInt64(min(max(seconds, 0), 86_400) * 1_000_000_000)
    }

    private static func threadTime() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }
}
