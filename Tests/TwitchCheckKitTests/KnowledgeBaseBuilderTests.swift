import Foundation
import Testing
@testable import TwitchCheckKit

/// Building the knowledge base: from the embedded seeds, atomically, and with errors that point at a seed line.
@Suite struct KnowledgeBaseBuilderTests {
    @Test func theEmbeddedSeedsBuildAndRecordTheirDigest() throws {
        let knowledgeBase = try TestKnowledgeBase.fresh()
        #expect(try knowledgeBase.buildInfo("seed_digest") == EmbeddedSeeds.contentDigest)
        #expect(try knowledgeBase.buildInfo("schema_version") == KnowledgeBaseBuilder.schemaVersion)
    }

    @Test func rebuildingReplacesTheFileAndLeavesNoTemporaryFiles() throws {
        let directory = try TestKnowledgeBase.temporaryDirectory()
        let url = directory.appending(path: "kb.sqlite")
        try KnowledgeBaseBuilder(bundle: EmbeddedSeeds.bundle()).build(at: url)
        try KnowledgeBaseBuilder(bundle: EmbeddedSeeds.bundle()).build(at: url)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["kb.sqlite"])
        _ = try KnowledgeBase(path: url.path)
    }

    @Test func aBadSeedRowFailsWithItsFileAndLine() throws {
        let bundle = EmbeddedSeeds.bundle()
        let broken = SeedFile(path: "Seeds/drug_risks/zz-broken.tsv", text: """
            drug\teffect\tseverity\tfrequency\tevidence\tsummary\tmanagement\tnote\tsource
            sertraline\ttremor\tterrible\tcommon\testablished\tShaking.\tTell someone.\t\tfda-zol
            """)
        let directory = try TestKnowledgeBase.temporaryDirectory()
        let url = directory.appending(path: "kb.sqlite")
        #expect {
            try KnowledgeBaseBuilder(bundle: SeedBundle(files: bundle.files + [broken], digest: "test")).build(at: url)
        } throws: { error in
            "\(error)".hasPrefix("Seeds/drug_risks/zz-broken.tsv:2: drug_risks:")
        }
        #expect(!FileManager.default.fileExists(atPath: url.path), "a failed build leaves nothing behind")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func aNameMayMeanOnlyOneDrug() throws {
        let bundle = EmbeddedSeeds.bundle()
        let clash = SeedFile(path: "Seeds/drug_names/zz-clash.tsv", text: "name\tdrug\tkind\tsource\nZoloft\tfluoxetine\tbrand\tolson\n")
        #expect {
            try KnowledgeBaseBuilder(bundle: SeedBundle(files: bundle.files + [clash], digest: "test"))
                .build(at: try TestKnowledgeBase.temporaryDirectory().appending(path: "kb.sqlite"))
        } throws: { error in
            "\(error)".contains("zz-clash.tsv:2") && "\(error)".contains("already belongs to sertraline")
        }
    }

    @Test func theDatabaseIsOpenedReadOnly() throws {
        let knowledgeBase = try TestKnowledgeBase.fresh()
        #expect(throws: (any Error).self) {
            try knowledgeBase.reader.read { db in try db.execute(sql: "DELETE FROM drugs") }
        }
    }

    @Test func aMissingOrForeignFileIsAClearError() throws {
        let directory = try TestKnowledgeBase.temporaryDirectory()
        #expect(throws: TwitchCheckError.databaseMissing(path: directory.appending(path: "none.sqlite").path)) {
            try KnowledgeBase(path: directory.appending(path: "none.sqlite").path)
        }
        let notSQLite = directory.appending(path: "notes.txt")
        try Data("hello, not a database".utf8).write(to: notSQLite)
        #expect { try KnowledgeBase(path: notSQLite.path) } throws: { error in
            "\(error)".contains("cannot open the knowledge base") && "\(error)".contains("db build")
        }
    }
}

/// The seed fingerprint is written once (`SeedDigest`): the build tool's digest of the embedded
/// files and the library's digest of the same files read from the checkout agree.
@Suite struct SeedDigestTests {
    static let packageRoot = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()

    @Test func theCheckoutsSeedsDigestAsTheEmbeddedOnes() throws {
        let local = try SeedBundle.load(fromPackageRoot: Self.packageRoot)
        #expect(local.digest == "local-" + EmbeddedSeeds.contentDigest)
        #expect(local.files.map(\.path) == EmbeddedSeeds.bundle().files.map(\.path))
    }

    @Test func oneChangedByteChangesTheDigest() throws {
        let local = try SeedBundle.load(fromPackageRoot: Self.packageRoot)
        var files = local.files
        files[0] = SeedFile(path: files[0].path, text: files[0].text + " ")
        let changed = try SeedBundle.load(fromPackageRoot: Self.packageRoot)
        #expect(changed.digest == local.digest, "the same files give the same digest")
        #expect(SeedBundle.fingerprint(files) != SeedBundle.fingerprint(local.files))
    }
}
