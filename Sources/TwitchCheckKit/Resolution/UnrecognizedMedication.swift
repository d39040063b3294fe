/// A typed name that was not checked: matched no drug, or stands for more than one.
/// Reported as not checked, never guessed at.
public struct UnrecognizedMedication: Codable, Sendable, Equatable {
    /// Why a name was not checked.
    public enum Reason: String, Codable, Sendable {
        /// No known name matched; `suggestions` holds close names.
        case notRecognized = "not_recognized"
        /// An error-prone abbreviation that means several drugs ("MS": morphine or magnesium
        /// sulfate); `suggestions` holds every drug it may mean.
        case ambiguous
        /// The item says "stopped" but its date is not a `YYYY-MM-DD` date, so neither the
        /// drug nor its washout was checked.
        case unreadableDate = "unreadable_date"
    }

    /// The name exactly as the user gave it.
    public let input: String
    /// Close names from the knowledge base, closest first, or every drug an ambiguous name may
    /// mean; suggestions only, never applied.
    public let suggestions: [String]
    public let reason: Reason

    public init(input: String, suggestions: [String], reason: Reason = .notRecognized) {
        self.input = input
        self.suggestions = suggestions
        self.reason = reason
    }

    /// Reads the JSON shape; `reason` is optional there (reports before it existed lack it).
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        input = try container.decode(String.self, forKey: .input)
        suggestions = try container.decode([String].self, forKey: .suggestions)
        reason = try container.decodeIfPresent(Reason.self, forKey: .reason) ?? .notRecognized
    }
}
