import Foundation

/// Turns a check into FHIR R4: a `Bundle` (type `collection`) with one `DetectedIssue` per
/// finding and, when some names were not checked, one `OperationOutcome` listing them (a
/// warning issue per name, code `not-found`), so that "not checked" never reads as "no issue".
public struct DetectedIssueBuilder: Sendable {
    /// The knowledge base's sources by id, for evidence displays and reference URLs.
    public let sources: [String: Source]

    public init(sources: [Source]) {
        self.sources = Dictionary(sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// FHIR's severity for a finding's: `high` for contraindicated and major, `moderate`, `low` for minor.
    public static func severity(_ severity: Severity) -> String {
        switch severity {
        case .contraindicated, .major: "high"
        case .moderate: "moderate"
        case .minor: "low"
        }
    }

    /// The bundle for a typed list (`fhir` nil) or a FHIR input, whose resources the issues then point at.
    public func bundle(_ report: CheckReport, fhir: FHIRCheck? = nil, timestamp: Date = Date()) -> FHIRBundle {
        var entries: [FHIRBundle.Entry] = []
        if let outcome = notChecked(report, fhir: fhir) {
            entries.append(.init(fullUrl: Self.newURN(), resource: .operationOutcome(outcome)))
        }
        let patient = fhir.flatMap(Self.commonPatient)
        for finding in report.findings {
            entries.append(.init(fullUrl: Self.newURN(),
                                 resource: .detectedIssue(issue(for: finding, implicated: implicated(finding, report: report, fhir: fhir),
                                                                patient: patient))))
        }
        return FHIRBundle(timestamp: ISO8601DateFormatter().string(from: timestamp), entry: entries.isEmpty ? nil : entries)
    }

    /// One finding as a `DetectedIssue`.
    public func issue(for finding: Finding, implicated: [FHIRReference], patient: FHIRReference? = nil) -> FHIRDetectedIssue {
        var coding = [FHIRCoding(system: FHIRCodeSystem.effect, code: finding.effect.rawValue, display: finding.effect.displayName)]
        if finding.kind == .combination {
            coding.insert(FHIRCoding(system: FHIRCodeSystem.actCode, code: "DRG", display: "Drug Interaction Alert"), at: 0)
        }
        coding.append(FHIRCoding(system: FHIRCodeSystem.findingKind, code: finding.kind.rawValue))
        var detail = finding.summary
        if let mechanism = finding.mechanism { detail += " Why: \(mechanism)" }
        detail += " Severity: \(finding.severity.rawValue) (\(finding.severity.meaning)); evidence: \(finding.evidence.rawValue)."
        let evidence = finding.sources.map { id in
            FHIRReference(identifier: FHIRIdentifier(system: FHIRCodeSystem.source, value: id), display: sources[id]?.citation ?? id)
        }
        return FHIRDetectedIssue(
            code: FHIRCodeableConcept(coding: coding, text: "\(finding.effect.displayName) — \(finding.drugs.joined(separator: " + "))"),
            severity: Self.severity(finding.severity),
            patient: patient,
            implicated: implicated.isEmpty ? nil : implicated,
            evidence: evidence.isEmpty ? nil : [.init(detail: evidence)],
            detail: detail,
            reference: finding.sources.lazy.compactMap { self.sources[$0]?.url }.first { !$0.isEmpty },
            mitigation: [.init(action: FHIRCodeableConcept(text: finding.management))])
    }

    /// One warning per name that was not checked, or nil when every name was.
    public func notChecked(_ report: CheckReport, fhir: FHIRCheck? = nil) -> FHIROperationOutcome? {
        guard !report.unrecognized.isEmpty else { return nil }
        let issues = report.unrecognized.enumerated().map { index, name in
            let entry = fhir.map { $0.entries[$0.unrecognizedEntry[index]] }
            var text = entry?.name == nil && entry != nil
                ? "\(name.input); its risks were not checked"
                : "'\(name.input)' was not recognised, so its risks were not checked"
            if !name.suggestions.isEmpty { text += "; did you mean: \(name.suggestions.joined(separator: ", "))?" }
            if let entry, entry.name != nil, let reference = entry.reference { text += " (\(reference))" }
            return FHIROperationOutcome.Issue(
                severity: "warning", code: "not-found", diagnostics: text,
                details: FHIRCodeableConcept(coding: [FHIRCoding(system: FHIRCodeSystem.findingKind, code: "not-checked")], text: name.input))
        }
        return FHIROperationOutcome(issue: issues)
    }

    private func implicated(_ finding: Finding, report: CheckReport, fhir: FHIRCheck?) -> [FHIRReference] {
        if let fhir {
            return fhir.entriesImplicated(by: finding).map { index in
                let entry = fhir.entries[index]
                return FHIRReference(reference: entry.reference, display: entry.name)
            }
        }
        let drugs = Set(finding.drugs)
        return report.medications.filter { $0.drugs.contains(where: drugs.contains) }.map { FHIRReference(display: $0.input) }
    }

    private static func commonPatient(_ fhir: FHIRCheck) -> FHIRReference? {
        let patients = Set(fhir.entries.compactMap(\.patient))
        return patients.count == 1 ? FHIRReference(reference: patients.first) : nil
    }

    private static func newURN() -> String { "urn:uuid:" + UUID().uuidString.lowercased() }
}
