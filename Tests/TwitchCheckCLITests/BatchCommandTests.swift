import Foundation
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
        let output = FileManager.default.temporaryDirectory.appending(path: "batch-\(UUID().uuidString).jsonl")
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
}
