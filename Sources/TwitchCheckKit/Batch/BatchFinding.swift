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
