/// How often a drug's own risk occurs, when a source says.
public enum Frequency: String, Codable, CaseIterable, Sendable, Comparable {
    case unknown
    case rare
    case uncommon
    case common
    case veryCommon = "very_common"

    /// 0 for unknown up to 4 for very common, as in the `frequencies` table.
    public var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: Frequency, rhs: Frequency) -> Bool { lhs.rank < rhs.rank }
}
