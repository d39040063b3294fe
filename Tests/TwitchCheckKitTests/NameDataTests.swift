import GRDB
import Testing
@testable import TwitchCheckKit

/// The names issue #12 added as data: OTC families, UK and international brands, the UK's `co-` names,
/// record abbreviations and the FDA UNII brand import. Each name gives exactly its ingredients, never
/// fewer (a combination product must not lose one) and never another drug.
@Suite struct NameDataTests {
    let resolver = TestKnowledgeBase.checker.resolver

    struct Case: Sendable, CustomTestStringConvertible {
        let input: String
        let drugs: Set<String>
        /// Drugs the name must not give: what a shorter or wrong match would have turned it into.
        let never: Set<String>
        var testDescription: String { input }

        init(_ input: String, _ drugs: Set<String>, never: Set<String> = []) {
            self.input = input
            self.drugs = drugs
            self.never = never
        }
    }

    static let otcFamilies: [Case] = [
        Case("Tylenol PM", ["acetaminophen", "diphenhydramine"]),
        Case("Tylenol PM caplets", ["acetaminophen", "diphenhydramine"]),
        Case("Tylenol", ["acetaminophen"], never: ["diphenhydramine"]),
        Case("Advil PM", ["ibuprofen", "diphenhydramine"]),
        Case("Aleve PM", ["naproxen", "diphenhydramine"]),
        Case("Excedrin PM", ["acetaminophen", "aspirin", "diphenhydramine"], never: ["caffeine"]),
        Case("NyQuil", ["acetaminophen", "dextromethorphan", "doxylamine"]),
        Case("NyQuil Cold & Flu liquid", ["acetaminophen", "dextromethorphan", "doxylamine"]),
        Case("NyQuil Severe", ["acetaminophen", "dextromethorphan", "doxylamine", "phenylephrine"]),
        Case("DayQuil", ["acetaminophen", "dextromethorphan", "phenylephrine"], never: ["doxylamine"]),
        Case("DayQuil Severe", ["acetaminophen", "dextromethorphan", "guaifenesin", "phenylephrine"]),
        Case("Robitussin", ["dextromethorphan", "guaifenesin"]),
        Case("Robitussin DM", ["dextromethorphan", "guaifenesin"]),
        Case("Mucinex DM", ["dextromethorphan", "guaifenesin"]),
        Case("Delsym", ["dextromethorphan"]),
        Case("Coricidin HBP", ["chlorpheniramine", "dextromethorphan"]),
        Case("Coricidin HBP Chest Congestion and Cough", ["dextromethorphan", "guaifenesin"], never: ["chlorpheniramine"]),
        Case("Theraflu", ["acetaminophen", "dextromethorphan", "phenylephrine"]),
        Case("Alka-Seltzer Plus", ["acetaminophen", "dextromethorphan", "phenylephrine"], never: ["aspirin"]),
        Case("Alka-Seltzer Plus Cold & Flu", ["acetaminophen", "chlorpheniramine", "dextromethorphan", "phenylephrine"]),
        Case("Alka-Seltzer", ["aspirin", "citric acid", "sodium bicarbonate"]),
        Case("Benadryl", ["diphenhydramine"]),
        Case("Unisom", ["diphenhydramine", "doxylamine"]),
        Case("Unisom SleepTabs", ["doxylamine"], never: ["diphenhydramine"]),
        Case("ZzzQuil", ["diphenhydramine"]),
        Case("Sudafed PE", ["phenylephrine"], never: ["pseudoephedrine"]),
        Case("Sudafed", ["pseudoephedrine"], never: ["phenylephrine"]),
    ]

