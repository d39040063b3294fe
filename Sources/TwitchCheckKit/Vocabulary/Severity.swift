/// How serious a finding is, lowest to highest, as the major interaction checkers use the words.
public enum Severity: String, Codable, CaseIterable, Sendable, Comparable {
    case minor
    case moderate
    case major
    case contraindicated

    /// 1 for minor up to 4 for contraindicated, as in the `severities` table.
    public var rank: Int { Self.allCases.firstIndex(of: self)! + 1 }

    /// What a person should take the word to mean.
    public var meaning: String {
        switch self {
        case .minor: "usually no action beyond awareness"
        case .moderate: "monitor closely or adjust"
        case .major: "avoid the combination or change therapy"
        case .contraindicated: "do not combine"
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
