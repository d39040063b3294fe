/// One of the five decision rules of the Hunter Serotonin Toxicity Criteria, checked in order.
///
/// Exactly as Dunkley et al. (QJM 2003) publish them; not the Merck/MSD or Medscape variants,
/// which count hypertonia alone or merge rules 2, 3 and 5.
public enum HunterRule: Int, CaseIterable, Codable, Sendable {
    case spontaneousClonus = 1
    case inducibleClonusWithAgitationOrDiaphoresis = 2
    case ocularClonusWithAgitationOrDiaphoresis = 3
    case tremorWithHyperreflexia = 4
    case hypertoniaWithFeverAndClonus = 5

    /// The rule as the criteria state it.
    public var statement: String {
        switch self {
        case .spontaneousClonus: "spontaneous clonus"
        case .inducibleClonusWithAgitationOrDiaphoresis: "inducible clonus and (agitation or diaphoresis)"
        case .ocularClonusWithAgitationOrDiaphoresis: "ocular clonus and (agitation or diaphoresis)"
        case .tremorWithHyperreflexia: "tremor and hyperreflexia"
        case .hypertoniaWithFeverAndClonus: "hypertonia and temperature above 38 °C and (ocular clonus or inducible clonus)"
        }
    }

    /// Whether every feature the rule names is present. The temperature must be strictly above 38 °C.
    public func isSatisfied(by signs: Set<HunterSign>, temperatureCelsius: Double?) -> Bool {
        let agitatedOrSweating = signs.contains(.agitation) || signs.contains(.diaphoresis)
        switch self {
        case .spontaneousClonus:
            return signs.contains(.spontaneousClonus)
        case .inducibleClonusWithAgitationOrDiaphoresis:
            return signs.contains(.inducibleClonus) && agitatedOrSweating
        case .ocularClonusWithAgitationOrDiaphoresis:
            return signs.contains(.ocularClonus) && agitatedOrSweating
        case .tremorWithHyperreflexia:
            return signs.contains(.tremor) && signs.contains(.hyperreflexia)
        case .hypertoniaWithFeverAndClonus:
            guard let temperatureCelsius else { return false }
            return signs.contains(.hypertonia) && temperatureCelsius > HunterCriteria.feverThreshold
                && (signs.contains(.ocularClonus) || signs.contains(.inducibleClonus))
        }
    }
}
