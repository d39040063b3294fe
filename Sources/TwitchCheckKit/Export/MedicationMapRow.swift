/// One row of `twitchcheck resolve`: a medication string and one drug it contains.
///
/// A string with several ingredients gives a row per ingredient; a string that is not
/// recognised gives one row with an empty `drug` (and close names in `suggestions`), so a
/// warehouse join never drops it silently. A string recognised with words left over
/// ("amoxicillin xyzzq") carries those words on each of its rows, so the warehouse reports
/// them as `batch` does (`unrecognized_words`).
public struct MedicationMapRow: Sendable, Equatable {
    /// The string as `batch` reads it: without surrounding spaces and tabs.
    public let medication: String
    /// A generic name, or "" when the string was not recognised.
    public let drug: String
    /// How the string was matched (`generic`, `brand`, `rxnorm`...), or "" when not recognised.
    public let matchedBy: String
    /// Close names for an unrecognised string, joined by ", " as `batch` prints them.
    public let suggestions: String
    /// Words of a recognised string that were not understood, joined by ", " as `batch` prints
    /// them; "" when every word was understood.
    public let unmatchedWords: String
    /// When ``unmatchedWords`` is not empty, every drug of the string joined by "+" in the
    /// resolver's order (as `batch` prints "recognised: ..."); "" otherwise.
    public let recognised: String

    /// A row; the last two fields are empty unless a recognised string had words left over.
    public init(medication: String, drug: String, matchedBy: String, suggestions: String,
                unmatchedWords: String = "", recognised: String = "") {
        self.medication = medication
        self.drug = drug
        self.matchedBy = matchedBy
        self.suggestions = suggestions
        self.unmatchedWords = unmatchedWords
        self.recognised = recognised
    }

    /// The CSV header of `twitchcheck resolve`.
    public static let csvHeader = "medication,drug,matched_by,suggestions,unmatched_words,recognised"

    /// The row as one RFC 4180 line with CRLF.
    public var csvLine: String {
        CSVFormatter.fields([medication, drug, matchedBy, suggestions, unmatchedWords, recognised]) + "\r\n"
    }
}