    static let internationalBrands: [Case] = [
        Case("Lustral", ["sertraline"]),
        Case("Lustral 50mg tablets", ["sertraline"]),
        Case("Seroxat", ["paroxetine"]),
        Case("Cipramil", ["citalopram"]),
        Case("Efexor", ["venlafaxine"]),
        Case("Efexor XL 75mg", ["venlafaxine"]),
        Case("Epilim", ["valproate"]),
        Case("Epilim Chrono 500", ["valproate"]),
        Case("Priadel", ["lithium"]),
        Case("Camcolit", ["lithium"]),
        Case("Maxolon", ["metoclopramide"]),
        Case("Stemetil", ["prochlorperazine"]),
        Case("Buccastem", ["prochlorperazine"]),
        Case("Madopar", ["levodopa", "benserazide"]),
        Case("Madopar 125 capsules", ["levodopa", "benserazide"]),
        Case("Prolopa", ["levodopa", "benserazide"]),
        Case("Molipaxin", ["trazodone"]),
        Case("Zomorph", ["morphine"]),
        Case("MST Continus", ["morphine"]),
        Case("OxyNorm", ["oxycodone"]),
        Case("Durogesic", ["fentanyl"]),
        Case("Physeptone", ["methadone"]),
        Case("Medikinet", ["methylphenidate"]),
        Case("Adartrel", ["ropinirole"]),
        Case("Epanutin", ["phenytoin"]),
        Case("Serenace", ["haloperidol"]),
        Case("Zamadol 50mg", ["tramadol"]),
        Case("Tramacet", ["tramadol", "acetaminophen"]),
        Case("Solpadol 30/500", ["codeine", "acetaminophen"]),
        Case("Nurofen Plus", ["ibuprofen", "codeine"], never: ["acetaminophen"]),
        Case("Stalevo", ["carbidopa", "levodopa", "entacapone"]),
        Case("Targinact", ["oxycodone", "naloxone"]),
        Case("Quilonum SR", ["lithium"]),
        Case("Kwells", ["scopolamine"]),
    ]

    /// Each `co-` name with its BNF ingredients; every spelling people use must give the same set.
    static let coNames: [(name: String, drugs: Set<String>)] = [
        ("co-codamol", ["codeine", "acetaminophen"]),
        ("co-careldopa", ["carbidopa", "levodopa"]),
        ("co-beneldopa", ["benserazide", "levodopa"]),
        ("co-amoxiclav", ["amoxicillin", "clavulanic acid"]),
        ("co-dydramol", ["dihydrocodeine", "acetaminophen"]),
        ("co-proxamol", ["dextropropoxyphene", "acetaminophen"]),
        ("co-trimoxazole", ["sulfamethoxazole", "trimethoprim"]),
        ("co-amilofruse", ["amiloride", "furosemide"]),
        ("co-amilozide", ["amiloride", "hydrochlorothiazide"]),
        ("co-tenidone", ["atenolol", "chlorthalidone"]),
        ("co-fluampicil", ["flucloxacillin", "ampicillin"]),
        ("co-danthramer", ["dantron", "poloxamer 188"]),
        ("co-danthrusate", ["dantron", "docusate"]),
        ("co-magaldrox", ["magnesium hydroxide", "aluminum hydroxide"]),
        ("co-simalcite", ["simethicone", "hydrotalcite"]),
        ("co-codaprin", ["codeine", "aspirin"]),
        ("co-zidocapt", ["hydrochlorothiazide", "captopril"]),
        ("co-triamterzide", ["triamterene", "hydrochlorothiazide"]),
        ("co-flumactone", ["hydroflumethiazide", "spironolactone"]),
    ]

    static let coNameSpellings: [Case] = coNames.flatMap { name, drugs in
        [name, name.replacingOccurrences(of: "-", with: " "), name.replacingOccurrences(of: "-", with: ""),
         name.uppercased() + " 30/500 tablets", "Co-" + name.dropFirst(3).capitalized].map { Case($0, drugs) }
    }

    static let abbreviations: [Case] = [
        Case("HCTZ 25mg", ["hydrochlorothiazide"]),
        Case("lisinopril/HCTZ 20/12.5", ["lisinopril", "hydrochlorothiazide"]),
        Case("ASA 81 mg", ["aspirin"]),
        Case("APAP 500", ["acetaminophen"]),
        Case("5-ASA", ["mesalamine"], never: ["aspirin"]),
        Case("VPA", ["valproate"]),
        Case("CBZ 200mg", ["carbamazepine"]),
        Case("ISMN 30 mg", ["isosorbide mononitrate"]),
    ]

