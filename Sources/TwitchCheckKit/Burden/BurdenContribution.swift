/// One drug's points towards a burden, and why it scores them.
public struct BurdenContribution: Codable, Sendable, Equatable {
    /// The generic name.
    public let drug: String
    /// 3 for a strong contribution, 1 for a weak one (Schema/BURDEN.md).
    public let points: Int
    /// Why the drug scores: its class, or its own risk's severity and frequency.
    public let reason: String

    public init(drug: String, points: Int, reason: String) {
        self.drug = drug
        self.points = points
        self.reason = reason
    }
}
