import Foundation
import Testing
import TwitchCheckKit

/// The serotonergic load and tremor burden of a whole list (Schema/BURDEN.md).
@Suite struct BurdenTests {
    let checker = TestKnowledgeBase.checker

    private func burden(_ list: [String]) throws -> MedicationBurden {
        try #require(try checker.check(list).burden)
    }

    @Test func anOrdinaryListHasNoBurden() throws {
        let burden = try burden(["amlodipine", "lisinopril", "atorvastatin", "metformin"])
        #expect(burden.serotonergic.total == 0 && burden.serotonergic.level == .none)
        #expect(burden.tremor.total == 0 && burden.tremor.level == .none)
        #expect(burden.notableScores.isEmpty)
        let text = TextReportRenderer(style: TerminalStyle(enabled: false), citations: [:])
            .render(try checker.check(["amlodipine", "lisinopril", "atorvastatin", "metformin"]))
        #expect(!text.contains("Burden:"))
    }

    @Test func threeWeakSerotonergicDrugsDeserveAWordWithoutAPairRule() throws {
        // Data-driven: three drugs the seeds call weakly serotonergic (lithium, buspirone, a triptan...).
        let candidates = ["lithium", "buspirone", "sumatriptan", "mirtazapine", "oxycodone"]
        let strengths = try TestKnowledgeBase.shared.serotonergicStrengths(of: candidates)
        let weak = Array(candidates.filter { strengths[$0] == .weak }.prefix(3))
        try #require(weak.count == 3, "the seeds should hold three weakly serotonergic drugs")
        let report = try checker.check(weak)
        #expect(!report.findings.contains { $0.effect == .serotoninSyndrome && $0.kind == .combination },
                "no pair rule links two weakly serotonergic drugs")
        let load = try #require(report.burden?.serotonergic)
        #expect(load.total == 3)
        #expect(load.level == .moderate)
        #expect(load.notable)
        #expect(Set(load.drugs.map(\.drug)) == Set(weak))
        #expect(load.drugs.allSatisfy { $0.points == BurdenScale.weak })
        let text = TextReportRenderer(style: TerminalStyle(enabled: false), citations: [:]).render(report)
        #expect(text.contains("Burden: Serotonergic load 3 (moderate) from 3 drugs"))
    }

    @Test func oneStrongSerotonergicDrugScoresButMakesNoNote() throws {
        let load = try burden(["sertraline"]).serotonergic
        #expect(load.total == BurdenScale.strong)
        #expect(!load.notable)
        #expect(load.note == nil)
    }

    @Test func twoStrongSerotonergicDrugsAreHigh() throws {
        let load = try burden(["sertraline", "tramadol", "Zoloft"]).serotonergic
        #expect(load.total == 6, "the same drug twice counts once")
        #expect(load.level == .high)
        #expect(load.notable)
    }

    @Test("tremor points follow severity and frequency", arguments: [
        (Severity.minor, Frequency.unknown, 1), (.minor, .rare, 1), (.minor, .uncommon, 1),
        (.minor, .common, 3), (.minor, .veryCommon, 3), (.moderate, .unknown, 3), (.major, .rare, 3),
    ])
    func tremorPoints(_ severity: Severity, _ frequency: Frequency, _ points: Int) {
        #expect(BurdenScale.points(for: TremorRisk(severity: severity, frequency: frequency)).points == points)
    }

    @Test func serotonergicPointsFollowTheClass() {
        #expect(BurdenScale.points(for: SerotonergicStrength.strong).points == 3)
        #expect(BurdenScale.points(for: SerotonergicStrength.weak).points == 1)
    }

    @Test func eachDrugScoresItsOwnWorstTremorRisk() throws {
        // Data-driven: the points follow whatever the seeds say about each drug's tremor.
        let list = ["lithium", "albuterol", "prednisone", "metoclopramide"]
        let risks = try TestKnowledgeBase.shared.tremorRisks(of: list)
        let tremor = try burden(list).tremor
        for contribution in tremor.drugs {
            let risk = try #require(risks[contribution.drug])
            #expect(contribution.points == BurdenScale.points(for: risk).points, "\(contribution.drug)")
        }
        #expect(tremor.total == tremor.drugs.reduce(0) { $0 + $1.points })
        #expect(tremor.drugs.map(\.points) == tremor.drugs.map(\.points).sorted(by: >), "strongest first")
        #expect(risks["lithium"].map { $0.severity >= .moderate } == true)
    }

    @Test func lithiumWithAlbuterolIsAModerateTremorBurden() throws {
        // Lithium's own tremor is moderate, albuterol's minor: the level goes no higher than moderate.
        let tremor = try burden(["lithium", "Ventolin"]).tremor
        #expect(tremor.total == 6 && tremor.level == .moderate && tremor.notable)
        #expect(tremor.note?.hasPrefix("Tremor burden 6 (moderate; no drug's own tremor risk is worse than moderate) from 2 drugs") == true)
    }

    @Test func twoMinorTremorDrugsMakeALowBurdenWhateverTheirTotal() throws {
        let tremor = try burden(["Ventolin", "sertraline"]).tremor
        #expect(tremor.total == 6 && tremor.level == .low)
        #expect(!tremor.notable && tremor.note == nil, "a low burden would only repeat the minor findings")
    }

    @Test func theTremorLevelNeverSaysMoreThanTheWorstOwnRisk() throws {
        // Generated over every pair of drugs with an own tremor risk in the seeds.
        let drugs = try TestKnowledgeBase.shared.reader.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT drug_id FROM drug_effects WHERE effect_id = 'tremor' ORDER BY drug_id")
        }
        let risks = try TestKnowledgeBase.shared.tremorRisks(of: drugs)
        #expect(drugs.count > 5)
        for (index, first) in drugs.enumerated() {
            for second in drugs[(index + 1)...] {
                let worst = max(risks[first]!.severity, risks[second]!.severity)
                let tremor = BurdenCalculator.burden(strengths: [:], tremorRisks: [first: risks[first]!, second: risks[second]!]).tremor
                #expect(tremor.level <= BurdenScale.ceiling(for: worst), "\(first) + \(second)")
                #expect(tremor.level == min(BurdenLevel(total: tremor.total), BurdenScale.ceiling(for: worst)))
            }
        }
    }

    @Test func twoWeakContributionsAreLowAndQuiet() {
        let score = BurdenScale.score([BurdenContribution(drug: "a", points: 1, reason: "weak"),
                                       BurdenContribution(drug: "b", points: 1, reason: "weak")], effect: .tremor)
        #expect(score.total == 2 && score.level == .low && !score.notable && score.note == nil)
        let three = BurdenScale.score(score.drugs + [BurdenContribution(drug: "c", points: 1, reason: "weak")], effect: .tremor)
        #expect(three.total == 3 && three.level == .moderate && three.notable)
    }

    @Test("levels by total", arguments: [(0, BurdenLevel.none), (1, .low), (2, .low), (3, .moderate), (5, .moderate), (6, .high), (12, .high)])
    func levels(_ total: Int, _ level: BurdenLevel) {
        #expect(BurdenLevel(total: total) == level)
    }

    @Test func theJSONCarriesBothScoresAndTheScale() throws {
        let json = try ReportEncoding.json(try checker.check(["amoxicillin"]))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let burden = try #require(object["burden"] as? [String: Any])
        for key in ["serotonergic", "tremor"] {
            let score = try #require(burden[key] as? [String: Any])
            #expect(score["total"] as? Int == 0)
            #expect(score["level"] as? String == "none")
            #expect(score["notable"] as? Bool == false)
            #expect(score["note"] is NSNull)
        }
        #expect((burden["scale"] as? String)?.contains("BURDEN.md") == true)
    }
}
