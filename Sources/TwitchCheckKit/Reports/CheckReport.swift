/// The result of checking one medication list; encodes to DESIGN.md's `check --format json` shape.
///
/// `batch --format jsonl` writes the same shape per patient (``PatientReport``), through
/// ``encode(to:findings:)``, so the two cannot drift apart.
public struct CheckReport: Encodable, Sendable, Equatable {
    public let medications: [ResolvedMedication]
    public let unrecognized: [UnrecognizedMedication]
    /// The findings listed: all of them, or those at ``minSeverity`` or above.
    public let findings: [Finding]
    /// The highest severity of every finding made, listed or left out; nil when there is none.
    public let highestSeverity: Severity?
    /// Advice for the effects found (when to see a doctor about a twitch); nil when none applies.
    public let guidance: [Guidance]?
    /// The list's serotonergic load and tremor burden; nil when not worked out.
    public let burden: MedicationBurden?
    /// Drugs that reach the list through more than one input (a possible double dose).
    public let duplicates: [DuplicateDrug]
    /// Findings below this severity were counted but not listed; nil when none were left out on purpose.
    public let minSeverity: Severity?
    /// Findings made but not listed because of ``minSeverity``, by severity.
    public let leftOut: [Severity: Int]
    /// Items marked as stopped ("fluoxetine stopped 2026-11-01"): checked for washout intervals only.
    public let stopped: [StoppedMedication]

    public init(medications: [ResolvedMedication], unrecognized: [UnrecognizedMedication], findings: [Finding],
                guidance: [Guidance]? = nil, burden: MedicationBurden? = nil, duplicates: [DuplicateDrug]? = nil,
                stopped: [StoppedMedication] = []) {
        self.medications = medications
        self.unrecognized = unrecognized
        self.findings = findings
        self.highestSeverity = findings.map(\.severity).max()
        self.guidance = guidance?.isEmpty == true ? nil : guidance
        self.burden = burden
        self.duplicates = duplicates ?? DuplicateDrug.find(in: medications)
        self.minSeverity = nil
        self.leftOut = [:]
        self.stopped = stopped
    }

    private init(_ report: CheckReport, keeping findings: [Finding], minSeverity: Severity, leftOut: [Severity: Int]) {
        medications = report.medications
        unrecognized = report.unrecognized
        self.findings = findings
        highestSeverity = report.highestSeverity
        let effects = Set(findings.map(\.effect))
        let guidance = report.guidance?.filter { !effects.isDisjoint(with: $0.effects) }
        self.guidance = guidance?.isEmpty == true ? nil : guidance
        burden = report.burden
        duplicates = report.duplicates
        self.minSeverity = minSeverity
        self.leftOut = leftOut
        stopped = report.stopped
    }

    /// The same report listing only findings at `minimum` or above; the others are counted in ``leftOut``
    /// and still count towards ``highestSeverity``.
    public func leavingOut(below minimum: Severity) -> CheckReport {
        var leftOut: [Severity: Int] = [:]
        for finding in findings where finding.severity < minimum { leftOut[finding.severity, default: 0] += 1 }
        return CheckReport(self, keeping: findings.filter { $0.severity >= minimum }, minSeverity: minimum, leftOut: leftOut)
    }

    /// How many findings were left out by ``minSeverity``.
    public var leftOutCount: Int { leftOut.values.reduce(0, +) }

    /// Every finding made, listed or left out, by severity.
    public var countsBySeverity: [Severity: Int] {
        var counts = leftOut
        for finding in findings { counts[finding.severity, default: 0] += 1 }
        return counts
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
            && stopped.allSatisfy(\.medication.unmatchedWords.isEmpty)
    }

    /// Every distinct drug recognised in the list, in the order first seen.
    public var drugs: [String] {
        var seen: [String] = []
        for drug in medications.flatMap(\.drugs) where !seen.contains(drug) { seen.append(drug) }
        return seen
    }

    enum CodingKeys: String, CodingKey {
        case medications, unrecognized, findings, guidance, burden, duplicates
        case highestSeverity = "highest_severity"
        case minSeverity = "min_severity"
        case findingsLeftOut = "findings_left_out"
        case allRecognized = "all_recognized"
        case stopped = "stopped_medications"
    }

    public func encode(to encoder: Encoder) throws {
        try encode(to: encoder, findings: findings)
    }

    /// Every field of the report, with `findings` written as given: `batch` passes its findings
    /// with their overlap dates, so its lines keep exactly check's shape.
    public func encode(to encoder: Encoder, findings: [some Encodable]) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(medications, forKey: .medications)
        if !stopped.isEmpty { try container.encode(stopped, forKey: .stopped) }  // absent when no item was stopped
        try container.encode(unrecognized, forKey: .unrecognized)
        try container.encode(findings, forKey: .findings)
        try container.encode(highestSeverity, forKey: .highestSeverity)  // null when there are no findings
        try container.encodeIfPresent(guidance, forKey: .guidance)  // absent when no finding has guidance
        try container.encodeIfPresent(burden, forKey: .burden)
        try container.encode(duplicates, forKey: .duplicates)  // empty when none
        if let minSeverity {
            try container.encode(minSeverity, forKey: .minSeverity)
            try container.encode(leftOutCount, forKey: .findingsLeftOut)
        }
        try container.encode(allRecognized, forKey: .allRecognized)  // derived, never read back
    }
}