    @Test("OTC families give every shared ingredient", arguments: otcFamilies)
    func otcFamily(_ example: Case) throws { try expect(example) }

    @Test("UK, Irish, Australian and Canadian brands", arguments: internationalBrands)
    func internationalBrand(_ example: Case) throws { try expect(example) }

    @Test("co- names in every spelling", arguments: coNameSpellings)
    func coName(_ example: Case) throws { try expect(example) }

    @Test("record abbreviations", arguments: abbreviations)
    func abbreviation(_ example: Case) throws { try expect(example) }

    private func expect(_ example: Case) throws {
        guard case .recognized(let medication) = try resolver.resolve(example.input) else {
            Issue.record("\(example.input) was not recognised")
            return
        }
        #expect(Set(medication.drugs) == example.drugs, "\(example.input) gave \(medication.drugs)")
        #expect(example.never.isDisjoint(with: medication.drugs), "\(example.input) gave \(medication.drugs)")
        #expect(medication.unmatchedWords.isEmpty, "\(example.input) left \(medication.unmatchedWords)")
    }

    @Test("lithium with HCTZ reaches the MAJOR lithium + thiazide rule")
    func lithiumWithHCTZ() throws {
        let report = try TestKnowledgeBase.checker.check(["lithium", "HCTZ 25mg"])
        #expect(report.findings.contains { $0.rule == "lithium-with-thiazide-diuretic" && $0.severity == .major })
    }

    // MARK: - The brand import

    /// A brand made of several words must not contain, as a run of its words, a name of another drug:
    /// the longest match would take the brand and hide that drug ("ACETAMINOPHEN PM" as diphenhydramine).
    @Test("no brand contains or shadows a name of another drug")
    func noBrandShadowsAnotherDrug() throws {
        let (names, brands) = try TestKnowledgeBase.shared.reader.read { db in
            (try Row.fetchAll(db, sql: "SELECT key, drug_id FROM drug_names"),
             try Row.fetchAll(db, sql: "SELECT key, drug_id, source_id FROM drug_names WHERE kind = 'brand'"))
        }
        var owner: [String: String] = [:]
        for row in names { owner[row["key"]] = row["drug_id"] }
        // Sudafed PE is phenylephrine while the Sudafed family is pseudoephedrine: the specific product wins.
        let products = ["sudafed pe"]
        var problems: [String] = []
        for brand in brands {
            let key: String = brand["key"], drug: String = brand["drug_id"]
            if products.contains(key) { continue }
            let words = key.split(separator: " ").map(String.init)
            for length in stride(from: words.count - 1, through: 1, by: -1) {
                for start in 0...(words.count - length) {
                    let part = words[start..<(start + length)].joined(separator: " ")
                    if length == 1, MedicationResolver.isNonNameWord(part) { continue }
                    if let other = owner[part], other != drug {
                        problems.append("\(key) (\(drug), \(brand["source_id"] as String)) contains '\(part)' (\(other))")
                    }
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.count) brands: \(problems.prefix(20).joined(separator: "; "))")
    }

    @Test("no imported brand is a unit, form, salt or joining word, or shorter than 4 letters")
    func importedBrandsAreNames() throws {
        let keys = try TestKnowledgeBase.shared.reader.read { db in
            try String.fetchAll(db, sql: "SELECT key FROM drug_names WHERE source_id = 'fda-unii-names'")
        }
        #expect(keys.count > 8_000)
        let bad = keys.filter { key in
            key.replacingOccurrences(of: " ", with: "").count < 4
                || key.split(separator: " ").allSatisfy { MedicationResolver.isNonNameWord(String($0)) }
        }
        #expect(bad.isEmpty, "\(bad.prefix(20))")
    }
}
