/// Assesses a patient for serotonin toxicity by the Hunter criteria, given their medications and signs.
public struct SerotoninAssessor: Sendable {
    private let checker: MedicationChecker

    public init(checker: MedicationChecker) {
        self.checker = checker
    }

    /// Checks the list as `check` does, finds its serotonergic drugs, and applies the criteria to the signs.
    /// Throws ``AssessmentInputError`` for a temperature outside the plausible range.
    public func assess(_ medications: [String], signs: Set<HunterSign>, temperatureCelsius: Double?) throws -> SerotoninAssessment {
        if let temperatureCelsius {
            try HunterCriteria.validate(temperatureCelsius: temperatureCelsius)
        }
        let report = try checker.check(medications)
        let serotonergic = try checker.knowledgeBase.serotonergicStrengths(of: report.drugs).keys.sorted()
        let hunter = HunterCriteria.evaluate(signs: signs, temperatureCelsius: temperatureCelsius,
                                             serotonergicDrugs: serotonergic,
                                             unrecognizedNames: report.unrecognized.map(\.input))
        return SerotoninAssessment(hunter: hunter, serotonergicDrugs: serotonergic, signs: signs.sorted(),
                                   temperatureCelsius: temperatureCelsius, check: report)
    }
}
