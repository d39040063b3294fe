import Testing
import TwitchCheckKit

/// The Hunter Serotonin Toxicity Criteria as Dunkley et al. (QJM 2003) publish them:
/// every branch fires, and every near miss does not.
@Suite struct HunterCriteriaTests {
    /// One patient: the signs present, the temperature, and the rule that must fire (nil: none).
    struct Case: CustomTestStringConvertible, Sendable {
        let signs: Set<HunterSign>
        let temperature: Double?
        let rule: Int?
        var testDescription: String {
            let signs = signs.sorted().map(\.rawValue).joined(separator: " + ")
            return "\(signs.isEmpty ? "no signs" : signs)\(temperature.map { " at \($0) °C" } ?? "") → \(rule.map { "rule \($0)" } ?? "not met")"
        }
        init(_ signs: Set<HunterSign>, _ temperature: Double? = nil, rule: Int?) {
            self.signs = signs
            self.temperature = temperature
            self.rule = rule
        }
    }

    static let cases: [Case] = [
        // Rule 1
        Case([.spontaneousClonus], rule: 1),
        // Rule 2, with either partner; clonus alone is a near miss
        Case([.inducibleClonus, .agitation], rule: 2),
        Case([.inducibleClonus, .diaphoresis], rule: 2),
        Case([.inducibleClonus, .agitation, .diaphoresis], rule: 2),
        Case([.inducibleClonus], rule: nil),
        Case([.inducibleClonus, .tremor], rule: nil),
        // Rule 3
        Case([.ocularClonus, .agitation], rule: 3),
        Case([.ocularClonus, .diaphoresis], rule: 3),
        Case([.ocularClonus], rule: nil),
        // Rule 4
        Case([.tremor, .hyperreflexia], rule: 4),
        Case([.tremor], rule: nil),
        Case([.hyperreflexia], rule: nil),
        Case([.agitation, .diaphoresis], rule: nil),
        // Rule 5: temperature strictly above 38 °C, with ocular or inducible clonus
        Case([.hypertonia, .ocularClonus], 38.1, rule: 5),
        Case([.hypertonia, .inducibleClonus], 38.1, rule: 5),
        Case([.hypertonia, .inducibleClonus], 40, rule: 5),
        Case([.hypertonia, .ocularClonus], 38.0, rule: nil),
        Case([.hypertonia, .inducibleClonus], 38.0, rule: nil),
        Case([.hypertonia, .ocularClonus], nil, rule: nil),
        Case([.hypertonia], 39.5, rule: nil),  // hypertonia alone (the Merck/Medscape variant) does not count
        Case([.hypertonia, .spontaneousClonus], 38.0, rule: 1),
        Case([.inducibleClonus, .diaphoresis], 39, rule: 2),  // fever does not replace hypertonia in rule 5
        Case([.ocularClonus], 39, rule: nil),  // not the Merck merge "clonus plus temperature > 38 °C"
        // Order: the first rule that fires is the one reported
        Case([.spontaneousClonus, .tremor, .hyperreflexia], rule: 1),
        Case([.ocularClonus, .inducibleClonus, .agitation], rule: 2),
        Case([.tremor, .hyperreflexia, .hypertonia, .ocularClonus], 39, rule: 4),
        Case([], rule: nil),
    ]

    @Test("each branch and near miss", arguments: cases)
    func theRuleThatFires(_ example: Case) {
        let result = HunterCriteria.evaluate(signs: example.signs, temperatureCelsius: example.temperature,
                                             serotonergicDrugs: ["sertraline"])
        #expect(result.rule?.rawValue == example.rule)
        #expect(result.met == (example.rule != nil))
        #expect(HunterCriteria.firstRule(signs: example.signs, temperatureCelsius: example.temperature)?.rawValue == example.rule)
        if let rule = example.rule {
            #expect(result.explanation.hasPrefix("Met by rule \(rule)"))
        } else {
            #expect(result.explanation.hasPrefix("Not met: none of the five rules fired"))
        }
    }

    @Test func signsWithoutASerotonergicDrugAreNotMetAndSayWhy() {
        let result = HunterCriteria.evaluate(signs: [.spontaneousClonus], temperatureCelsius: nil, serotonergicDrugs: [])
        #expect(!result.met)
        #expect(result.rule == nil)
        #expect(result.explanation.contains("only after exposure to a serotonergic drug"))
        #expect(result.explanation.contains("would otherwise satisfy rule 1"))
    }

    @Test func unrecognisedNamesAreMentionedWhenNoSerotonergicDrugIsFound() {
        let result = HunterCriteria.evaluate(signs: [.tremor], temperatureCelsius: nil, serotonergicDrugs: [],
                                             unrecognizedNames: ["zolofft"])
        #expect(result.explanation.contains("Not checked: zolofft"))
    }

