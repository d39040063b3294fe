import Foundation
import Testing
import TwitchCheckKit

/// Advice on when to see a doctor fits the effect found: the seed document's advice on twitches
/// with a twitching finding, the Merck Manual's and A.D.A.M.'s on tremor with a tremor finding.
@Suite struct GuidanceTests {
    let checker = TestKnowledgeBase.checker
    static let twitchAdvice = "See a doctor if the twitches are continuous"
    static let tremorAdvice = "See a doctor straight away if a tremor starts suddenly"

    @Test("twitch advice with a twitching finding", arguments: [["lithium"], ["sertraline"], ["tramadol"]])
    func twitchAdviceAppearsWithTwitching(_ list: [String]) throws {
        let report = try checker.check(list)
        #expect(report.findings.contains { $0.effect == .twitching })
        let guidance = try #require(report.guidance?.first { $0.text.hasPrefix(Self.twitchAdvice) })
        #expect(guidance.text.contains("weakness or muscle loss"))
        #expect(guidance.sources == ["seed-document"])
        #expect(guidance.effects == [.twitching])
        #expect(report.citedSourceIDs.contains("seed-document"))
    }

    @Test("tremor advice, never twitch advice, with tremor alone", arguments: [["Ventolin"], ["levothyroxine"], ["Ventolin", "levothyroxine"]])
    func tremorAloneGetsTremorAdvice(_ list: [String]) throws {
        let report = try checker.check(list)
        #expect(!report.findings.contains { $0.effect == .twitching })
        let guidance = try #require(report.guidance)
        #expect(guidance.allSatisfy { $0.effects == [.tremor] })
        #expect(guidance.contains { $0.text.hasPrefix(Self.tremorAdvice) && $0.sources == ["merck-tremor-home"] })
        #expect(guidance.contains { $0.text.contains("do not change or stop a medicine") && $0.sources == ["adam-tremor-selfcare"] })
        let text = TextReportRenderer(style: TerminalStyle(enabled: false), citations: [:]).render(report)
        #expect(!text.contains("twitches"), "\(list): tremor must not get the advice on twitches")
    }

    @Test("absent without one", arguments: [["amoxicillin"], ["amoxicillin", "lisinopril"], ["atorvastatin", "metformin"]])
    func noGuidanceWithoutTwitchingOrTremor(_ list: [String]) throws {
        let report = try checker.check(list)
        #expect(!report.findings.contains { $0.effect == .twitching || $0.effect == .tremor })
        #expect(report.guidance == nil)
        #expect(!(try ReportEncoding.json(report)).contains("\"guidance\""))
    }

    @Test func everyDrugGetsExactlyTheAdviceOfItsEffects() throws {
        // Data-driven: whatever the seeds add, each piece of advice follows its own effect.
        let drugs = try TestKnowledgeBase.shared.reader.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT drug_id FROM drug_effects ORDER BY drug_id")
        }
        let advised = Set(try TestKnowledgeBase.shared.reader.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT effect_id FROM guidance")
        }.compactMap(Effect.init(rawValue:)))
        for drug in drugs {
            let report = try checker.check([drug])
            let expected = Set(report.findings.map(\.effect)).intersection(advised)
            #expect(Set((report.guidance ?? []).flatMap(\.effects)) == expected, "\(drug)")
            let twitches = report.guidance?.contains { $0.text.hasPrefix(Self.twitchAdvice) } ?? false
            #expect(twitches == report.findings.contains { $0.effect == .twitching }, "\(drug)")
        }
    }

    @Test func theTextListsTheAdviceUnderOneHeadingAndCitesItByNumber() throws {
        let report = try checker.check(["tramadol"])
        let text = TextReportRenderer(style: TerminalStyle(enabled: false), citations: [:]).render(report)
        let number = try #require(ReferenceNumbersProbe.number(of: "seed-document", in: text))
        #expect(text.contains("When to see a doctor:\n  - See a doctor if the twitches are continuous"))
        let flowing = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flowing.contains("new medical condition. [\(number)]"))
        let clear = TextReportRenderer(style: TerminalStyle(enabled: false), citations: [:]).render(try checker.check(["amoxicillin"]))
        #expect(!clear.contains("When to see a doctor"))
    }
}

/// Reads the number a rendered report gives a source in its "Sources:" list.
enum ReferenceNumbersProbe {
    static func number(of id: String, in text: String) -> Int? {
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let words = trimmed.split(separator: " ")
            if words.count >= 2, words[0].hasPrefix("["), words[0].hasSuffix("]"), words[1] == id {
                return Int(words[0].dropFirst().dropLast())
            }
        }
        return nil
    }
}
