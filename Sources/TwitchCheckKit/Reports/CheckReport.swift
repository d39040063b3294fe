/// The result of checking one medication list; encodes to DESIGN.md's `check --format json` shape.
public struct CheckReport: Codable, Sendable, Equatable {
    public let medications: [ResolvedMedication]
    public let unrecognized: [UnrecognizedMedication]
    public let findings: [Finding]
    public let highestSeverity: Severity?

    public init(medications: [ResolvedMedication], unrecognized: [UnrecognizedMedication], findings: [Finding]) {
        self.medications = medications
        self.unrecognized = unrecognized
        self.findings = findings
        self.highestSeverity = findings.map(\.severity).max()
    }

    /// Every distinct drug recognised in the list, in the order first seen.
    public var drugs: [String] {
        var seen: [String] = []
        for drug in medications.flatMap(\.drugs) where !seen.contains(drug) { seen.append(drug) }
        return seen
    }

    enum CodingKeys: String, CodingKey {
        case medications, unrecognized, findings
        case highestSeverity = "highest_severity"
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(medications, forKey: .medications)
        try container.encode(unrecognized, forKey: .unrecognized)
        try container.encode(findings, forKey: .findings)
        try container.encode(highestSeverity, forKey: .highestSeverity)  // null when there are no findings
    }
}
