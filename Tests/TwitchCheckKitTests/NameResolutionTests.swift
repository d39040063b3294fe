import Testing
import TwitchCheckKit

/// Names as people and record systems write them resolve to the right drugs, and only to them.
@Suite struct NameResolutionTests {
    let resolver = TestKnowledgeBase.checker.resolver

    struct Case: Sendable, CustomTestStringConvertible {
        let input: String
        let drugs: [String]
        let matchedBy: MatchKind
        var testDescription: String { input }
    }

    static let recognised: [Case] = [
        Case(input: "sertraline", drugs: ["sertraline"], matchedBy: .generic),
        Case(input: "  SerTRAline  ", drugs: ["sertraline"], matchedBy: .generic),
        Case(input: "Zoloft 50mg", drugs: ["sertraline"], matchedBy: .brand),
        Case(input: "Sertraline HCl 50 mg tablet", drugs: ["sertraline"], matchedBy: .generic),
        Case(input: "SERTRALINE HCL 50 MG ORAL TABLET", drugs: ["sertraline"], matchedBy: .rxnorm),
        Case(input: "NDA020983 200 ACTUAT albuterol 0.09 MG/ACTUAT Metered Dose Inhaler [Ventolin]",
             drugs: ["albuterol"], matchedBy: .rxnorm),
        Case(input: "Ventolin inhaler", drugs: ["albuterol"], matchedBy: .brand),
        Case(input: "Proventil", drugs: ["albuterol"], matchedBy: .brand),
        Case(input: "salbutamol", drugs: ["albuterol"], matchedBy: .synonym),
        Case(input: "pethidine", drugs: ["meperidine"], matchedBy: .synonym),
        Case(input: "paracetamol 500mg", drugs: ["acetaminophen"], matchedBy: .synonym),
        Case(input: "buPROPion", drugs: ["bupropion"], matchedBy: .generic),
        Case(input: "Cordarone", drugs: ["amiodarone"], matchedBy: .brand),
        Case(input: "Procanbid", drugs: ["procainamide"], matchedBy: .brand),
        Case(input: "Reglan 10 mg", drugs: ["metoclopramide"], matchedBy: .brand),
        Case(input: "tramadol", drugs: ["tramadol"], matchedBy: .generic),
        Case(input: "Lithium Carbonate 300 MG Oral Capsule", drugs: ["lithium"], matchedBy: .rxnorm),
        Case(input: "methylene blue", drugs: ["methylene blue"], matchedBy: .generic),
        Case(input: "Acetaminophen 325 MG / Oxycodone Hydrochloride 5 MG Oral Tablet",
             drugs: ["acetaminophen", "oxycodone"], matchedBy: .ingredient),
        Case(input: "Zestoretic", drugs: ["hydrochlorothiazide", "lisinopril"], matchedBy: .ingredient),
    ]

    @Test("recognised", arguments: recognised)
    func recognisedName(_ example: Case) throws {
        guard case .recognized(let medication) = try resolver.resolve(example.input) else {
            Issue.record("\(example.input) was not recognised")
            return
        }
        #expect(medication.drugs == example.drugs)
        #expect(medication.matchedBy == example.matchedBy)
        #expect(medication.input == example.input)
    }

    @Test("misspellings are suggestions, never matches", arguments: [
        ("sertralin", "sertraline"), ("tramadl", "tramadol"), ("zolft", "Zoloft"), ("amoxicilin", "amoxicillin"),
    ])
    func misspelling(_ typed: String, _ suggested: String) throws {
        guard case .unrecognized(let name) = try resolver.resolve(typed) else {
            Issue.record("\(typed) must not resolve to a drug")
            return
        }
        #expect(name.suggestions.contains(suggested), "suggestions for \(typed): \(name.suggestions)")
    }

    @Test("a name with no close match gets no suggestions and is still reported")
    func nonsense() throws {
        guard case .unrecognized(let name) = try resolver.resolve("qqqqxz") else {
            Issue.record("nonsense resolved")
            return
        }
        #expect(name.suggestions.isEmpty)
    }

    @Test("words left over beside a recognised drug are reported")
    func leftoverWords() throws {
        guard case .recognized(let medication) = try resolver.resolve("tramadol plus zzyzx") else {
            Issue.record("tramadol not recognised")
            return
        }
        #expect(medication.unmatchedWords == ["zzyzx"])
    }

    @Test("the normaliser folds case, accents, apostrophes and punctuation")
    func normaliser() {
        #expect(NameNormalizer.key("St. John's Wort") == "st johns wort")
        #expect(NameNormalizer.key("  PARACÉTAMOL ") == "paracetamol")
        #expect(NameNormalizer.key("5-HTP") == "5 htp")
        #expect(NameNormalizer.key("") == "")
    }
}
