import Foundation
import TestScratch
import TwitchCheckKit

/// Knowledge bases for tests, each built from the embedded seeds into its own temporary directory.
enum TestKnowledgeBase {
    /// One database for the read-only tests of a test process (building is the slow part).
    static let shared: KnowledgeBase = {
        do {
            return try fresh()
        } catch {
            fatalError("the embedded seeds do not build: \(error)")
        }
    }()

    /// A new database in a new temporary directory.
    static func fresh(bundle: SeedBundle = EmbeddedSeeds.bundle()) throws -> KnowledgeBase {
        let url = try temporaryDirectory().appending(path: "kb.sqlite")
        try KnowledgeBaseBuilder(bundle: bundle).build(at: url)
        return try KnowledgeBase(path: url.path)
    }

    /// A new empty temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = TestScratch.root.appending(path: "twitchcheck-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A checker over the shared database.
    static let checker: MedicationChecker = {
        do {
            return try MedicationChecker(knowledgeBase: shared)
        } catch {
            fatalError("cannot load the rules: \(error)")
        }
    }()
}
