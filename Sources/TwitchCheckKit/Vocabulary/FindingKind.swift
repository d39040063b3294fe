/// Whether a finding is one drug's own risk or the risk a combination adds.
public enum FindingKind: String, Codable, CaseIterable, Sendable {
    case drug
    case combination
}
