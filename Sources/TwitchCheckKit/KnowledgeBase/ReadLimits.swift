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
