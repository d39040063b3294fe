/// A finding for one patient of a batch, with the day the drugs began to overlap.
public struct BatchFinding: Encodable, Sendable {
    public let finding: Finding
    /// `YYYY-MM-DD`, when the input had dates; nil for a drug's own risk or undated input.
    public let overlapStart: String?

    enum CodingKeys: String, CodingKey {
        case overlapStart = "overlap_start"
    }

    public func encode(to encoder: Encoder) throws {
        try finding.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(overlapStart, forKey: .overlapStart)
    }
}

/// One patient's result in `batch --format jsonl`: the `check --format json` shape plus `patient`.
public struct PatientReport: Encodable, Sendable {
    public let patient: String
    public let medications: [ResolvedMedication]
    public let unrecognized: [UnrecognizedMedication]
    public let findings: [BatchFinding]

    enum CodingKeys: String, CodingKey {
        case patient, medications, unrecognized, findings
        case highestSeverity = "highest_severity"
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(patient, forKey: .patient)
        try container.encode(medications, forKey: .medications)
        try container.encode(unrecognized, forKey: .unrecognized)
        try container.encode(findings, forKey: .findings)
        try container.encode(findings.map(\.finding.severity).max(), forKey: .highestSeverity)
    }
}