    @Test func nearMissesSayWhatIsMissing() {
        func explanation(_ signs: Set<HunterSign>, _ temperature: Double? = nil) -> String {
            HunterCriteria.evaluate(signs: signs, temperatureCelsius: temperature, serotonergicDrugs: ["tramadol"]).explanation
        }
        #expect(explanation([.inducibleClonus]).contains("Inducible clonus counts only with agitation or diaphoresis"))
        #expect(explanation([.tremor]).contains("Tremor counts only with hyperreflexia (rule 4)"))
        #expect(explanation([.hyperreflexia]).contains("Hyperreflexia counts only with tremor (rule 4)"))
        #expect(explanation([.hypertonia, .ocularClonus], 38).contains("38 °C is not above 38 °C"))
        #expect(explanation([.hypertonia, .ocularClonus]).contains("none was given (--temperature C)"))
        #expect(explanation([]).contains("No signs were given"))
    }

    @Test func theRuleIsEncodedAsItsNumber() throws {
        let json = try ReportEncoding.json(HunterCriteria.evaluate(
            signs: [.tremor, .hyperreflexia], temperatureCelsius: nil, serotonergicDrugs: ["lithium"]))
        #expect(json.contains("\"rule\" : 4"))
        #expect(json.contains("\"met\" : true"))
        let notMet = try ReportEncoding.json(HunterCriteria.evaluate(signs: [.tremor], temperatureCelsius: nil, serotonergicDrugs: ["lithium"]))
        #expect(notMet.contains("\"rule\" : null"))
    }

    @Test func theKnowledgeBaseStatesTheSameRulesWithTheirSource() throws {
        let (rules, statements, sources) = try TestKnowledgeBase.shared.reader.read { db in
            (try Int.fetchAll(db, sql: "SELECT rule FROM hunter_rules ORDER BY rule"),
             try String.fetchAll(db, sql: "SELECT statement FROM hunter_rules ORDER BY rule"),
             try String.fetchAll(db, sql: "SELECT DISTINCT source_id FROM hunter_rules"))
        }
        #expect(rules == HunterRule.allCases.map(\.rawValue))
        #expect(statements == HunterRule.allCases.map(\.statement))
        #expect(sources == [HunterCriteria.sourceID])
        #expect(try TestKnowledgeBase.shared.sources([HunterCriteria.sourceID]).first?.citation.contains("Dunkley") == true)
    }

    // MARK: - Signs and temperature

    @Test("ids and unambiguous synonyms", arguments: [
        ("spontaneous-clonus", HunterSign.spontaneousClonus), ("Spontaneous Clonus", .spontaneousClonus),
        ("inducible_clonus", .inducibleClonus), ("ocular clonus", .ocularClonus), ("eye clonus", .ocularClonus),
        ("agitated", .agitation), ("sweating", .diaphoresis), ("Diaphoresis", .diaphoresis),
        ("shaking", .tremor), ("tremors", .tremor), ("rigidity", .hypertonia), ("stiffness", .hypertonia),
        ("brisk reflexes", .hyperreflexia),
    ])
    func aSignIsRecognised(_ word: String, _ sign: HunterSign) throws {
        #expect(try HunterSign.parse(word) == sign)
    }

    @Test func anUnknownSignListsTheValidOnes() {
        #expect(throws: AssessmentInputError.unknownSign("wobbly")) { try HunterSign.parse("wobbly") }
        let message = AssessmentInputError.unknownSign("wobbly").description
        for sign in HunterSign.allCases {
            #expect(message.contains(sign.rawValue))
        }
    }

    @Test("ambiguous words are refused with a reason", arguments: ["clonus", "myoclonus", "twitching", "restlessness", "fever", "shivering"])
    func anAmbiguousWordIsRefused(_ word: String) {
        #expect {
            try HunterSign.parse(word)
        } throws: { error in
            guard case .refusedSign(let refused, let reason)? = error as? AssessmentInputError else { return false }
            return refused == word && !reason.isEmpty && "\(error)".contains("spontaneous-clonus")
        }
    }

    @Test func temperatureMustBePlausible() throws {
        try HunterCriteria.validate(temperatureCelsius: 38.1)
        try HunterCriteria.validate(temperatureCelsius: 25)
        try HunterCriteria.validate(temperatureCelsius: 45)
        #expect(throws: AssessmentInputError.implausibleTemperature(101.3)) { try HunterCriteria.validate(temperatureCelsius: 101.3) }
        #expect(throws: AssessmentInputError.implausibleTemperature(3.8)) { try HunterCriteria.validate(temperatureCelsius: 3.8) }
        #expect(AssessmentInputError.implausibleTemperature(101.3).description.contains("degrees Celsius"))
    }
}
