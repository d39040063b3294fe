import Foundation
import GRDB

/// A built knowledge base, open read-only: this type only opens the file, checks it is a
/// twitchcheck knowledge base of this schema version, and guards every read (``reader``, under ``ReadLimits``).
///
/// The queries live beside the feature that asks them, as named methods in extensions of this
/// type (GRDB's practice): `Rules/KnowledgeBase+Rules.swift` (classes, own risks, rules),
/// `Resolution/KnowledgeBase+Names.swift`, `Batch/`,
/// `Burden/`, `Guidance/`, `Profiles/` (`drug`, `effect`), `Reports/` (sources), `Audit/`, `FHIR/`.
/// Two features run SQL through ``reader`` by design: the `sql` console (`SQL/`, the user's own
/// read-only SQL) and `db check` (`Audit/`, whose checks are SQL kept as data).
public final class KnowledgeBase: Sendable {
    /// The database file.
    public let path: String
    /// The read-only connection, under ``ReadLimits``; every read of the knowledge base goes through it.
    public let reader: KnowledgeBaseReader
    /// Classes, risks, guidance and sources held in memory (a server's), or nil to read them per call.
    public let memory: KnowledgeMemory?

    /// Opens an existing knowledge base read-only; fails with a message that says how to fix it.
    /// `holdingInMemory` reads what checks need besides names once, now (see ``KnowledgeMemory``).
    public init(path: String, limits: ReadLimits = .standard, holdingInMemory: Bool = false) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw TwitchCheckError.databaseMissing(path: path)
        }
        if isFolder.boolValue {
            throw TwitchCheckError.databaseUnreadable(path: path, reason: "it is a folder")
        }
        self.path = path
        reader = try KnowledgeBaseReader(path: path, limits: limits)
        // One query, not a look at the schema first: loading GRDB's schema cache costs a `check` a millisecond.
        let version = try reader.read { db in
            let hasBuildInfo = try Bool.fetchOne(
                db, sql: "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'build_info'") ?? false
            guard hasBuildInfo else {
                throw TwitchCheckError.databaseUnreadable(path: path, reason: "it has no twitchcheck tables")
            }
            return try String.fetchOne(db, sql: "SELECT value FROM build_info WHERE key = 'schema_version'")
        }
        guard version == KnowledgeBaseBuilder.schemaVersion else {
            throw TwitchCheckError.databaseOutdated(path: path, found: "schema version \(version ?? "none")")
        }
        memory = holdingInMemory ? try KnowledgeMemory(loadingFrom: KnowledgeBase(path: path, limits: limits)) : nil
    }

    /// A value of the build_info table (schema_version, seed_digest, built_at).
    public func buildInfo(_ key: String) throws -> String? {
        try reader.read { db in try String.fetchOne(db, sql: "SELECT value FROM build_info WHERE key = ?", arguments: [key]) }
    }

    /// The one way twitchcheck opens a knowledge base for reading: read-only and `query_only`.
    static func readOnlyConfiguration(label: String) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = label
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA query_only = ON")
        }
        return configuration
    }

    /// `?, ?, ?` for an `IN (...)` list of `count` values.
    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}
