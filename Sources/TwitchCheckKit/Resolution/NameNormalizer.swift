import Foundation

/// Folds a medication name into the lookup key the knowledge base stores.
///
/// Lowercase, accents removed, apostrophes dropped ("St. John's" → "st johns"),
/// every other non-alphanumeric character a space, runs of spaces collapsed.
/// It never changes letters, so a misspelling stays a misspelling.
public enum NameNormalizer {
    /// The lookup key for a name; empty when the name has no letters or digits.
    public static func key(_ name: some StringProtocol) -> String {
        tokens(name).joined(separator: " ")
    }

    /// The words of the key, in order.
    public static func tokens(_ name: some StringProtocol) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in foldedScalars(name) {
            if scalar == "'" || scalar == "\u{2019}" || scalar == "`" {
                continue
            }
            if CharacterSet.alphanumerics.contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    private static func foldedScalars(_ name: some StringProtocol) -> String.UnicodeScalarView {
        // ASCII is the common case (EHR exports); skip Foundation's folding for it.
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(name).lowercased().unicodeScalars
        }
        return String(name).folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .lowercased().unicodeScalars
    }
}
