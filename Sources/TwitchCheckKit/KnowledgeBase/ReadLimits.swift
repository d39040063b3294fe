import Foundation
import GRDB
import GRDBSQLite

/// How much one read of the knowledge base may take: processor time and the size of one value or row.
///
/// A knowledge base given with `--db` or `TWITCHCHECK_DB` may be any file; these limits make a
/// view that never ends or returns a huge value fail in seconds instead of hanging or filling memory.
/// Every twitchcheck knowledge base answers each read in milliseconds, with values under a kilobyte.
public struct ReadLimits: Sendable, Equatable {
    /// Processor seconds one read may use before it is stopped.
    public var seconds: Double
    /// Seconds on the clock one read may take however busy the machine is (a read waiting for the processor).
    public var wallSeconds: Double
    /// The largest string, blob or row SQLite may produce, in bytes (`SQLITE_LIMIT_LENGTH`).
    public var maxValueBytes: Int32

    /// Limits for reading a knowledge base.
    public init(seconds: Double = 5, wallSeconds: Double = 30, maxValueBytes: Int32 = 1 << 20) {
        self.seconds = seconds
        self.wallSeconds = wallSeconds
        self.maxValueBytes = maxValueBytes
    }

    /// The limits every command uses.
    public static let standard = ReadLimits()

    /// The limit as people read it ("1 MiB", "5 seconds").
    var sizeText: String { Self.describe(bytes: Int(maxValueBytes)) }
    /// A size in binary units, as the README states limits: "1 MiB", "64 MiB", "512 KiB".
    static func describe(bytes: Int) -> String {
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB"
            : bytes >= 1 << 10 && bytes % (1 << 10) == 0 ? "\(bytes >> 10) KiB" : "\(bytes) bytes"
    }

    static func describe(seconds: Double) -> String {
        seconds == seconds.rounded() && abs(seconds) < 1e9 ? "\(Int(seconds)) seconds" : "\(seconds) seconds"
    }
}

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
