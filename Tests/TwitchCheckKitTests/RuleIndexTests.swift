import Testing
@testable import TwitchCheckKit

/// The rule index finds exactly the pairs that trying every rule on every pair finds, in the same
/// order (rule order, then the list's order on each side).
@Suite struct RuleIndexTests {
    @Test func theIndexMatchesWhatTryingEveryRuleMatches() throws {
        let knowledgeBase = TestKnowledgeBase.shared
        let index = RuleIndex(rules: try knowledgeBase.rules())
        let drugs = try knowledgeBase.reader.read { db in
            try String.fetchAll(db, sql: "SELECT drug_id FROM drug_class_closure UNION SELECT drug_id FROM drug_effects ORDER BY 1")
        }
        #expect(drugs.count > 100)
        var lists = try knowledgeBase.ruleExamples().map(\.medicationList).filter { !$0.isEmpty }
        lists += stride(from: 0, to: drugs.count, by: 7).map { start in (0..<12).map { drugs[(start + $0 * 37) % drugs.count] } }
        lists += [drugs.reversed().prefix(15).map { $0 }, ["sertraline", "sertraline", "tramadol"]]
        var pairsFound = 0
        for list in lists {
            let classes = try knowledgeBase.classes(of: list)
            var expected: [String] = []
            for rule in index.rules {
                for a in list where rule.left.includes(a, classes: classes[a] ?? []) {
                    for b in list where b != a && rule.right.includes(b, classes: classes[b] ?? []) {
                        expected.append("\(rule.id) \(a) \(b)")
                    }
                }
            }
            let found = index.matchingPairs(list, classes: classes).map { "\($0.rule.id) \($0.left) \($0.right)" }
            #expect(found == expected, "\(list)")
            pairsFound += found.count
        }
        #expect(pairsFound > 100)
    }
}
