import Testing
import TwitchCheckKit

/// Every interaction rule's example lists, straight from Seeds/rule_examples: a 'flags'
/// list must produce a finding from that rule, a 'clear' list must not.
@Suite struct RuleExampleTests {
    struct Example: CustomTestStringConvertible, Sendable {
        let location: String
        let rule: String
        let expectation: String
        let medications: [String]
        var testDescription: String { "\(location) \(rule) \(expectation): \(medications.joined(separator: " ; "))" }
    }

    static let seedExamples: [Example] = EmbeddedSeeds.bundle().seedFiles(for: "rule_examples").flatMap { file in
        // A seed that does not parse fails the build test; here it simply yields no examples.
        ((try? SeedTable(file))?.rows ?? []).map { row in
            Example(location: "\(row.path):\(row.line)", rule: row["rule"] ?? "", expectation: row["expectation"] ?? "",
                    medications: (row["medications"] ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) })
        }
    }

    /// The seed examples, and those the build made for its generated and additive rules.
    static let examples: [Example] = seedExamples + ((try? TestKnowledgeBase.shared.ruleExamples()) ?? [])
        .filter { $0.note?.hasPrefix("made at build time") == true }
        .map { Example(location: "(\($0.note ?? ""))", rule: $0.ruleID, expectation: $0.expectation.rawValue,
                       medications: $0.medicationList) }

    @Test("the seeds carry rule examples") func examplesExist() {
        #expect(Self.examples.count >= 20)
    }

    @Test("rule example", arguments: examples)
    func ruleExample(_ example: Example) throws {
        let report = try TestKnowledgeBase.checker.check(example.medications)
        #expect(report.unrecognized.isEmpty, "\(example.location): names not recognised: \(report.unrecognized.map(\.input))")
        let fired = try TestKnowledgeBase.checker.riskChecker.rulesFiring(for: report.drugs).contains(example.rule)
        if example.expectation == "flags" {
            #expect(fired, "\(example.location): rule \(example.rule) should flag \(example.medications)")
        } else {
            #expect(!fired, "\(example.location): rule \(example.rule) should not flag \(example.medications)")
        }
    }

    @Test("every rule has a list it flags and a list it leaves clear")
    func everyRuleHasBothKindsOfExample() throws {
        for rule in try TestKnowledgeBase.shared.rules() {
            let mine = Self.examples.filter { $0.rule == rule.id }
            #expect(mine.contains { $0.expectation == "flags" }, "rule \(rule.id) has no 'flags' example")
            #expect(mine.contains { $0.expectation == "clear" }, "rule \(rule.id) has no 'clear' example")
        }
    }
}
