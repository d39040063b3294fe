import Foundation
import Testing
import TwitchCheckKit

/// Whole-list checks: the findings a pharmacist would expect, and the silence they would expect.
@Suite struct CheckTests {
    let checker = TestKnowledgeBase.checker

    @Test func sertralineWithTramadolIsASerotoninSyndromeCombination() throws {
        let report = try checker.check(["sertraline", "tramadol"])
        let finding = try #require(report.findings.first { $0.kind == .combination })
        #expect(finding.effect == .serotoninSyndrome)
        #expect([.major, .moderate].contains(finding.severity))
        #expect(finding.drugs == ["sertraline", "tramadol"])
        #expect(!finding.sources.isEmpty)
        #expect(report.findings.first == finding, "the most severe finding comes first")
    }

    @Test func phenelzineWithSertralineIsContraindicated() throws {
        let report = try checker.check(["phenelzine", "sertraline"])
        #expect(report.highestSeverity == .contraindicated)
        let top = try #require(report.findings.first)
        #expect(top.severity == .contraindicated && top.drugs == ["phenelzine", "sertraline"])
        // One finding per effect and drug set: the weaker 'two serotonergic drugs' rule is folded in.
        let pairFindings = report.findings.filter { $0.drugs == ["phenelzine", "sertraline"] && $0.effect == .serotoninSyndrome }
        #expect(pairFindings.count == 1)
    }

    @Test func amoxicillinWithLisinoprilHasNoFindingsAtAll() throws {
        let report = try checker.check(["amoxicillin", "lisinopril"])
        #expect(report.unrecognized.isEmpty)
        #expect(report.findings.isEmpty)
        #expect(report.highestSeverity == nil)
    }

    @Test("ordinary lists give nothing moderate or worse", arguments: [
        ["metformin", "atorvastatin", "amlodipine", "losartan"],
        ["Tylenol", "Zestoretic", "Lipitor"],
        ["lisinopril", "hydrochlorothiazide", "simvastatin", "metformin", "amoxicillin", "acetaminophen", "omeprazole"],
        ["Norvasc 5 mg", "Glucophage 500 mg", "Zocor", "Amoxil", "Synthroid"],
    ])
    func ordinaryListIsQuiet(_ list: [String]) throws {
        let report = try checker.check(list)
        #expect(report.unrecognized.isEmpty, "\(report.unrecognized.map(\.input))")
        #expect(report.findings.allSatisfy { $0.severity == .minor }, "\(report.findings.map { "\($0.severity) \($0.drugs)" })")
    }

    @Test func reglanAloneCarriesTardiveDyskinesia() throws {
        let report = try checker.check(["Reglan"])
        #expect(report.findings.contains { $0.effect == .tardiveDyskinesia && $0.kind == .drug && $0.drugs == ["metoclopramide"] })
    }

    @Test func aMisspellingIsNotCheckedAndFlagsNothing() throws {
        let report = try checker.check(["sertralin"])
        #expect(report.medications.isEmpty)
        #expect(report.findings.isEmpty)
        let unrecognized = try #require(report.unrecognized.first)
        #expect(report.unrecognized.count == 1)
        #expect(unrecognized.input == "sertralin")
        #expect(unrecognized.reason == .notRecognized)
        #expect(unrecognized.suggestions.first == "sertraline")
        #expect(!unrecognized.suggestions.contains("sertralin"), "a suggestion never repeats the input")
    }

    @Test func everyBrandInTheSeedDocumentResolves() throws {
        for (brand, drug) in [("Proventil", "albuterol"), ("Ventolin", "albuterol"), ("Cordarone", "amiodarone"),
                              ("Procanbid", "procainamide"), ("Reglan", "metoclopramide")] {
            let report = try checker.check([brand])
            #expect(report.drugs == [drug], "\(brand)")
        }
    }

    @Test func theSeedDocumentsTremorDrugsCarryTremor() throws {
        for drug in ["albuterol", "prednisone", "lithium", "metoclopramide", "cyclosporine", "amiodarone", "procainamide", "alcohol"] {
            let report = try checker.check([drug])
            #expect(report.findings.contains { $0.effect == .tremor }, "\(drug) should carry a tremor risk")
        }
    }

    @Test func findingsAreSortedMostSevereFirst() throws {
        let report = try checker.check(["phenelzine", "sertraline", "lithium", "haloperidol", "metoclopramide"])
        let ranks = report.findings.map(\.severity.rank)
        #expect(ranks == ranks.sorted(by: >))
    }

    @Test func theSameDrugTwiceIsOneDrug() throws {
        let report = try checker.check(["sertraline", "Zoloft 100 mg"])
        #expect(report.drugs == ["sertraline"])
        #expect(!report.findings.contains { $0.kind == .combination })
    }

    @Test func theJSONFollowsTheContract() throws {
        let report = try checker.check(["Zoloft 50mg", "tramadol", "sertralin"])
        let json = try ReportEncoding.json(report)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys).isSuperset(of: ["medications", "unrecognized", "findings", "highest_severity"]))
        let medication = try #require((object["medications"] as? [[String: Any]])?.first)
        #expect(medication["input"] as? String == "Zoloft 50mg")
        #expect(medication["drugs"] as? [String] == ["sertraline"])
        #expect(medication["matched_by"] as? String == "brand")
        let unrecognized = try #require((object["unrecognized"] as? [[String: Any]])?.first)
        #expect(unrecognized["input"] as? String == "sertralin")
        #expect((unrecognized["suggestions"] as? [String])?.contains("sertraline") == true)
        let finding = try #require((object["findings"] as? [[String: Any]])?.first)
        for key in ["kind", "effect", "severity", "drugs", "summary", "mechanism", "management", "sources"] {
            #expect(finding[key] != nil, "finding lacks \(key)")
        }
        #expect(object["highest_severity"] as? String == "major")
    }

    @Test func noFindingsEncodesHighestSeverityAsNull() throws {
        let json = try ReportEncoding.json(try checker.check(["amoxicillin"]))
        #expect(json.contains("\"highest_severity\" : null"))
    }
}
