/// One patient's result in `batch --format jsonl`: exactly the `check --format json` shape plus `patient`,
/// with each finding's `overlap_start`. The patient's names come in the order the file first gave
/// each name (to any patient), not necessarily the order of the patient's own rows.
public struct PatientReport: Encodable, Sendable {
    public let patient: String
    /// The patient's list as `check` reports it.
    public let report: CheckReport
    /// The report's findings (those listed), each with its overlap date.
    public let findings: [BatchFinding]

    public init(patient: String, report: CheckReport, findings: [BatchFinding]) {
        self.patient = patient
        self.report = report
        self.findings = findings
    }

    enum CodingKeys: String, CodingKey {
        case patient
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(patient, forKey: .patient)
        try report.encode(to: encoder, findings: findings)
    }
}
