import Testing
@testable import TwitchCheckKit

/// A knowledge base held in memory (the server's) answers every check exactly as one read per
/// call; and a checker that reads only each list's rules (`check`'s) exactly as one holding every rule.
@Suite struct KnowledgeMemoryTests {
    static let inMemory: MedicationChecker = {
        do {
            return try MedicationChecker(knowledgeBase: KnowledgeBase(path: TestKnowledgeBase.shared.path, holdingInMemory: true))
        } catch {
            fatalError("cannot open the test knowledge base in memory: \(error)")
        }
    }()

    /// Every rule example list, and every drug that has a class or an own risk, ten at a time in two orders.
    static func lists() throws -> [[String]] {
        let knowledgeBase = TestKnowledgeBase.shared
        var lists = try knowledgeBase.ruleExamples().map(\.medicationList).filter { !$0.isEmpty }
        let drugs = try knowledgeBase.reader.read { db in
            try String.fetchAll(db, sql: "SELECT drug_id FROM drug_class_closure UNION SELECT drug_id FROM drug_effects ORDER BY 1")
        }
        #expect(drugs.count > 100)
        lists += stride(from: 0, to: drugs.count, by: 10).map { Array(drugs[$0..<min($0 + 10, drugs.count)]) }
        lists += stride(from: 0, to: drugs.count, by: 7).map { start in (0..<10).map { drugs[(start + $0 * 37) % drugs.count] } }
        return lists
    }

    /// Byte-identical JSON reports (findings, guidance, burden) from memory and from the database.
    @Test func everyListIsReportedAsFromTheDatabase() throws {
        for list in try Self.lists() {
            let fromDatabase = try ReportEncoding.json(TestKnowledgeBase.checker.check(list))
            let fromMemory = try ReportEncoding.json(Self.inMemory.check(list))
            #expect(fromMemory == fromDatabase, "\(list.joined(separator: "; "))")
        }
    }

    /// `check` works the burden out from the classes and statements it read for the findings; the
    /// knowledge base's own queries (SQL, and memory) give the same strengths and tremor risks.
    @Test func theBurdenFromAListsFactsIsTheKnowledgeBasesOwn() throws {
        let knowledgeBase = TestKnowledgeBase.shared
        var counted = 0
        for list in try Self.lists() {
            let facts = try TestKnowledgeBase.checker.riskChecker.facts(of: list)
            let strengths = SerotonergicStrength.strengths(fromClasses: facts.classes)
            let tremor = TremorRisk.risks(from: facts.effects)
            #expect(strengths == (try knowledgeBase.serotonergicStrengths(of: list)), "\(list)")
            #expect(tremor == (try knowledgeBase.tremorRisks(of: list)), "\(list)")
            #expect(strengths == (try Self.inMemory.knowledgeBase.serotonergicStrengths(of: list)), "\(list)")
            #expect(tremor == (try Self.inMemory.knowledgeBase.tremorRisks(of: list)), "\(list)")
            counted += strengths.count + tremor.count
        }
        #expect(counted > 100, "the lists hardly touch the burden")
    }

    /// Byte-identical JSON reports whether every rule was read first or only the list's own, and
    /// the same rules firing (those a more severe finding hides included).
    @Test func readingOnlyAListsRulesChangesNothing() throws {
        let perList = try MedicationChecker(knowledgeBase: TestKnowledgeBase.shared, rules: .perList)
        for list in try Self.lists() {
            let everyRule = try ReportEncoding.json(TestKnowledgeBase.checker.check(list))
            #expect(try ReportEncoding.json(perList.check(list)) == everyRule, "\(list.joined(separator: "; "))")
            let drugs = try list.compactMap { name -> [String]? in
                if case .recognized(let medication) = try perList.resolver.resolve(name) { return medication.drugs }
                return nil
            }.flatMap { $0 }
            #expect(try perList.riskChecker.rulesFiring(for: drugs) == TestKnowledgeBase.checker.riskChecker.rulesFiring(for: drugs))
        }
    }

    @Test func sourcesComeBackInTheOrderAsked() throws {
        let ids = try TestKnowledgeBase.shared.reader.read { db in try String.fetchAll(db, sql: "SELECT id FROM sources ORDER BY id DESC") }
        let asked = Array(ids.prefix(20)) + ["no-such-source"]
        #expect(try Self.inMemory.knowledgeBase.sources(asked) == TestKnowledgeBase.shared.sources(asked))
        #expect(try Self.inMemory.knowledgeBase.sources(asked).map(\.id) == Array(ids.prefix(20)))
    }
}

/// The names a server remembers: the same answer as resolving afresh, and bounded however many
/// or however long the names an EHR sends.
@Suite struct ResolutionMemoTests {
    @Test func aRememberedNameResolvesAsAFreshOneAndHugeNamesAreNotHeld() throws {
        let resolver = TestKnowledgeBase.checker.resolver
        let memo = ResolutionMemo()
        for name in ["Zoloft 50mg", "tramadol", "no such drug at all"] {
            let fresh = try resolver.resolve(name)
            #expect(try memo.resolve(name, with: resolver) == fresh)
            #expect(try memo.resolve(name, with: resolver) == fresh, "from memory: \(name)")
        }
        #expect(memo.count == 3)
        let huge = "sertraline " + String(repeating: "x", count: ResolutionMemo.longestName)
        #expect(try memo.resolve(huge, with: resolver) == (try resolver.resolve(huge)))
        #expect(memo.count == 3, "a name longer than \(ResolutionMemo.longestName) bytes is not held")
    }

    @Test func theMemoryStartsOverAtItsLimit() throws {
        let resolver = TestKnowledgeBase.checker.resolver
        let memo = ResolutionMemo()
        for index in 0..<ResolutionMemo.limit { _ = try memo.resolve("tramadol \(index) mg", with: resolver) }
        #expect(memo.count == ResolutionMemo.limit)
        _ = try memo.resolve("tramadol", with: resolver)
        #expect(memo.count == 1)
    }
}
