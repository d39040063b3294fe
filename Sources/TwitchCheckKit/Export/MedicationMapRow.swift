/// One row of `twitchcheck resolve`: a medication string and one drug it contains.
///
/// A string with several ingredients gives a row per ingredient; a string that is not
/// recognised gives one row with an empty `drug` (and close names in `suggestions`), so a
/// warehouse join never drops it silently.
public struct MedicationMapRow: Sendable, Equatable {
    /// The string as `batch` reads it: without surrounding spaces and tabs.
    public let medication: String
    /// A generic name, or "" when the string was not recognised.
    public let drug: String
    /// How the string was matched (`generic`, `brand`, `rxnorm`...), or "" when not recognised.
    public let matchedBy: String
    /// Close names for an unrecognised string, joined by ", " as `batch` prints them.
    public let suggestions: String

    /// The CSV header of `twitchcheck resolve`.
    public static let csvHeader = "medication,drug,matched_by,suggestions"

    /// The row as one RFC 4180 line with CRLF.
    public var csvLine: String {
        CSVFormatter.fields([medication, drug, matchedBy, suggestions]) + "\r\n"
    }
}
