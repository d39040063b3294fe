import Foundation
import Testing
@testable import TwitchCheckKit

/// FHIR in (Bundle, MedicationRequest, MedicationStatement) and out (a Bundle of DetectedIssue).
@Suite struct FHIRTests {
    static let reader = FHIRMedicationReader()

    static func bundleFixture() throws -> Data {
        try Data(contentsOf: Fixtures.root.appending(path: "fhir/bundle.json"))
    }

    @Test func aBundleYieldsOneEntryPerMedicationResourceFollowingReferences() throws {
        let entries = try Self.reader.read(Self.bundleFixture(), origin: "bundle.json")
        #expect(entries.map(\.reference) == [
            "http://ehr.example/fhir/MedicationRequest/mr1", "http://ehr.example/fhir/MedicationRequest/mr2",
            "http://ehr.example/fhir/MedicationStatement/ms1", "http://ehr.example/fhir/MedicationRequest/mr3",
        ], "Patient, Medication and Observation ignored; entered-in-error left out")
        #expect(entries.map(\.name) == [
            "Sertraline 50 MG Oral Tablet",  // medicationCodeableConcept.text
            "tramadol hydrochloride 50 MG Oral Tablet",  // medicationReference → Medication in the bundle → display
            "Lithium carbonate 300 mg capsule",  // medicationReference → contained Medication
            nil,  // an RxNorm code the knowledge base does not know: no name, never a guess
        ])
        #expect(entries.allSatisfy { $0.patient == "Patient/p1" })
    }

    /// Each way a name can be given, one resource each, and what it must read as.
    @Test(arguments: [
        (#"{"resourceType":"MedicationRequest","id":"a","medicationCodeableConcept":{"text":"Zoloft"}}"#, "Zoloft"),
        (#"{"resourceType":"MedicationStatement","id":"a","medicationCodeableConcept":{"coding":[{"system":"x","display":"Sertraline"},{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"1","display":"tramadol"}]}}"#, "tramadol"),
        (#"{"resourceType":"MedicationRequest","id":"a","medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"36437"}]}}"#, "sertraline"),
        (##"{"resourceType":"MedicationRequest","id":"a","medicationReference":{"reference":"#m"},"contained":[{"resourceType":"Medication","id":"m","code":{"text":"Lithium"}}]}"##, "Lithium"),
        (#"{"resourceType":"MedicationRequest","id":"a","medicationReference":{"reference":"Medication/elsewhere","display":"Ultram"}}"#, "Ultram"),
        (#"{"resourceType":"MedicationRequest","id":"a","medicationCodeableConcept":{"text":"  "}}"#, nil),
        (#"{"resourceType":"MedicationRequest","id":"a"}"#, nil),
    ] as [(String, String?)])
    func aNameIsReadFromTextDisplayKnownCodeOrReference(json: String, expected: String?) throws {
        let reader = FHIRMedicationReader(rxNormName: { $0 == "36437" ? "sertraline" : nil })
        let entries = try reader.read(Data(json.utf8), origin: "test")
        #expect(entries.count == 1)
        #expect(entries.first?.name == expected)
        #expect(entries.first?.reference?.hasSuffix("/a") == true)
    }

    @Test func datesComeFromTheValidityPeriodEffectivePeriodOrAuthoredOn() throws {
        let request = #"{"resourceType":"MedicationRequest","authoredOn":"2020-01-01","dispenseRequest":{"validityPeriod":{"start":"2020-02-01","end":"2020-03-01"}},"medicationCodeableConcept":{"text":"x"}}"#
        let statement = #"{"resourceType":"MedicationStatement","effectivePeriod":{"start":"2021-05-01T10:00:00Z"},"medicationCodeableConcept":{"text":"x"}}"#
        let authored = #"{"resourceType":"MedicationRequest","authoredOn":"2019-07-08","medicationCodeableConcept":{"text":"x"}}"#
        let read = try [request, statement, authored].map { try Self.reader.read(Data($0.utf8), origin: "t")[0] }
        #expect(read.map(\.start) == ["2020-02-01", "2021-05-01T10:00:00Z", "2019-07-08"])
        #expect(read.map(\.stop) == ["2020-03-01", nil, nil])
    }

    @Test(arguments: [
        ("{not json", "not valid FHIR JSON"),
        (#"{"a":1}"#, "no resourceType"),
        (#"{"resourceType":"Patient"}"#, "a Patient holds no medications"),
    ])
    func whatIsNotAMedicationResourceIsRefusedWithAReason(json: String, message: String) {
        #expect {
            try Self.reader.read(Data(json.utf8), origin: "in.json")
        } throws: { error in
            "\(error)".hasPrefix("in.json: ") && "\(error)".contains(message)
        }
    }

    @Test func contentDecidesBetweenFHIRAndAPlainList() throws {
        #expect(FHIRMedicationReader.looksLikeJSON(Data("\u{FEFF}  \n{\"resourceType\":\"Bundle\"}".utf8)))
        #expect(!FHIRMedicationReader.looksLikeJSON(Data("sertraline\n{odd}".utf8)))
        guard case .names(let names) = try MedicationDocument.read(Data("sertraline\ntramadol\n".utf8), origin: "t", fhirReader: Self.reader) else {
            Issue.record("a plain list read as FHIR"); return
        }
        #expect(names == ["sertraline", "tramadol"])
    }

    // MARK: - Out

    @Test func eachFindingBecomesADetectedIssueImplicatingItsInputResources() throws {
        let kb = TestKnowledgeBase.shared
        let entries = try Self.reader.read(Self.bundleFixture(), origin: "bundle.json")
        let check = try FHIRCheck(entries: entries, checker: TestKnowledgeBase.checker)
        let bundle = DetectedIssueBuilder(sources: try kb.sources(check.report.citedSourceIDs)).bundle(check.report, fhir: check)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(ReportEncoding.json(bundle).utf8)) as? [String: Any])
        #expect(json["resourceType"] as? String == "Bundle")
        #expect(json["type"] as? String == "collection")
        let resources = (json["entry"] as? [[String: Any]] ?? []).compactMap { $0["resource"] as? [String: Any] }
        let issues = resources.filter { $0["resourceType"] as? String == "DetectedIssue" }
        #expect(issues.count == check.report.findings.count)

        let outcome = try #require(resources.first { $0["resourceType"] as? String == "OperationOutcome" })
        let notChecked = try #require((outcome["issue"] as? [[String: Any]])?.first)
        #expect(notChecked["code"] as? String == "not-found")
        #expect((notChecked["diagnostics"] as? String)?.hasPrefix("http://ehr.example/fhir/MedicationRequest/mr3") == true)

        let major = try #require(issues.first)
        #expect(major["status"] as? String == "final")
        #expect(major["severity"] as? String == "high")
        #expect((major["code"] as? [String: Any])?["text"] as? String == "serotonin syndrome — sertraline + tramadol")
        #expect(((major["implicated"] as? [[String: Any]]) ?? []).compactMap { $0["reference"] as? String } == [
            "http://ehr.example/fhir/MedicationRequest/mr1", "http://ehr.example/fhir/MedicationRequest/mr2",
        ])
        #expect((major["patient"] as? [String: Any])?["reference"] as? String == "Patient/p1")
        let mitigation = (major["mitigation"] as? [[String: Any]])?.first?["action"] as? [String: Any]
        #expect(mitigation?["text"] as? String == check.report.findings[0].management)
        let evidence = ((major["evidence"] as? [[String: Any]])?.first?["detail"] as? [[String: Any]]) ?? []
        #expect(evidence.compactMap { ($0["identifier"] as? [String: Any])?["value"] as? String } == check.report.findings[0].sources)
    }

    @Test(arguments: [(Severity.contraindicated, "high"), (.major, "high"), (.moderate, "moderate"), (.minor, "low")])
    func severityMapsToFHIRsThreeLevels(severity: Severity, expected: String) {
        #expect(DetectedIssueBuilder.severity(severity) == expected)
    }

    @Test func aTypedListImplicatesItsNamesByDisplay() throws {
        let report = try TestKnowledgeBase.checker.check(["Zoloft", "tramadol", "sertralin"])
        let bundle = DetectedIssueBuilder(sources: []).bundle(report)
        let entries = try #require(bundle.entry)
        guard case .operationOutcome(let outcome) = entries[0].resource,
              case .detectedIssue(let issue) = entries[1].resource else {
            Issue.record("expected the not-checked outcome first, then the findings"); return
        }
        #expect(outcome.issue.map(\.diagnostics) == ["'sertralin' was not recognised, so its risks were not checked; did you mean: sertraline?"])
        #expect(issue.implicated == [FHIRReference(display: "Zoloft"), FHIRReference(display: "tramadol")])
    }
}
