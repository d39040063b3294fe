/// What is wrong with the signs or temperature given to `assess`, and what to give instead.
public enum AssessmentInputError: Error, Equatable, CustomStringConvertible {
    /// A word that is no sign's id or synonym.
    case unknownSign(String)
    /// A word deliberately not taken as a sign because it could mean something else.
    case refusedSign(String, reason: String)
    /// A temperature outside the range a living patient's could be.
    case implausibleTemperature(Double)

    public var description: String {
        switch self {
        case .unknownSign(let word):
            "unknown sign '\(word)'; the valid signs are: "
                + HunterSign.allCases.map(\.rawValue).joined(separator: ", ")
                + " (see 'twitchcheck assess --help' for the words accepted for each)"
        case .refusedSign(let word, let reason):
            "'\(word)' is not taken as a sign: \(reason). The valid signs are: "
                + HunterSign.allCases.map(\.rawValue).joined(separator: ", ")
        case .implausibleTemperature(let value):
            (value.isFinite ? "a temperature of \(HunterCriteria.format(value)) °C is outside the plausible range "
                : "'\(HunterCriteria.format(value))' is not a temperature; the plausible range is ")
                + "\(HunterCriteria.format(HunterCriteria.plausibleTemperatures.lowerBound))–"
                + "\(HunterCriteria.format(HunterCriteria.plausibleTemperatures.upperBound)) °C; "
                + "give the body temperature in degrees Celsius (for example --temperature 38.5)"
        }
    }
}
