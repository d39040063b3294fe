/// The result of checking one medication list; encodes to DESIGN.md's `check --format json` shape.
public struct CheckReport: Codable, Sendable, Equatable {
    public let medications: [ResolvedMedication]
    public let unrecognized: [UnrecognizedMedication]
    public let findings: [Finding]
    public let highestSeverity: Severity?
    /// Advice for the effects found (when to see a doctor about a twitch); nil when none applies.
    public let guidance: [Guidance]?
    /// The list's serotonergic load and tremor burden; nil when not worked out.
    public let burden: MedicationBurden?

    public init(medications: [ResolvedMedication], unrecognized: [UnrecognizedMedication], findings: [Finding],
                guidance: [Guidance]? = nil, burden: MedicationBurden? = nil) {
        self.medications = medications
        self.unrecognized = unrecognized
        self.findings = findings
        self.highestSeverity = findings.map(\.severity).max()
        self.guidance = guidance?.isEmpty == true ? nil : guidance
        self.burden = burden
    }

    /// Every source id the report cites (findings, then guidance), each once.
    public var citedSourceIDs: [String] {
        var seen: [String] = []
        for source in findings.flatMap(\.sources) + (guidance ?? []).flatMap(\.sources) where !seen.contains(source) {
            seen.append(source)
        }
        return seen
    }

    /// Whether every name and every word of the list was understood: no name unrecognised or
    /// ambiguous, no word left over beside a drug. Only then does "no findings" mean "no risks".
    public var allRecognized: Bool {
        unrecognized.isEmpty && medications.allSatisfy(\.unmatchedWords.isEmpty)
    }

    /// Every distinct drug recognised in the list, in the order first seen.
    public var drugs: [String] {
        var seen: [String] = []
        for drug in medications.flatMap(\.drugs) where !seen.contains(drug) { seen.append(drug) }
        return seen
    }

    enum CodingKeys: String, CodingKey {
        case medications, unrecognized, findings, guidance, burden
        case highestSeverity = "highest_severity"
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(medications, forKey: .medications)
        try container.encode(unrecognized, forKey: .unrecognized)
        try container.encode(findings, forKey: .findings)
        try container.encode(highestSeverity, forKey: .highestSeverity)  // null when there are no findings
        try container.encodeIfPresent(guidance, forKey: .guidance)  // absent when no finding has guidance
        try container.encodeIfPresent(burden, forKey: .burden)
        var summary = encoder.container(keyedBy: SummaryKeys.self)
        try summary.encode(allRecognized, forKey: .allRecognized)
    }

    /// Derived fields, written but never read back.
    enum SummaryKeys: String, CodingKey {
        case allRecognized = "all_recognized"
    }
}
