import Foundation

/// The Hunter Serotonin Toxicity Criteria as a decision rule (Dunkley et al., QJM 2003).
///
/// Precondition: exposure to a serotonergic drug. Then rules 1 to 5 are checked in order and
/// the first that fires means serotonin toxicity; when none fires, it is absent. The criteria
/// were derived in overdose patients to diagnose toxicity in a patient with these signs: they
/// are a diagnostic aid, not a score of a medication list's interaction risk.
public enum HunterCriteria {
    /// Rule 5 needs a temperature strictly above this, in °C.
    public static let feverThreshold = 38.0
    /// Temperatures outside this range (°C) are taken as a typing or unit mistake.
    public static let plausibleTemperatures: ClosedRange<Double> = 25.0...45.0
    /// The id of the criteria's citation in the knowledge base's `sources` table.
    public static let sourceID = "dunkley-2003"

    /// What every assessment says about the criteria's limits.
    public static let caveat = "The Hunter criteria were derived in patients who had taken an overdose of a "
        + "serotonergic drug (Dunkley et al., QJM 2003). They are a diagnostic aid for a patient who has these "
        + "signs, not an interaction score for a medication list; a clinician makes the diagnosis. "
        + "This is not medical advice."

    /// The first rule the signs satisfy, or nil when none does. Exposure is not checked here.
    public static func firstRule(signs: Set<HunterSign>, temperatureCelsius: Double?) -> HunterRule? {
        HunterRule.allCases.first { $0.isSatisfied(by: signs, temperatureCelsius: temperatureCelsius) }
    }

    /// Throws when the temperature cannot be a body temperature in °C.
    public static func validate(temperatureCelsius: Double) throws {
        guard temperatureCelsius.isFinite, plausibleTemperatures.contains(temperatureCelsius) else {
            throw AssessmentInputError.implausibleTemperature(temperatureCelsius)
        }
    }

    /// The criteria applied to a patient: the rule that fired, or why none did.
    ///
    /// - Parameters:
    ///   - serotonergicDrugs: the serotonergic drugs in the list; empty means no exposure is known.
    ///   - unrecognizedNames: names that were not checked, which could hide a serotonergic drug.
    public static func evaluate(signs: Set<HunterSign>, temperatureCelsius: Double?,
                                serotonergicDrugs: [String], unrecognizedNames: [String] = []) -> HunterResult {
        let rule = firstRule(signs: signs, temperatureCelsius: temperatureCelsius)
        guard !serotonergicDrugs.isEmpty else {
            var explanation = "Not met: the Hunter criteria apply only after exposure to a serotonergic drug, "
                + "and no recognised medication in the list is serotonergic."
            if let rule {
                explanation += " The signs would otherwise satisfy rule \(rule.rawValue) (\(rule.statement)): "
                    + "look for another cause, or for a serotonergic drug, supplement or substance not on the list."
            }
            if !unrecognizedNames.isEmpty {
                explanation += " Not checked: \(unrecognizedNames.joined(separator: ", ")); "
                    + "if one of them is serotonergic, give it by its generic name and assess again."
            }
            return HunterResult(met: false, rule: nil, explanation: explanation)
        }
        let exposure = serotonergicDrugs.joined(separator: ", ")
        if let rule {
            let present = rule.features(in: signs, temperatureCelsius: temperatureCelsius)
            return HunterResult(
                met: true, rule: rule,
                explanation: "Met by rule \(rule.rawValue) (\(rule.statement)): \(present), "
                    + "with exposure to \(exposure). By the Hunter criteria this points to serotonin toxicity.")
        }
        return HunterResult(
            met: false, rule: nil,
            explanation: "Not met: none of the five rules fired, despite exposure to \(exposure). "
                + nearMisses(signs: signs, temperatureCelsius: temperatureCelsius).joined(separator: " "))
    }

    /// For each sign given that did not lead to a rule, what it would need.
    static func nearMisses(signs: Set<HunterSign>, temperatureCelsius: Double?) -> [String] {
        guard !signs.isEmpty else {
            return ["No signs were given; repeat --sign for each sign present."]
        }
        var notes: [String] = []
        let agitatedOrSweating = signs.contains(.agitation) || signs.contains(.diaphoresis)
        let clonus = [HunterSign.inducibleClonus, .ocularClonus].filter(signs.contains)
        if !clonus.isEmpty {
            let names = clonus.map(\.displayName).joined(separator: " and ")
            notes.append("\(names.prefix(1).uppercased() + names.dropFirst()) counts only with agitation or diaphoresis "
                + "(rules 2 and 3), or with hypertonia and a temperature above 38 °C (rule 5).")
        }
        if agitatedOrSweating && clonus.isEmpty {
            notes.append("Agitation and diaphoresis count only with inducible or ocular clonus (rules 2 and 3).")
        }
        if signs.contains(.tremor) && !signs.contains(.hyperreflexia) {
            notes.append("Tremor counts only with hyperreflexia (rule 4).")
        }
        if signs.contains(.hyperreflexia) && !signs.contains(.tremor) {
            notes.append("Hyperreflexia counts only with tremor (rule 4).")
        }
        if signs.contains(.hypertonia) {
            if clonus.isEmpty {
                notes.append("Hypertonia counts only with a temperature above 38 °C and ocular or inducible clonus (rule 5).")
            } else if let temperatureCelsius {
                notes.append("Hypertonia with clonus needs a temperature above 38 °C (rule 5); "
                    + "\(format(temperatureCelsius)) °C is not above 38 °C.")
            } else {
                notes.append("Hypertonia with clonus needs a temperature above 38 °C (rule 5), and none was given "
                    + "(--temperature C).")
            }
        }
        return notes
    }

    /// A temperature as people write it: "38", "38.1"; any other number too ("1e+308", "inf"), without trapping.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : value < 0 ? "-inf" : "inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return abs(value) < 1e6 ? String(format: "%.1f", value) : String(format: "%g", value)
    }
}

extension HunterRule {
    /// The features present that made the rule fire, as a phrase.
    func features(in signs: Set<HunterSign>, temperatureCelsius: Double?) -> String {
        let named: [HunterSign] = switch self {
        case .spontaneousClonus: [.spontaneousClonus]
        case .inducibleClonusWithAgitationOrDiaphoresis: [.inducibleClonus, .agitation, .diaphoresis]
        case .ocularClonusWithAgitationOrDiaphoresis: [.ocularClonus, .agitation, .diaphoresis]
        case .tremorWithHyperreflexia: [.tremor, .hyperreflexia]
        case .hypertoniaWithFeverAndClonus: [.hypertonia, .ocularClonus, .inducibleClonus]
        }
        var parts = named.filter(signs.contains).map(\.displayName)
        if self == .hypertoniaWithFeverAndClonus, let temperatureCelsius {
            parts.insert("temperature \(HunterCriteria.format(temperatureCelsius)) °C", at: 1)
        }
        return parts.joined(separator: ", ")
    }
}
