import Foundation
import Testing
import TwitchCheckKit

/// The seed document's advice on when a twitch needs a doctor: with twitching or tremor findings, and only then.
@Suite struct GuidanceTests {
    let checker = TestKnowledgeBase.checker

    @Test("shown with a twitching or tremor finding", arguments: [["lithium"], ["sertraline"], ["Ventolin"], ["prednisone"]])
    func guidanceAppearsWithTwitchingOrTremor(_ list: [String]) throws {
        let report = try checker.check(list)
        #expect(report.findings.contains { $0.effect == .twitching || $0.effect == .tremor })
        let guidance = try #require(report.guidance?.first)
        #expect(guidance.text.contains("continuous"))
        #expect(guidance.text.contains("weakness or muscle loss"))
        #expect(guidance.text.contains("new medicine"))
        #expect(guidance.sources == ["seed-document"])
        #expect(report.citedSourceIDs.contains("seed-document"))
    }

    @Test("absent without one", arguments: [["amoxicillin"], ["amoxicillin", "lisinopril"], ["atorvastatin", "metformin"]])
    func noGuidanceWithoutTwitchingOrTremor(_ list: [String]) throws {
        let report = try checker.check(list)
        #expect(!report.findings.contains { $0.effect == .twitching || $0.effect == .tremor })
        #expect(report.guidance == nil)
        #expect(!(try ReportEncoding.json(report)).contains("\"guidance\""))
    }

    @Test func everyDrugWithARiskGetsGuidanceExactlyWhenItTwitchesOrShakes() throws {
        // Data-driven: whatever the seeds add, guidance follows the twitching and tremor findings.
        let drugs = try TestKnowledgeBase.shared.reader.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT drug_id FROM drug_effects ORDER BY drug_id")
        }
        for drug in drugs {
            let report = try checker.check([drug])
            let twitchesOrShakes = report.findings.contains { $0.effect == .twitching || $0.effect == .tremor }
            #expect((report.guidance != nil) == twitchesOrShakes, "\(drug)")
        }
    }

    @Test func oneAdviceForTwitchingAndTremorTogether() throws {
        let report = try checker.check(["lithium", "sertraline"])
        let guidance = try #require(report.guidance)
        #expect(guidance.count == 1)
        #expect(guidance.first?.effects == [.tremor, .twitching])
    }

    @Test func theTextSaysWhenToSeeADoctorAndCitesTheSeed() throws {
        let report = try checker.check(["lithium"])
        let text = TextReportRenderer(style: TerminalStyle(enabled: false), citations: [:]).render(report)
        #expect(text.contains("When to see a doctor: See a doctor if the twitches are continuous"))
        #expect(text.contains("Source: seed-document"))
        let clear = TextReportRenderer(style: TerminalStyle(enabled: false), citations: [:]).render(try checker.check(["amoxicillin"]))
        #expect(!clear.contains("When to see a doctor"))
    }
}
