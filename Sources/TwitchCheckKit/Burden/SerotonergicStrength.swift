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

    /// The strength of each drug that has one, from each drug's classes (directly or through a
    /// parent): `serotonergic` is strong, `weakly_serotonergic` weak; a drug in both is strong.
    public static func strengths(fromClasses classes: [String: Set<String>]) -> [String: SerotonergicStrength] {
        var result: [String: SerotonergicStrength] = [:]
        for (drug, drugClasses) in classes {
            if drugClasses.contains(Self.strong.classID) {
                result[drug] = .strong
            } else if drugClasses.contains(Self.weak.classID) {
                result[drug] = .weak
            }
        }
        return result
    }

    public static func < (lhs: SerotonergicStrength, rhs: SerotonergicStrength) -> Bool {
        lhs == .weak && rhs == .strong
    }
}
