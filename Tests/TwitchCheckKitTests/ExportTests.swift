import Foundation
import Testing
@testable import TwitchCheckKit

/// `resolve`'s map and `export`'s tables: what a warehouse joins instead of running `batch`.
@Suite struct ExportTests {
    static var mapper: MedicationMapper { MedicationMapper(resolver: MedicationResolver(knowledgeBase: TestKnowledgeBase.shared)) }
    static let export: KnowledgeExport = {
        do { return try KnowledgeExport(checker: TestKnowledgeBase.checker) } catch { fatalError("\(error)") }
    }()

    @Test(arguments: [
        ("Zoloft 50mg", [MedicationMapRow(medication: "Zoloft 50mg", drug: "sertraline", matchedBy: "brand", suggestions: "")]),
        (" \ttramadol\t ", [MedicationMapRow(medication: "tramadol", drug: "tramadol", matchedBy: "generic", suggestions: "")]),
        ("Acetaminophen 325 MG / Oxycodone Hydrochloride 5 MG Oral Tablet", [
            MedicationMapRow(medication: "Acetaminophen 325 MG / Oxycodone Hydrochloride 5 MG Oral Tablet",
                             drug: "acetaminophen", matchedBy: "ingredient", suggestions: ""),
            MedicationMapRow(medication: "Acetaminophen 325 MG / Oxycodone Hydrochloride 5 MG Oral Tablet",
                             drug: "oxycodone", matchedBy: "ingredient", suggestions: ""),
        ]),
        ("  ", []),
    ])
    func resolveGivesARowPerIngredient(input: String, expected: [MedicationMapRow]) {
        #expect(Self.mapper.rows(for: input) == expected)
    }

    @Test func anUnrecognisedStringKeepsARowWithAnEmptyDrugAndTheSameHintAsBatch() throws {
        let rows = Self.mapper.rows(for: "sertralin")
        #expect(rows.count == 1)
        #expect(rows.first?.drug == "")
        #expect(rows.first?.suggestions.contains("sertraline") == true)
        let batch = try BatchCheckerTests.run(text: "PATIENT,DESCRIPTION\nu1,sertralin\n")
        #expect(batch.output.contains("not recognised, so not checked; did you mean: \(rows[0].suggestions)"))
    }

