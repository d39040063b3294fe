import Foundation
import GRDB
import Testing
import TwitchCheckKit

/// Which names resolve, to what, and what is offered when one does not.
@Suite struct NameCoverageTests {
    let resolver = TestKnowledgeBase.checker.resolver

    @Test("every drug resolves to itself by its own generic name, however many words it has")
    func everyGenericName() throws {
        let ids = try TestKnowledgeBase.shared.reader.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM drugs ORDER BY id")
        }
        let fast = NameBoundaryTests.resolver
        var failures: [String] = []
        for id in ids {
            guard case .recognized(let medication) = try fast.resolve(id), medication.drugs == [id] else {
                failures.append(id)
                continue
            }
        }
        #expect(ids.contains { $0.split(separator: " ").count > 6 }, "the vocabulary has names longer than six words")
        #expect(failures.isEmpty, "\(failures.count) drugs do not resolve by their own name: \(failures.prefix(20))")
    }

    @Test("error-prone abbreviations that mean two drugs are ambiguous, with both, and never one of them",
          arguments: ["MS", "MSO4", "MgSO4", "ms 4 mg iv", "MgSO4 2 g IV"])
    func ambiguousAbbreviation(_ input: String) throws {
        guard case .unrecognized(let name) = try resolver.resolve(input) else {
            Issue.record("\(input) resolved to a drug")
            return
        }
        #expect(name.reason == .ambiguous)
        #expect(Set(name.suggestions) == ["morphine", "magnesium sulfate"])
    }

    @Test("every ambiguous name in the knowledge base names at least two drugs and shadows no other meaning")
    func ambiguousNamesTable() throws {
        let rows = try TestKnowledgeBase.shared.reader.read { db in
            try Row.fetchAll(db, sql: "SELECT key, count(*) AS drugs FROM ambiguous_names GROUP BY key")
        }
        #expect(!rows.isEmpty)
        for row in rows {
            let key: String = row["key"]
            #expect(row["drugs"] as Int >= 2, "\(key) names only one drug")
            guard case .unrecognized(let name) = try resolver.resolve(key), name.reason == .ambiguous else {
                Issue.record("\(key) is not reported as ambiguous")
                continue
            }
        }
    }

    @Test("a longer name that starts with an ambiguous abbreviation still resolves", arguments: [
        ("morphine sulfate 15 mg", ["morphine"]), ("magnesium sulfate 2 g", ["magnesium sulfate"]),
    ])
    func unambiguousNames(_ input: String, _ drugs: [String]) throws {
        guard case .recognized(let medication) = try resolver.resolve(input) else {
            Issue.record("\(input) was not recognised")
            return
        }
        #expect(medication.drugs == drugs)
    }

    @Test("suggestions come from medicines, never from foods or allergen extracts, and never repeat the input",
          arguments: ["Vial", "Insulin", "cylert", "Veall", "celry", "peanutt"])
    func suggestionUniverse(_ input: String) throws {
        guard case .unrecognized(let name) = try resolver.resolve(input) else { return }
        let substances = try TestKnowledgeBase.shared.reader.read { db in
            try Set(String.fetchAll(db, sql: """
                SELECT n.key FROM drug_names n JOIN drugs d ON d.id = n.drug_id WHERE d.kind = 'substance'
                """))
        }
        for suggestion in name.suggestions {
            #expect(!substances.contains(NameNormalizer.key(suggestion)), "\(input): suggested \(suggestion)")
            #expect(NameNormalizer.key(suggestion) != NameNormalizer.key(input))
        }
    }

    @Test("foods and allergen extracts stay recognisable when typed in full")
    func substancesStayRecognised() throws {
        guard case .recognized(let medication) = try resolver.resolve("celery") else {
            Issue.record("celery is no longer recognised")
            return
        }
        #expect(medication.drugs == ["celery"])
    }

    @Test("'Insulin' suggests insulins before inulin")
    func insulinSuggestsInsulins() throws {
        guard case .unrecognized(let name) = try resolver.resolve("Insulin") else { return }
        let first = try #require(name.suggestions.first)
        #expect(first.lowercased().hasPrefix("insulin "), "\(name.suggestions)")
    }

    @Test("leftover words make a list not fully recognised, in the report and its JSON")
    func leftoverWordsAreNotChecked() throws {
        let report = try TestKnowledgeBase.checker.check(["amoxicillin xyzzq"])
        #expect(report.medications.first?.unmatchedWords == ["xyzzq"])
        #expect(!report.allRecognized)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(try ReportEncoding.json(report).utf8)) as? [String: Any])
        #expect(object["all_recognized"] as? Bool == false)
        let clear = try TestKnowledgeBase.checker.check(["amoxicillin 500 mg capsule"])
        #expect(clear.allRecognized)
    }

    @Test("the resolver is safe to share: concurrent resolutions of unknown names agree")
    func concurrentResolution() async throws {
        let resolver = MedicationResolver(knowledgeBase: TestKnowledgeBase.shared)
        let inputs = ["sertralin", "tramadl", "zolft", "phe-nelzine", "Tylenol", "es citalopram", "qqqqxz", "MS"]
        let expected = try inputs.map { try TestKnowledgeBase.checker.resolver.resolve($0) }
        try await withThrowingTaskGroup(of: (Int, Resolution).self) { group in
            for _ in 0..<4 {
                for (index, input) in inputs.enumerated() {
                    group.addTask { (index, try resolver.resolve(input)) }
                }
            }
            for try await (index, resolution) in group {
                #expect(resolution == expected[index], "\(inputs[index])")
            }
        }
    }

    @Test("a curated name outranks a bulk-imported brand at the same distance; the brand is still offered alone", arguments: [
        ("neurotin", "Neurontin"),
        ("Lustrall", "LUSTRAL"),
        ("sertralin", "sertraline"),
    ])
    func curatedNamesComeFirst(typed: String, first: String) throws {
        guard case .unrecognized(let name) = try resolver.resolve(typed) else {
            Issue.record("\(typed) should not be recognised")
            return
        }
        #expect(name.suggestions.first == first, "\(typed): \(name.suggestions)")
    }
}
