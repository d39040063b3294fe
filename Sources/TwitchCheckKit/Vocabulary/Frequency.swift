/// How often a drug's own risk occurs, when a source says.
public enum Frequency: String, Codable, CaseIterable, Sendable {
    case unknown
    case rare
    case uncommon
    case common
    case veryCommon = "very_common"
}