    @Test(arguments: [
        ("amoxicillin xyzzq", ["amoxicillin"], "xyzzq"),
        ("sertraline blorf 50 mg", ["sertraline"], "blorf"),
        ("Acetaminophen 325 MG / Oxycodone Hydrochloride 5 MG Oral Tablet frobnicate", ["acetaminophen", "oxycodone"], "frobnicate"),
    ])
    func leftoverWordsAreCarriedOnEveryRowAsBatchPrintsThem(input: String, drugs: [String], words: String) throws {
        let rows = Self.mapper.rows(for: input)
        #expect(rows.map(\.drug) == drugs, "the recognised drugs are still checked")
        #expect(rows.allSatisfy { $0.unmatchedWords == words && $0.recognised == drugs.joined(separator: "+") })
        let batch = try BatchCheckerTests.run(text: "PATIENT,DESCRIPTION\nu1,\(input)\n")
        #expect(batch.output.contains(CSVFormatter.fields(["unrecognized_words", "", "", input, "",
            "words not understood, so not checked: \(words) (recognised: \(rows[0].recognised))"])))
    }

    /// `resolve`'s output and problems for a file of these lines, named `names.txt`.
    static func resolveLines(_ lines: String) throws -> (output: String, problems: [String]) {
        let input = try TestKnowledgeBase.temporaryDirectory().appending(path: "names.txt")
        try Data(lines.utf8).write(to: input)
        let output = try TestKnowledgeBase.temporaryDirectory().appending(path: "map.csv")
        let (inFD, outFD) = (open(input.path, O_RDONLY), open(output.path, O_WRONLY | O_CREAT, 0o644))
        let problems = try MedicationMapRun(resolver: MedicationResolver(knowledgeBase: TestKnowledgeBase.shared))
            .run(input: inFD, origin: "names.txt", csv: false, output: OutputSink(fileDescriptor: outFD))
        close(inFD)
        close(outFD)
        return (try String(contentsOf: output, encoding: .utf8), problems)
    }

    @Test func theMapIsCSVWithOneRowPerDistinctString() throws {
        let (text, problems) = try Self.resolveLines("Zoloft 50mg\r\nZoloft 50mg \n\nUnobtainium\n\"odd, name\"")
        #expect(problems.isEmpty)
        #expect(text.hasPrefix("medication,drug,matched_by,suggestions,unmatched_words,recognised\r\nZoloft 50mg,sertraline,brand,,,\r\nUnobtainium,,,"))
        #expect(text.contains("\r\n\"\"\"odd, name\"\"\",,,"), "a name with a comma or quote is quoted as RFC 4180 says")
        #expect(text.components(separatedBy: "Zoloft 50mg,").count == 2, "a repeated string is written once")
    }

    @Test func anOverlongLineIsReportedWithItsNumberAndTheNextLinesAreStillRead() throws {
        let long = String(repeating: "x", count: MedicationMapRun.maxLineBytes + 70_000)
        let (text, problems) = try Self.resolveLines("sertraline\n\(long)\ntramadol\n\(long)")
        #expect(problems == ["names.txt:2: the line is longer than 1048576 bytes; it was skipped",
                             "names.txt:4: the line is longer than 1048576 bytes; it was skipped"])
        #expect(text == "medication,drug,matched_by,suggestions,unmatched_words,recognised\r\nsertraline,sertraline,generic,,,\r\n"
            + "tramadol,tramadol,generic,,,\r\n")
    }

    @Test func tablesHaveTheirExactHeaders() {
        #expect(Self.export.drugFindingsCSV().hasPrefix("drug,kind,effect,severity,evidence,rule,summary,sources\r\n"))
        #expect(Self.export.pairFindingsCSV().hasPrefix(
            "drug_a,drug_b,drugs,kind,effect,severity,evidence,rule,summary,sources\r\n"))
    }

    @Test func thePairTableHoldsWhatCheckGivesForSertralineAndTramadol() throws {
        let rows = Self.export.pairFindings.filter { $0.drugA == "sertraline" && $0.drugB == "tramadol" }
        let checked = try TestKnowledgeBase.checker.riskChecker.findings(for: ["tramadol", "sertraline"])
            .filter { $0.kind == .combination }
        #expect(!rows.isEmpty)
        #expect(rows.map(\.finding) == checked)
        let serotonin = try #require(rows.first { $0.finding.effect == .serotoninSyndrome })
        #expect(serotonin.finding.severity == .major)
        let line = CSVFormatter.fields(["sertraline", "tramadol", "sertraline+tramadol", "combination", "serotonin_syndrome",
                                        "major", serotonin.finding.evidence.rawValue, serotonin.finding.rule ?? "",
                                        serotonin.finding.summary, serotonin.finding.sources.joined(separator: " ")])
        #expect(Self.export.pairFindingsCSV().contains("\r\n" + line + "\r\n"))
    }

    /// No rule is lost: for every rule, some pair its two sides cover carries a finding for its
    /// effect at least as severe (a stronger rule for the same effect may speak instead), or a
    /// more severe finding about another effect (for one pair, the strongest statement wins).
    @Test func everyRuleReachesThePairTable() throws {
        let knowledgeBase = TestKnowledgeBase.shared
        let drugs = try knowledgeBase.relevantDrugIDs().sorted()
        let classes = try knowledgeBase.classes(of: drugs)
        var strongest: [String: Severity] = [:]
        var strongestForPair: [String: Severity] = [:]
        for (a, b, finding) in Self.export.pairFindings {
            let key = "\(a)|\(b)|\(finding.effect.rawValue)"
            strongest[key] = max(strongest[key] ?? .minor, finding.severity)
            strongestForPair["\(a)|\(b)"] = max(strongestForPair["\(a)|\(b)"] ?? .minor, finding.severity)
        }
        for rule in try knowledgeBase.rules() {
            let left = drugs.filter { rule.left.includes($0, classes: classes[$0] ?? []) }
            let right = drugs.filter { rule.right.includes($0, classes: classes[$0] ?? []) }
            guard left.contains(where: { a in right.contains { $0 != a } }) else { continue }
            let covered = left.contains { a in
                right.contains { b in
                    guard a != b else { return false }
                    let key = "\(min(a, b))|\(max(a, b))|\(rule.effect.rawValue)"
                    if let pair = strongestForPair["\(min(a, b))|\(max(a, b))"], pair > rule.severity { return true }
                    return (strongest[key] ?? .minor) >= rule.severity && strongest[key] != nil
                }
            }
            #expect(covered, "rule \(rule.id) has no pair row at its severity")
        }
    }

    @Test func ownRiskRowsAreWhatBatchPrintsForOneDrug() throws {
        let tramadol = Self.export.drugFindings.filter { $0.drug == "tramadol" }.map(\.finding)
        #expect(!tramadol.isEmpty)
        #expect(tramadol == (try TestKnowledgeBase.checker.riskChecker.findings(for: ["tramadol"])))
    }

    @Test func theWriterRefusesToReplaceFilesUnlessForced() throws {
        let directory = try TestKnowledgeBase.temporaryDirectory().appending(path: "out")
        let files = [(name: "a.csv", contents: "one\r\n"), (name: "b.sql", contents: "SELECT 1\n")]
        try ExportWriter(directory: directory, force: false).write(files)
        #expect(throws: ExportError.exists([directory.appending(path: "a.csv").path, directory.appending(path: "b.sql").path])) {
            try ExportWriter(directory: directory, force: false).write([(name: "a.csv", contents: "two"), (name: "b.sql", contents: "x")])
        }
        #expect(try String(contentsOf: directory.appending(path: "a.csv"), encoding: .utf8) == "one\r\n")
        try ExportWriter(directory: directory, force: true).write([(name: "a.csv", contents: "two")])
        #expect(try String(contentsOf: directory.appending(path: "a.csv"), encoding: .utf8) == "two")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["a.csv", "b.sql"],
                "no temporary file is left behind")
    }
}
