import Foundation
import Testing
import TwitchCheckKit

/// Every interaction rule's example lists, as the knowledge base holds them (`rule_examples`: the
/// seeds' and those the build makes for generated rules): a 'flags' list must show a finding from
/// that rule in the report a user reads, a 'clear' list must not. A failure names the seed's line.
@Suite struct RuleExampleTests {
    struct Example: CustomTestStringConvertible, Sendable {
        let location: String
        let example: RuleExample
        var testDescription: String {
            "\(location) \(example.ruleID) \(example.expectation.rawValue): \(example.medicationList.joined(separator: " ; "))"
        }
    }

    /// Where each seed example is written (`Seeds/rule_examples/FILE.tsv:LINE`), by rule, expectation and list.
    static let seedLines: [String: String] = {
        var lines: [String: String] = [:]
        for file in EmbeddedSeeds.bundle().seedFiles(for: "rule_examples") {
            for row in (try? SeedTable(file))?.rows ?? [] {
                let list = (row["medications"] ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
                lines[key(row["rule"] ?? "", row["expectation"] ?? "", list)] = "\(row.path):\(row.line)"
            }
        }
        return lines
    }()

    static func key(_ rule: String, _ expectation: String, _ list: [String]) -> String {
        ([rule, expectation] + list.filter { !$0.isEmpty }).joined(separator: "|")
    }

    static let examples: [Example] = ((try? TestKnowledgeBase.shared.ruleExamples()) ?? []).map { example in
        let location = seedLines[key(example.ruleID, example.expectation.rawValue, example.medicationList)]
        return Example(location: location ?? "(\(example.note ?? "rule_examples"))", example: example)
    }

    static let rules: [String: InteractionRule] = Dictionary(
        uniqueKeysWithValues: ((try? TestKnowledgeBase.shared.rules()) ?? []).map { ($0.id, $0) })

    @Test("the knowledge base carries every seed example") func examplesExist() {
        #expect(Self.examples.count >= 20)
        #expect(Self.examples.filter { !$0.location.hasPrefix("(") }.count == Self.seedLines.count)
    }

    @Test("rule example", arguments: examples)
    func ruleExample(_ item: Example) throws {
        let example = item.example
        let report = try TestKnowledgeBase.checker.check(example.medicationList)
        #expect(report.unrecognized.isEmpty, "\(item.location): names not recognised: \(report.unrecognized.map(\.input))")
        let rule = try #require(Self.rules[example.ruleID], "\(item.location): no rule \(example.ruleID)")
        let fired = try TestKnowledgeBase.checker.riskChecker.rulesFiring(for: report.drugs).contains(rule.id)
        let json = try ReportEncoding.json(report)
        switch example.expectation {
        case .flags:
            #expect(fired, "\(item.location): rule \(rule.id) should flag \(example.medicationList)")
            // The rule's own finding; or (for the same effect in the same drugs) a stronger rule's that
            // outranks it; or, for one pair of drugs, a more severe finding about the pair, beside which
            // a weaker statement is not shown (Schema/SEVERITY_POLICY.md, "The strongest statement wins").
            let shown = report.findings.first { $0.rule == rule.id }
                ?? report.findings.first { $0.kind == .combination && $0.effect == rule.effect && $0.severity >= rule.severity }
                ?? report.findings.first { $0.kind == .combination && $0.severity > rule.severity }
            let finding = try #require(shown, "\(item.location): the report shows no \(rule.effect.rawValue) finding of rule \(rule.id)")
            let text = TextReportRenderer(style: TerminalStyle(enabled: false), citations: [:], width: 1_000_000).render(report)
            let heading = text.split(separator: "\n").contains { line in
                line.contains(finding.severity.rawValue.uppercased()) && line.contains(finding.effectDisplayName)
                    && finding.drugs.allSatisfy { line.contains($0) }
            }
            #expect(heading, "\(item.location): the text report has no line for \(finding.severity.rawValue) \(finding.effectDisplayName) in \(finding.drugs)")
            #expect(text.contains(finding.summary), "\(item.location): the text report does not say \"\(finding.summary)\"")
            if finding.rule == rule.id {
                #expect(json.contains("\"rule\" : \"\(rule.id)\""), "\(item.location): the JSON does not name rule \(rule.id)")
            }
        case .clear:
            #expect(!fired, "\(item.location): rule \(rule.id) should not flag \(example.medicationList)")
            #expect(!json.contains("\"rule\" : \"\(rule.id)\""), "\(item.location): the JSON names rule \(rule.id)")
        }
    }

    @Test("every rule has a list it flags and a list it leaves clear")
    func everyRuleHasBothKindsOfExample() throws {
        for rule in Self.rules.values {
            let mine = Self.examples.filter { $0.example.ruleID == rule.id }
            #expect(mine.contains { $0.example.expectation == .flags }, "rule \(rule.id) has no 'flags' example")
            #expect(mine.contains { $0.example.expectation == .clear }, "rule \(rule.id) has no 'clear' example")
        }
    }
}
