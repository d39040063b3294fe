/// How much a list adds to one effect, from its burden total (Schema/BURDEN.md).
public enum BurdenLevel: String, Codable, Sendable, Comparable, CaseIterable {
    /// Total 0: nothing in the list adds to the effect.
    case none
    /// Total 1–2.
    case low
    /// Total 3–5.
    case moderate
    /// Total 6 or more.
    case high

    /// The level of a total.
    public init(total: Int) {
        switch total {
        case ...0: self = .none
        case 1...2: self = .low
        case 3...5: self = .moderate
        default: self = .high
        }
    }

    public static func < (lhs: BurdenLevel, rhs: BurdenLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
