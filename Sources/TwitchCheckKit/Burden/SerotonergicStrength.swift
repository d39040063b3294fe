/// How strongly a drug adds to serotonin activity, from the class it belongs to.
public enum SerotonergicStrength: String, Codable, Sendable, Comparable {
    /// In class `weakly_serotonergic` (lithium, triptans, buspirone, some opioids).
    case weak
    /// In class `serotonergic` (SSRIs, SNRIs, MAOIs, serotonergic opioids...).
    case strong

    /// The class id in the knowledge base.
    public var classID: String {
        switch self {
        case .weak: "weakly_serotonergic"
        case .strong: "serotonergic"
        }
    }

    public static func < (lhs: SerotonergicStrength, rhs: SerotonergicStrength) -> Bool {
        lhs == .weak && rhs == .strong
    }
}
