import Foundation
import Testing
@testable import TwitchCheckKit

/// `check` and `batch` must agree: every rule example list, as one patient, gives the same findings
/// (kind, effect, severity, drugs, evidence, rule) through `check` and through `batch` in each
/// layout (long, wide, FHIR Bulk Data) and each output format, and the long file reads the same on
/// every read path (whole, two halves, standard input).
@Suite struct RuleExampleParityTests {
    /// Every distinct rule example list whose names are distinct, by patient id (its index).
    static let lists: [[String]] = {
        var seen = Set<[String]>()
        return ((try? TestKnowledgeBase.shared.ruleExamples()) ?? []).map(\.medicationList)
            .filter { !$0.isEmpty && Set($0).count == $0.count && seen.insert($0).inserted }
    }()

    /// What `check` finds for each list, by patient id.
    static let checked: [String: Set<String>] = {
        var result: [String: Set<String>] = [:]
        for (index, list) in lists.enumerated() {
            let findings = (try? TestKnowledgeBase.checker.check(list).findings) ?? []
            result["\(index)"] = Set(findings.map { key($0.kind.rawValue, $0.effect.rawValue, $0.severity.rawValue,
                                                         $0.drugs.joined(separator: "+"), $0.evidence.rawValue, $0.rule ?? "") })
        }
        return result
    }()

    static func key(_ parts: String...) -> String { parts.joined(separator: "|") }

    static func quoted(_ field: String) -> String {
        field.contains(where: { ",\"\r\n".contains($0) }) ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }

    static func input(_ layout: BatchLayout) -> String {
        switch layout {
        case .long:
            "PATIENT,DESCRIPTION\r\n" + lists.enumerated().flatMap { index, list in list.map { "\(index),\(quoted($0))\r\n" } }.joined()
        case .wide:
            "id,medications\r\n" + lists.enumerated().map { "\($0),\(quoted($1.joined(separator: ";")))\r\n" }.joined()
        }
    }

    /// The fields of one RFC 4180 line (the findings' texts hold no line breaks).
    static func fields(_ line: Substring) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var characters = line.makeIterator()
        while let character = characters.next() {
            if quoted {
                if character == "\"" {
                    if let next = characters.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; if next == "," { fields.append(field); field = "" } else { field.append(next) } }
                    } else { quoted = false }
                } else { field.append(character) }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
        }
        return fields + [field]
    }

    /// Findings by patient from `batch --format csv` (patient, kind, effect, severity, drugs, overlap_start, summary, evidence, rule, sources).
    static func csvFindings(_ output: String) -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for line in output.split(separator: "\r\n").dropFirst() {
            let row = fields(line)
            guard row.count == 10, ["drug", "combination"].contains(row[1]) else { continue }
            result[row[0], default: []].insert(key(row[1], row[2], row[3], row[4], row[7], row[8]))
        }
        return result
    }

    /// Findings by patient from `batch --format jsonl`.
    static func jsonlFindings(_ output: String) throws -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for line in output.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let patient = try #require(object["patient"] as? String)
            let findings = try #require(object["findings"] as? [[String: Any]])
            result[patient] = Set(findings.map { finding in
                key(finding["kind"] as? String ?? "", finding["effect"] as? String ?? "", finding["severity"] as? String ?? "",
                    (finding["drugs"] as? [String] ?? []).joined(separator: "+"), finding["evidence"] as? String ?? "",
                    finding["rule"] as? String ?? "")
            })
        }
        return result
    }

    static func expectSame(_ batch: [String: Set<String>], _ label: String) {
        for (index, list) in lists.enumerated() {
            let expected = checked["\(index)"] ?? []
            let found = batch["\(index)"] ?? []
            #expect(found == expected, """
                \(label), \(list.joined(separator: "; ")): only in batch \(found.subtracting(expected).sorted()), \
                only in check \(expected.subtracting(found).sorted())
                """)
        }
    }

    @Test func theListsAreTheRuleExamples() {
        #expect(Self.lists.count > 40)
        #expect(Self.checked.values.contains { $0.contains { $0.hasPrefix("combination|") } })
    }

    @Test(arguments: BatchLayout.allCases, BatchOptions.OutputFormat.allCases)
    func batchFindsWhatCheckFinds(_ layout: BatchLayout, _ format: BatchOptions.OutputFormat) throws {
        var options = BatchOptions()
        options.layout = layout
        options.format = format
        let run = try BatchCheckerTests.run(text: Self.input(layout), options: options)
        #expect(run.summary.problems.isEmpty)
        let found = format == .csv ? Self.csvFindings(run.output) : try Self.jsonlFindings(run.output)
        Self.expectSame(found, "batch --layout \(layout) --format \(format)")
    }

    @Test(arguments: BatchOptions.OutputFormat.allCases)
    func fhirBulkDataFindsWhatCheckFinds(_ format: BatchOptions.OutputFormat) throws {
        var ndjson = ""
        for (index, list) in Self.lists.enumerated() {
            for (position, name) in list.enumerated() {
                let text = String(decoding: try JSONEncoder().encode(name), as: UTF8.self)
                ndjson += "{\"resourceType\":\"MedicationRequest\",\"id\":\"r\(index)-\(position)\",\"status\":\"active\","
                    + "\"subject\":{\"reference\":\"Patient/\(index)\"},\"medicationCodeableConcept\":{\"text\":\(text)}}\n"
            }
        }
        let directory = try TestKnowledgeBase.temporaryDirectory()
        try Data(ndjson.utf8).write(to: directory.appending(path: "export.ndjson"))
        let input = open(directory.appending(path: "export.ndjson").path, O_RDONLY)
        let outputPath = directory.appending(path: "out").path
        let output = open(outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var options = BatchOptions()
        options.format = format
        _ = try FHIRBulkBatch(checker: TestKnowledgeBase.checker, options: options)
            .run(input: input, inputName: "export.ndjson", output: OutputSink(fileDescriptor: output))
        close(input)
        close(output)
        let text = try String(contentsOfFile: outputPath, encoding: .utf8)
        let found = format == .csv ? Self.csvFindings(text) : try Self.jsonlFindings(text)
        // The patient is named by its reference or its id, as the export gives it.
        let byIndex = Dictionary(found.map { (String($0.key.split(separator: "/").last ?? ""), $0.value) }, uniquingKeysWith: { $0.union($1) })
        Self.expectSame(byIndex, "batch --layout fhir --format \(format)")
    }

    @Test func theLongFileReadsTheSameOnEveryPath() throws {
        try BatchReadPathParityTests.expectSameOnEveryPath(Array(Self.input(.long).utf8), "rule examples, long layout")
    }
}
