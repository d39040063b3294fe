import Foundation
import GRDB

/// Builds a knowledge base from a ``SeedBundle``: the schema, then every seed table.
///
/// The database is written to a temporary file beside the destination and renamed
/// into place, so a reader never sees a half-built file, even with several builds at once.
public struct KnowledgeBaseBuilder: Sendable {
    /// The version of the database layout; a reader refuses a file of another version.
    public static let schemaVersion = "2"

    public let bundle: SeedBundle

    public init(bundle: SeedBundle) {
        self.bundle = bundle
    }

    /// Builds the knowledge base and atomically places it at `destination`.
    public func build(at destination: URL) throws {
        let directory = destination.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appending(
            path: ".\(destination.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).tmp")
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
        }
        // rename(2) replaces the destination in one step on the same file system.
        guard rename(temporary.path, destination.path) == 0 else {
            throw TwitchCheckError.databaseUnreadable(
                path: destination.path, reason: "could not move the new database into place: \(String(cString: strerror(errno)))")
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
