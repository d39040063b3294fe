/// The serotonergic load and the tremor burden of a whole medication list (Schema/BURDEN.md).
public struct MedicationBurden: Codable, Sendable, Equatable {
    /// How many drugs add serotonin activity, and how strongly.
    public let serotonergic: BurdenScore
    /// How many drugs cause tremor themselves, and how strongly.
    public let tremor: BurdenScore

    public init(serotonergic: BurdenScore, tremor: BurdenScore) {
        self.serotonergic = serotonergic
        self.tremor = tremor
    }

    /// The scores that deserve a word, serotonergic first.
    public var notableScores: [BurdenScore] {
        [serotonergic, tremor].filter(\.notable)
    }

    enum CodingKeys: String, CodingKey {
        case serotonergic, tremor, scale
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        serotonergic = try container.decode(BurdenScore.self, forKey: .serotonergic)
        tremor = try container.decode(BurdenScore.self, forKey: .tremor)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(serotonergic, forKey: .serotonergic)
        try container.encode(tremor, forKey: .tremor)
        try container.encode(BurdenScale.summary, forKey: .scale)
    }
}
