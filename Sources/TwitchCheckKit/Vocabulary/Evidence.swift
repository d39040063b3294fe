/// How well a fact is supported, from pharmacological theory up to label-level evidence.
public enum Evidence: String, Codable, CaseIterable, Sendable, Comparable {
    case theoretical
    case disputed
    case probable
    case established

    /// 1 for theoretical up to 4 for established, as in the `evidence_levels` table.
    public var rank: Int { Self.allCases.firstIndex(of: self)! + 1 }

    public static func < (lhs: Evidence, rhs: Evidence) -> Bool { lhs.rank < rhs.rank }
}
