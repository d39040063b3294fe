/// A list's burden for one effect: how many drugs add to it, how strongly, and whether that deserves a word.
public struct BurdenScore: Codable, Sendable, Equatable {
    /// The sum of the drugs' points.
    public let total: Int
    public let level: BurdenLevel
    /// True when the total reaches ``BurdenScale/noteThreshold`` from two or more drugs.
    public let notable: Bool
    /// The drugs that add to the effect, most points first.
    public let drugs: [BurdenContribution]
    /// A sentence for the reader when ``notable``; nil otherwise.
    public let note: String?

    public init(total: Int, level: BurdenLevel, notable: Bool, drugs: [BurdenContribution], note: String?) {
        self.total = total
        self.level = level
        self.notable = notable
        self.drugs = drugs
        self.note = note
    }

    enum CodingKeys: String, CodingKey {
        case total, level, notable, drugs, note
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(total, forKey: .total)
        try container.encode(level, forKey: .level)
        try container.encode(notable, forKey: .notable)
        try container.encode(drugs, forKey: .drugs)
        try container.encode(note, forKey: .note)  // null when not notable
    }
}
