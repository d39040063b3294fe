import GRDB
import Testing
import TwitchCheckKit

/// Text pasted from web pages and PDFs: invisible characters, odd spaces, hyphens and full-width
/// letters inside a name never turn one drug into another (generated over every risk drug's names).
@Suite struct NameBoundaryTests {
    /// A resolver over the shared test knowledge base that offers no suggestions (they are not
    /// under test here, and searching for them would make the generated tests slow).
    static let resolver: MedicationResolver = {
        let knowledgeBase = TestKnowledgeBase.shared
        return MedicationResolver(namesStarting: { try knowledgeBase.nameEntries(startingWith: $0) }, suggestableNames: { [] })
    }()

    /// Every name of every drug that carries a risk of its own, through a class, or stands on a side of a rule.
    static func riskDrugNames() throws -> [(name: String, drug: String)] {
        try TestKnowledgeBase.shared.reader.read { db in
            try Row.fetchAll(db, sql: """
                SELECT name, drug_id FROM drug_names WHERE drug_id IN (
                    SELECT drug_id FROM drug_risks
                    UNION SELECT drug_id FROM rule_side_drugs
                    UNION SELECT closure.drug_id FROM drug_class_closure closure JOIN class_risks USING (class_id))
                ORDER BY drug_id, name
                """).map { ($0[0], $0[1]) }
        }
    }

    /// Invisible format characters: dropped, so the name is read as if they were not there.
    static let invisible: [Character] = ["\u{00AD}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{200E}", "\u{FEFF}"]
    /// Visible breaks: the name may stop being recognised, but never becomes another drug.
    static let visible: [Character] = ["\u{00A0}", "-", " "]

    @Test("a character inserted anywhere in a risk drug's name gives that drug or nothing, never another drug")
    func insertedCharacters() throws {
        let names = try Self.riskDrugNames()
        #expect(names.count > 500, "the knowledge base should hold hundreds of risk drug names")
        var variants = 0
        var wrong: [String] = []
        for (name, drug) in names {
            // Only names that resolve to their drug as written (a lone salt word does not).
            guard case .recognized(let plain) = try Self.resolver.resolve(name), plain.drugs == [drug] else { continue }
            let characters = Array(name)
            for position in 1..<characters.count {
                for inserted in Self.invisible + Self.visible {
                    var variant = characters
                    variant.insert(inserted, at: position)
                    let text = String(variant)
                    variants += 1
                    switch try Self.resolver.resolve(text) {
                    case .recognized(let medication) where medication.drugs != [drug]:
                        wrong.append("\(text.debugDescription) (\(drug)) → \(medication.drugs)")
                    case .unrecognized where Self.invisible.contains(inserted):
                        wrong.append("\(text.debugDescription) (\(drug)) → not recognised")
                    default: break
                    }
                }
            }
        }
        #expect(variants > 20_000)
        #expect(wrong.isEmpty, "\(wrong.count) of \(variants) variants: \(wrong.prefix(40).joined(separator: "; "))")
    }

    @Test("full-width and other compatibility forms of a risk drug's name resolve to the drug")
    func fullWidth() throws {
        #expect(try Self.resolver.resolve("ｓｅｒｔｒａｌｉｎｅ") == .recognized(
            ResolvedMedication(input: "ｓｅｒｔｒａｌｉｎｅ", drugs: ["sertraline"], matchedBy: .generic)))
        for (name, drug) in try Self.riskDrugNames() {
            guard case .recognized(let plain) = try Self.resolver.resolve(name), plain.drugs == [drug] else { continue }
            let wide = String(String.UnicodeScalarView(name.unicodeScalars.map { scalar in
                (0x21...0x7E).contains(scalar.value) ? Unicode.Scalar(scalar.value + 0xFEE0)! : scalar
            }))
            guard case .recognized(let medication) = try Self.resolver.resolve(wide) else {
                Issue.record("\(wide) (\(name)) was not recognised")
                continue
            }
            #expect(medication.drugs == [drug], "\(wide) resolved to \(medication.drugs)")
        }
    }

    @Test("a hyphen or other punctuation inside a word never lets a match end or start inside it", arguments: [
        ("phe-nelzine", ["phenelzine"]), ("phe\u{00AD}nelzine", ["phenelzine"]), ("phe.nelzine", ["phenelzine"]),
        ("es citalopram", ["escitalopram"]), ("al\u{00A0}fentanil", ["alfentanil"]), ("tr/imipramine", ["trimipramine"]),
        ("5-HTP", ["oxitriptan"]), ("St. John's wort", ["st. john's wort"]), ("sertraline-50mg", ["sertraline"]),
        ("Acetaminophen/Oxycodone", ["acetaminophen", "oxycodone"]), ("Zoloft\u{3000}50\u{2009}mg", ["sertraline"]),
    ])
    func wordBoundaries(_ input: String, _ drugs: [String]) throws {
        guard case .recognized(let medication) = try TestKnowledgeBase.checker.resolver.resolve(input) else {
            Issue.record("\(input.debugDescription) was not recognised")
            return
        }
        #expect(medication.drugs == drugs)
    }

    @Test("a name that could be read only by cutting a word in two is not recognised, and gets suggestions")
    func cutWordIsNotRecognised() throws {
        guard case .unrecognized(let name) = try TestKnowledgeBase.checker.resolver.resolve("phe-nelzyne") else {
            Issue.record("phe-nelzyne must not resolve (it would be phenylalanine by cutting the word)")
            return
        }
        #expect(name.reason == .notRecognized)
    }
}
