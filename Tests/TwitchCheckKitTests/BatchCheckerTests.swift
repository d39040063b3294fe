import Foundation
import Testing
@testable import TwitchCheckKit

/// `batch` end to end in the library: layouts, time-aware combinations, and bad rows.
@Suite struct BatchCheckerTests {
    struct Run {
        let output: String
        let summary: BatchSummary

        /// The CSV output rows (header dropped) split into fields, for rows without quoted commas.
        var rows: [[String]] {
            output.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        }

        func rows(patient: String, kind: String) -> [[String]] { rows.filter { $0[0] == patient && $0[1] == kind } }
    }

    static func run(_ file: URL, options: BatchOptions = BatchOptions()) throws -> Run {
        let input = open(file.path, O_RDONLY)
        #expect(input >= 0)
        defer { close(input) }
        return try run(descriptor: input, name: file.lastPathComponent, options: options)
    }

    static func run(text: String, options: BatchOptions = BatchOptions()) throws -> Run {
        let url = try TestKnowledgeBase.temporaryDirectory().appending(path: "input.csv")
        try Data(text.utf8).write(to: url)
        return try run(url, options: options)
    }

    static func run(descriptor: Int32, name: String, options: BatchOptions) throws -> Run {
        let outputURL = try TestKnowledgeBase.temporaryDirectory().appending(path: "out")
        let output = open(outputURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let summary = try BatchChecker(checker: TestKnowledgeBase.checker, options: options)
            .run(input: descriptor, inputName: name, output: OutputSink(fileDescriptor: output))
        close(output)
        return Run(output: try String(contentsOf: outputURL, encoding: .utf8), summary: summary)
    }

    @Test func synthesLayoutFlagsOnlyOverlappingCombinations() throws {
        let run = try Self.run(Fixtures.batch("synthea-layout.csv"))
        let p1 = run.rows(patient: "p1", kind: "combination")
        #expect(p1.count == 1)
        #expect(p1.first?[2] == "serotonin_syndrome")
        #expect(p1.first?[4] == "sertraline+tramadol")
        #expect(p1.first?[5] == "2020-03-01", "the overlap began when tramadol started")
        #expect(run.rows(patient: "p2", kind: "combination").isEmpty, "sertraline stopped before tramadol started")
        let p3 = run.rows(patient: "p3", kind: "combination")
        #expect(p3.first?[3] == "contraindicated")
        #expect(p3.first?[5] == "2022-05-05", "an empty STOP means the phenelzine is ongoing")
        #expect(run.rows(patient: "p4", kind: "combination").isEmpty)
        #expect(run.rows(patient: "p4", kind: "drug").isEmpty, "amoxicillin and lisinopril carry no risk")
        #expect(run.rows(patient: "p4", kind: "unrecognized").first?[4] == "Unobtainium 5 MG Oral Tablet")
        #expect(run.summary.rowsRead == 9)
        #expect(run.summary.patients == 4)
        #expect(run.summary.problems.isEmpty)
    }

    @Test func mimicLayoutWithBOMAndCRLF() throws {
        let run = try Self.run(Fixtures.batch("mimic-layout.csv"))
        let rows = run.rows(patient: "101", kind: "combination")
        #expect(rows.first?[2] == "tardive_dyskinesia")
        #expect(rows.first?[4] == "haloperidol+metoclopramide")
        #expect(rows.first?[5] == "2150-01-03")
        #expect(run.summary.rowsRead == 3)
        #expect(run.summary.problems.isEmpty)
    }

    @Test func wideLayoutSplitsListsOnEitherSeparator() throws {
        let run = try Self.run(Fixtures.batch("wide.csv"))
        #expect(run.rows(patient: "a", kind: "combination").first?[4] == "sertraline+tramadol")
        #expect(run.rows(patient: "a", kind: "combination").first?[5] == "", "a wide list has no dates")
        #expect(run.rows(patient: "b", kind: "combination").isEmpty)
        #expect(run.rows(patient: "c", kind: "combination").first?[3] == "contraindicated")
    }

    @Test func malformedRowsAreReportedWithTheirLineAndTheRestIsChecked() throws {
        let run = try Self.run(Fixtures.batch("malformed.csv"))
        #expect(run.summary.problems.map(\.description) == [
            "line 3: expected 4 fields as in the header, found 2; the row was skipped",
            "line 4: invalid UTF-8 in the patient or medication field; the row was skipped",
            "line 5: text follows a closing quote in field 2; quote the whole field and double any quote inside it",
            "line 7: a quoted field is never closed; the row was skipped",
        ])
        #expect(run.rows(patient: "q1", kind: "combination").first?[5] == "2020-02-01")
        #expect(run.rows(patient: "q4", kind: "combination").first?[4] == "haloperidol+metoclopramide",
                "rows after an unclosed quote are still read")
    }

    @Test func quotedFieldsKeepCommasLineBreaksAndDoubledQuotes() throws {
        let text = "PATIENT,DESCRIPTION\r\n\"x,1\",\"Zoloft \"\"50\"\" mg\"\r\n\"x,1\",\"tra\nmadol\"\r\n\"x,1\",tramadol\r\n"
        let run = try Self.run(text: text)
        #expect(run.output.contains("\"x,1\",combination,serotonin_syndrome,major,sertraline+tramadol"))
        #expect(run.output.contains("\"tra\nmadol\""), "a name with a line break is reported as written")
    }

    @Test func aLongRowIsSkippedAndMemoryStaysBounded() throws {
        var options = BatchOptions()
        options.maxRowBytes = 4096
        let huge = String(repeating: "x", count: 100_000)
        let run = try Self.run(text: "PATIENT,DESCRIPTION\nz1,\(huge)\nz1,sertraline\nz1,tramadol\n", options: options)
        #expect(run.summary.problems.map(\.line) == [2])
        #expect(run.summary.problems.first?.message.contains("longer than 4096 bytes") == true)
        #expect(run.rows(patient: "z1", kind: "combination").count == 1)
    }

    @Test func aHeaderWithoutTheNeededColumnsNamesWhatItFound() throws {
        #expect { try Self.run(text: "NAME_OF_PERSON,WHEN\nx,2020\n") } throws: { error in
            "\(error)".contains("no medication column") || "\(error)".contains("no patient column")
        }
        #expect { try Self.run(text: "PATIENT,THING\nx,y\n") } throws: { error in
            "\(error)" == BatchError.missingColumn(role: "medication", lookedFor: BatchColumns.medicationNames,
                                                   option: "--medication-column", header: ["PATIENT", "THING"]).description
        }
        #expect(throws: BatchError.emptyInput("input.csv")) { try Self.run(text: "") }
    }

    @Test func jsonLinesCarryOnePatientPerLine() throws {
        var options = BatchOptions()
        options.format = .jsonl
        let run = try Self.run(Fixtures.batch("synthea-layout.csv"), options: options)
        let lines = run.output.split(separator: "\n")
        #expect(lines.count == 4)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["patient"] as? String == "p1")
        #expect(first["highest_severity"] as? String == "major")
        let finding = try #require((first["findings"] as? [[String: Any]])?.first)
        #expect(finding["overlap_start"] as? String == "2020-03-01")
        #expect((first["medications"] as? [[String: Any]])?.count == 2)
    }

    @Test func minimumSeverityLeavesOutMinorFindings() throws {
        var options = BatchOptions()
        options.minimumSeverity = .major
        let run = try Self.run(Fixtures.batch("synthea-layout.csv"), options: options)
        #expect(!run.rows.contains { $0[1] == "drug" || $0[1] == "combination" && $0[3] == "minor" })
    }

    @Test func dayNumbersRoundTrip() {
        for text in ["2020-02-29", "1999-12-31", "2150-01-03", "0001-03-01"] {
            let day = text.utf8.withContiguousStorageIfAvailable { DayNumber.parse(UnsafeRawBufferPointer($0)) } ?? nil
            #expect(day.map(DayNumber.format) == text)
        }
        let invalid = "2020-13-01".utf8.withContiguousStorageIfAvailable { DayNumber.parse(UnsafeRawBufferPointer($0)) } ?? nil
        #expect(invalid == nil)
    }

    @Test func theSharedSyntheaAndMIMICFilesRunEndToEnd() throws {
        for path in ["synthea-nebraska/medications.csv", "synthea-california/medications.csv", "mimic3-demo/PRESCRIPTIONS.csv"] {
            guard let url = Fixtures.sharedData(path) else { continue }
            let run = try Self.run(url)
            #expect(run.summary.rowsRead > 1000, "\(path)")
            #expect(run.summary.problems.isEmpty, "\(path): \(run.summary.problems.prefix(3))")
        }
    }
}
