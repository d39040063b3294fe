import Foundation
import GRDB

/// Builds a knowledge base from a ``SeedBundle``: the schema, then every seed table.
///
/// The database is written to a temporary file beside the destination and renamed
/// into place, so a reader never sees a half-built file, even with several builds at once.
public struct KnowledgeBaseBuilder: Sendable {
    /// The version of the database layout; a reader refuses a file of another version.
    public static let schemaVersion = "3"

    public let bundle: SeedBundle

    public init(bundle: SeedBundle) {
        self.bundle = bundle
    }

    /// Builds the knowledge base and atomically places it at `destination`.
    ///
    /// Refuses (``TwitchCheckError/refusedOverwrite(path:reason:)``) to replace a file that is not a
    /// knowledge base; an older knowledge base, an empty file or nothing at all is fine. Temporary
    /// files that killed builds of the same destination left behind are removed first.
    public func build(at destination: URL) throws {
        try Self.checkReplaceable(destination)
        let directory = destination.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch let error as CocoaError {
            throw TwitchCheckError.outputUnwritable(destination: directory.path, reason: ErrorExplanation.problem(error))
        }
        BuildTemporaryFile.removeStale(beside: destination)
        let temporary = try BuildTemporaryFile.create(beside: destination)
        defer { try? FileManager.default.removeItem(at: temporary) }
        do {
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            configuration.journalMode = .default
            let queue = try DatabaseQueue(path: temporary.path, configuration: configuration)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
                try db.inTransaction {
                    try fill(db)
                    return .commit
                }
                try db.execute(sql: "PRAGMA journal_mode = DELETE")
            }
            try queue.close()
        } catch let error as DatabaseError {
            throw TwitchCheckError.outputUnwritable(destination: destination.path, reason: ErrorExplanation.reason(for: error))
        }
        // Checked again just before the rename, in case a file appeared while building.
        try Self.checkReplaceable(destination)
        // rename(2) replaces the destination in one step on the same file system.
        guard rename(temporary.path, destination.path) == 0 else {
            throw TwitchCheckError.outputUnwritable(
                destination: destination.path, reason: "could not move the new database into place: \(String(cString: strerror(errno)))")
        }
    }

    /// Throws unless what is at `destination` may be replaced: nothing, an empty file, or a knowledge base.
    static func checkReplaceable(_ destination: URL) throws {
        if case .other(let what) = KnowledgeBaseFile.identify(destination.path) {
            throw TwitchCheckError.refusedOverwrite(path: destination.path, reason: what)
        }
    }

    private func fill(_ db: Database) throws {
        for file in bundle.schemaFiles {
            do {
                try db.execute(sql: file.text)
            } catch let error as DatabaseError {
                throw TwitchCheckError.seedRow(path: file.path, line: 0, message: error.message ?? "\(error)")
            }
        }
        // Lets a later build recognise the file as one it may replace (see KnowledgeBaseFile).
        try db.execute(sql: "PRAGMA application_id = \(KnowledgeBaseFile.applicationID)")
        let importer = SeedImporter(db: db, bundle: bundle)
        try importer.importAll()
        let buildInfo: [(String, String)] = [
            ("schema_version", Self.schemaVersion),
            ("seed_digest", bundle.digest),
            ("built_at", ISO8601DateFormatter().string(from: Date())),
        ]
        for (key, value) in buildInfo {
            try db.execute(sql: "INSERT INTO build_info (key, value) VALUES (?, ?)", arguments: [key, value])
        }
        let violations = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
        if let first = violations.first {
            throw TwitchCheckError.seedRow(
                path: "Seeds/\(first[0] as String? ?? "?")", line: 0,
                message: "\(violations.count) row(s) point at a missing \(first[2] as String? ?? "?") row")
        }
    }
}
