/// How well a fact is supported, from pharmacological theory up to label-level evidence.
public enum Evidence: String, Codable, CaseIterable, Sendable, Comparable {
    case theoretical
    case disputed
    case probable
    case established

    public static func < (lhs: Evidence, rhs: Evidence) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
