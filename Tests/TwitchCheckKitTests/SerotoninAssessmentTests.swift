import Foundation
import Testing
import TwitchCheckKit

/// `assess` in the library: the criteria applied to a real list, with its serotonergic drugs and findings.
@Suite struct SerotoninAssessmentTests {
    let assessor = SerotoninAssessor(checker: TestKnowledgeBase.checker)

    @Test func aSerotoninSyndromeCombinationWithInducibleClonusAndAgitationMeetsRule2() throws {
        let assessment = try assessor.assess(["Zoloft 50mg", "tramadol"], signs: [.inducibleClonus, .agitation], temperatureCelsius: nil)
        #expect(assessment.hunter.met)
        #expect(assessment.hunter.rule == .inducibleClonusWithAgitationOrDiaphoresis)
        #expect(assessment.serotonergicDrugs == ["sertraline", "tramadol"])
        #expect(assessment.check.findings.contains { $0.kind == .combination && $0.effect == .serotoninSyndrome })
        #expect(assessment.hunter.explanation.contains("sertraline, tramadol"))
    }

    @Test func weaklySerotonergicDrugsCountAsExposure() throws {
        let assessment = try assessor.assess(["lithium"], signs: [.tremor, .hyperreflexia], temperatureCelsius: nil)
        #expect(assessment.serotonergicDrugs == ["lithium"])
        #expect(assessment.hunter.rule == .tremorWithHyperreflexia)
    }

    @Test func signsWithNoSerotonergicDrugAreNotMetAndSayWhy() throws {
        let assessment = try assessor.assess(["amoxicillin"], signs: [.spontaneousClonus], temperatureCelsius: nil)
        #expect(!assessment.hunter.met)
        #expect(assessment.hunter.rule == nil)
        #expect(assessment.serotonergicDrugs.isEmpty)
        #expect(assessment.hunter.explanation.contains("no recognised medication in the list is serotonergic"))
    }

    @Test func everyDrugOfTheSerotonergicClassesIsFound() throws {
        // Data-driven: whatever the seeds add to either class must count as exposure.
        let members = try TestKnowledgeBase.shared.reader.read { db in
            try String.fetchAll(db, sql: """
                SELECT DISTINCT drug_id FROM drug_class_closure
                WHERE class_id IN ('serotonergic', 'weakly_serotonergic') ORDER BY drug_id
                """)
        }
        #expect(members.contains("sertraline") && members.contains("lithium"))
        let strengths = try TestKnowledgeBase.shared.serotonergicStrengths(of: members)
        #expect(strengths.keys.sorted() == members)
        #expect(strengths["phenelzine"] == .strong)
        #expect(strengths["lithium"] == .weak)
    }

    @Test func anImplausibleTemperatureIsRefused() {
        #expect(throws: AssessmentInputError.implausibleTemperature(100.4)) {
            try assessor.assess(["sertraline"], signs: [.hypertonia], temperatureCelsius: 100.4)
        }
    }

    @Test func theJSONCarriesTheCriteriaTheDrugsAndTheCaveat() throws {
        let assessment = try assessor.assess(["phenelzine", "sertraline", "sertralin"], signs: [.hypertonia, .ocularClonus],
                                             temperatureCelsius: 38.6)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(ReportEncoding.json(assessment).utf8)) as? [String: Any])
        let hunter = try #require(object["hunter"] as? [String: Any])
        #expect(hunter["met"] as? Bool == true)
        #expect(hunter["rule"] as? Int == 5)
        #expect((hunter["explanation"] as? String)?.isEmpty == false)
        #expect(object["serotonergic_drugs"] as? [String] == ["phenelzine", "sertraline"])
        #expect(object["signs"] as? [String] == ["ocular-clonus", "hypertonia"])
        #expect(object["temperature_c"] as? Double == 38.6)
        #expect((object["findings"] as? [[String: Any]])?.first?["severity"] as? String == "contraindicated")
        #expect((object["unrecognized"] as? [[String: Any]])?.first?["input"] as? String == "sertralin")
        let caveat = try #require(object["caveat"] as? String)
        #expect(caveat.contains("overdose"))
        #expect(caveat.contains("not an interaction score"))
        #expect(caveat.contains("not medical advice"))
        #expect(object["burden"] is [String: Any])
    }

    @Test func theTextSaysWhatFiredAndCarriesTheCaveat() throws {
        let assessment = try assessor.assess(["sertraline"], signs: [.tremor], temperatureCelsius: nil)
        let rendered = AssessmentTextRenderer(style: TerminalStyle(enabled: false), citations: [:]).render(assessment)
        #expect(rendered.hasPrefix("Serotonin toxicity by the Hunter criteria: NOT MET\n"))
        #expect(rendered.split(separator: "\n").allSatisfy { $0.count <= 80 || !$0.trimmingCharacters(in: .whitespaces).contains(" ") },
                "wrapped to 80 columns")
        let text = rendered.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("Tremor counts only with hyperreflexia (rule 4)."))
        #expect(text.contains("derived in patients who had taken an overdose"))
        #expect(text.contains("This is not medical advice."))
        #expect(text.contains("Recognised (1 of 1): sertraline."))
    }
}
