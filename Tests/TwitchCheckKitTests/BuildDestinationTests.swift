import Foundation
import GRDB
import Testing
import TwitchCheckKit

/// `db build --output` replaces only a knowledge base (or an empty file): anything else is left as it was.
@Suite struct BuildDestinationTests {
    static func folder() throws -> URL { try TestKnowledgeBase.temporaryDirectory() }

    /// Files a user may have at the path by mistake, each with what it is said to be.
    static func foreignFiles(in folder: URL) throws -> [(url: URL, what: String)] {
        let csv = folder.appending(path: "important.csv")
        try Data("PATIENT,DESCRIPTION\np1,sertraline\n".utf8).write(to: csv)
        let binary = folder.appending(path: "photo.jpg")
        try Data([0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 7, count: 300)).write(to: binary)
        let truncated = folder.appending(path: "half.sqlite")
        try Data("SQLite format 3\0".utf8).write(to: truncated)
        let other = folder.appending(path: "other-app.sqlite")
        try DatabaseQueue(path: other.path).write { db in
            try db.execute(sql: "CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance INTEGER); INSERT INTO accounts VALUES (1, 100)")
        }
        let wrongID = folder.appending(path: "other-id.sqlite")
        try DatabaseQueue(path: wrongID.path).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA application_id = 42; CREATE TABLE build_info (key TEXT, value TEXT)")
        }
        let subfolder = folder.appending(path: "folder.sqlite")
        try FileManager.default.createDirectory(at: subfolder, withIntermediateDirectories: true)
        return [
            (csv, "it is not a SQLite database"), (binary, "it is not a SQLite database"),
            (truncated, "it is not a SQLite database"), (other, "it is a SQLite database of another program"),
            (wrongID, "it is a SQLite database of another program"), (subfolder, "it is a folder"),
        ]
    }

    @Test func aFileThatIsNotAKnowledgeBaseIsNeverReplaced() throws {
        let folder = try Self.folder()
        for (url, what) in try Self.foreignFiles(in: folder) {
            let before = try? Data(contentsOf: url)
            #expect(KnowledgeBaseFile.identify(url.path) == .other(what), "\(url.lastPathComponent)")
            #expect(throws: TwitchCheckError.refusedOverwrite(path: url.path, reason: what)) {
                try KnowledgeBaseBuilder(bundle: EmbeddedSeeds.bundle()).build(at: url)
            }
            #expect((try? Data(contentsOf: url)) == before, "\(url.lastPathComponent) is unchanged")
        }
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: folder.path)).contains { $0.hasSuffix(".tmp") })
    }

    @Test func nothingAnEmptyFileOrAKnowledgeBaseOfAnyVersionIsReplaced() throws {
        let folder = try Self.folder()
        let builder = KnowledgeBaseBuilder(bundle: EmbeddedSeeds.bundle())
        let absent = folder.appending(path: "new.sqlite")
        #expect(KnowledgeBaseFile.identify(absent.path) == .absent)
        try builder.build(at: absent)
        #expect(KnowledgeBaseFile.identify(absent.path) == .knowledgeBase)
        try builder.build(at: absent)

        let empty = folder.appending(path: "empty.sqlite")
        _ = FileManager.default.createFile(atPath: empty.path, contents: Data())
        #expect(KnowledgeBaseFile.identify(empty.path) == .empty)
        try builder.build(at: empty)

        // A knowledge base built before application ids: recognised by its build_info table.
        let older = folder.appending(path: "older.sqlite")
        try builder.build(at: older)
        try DatabaseQueue(path: older.path).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA application_id = 0; UPDATE build_info SET value = '1' WHERE key = 'schema_version'")
        }
        #expect(KnowledgeBaseFile.identify(older.path) == .knowledgeBase)
        try builder.build(at: older)
        #expect(try KnowledgeBase(path: older.path).buildInfo("schema_version") == KnowledgeBaseBuilder.schemaVersion)
    }

    @Test func everyBuildCarriesTheApplicationID() throws {
        let path = TestKnowledgeBase.shared.path
        let id = try DatabaseQueue(path: path).read { db in try Int32.fetchOne(db, sql: "PRAGMA application_id") }
        #expect(id == KnowledgeBaseFile.applicationID)
    }
}
