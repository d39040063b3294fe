import Foundation
import GRDB
import Testing
import TwitchCheckKit

/// "The strongest statement wins" is written once (`StatementStrength`); the `drugs_by_effect` view
/// mirrors it, and every reader of statements (`check`'s findings, the tremor burden, `effect`) agrees with it.
@Suite struct StatementStrengthTests {
    @Test func severityOutranksEvidenceAndRankOrdersAsTheTypeDoes() {
        let all = Severity.allCases.flatMap { severity in Evidence.allCases.map { StatementStrength(severity: severity, evidence: $0) } }
        for a in all {
            for b in all {
                #expect((a < b) == (a.rank < b.rank), "\(a) vs \(b)")
                #expect((a < b) == (a.severity < b.severity || (a.severity == b.severity && a.evidence < b.evidence)))
            }
        }
    }

    @Test func theFirstOfEquallyStrongStatementsSpeaks() {
        let statements = [("a", Severity.minor, Evidence.established), ("b", .moderate, .theoretical),
                          ("c", .moderate, .theoretical), ("d", .minor, .probable)]
        let strength = { (s: (String, Severity, Evidence)) in StatementStrength(severity: s.1, evidence: s.2) }
        #expect(StatementStrength.strongest(statements, by: strength)?.0 == "b")
        #expect(StatementStrength.ranked(statements, by: strength).map(\.0) == ["b", "c", "a", "d"])
    }

    /// Every drug and effect of the shipped knowledge base: the view's row, the finding `check` makes
    /// for the drug alone, and the tremor burden's risk all give the policy's answer.
    @Test func theViewCheckAndTremorRisksFollowThePolicyOnEveryDrugAndEffect() throws {
        try expectEveryReaderFollowsThePolicy(TestKnowledgeBase.shared)
    }

    /// A less severe statement with better evidence (and a higher frequency) than the most severe one:
    /// the case where taking each column's maximum separately would mix two statements.
    @Test func aWeakerStatementsBetterEvidenceIsNotMixedIn() throws {
        let built = try TestKnowledgeBase.fresh()
        let queue = try DatabaseQueue(path: built.path)
        let drug = try queue.write { db -> String in
            let drug = try #require(try String.fetchOne(db, sql: """
                SELECT id FROM drugs WHERE id NOT IN (SELECT drug_id FROM drug_effects WHERE effect_id = 'tremor') ORDER BY id
                """))
            let sources = try String.fetchAll(db, sql: "SELECT id FROM sources ORDER BY id LIMIT 2")
            try db.execute(sql: """
                INSERT INTO drug_risks (drug_id, effect_id, severity, frequency, evidence, summary, management, source_id)
                VALUES (?, 'tremor', 'minor', 'very_common', 'established', 'weaker', 'watch', ?),
                       (?, 'tremor', 'moderate', 'rare', 'theoretical', 'stronger', 'watch', ?)
                """, arguments: [drug, sources[0], drug, sources[1]])
            return drug
        }
        try queue.close()
        let knowledgeBase = try KnowledgeBase(path: built.path)
        let row = try #require(try viewRows(knowledgeBase)["\(drug)|tremor"])
        #expect(row.severity == .moderate && row.evidence == .theoretical && row.frequency == .veryCommon)
        let finding = try #require(try RiskChecker(knowledgeBase: knowledgeBase).findings(for: [drug]).first { $0.effect == .tremor })
        #expect(finding.summary == "stronger" && finding.severity == .moderate && finding.evidence == .theoretical)
        #expect(finding.frequency == .veryCommon)
        try expectEveryReaderFollowsThePolicy(knowledgeBase)
    }

    /// `effect`'s "in combination" list: each drug with the strongest of the rules it stands on.
    @Test(arguments: Effect.allCases)
    func drugsInRulesTakeTheStrongestRule(_ effect: Effect) throws {
        let knowledgeBase = TestKnowledgeBase.shared
        for cause in try knowledgeBase.drugsInRules(for: effect) {
            let rules = try knowledgeBase.rules(involving: cause.drug).filter { $0.effect == effect }
            let strongest = try #require(StatementStrength.strongest(rules) {
                StatementStrength(severity: $0.severity, evidence: $0.evidence)
            })
            #expect((cause.severity, cause.evidence) == (strongest.severity, strongest.evidence), "\(cause.drug)")
        }
    }

    private struct ViewRow { let severity: Severity; let evidence: Evidence; let frequency: Frequency }

    private func viewRows(_ knowledgeBase: KnowledgeBase) throws -> [String: ViewRow] {
        try knowledgeBase.reader.read { db in
            var rows: [String: ViewRow] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT effect, drug, severity, evidence, frequency FROM drugs_by_effect") {
                let effect: String = row["effect"], drug: String = row["drug"]
                rows["\(drug)|\(effect)"] = ViewRow(severity: try #require(Severity(rawValue: row["severity"])),
                                                   evidence: try #require(Evidence(rawValue: row["evidence"])),
                                                   frequency: try #require(Frequency(rawValue: row["frequency"])))
            }
            return rows
        }
    }

    private func expectEveryReaderFollowsThePolicy(_ knowledgeBase: KnowledgeBase) throws {
        let statements = try knowledgeBase.reader.read { db in try DrugEffect.fetchAll(db) }
        let view = try viewRows(knowledgeBase)
        let groups = Dictionary(grouping: statements) { "\($0.drugID)|\($0.effect.rawValue)" }
        #expect(view.count == groups.count, "one view row per drug and effect")
        let checker = try RiskChecker(knowledgeBase: knowledgeBase)
        let drugs = Set(statements.map(\.drugID))
        let tremor = try knowledgeBase.tremorRisks(of: drugs)
        var findings: [String: Finding] = [:]
        for drug in drugs {
            for finding in try checker.findings(for: [drug]) { findings["\(drug)|\(finding.effect.rawValue)"] = finding }
        }
        for (key, group) in groups {
            let strongest = try #require(StatementStrength.strongest(group.sorted { $0.sourceID < $1.sourceID }, by: \.strength))
            let frequency = try #require(group.map(\.frequency).max())
            let row = try #require(view[key], "\(key) is missing from drugs_by_effect")
            #expect((row.severity, row.evidence, row.frequency) == (strongest.severity, strongest.evidence, frequency), "\(key)")
            let finding = try #require(findings[key], "check finds no \(key)")
            #expect((finding.severity, finding.evidence, finding.frequency) == (strongest.severity, strongest.evidence, frequency), "\(key)")
            #expect(finding.summary == strongest.summary, "\(key)")
            if strongest.effect == .tremor {
                #expect(tremor[strongest.drugID] == TremorRisk(severity: strongest.severity, frequency: frequency), "\(key)")
            }
        }
        #expect(tremor.count == groups.keys.filter { $0.hasSuffix("|tremor") }.count)
    }
}
