import Foundation
import TestScratch
import Testing

/// FHIR through the command line: `check --file` with a Bundle, `check --format fhir`, and
/// `batch` over a Bulk Data NDJSON export.
@Suite(.serialized) struct FHIRCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appending(path: "Fixtures/fhir")

    @Test func aBundleFileIsReadAsFHIRAndANamelessOrderIsNotChecked() throws {
        let result = try CommandRunner.run(["check", "--file", Self.fixtures.appending(path: "bundle.json").path, "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let medications = object["medications"] as? [[String: Any]] ?? []
        #expect(medications.compactMap { ($0["drugs"] as? [String])?.first } == ["sertraline", "tramadol", "lithium"])
        let unrecognized = object["unrecognized"] as? [[String: Any]] ?? []
        #expect(unrecognized.compactMap { $0["input"] as? String } == [
            "http://ehr.example/fhir/MedicationRequest/mr3: no medication name (no text, display or known RxNorm code)",
        ])
        #expect(object["highest_severity"] as? String == "major")
    }

    @Test func standardInputWithFHIRIsReadAsFHIRToo() throws {
        let json = #"{"resourceType":"MedicationStatement","id":"s","medicationCodeableConcept":{"text":"phenelzine"}}"#
        let result = try CommandRunner.run(["check", "-", "sertraline", "--format", "json"], input: json)
        #expect(result.status == 0)
        #expect(result.stdout.contains(#""highest_severity" : "contraindicated""#))
    }

    @Test func formatFHIRPrintsABundleOfDetectedIssues() throws {
        let result = try CommandRunner.run(["check", "--format", "fhir", "sertraline", "tramadol", "sertralin"])
        #expect(result.status == 0)
        let bundle = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(bundle["resourceType"] as? String == "Bundle")
        let resources = (bundle["entry"] as? [[String: Any]] ?? []).compactMap { $0["resource"] as? [String: Any] }
        #expect(resources.first?["resourceType"] as? String == "OperationOutcome", "the name not checked comes first")
        #expect(resources.dropFirst().allSatisfy { $0["resourceType"] as? String == "DetectedIssue" })
        #expect(resources.dropFirst().first?["severity"] as? String == "high")
    }

    @Test func otherReportCommandsRefuseFormatFHIR() throws {
        let result = try CommandRunner.run(["drug", "sertraline", "--format", "fhir"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--format fhir is only for 'check'"))
    }

    @Test func aBadFHIRFileExitsTwoNamingTheFile() throws {
        let directory = TestScratch.root.appending(path: "twitchcheck-fhir-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appending(path: "patient.json").path
        try Data(#"{"resourceType":"Patient","id":"p"}"#.utf8).write(to: URL(fileURLWithPath: path))
        let result = try CommandRunner.run(["check", "--file", path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(path): a Patient holds no medications"))
    }

    @Test func batchReadsABulkExportTimeAwareAndReportsBadLinesWithFileAndLine() throws {
        let path = Self.fixtures.appending(path: "bulk-medicationrequest.ndjson").path
        let result = try CommandRunner.run(["batch", path])
        #expect(result.status == 0)
        let rows = result.stdout.split(separator: "\r\n").map(String.init)
        #expect(rows.contains { $0.hasPrefix("Patient/alice,combination,serotonin_syndrome,major,sertraline+tramadol,2020-02-15,") })
        #expect(!rows.contains { $0.hasPrefix("Patient/bob,combination") }, "bob's sertraline ended before his tramadol began")
        #expect(result.stderr.contains("\(path):5: MedicationRequest/b3 has no medication name"))
        #expect(result.stderr.contains("\(path):6: MedicationRequest/c1 has no subject.reference (patient); the line was skipped"))
        #expect(result.stderr.contains("\(path):7: not a JSON object; the line was skipped"))
        #expect(try CommandRunner.run(["batch", path, "--strict"]).status == 2)
    }

    @Test func batchFromStandardInputNeedsLayoutFHIRAndAgreesWithTheFile() throws {
        let path = Self.fixtures.appending(path: "bulk-medicationrequest.ndjson").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let piped = try CommandRunner.run(["batch", "-", "--layout", "fhir", "--format", "jsonl", "--quiet"], input: text)
        let file = try CommandRunner.run(["batch", path, "--format", "jsonl", "--quiet"])
        #expect(piped.status == 0)
        #expect(piped.stdout == file.stdout)
        #expect(piped.stdout.contains(#""patient":"Patient/alice""#))
    }
}
