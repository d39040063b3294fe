import Foundation
import TestScratch
import Testing

/// `twitchcheck batch` from the built binary: output, summary, exit codes.
@Suite(.serialized) struct BatchCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appending(path: "Fixtures/batch")

    @Test func aFileGivesCSVFindingsAndASummaryOnStderr() throws {
        let result = try CommandRunner.run(["batch", Self.fixtures.appending(path: "synthea-layout.csv").path])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("patient,kind,effect,severity,drugs,overlap_start,summary,evidence,rule,sources\r\n"))
        #expect(result.stdout.contains("p1,combination,serotonin_syndrome,major,sertraline+tramadol,2020-03-01,"))
        #expect(result.stderr.contains("9 rows, 4 patients"))
        #expect(result.stderr.contains("1 × Unobtainium 5 MG Oral Tablet"))
        #expect(!result.stderr.contains("\u{1B}["), "no progress bar or colour when stderr is not a terminal")
    }

    @Test func standardInputAndOutputFileWork() throws {
        let output = TestScratch.root.appending(path: "batch-\(UUID().uuidString).jsonl")
        let result = try CommandRunner.run(["batch", "-", "--format", "jsonl", "--output", output.path, "--quiet"],
                                           input: "id,medications\nx,phenelzine;sertraline\n")
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let text = try String(contentsOf: output, encoding: .utf8)
        #expect(text.contains("\"highest_severity\":\"contraindicated\""))
        #expect(text.contains("\"patient\":\"x\""))
    }

    @Test func malformedRowsAreReportedAndStrictMakesThemFatal() throws {
        let path = Self.fixtures.appending(path: "malformed.csv").path
        let lenient = try CommandRunner.run(["batch", path])
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("skipped rows: 4"))
        #expect(lenient.stderr.contains("malformed.csv:3: expected 4 fields as in the header, found 2"))
        #expect(lenient.stdout.contains("q4,combination,tardive_dyskinesia"))
        let strict = try CommandRunner.run(["batch", path, "--strict"])
        #expect(strict.status == 2)
        #expect(strict.stdout.contains("q4,combination"), "the report is still written in full")
    }

    @Test func failOnUsesTheHighestFinding() throws {
        let path = Self.fixtures.appending(path: "wide.csv").path
        #expect(try CommandRunner.run(["batch", path, "--fail-on", "contraindicated", "--quiet"]).status == 1)
        #expect(try CommandRunner.run(["batch", Self.fixtures.appending(path: "mimic-layout.csv").path,
                                       "--fail-on", "contraindicated", "--quiet"]).status == 0)
    }

    @Test func missingEmptyAndHeaderlessInputsExitTwoWithAMessage() throws {
        let missing = try CommandRunner.run(["batch", "/nonexistent/file.csv"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/file.csv"))
        let empty = try CommandRunner.run(["batch", "-"], input: "")
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("is empty"))
        let noColumns = try CommandRunner.run(["batch", "-"], input: "WHO,WHAT\na,b\n")
        #expect(noColumns.status == 2)
        #expect(noColumns.stderr.contains("the header has: WHO, WHAT"))
        let named = try CommandRunner.run(["batch", "-", "--patient-column", "WHO", "--medication-column", "WHAT"],
                                          input: "WHO,WHAT\na,sertraline\na,tramadol\n")
        #expect(named.status == 0)
        #expect(named.stdout.contains("a,combination,serotonin_syndrome"))
    }

    @Test("a compressed input is named, with the command to decompress it", arguments: [
        ([0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xE5, 0x01], "gzip", "zcat"),
        ([0x28, 0xB5, 0x2F, 0xFD, 0x24, 0x00, 0x01], "zstd", "zstdcat"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00, 0x00, 0x04], "xz", "xzcat"),
        (Array("BZh91AY&SY".utf8) + [0x01, 0x02], "bzip2", "bzcat"),
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "zip", "unzip -p"),
    ] as [([UInt8], String, String)])
    func compressedInputIsRefusedClearly(_ bytes: [UInt8], _ format: String, _ command: String) throws {
        let file = TestScratch.root.appending(path: "meds-\(UUID().uuidString).csv.z")
        try Data(bytes + Array(repeating: 0x9C, count: 64)).write(to: file)
        let named = try CommandRunner.run(["batch", file.path])
        #expect(named.status == 2)
        #expect(named.stderr == "twitchcheck: error: cannot read \(file.path): this is \(format)-compressed; "
            + "use: \(command) \(file.path) | twitchcheck batch -\n")
    }

    @Test func jsonLinesCarryCheckFieldsAndTheSummaryCountsLeftOutFindings() throws {
        let result = try CommandRunner.run(["batch", "-", "--format", "jsonl", "--min-severity", "major"],
                                           input: "id,medications\nx,Zoloft;sertraline;tramadol;Ventolin\n")
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for key in ["burden", "duplicates", "findings_left_out", "min_severity"] {
            #expect(object[key] != nil, "\(key) is missing")
        }
        #expect((object["duplicates"] as? [[String: Any]])?.first?["drug"] as? String == "sertraline")
        #expect(result.stderr.contains("findings: 0 contraindicated, 1 major, 0 moderate, 5 minor "
            + "(5 below major not written: --min-severity major)"), "\(result.stderr)")
    }
}
