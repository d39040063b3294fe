import Foundation
import GRDB
import Testing
import TwitchCheckKit

/// Every read of a knowledge base runs under a processor-time limit and a value-size limit, so a
/// hostile file given with `--db` fails in seconds with a message instead of hanging or filling memory.
@Suite struct ReadLimitsTests {
    /// Every file of Tests/Fixtures/hostile-knowledge-bases: its name, its SQL, and how the reason must begin.
    static let hostileViews: [(name: String, sql: String, expected: String)] = {
        let folder = Fixtures.root.appending(path: "hostile-knowledge-bases")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".sql") }.sorted().compactMap { name in
            guard let sql = try? String(contentsOf: folder.appending(path: name), encoding: .utf8),
                  let first = sql.split(separator: "\n").first, first.hasPrefix("-- expect: ") else { return nil }
            return (name, sql, String(first.dropFirst("-- expect: ".count)))
        }
    }()

    @Test func everyHostileFixtureIsRead() {
        #expect(Self.hostileViews.count >= 4)
    }

    /// A fresh knowledge base with `sql` applied.
    static func hostile(_ sql: String) throws -> String {
        let path = try TestKnowledgeBase.temporaryDirectory().appending(path: "hostile.sqlite").path
        try KnowledgeBaseBuilder(bundle: EmbeddedSeeds.bundle()).build(at: URL(fileURLWithPath: path))
        try DatabaseQueue(path: path).writeWithoutTransaction { db in try db.execute(sql: sql) }
        return path
    }

    /// What each command reads, as the library runs it.
    static let operations: [(name: String, run: @Sendable (KnowledgeBase) throws -> Void)] = [
        ("check", { _ = try MedicationChecker(knowledgeBase: $0).check(["phenelzine", "meperidine", "sertraline"]) }),
        ("drug", { _ = try DrugProfile.load("sertraline", from: $0) }),
        ("effect", { _ = try EffectReport.load(.tremor, from: $0) }),
    ]

    @Test("a hostile view fails every read quickly", arguments: hostileViews.map(\.name))
    func aHostileViewFailsQuickly(name: String) throws {
        let view = try #require(Self.hostileViews.first { $0.name == name })
        let path = try Self.hostile(view.sql)
        for operation in Self.operations {
            let started = Date()
            var failure: TwitchCheckError?
            do {
                let knowledgeBase = try KnowledgeBase(path: path, limits: ReadLimits(seconds: 1))
                try operation.run(knowledgeBase)
            } catch let error as TwitchCheckError {
                failure = error
            }
            guard case .databaseRead(let failedPath, let reason)? = failure else {
                // An operation that does not read the changed view may succeed; "check" reads them all.
                #expect(operation.name != "check", "\(view.name): check read the hostile view without failing")
                continue
            }
            #expect(failedPath == path)
            #expect(reason.hasPrefix(view.expected), "\(view.name) / \(operation.name): \(reason)")
            #expect(Date().timeIntervalSince(started) < 30, "\(view.name) / \(operation.name)")
        }
    }

    @Test func honestReadsStayFarInsideTheLimits() throws {
        let knowledgeBase = try KnowledgeBase(path: TestKnowledgeBase.shared.path, limits: ReadLimits(seconds: 1, maxValueBytes: 64 << 10))
        _ = try MedicationChecker(knowledgeBase: knowledgeBase).check(["phenelzine", "meperidine", "sertraline", "lithium"])
        _ = try KnowledgeBaseAudit(knowledgeBase: knowledgeBase).run()
        for effect in Effect.allCases {
            _ = try EffectReport.load(effect, from: knowledgeBase)
        }
    }

    /// `sql --timeout` also bounds a query whose rows are huge: the issue's `SELECT randomblob(2e7)` took 21 s with 1 s.
    @Test func sqlRefusesHugeValuesAndResultsQuickly() throws {
        let query = ReadOnlyQuery(knowledgeBase: TestKnowledgeBase.shared, timeout: 1)
        let cases: [(sql: String, errors: [QueryError])] = [
            ("SELECT randomblob(2e7)", [.valueTooLarge(bytes: 1 << 20)]),
            ("SELECT zeroblob(2000000) || 'x'", [.valueTooLarge(bytes: 1 << 20)]),
            ("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT randomblob(500000) FROM n",
             [.resultTooLarge(bytes: ReadOnlyQuery.maxResultBytes), .timedOut(seconds: 1)]),
        ]
        for item in cases {
            let started = Date()
            #expect {
                _ = try query.run(item.sql)
            } throws: { error in
                item.errors.contains { $0 == error as? QueryError }
            }
            #expect(Date().timeIntervalSince(started) < 10, "\(item.sql)")
        }
    }
}
