import Testing
@testable import TwitchCheckKit

/// A knowledge base held in memory (the server's) answers every check exactly as one read per call.
@Suite struct KnowledgeMemoryTests {
    static let inMemory: MedicationChecker = {
        do {
            return try MedicationChecker(knowledgeBase: KnowledgeBase(path: TestKnowledgeBase.shared.path, holdingInMemory: true))
        } catch {
            fatalError("cannot open the test knowledge base in memory: \(error)")
        }
    }()

    /// Every rule example list, and every drug that has a class or an own risk, ten at a time in
    /// two orders, give byte-identical JSON reports (findings, guidance, burden) both ways.
    @Test func everyListIsReportedAsFromTheDatabase() throws {
        let knowledgeBase = TestKnowledgeBase.shared
        var lists = try knowledgeBase.ruleExamples().map(\.medicationList).filter { !$0.isEmpty }
        let drugs = try knowledgeBase.reader.read { db in
            try String.fetchAll(db, sql: "SELECT drug_id FROM drug_class_closure UNION SELECT drug_id FROM drug_effects ORDER BY 1")
        }
        #expect(drugs.count > 100)
        lists += stride(from: 0, to: drugs.count, by: 10).map { Array(drugs[$0..<min($0 + 10, drugs.count)]) }
        lists += stride(from: 0, to: drugs.count, by: 7).map { start in (0..<10).map { drugs[(start + $0 * 37) % drugs.count] } }
        for list in lists {
            let fromDatabase = try ReportEncoding.json(TestKnowledgeBase.checker.check(list))
            let fromMemory = try ReportEncoding.json(Self.inMemory.check(list))
            #expect(fromMemory == fromDatabase, "\(list.joined(separator: "; "))")
        }
    }

    @Test func sourcesComeBackInTheOrderAsked() throws {
        let ids = try TestKnowledgeBase.shared.reader.read { db in try String.fetchAll(db, sql: "SELECT id FROM sources ORDER BY id DESC") }
        let asked = Array(ids.prefix(20)) + ["no-such-source"]
        #expect(try Self.inMemory.knowledgeBase.sources(asked) == TestKnowledgeBase.shared.sources(asked))
        #expect(try Self.inMemory.knowledgeBase.sources(asked).map(\.id) == Array(ids.prefix(20)))
    }
}
