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
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return asciiTokens(name.utf8) }
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

    /// The fast path for plain ASCII, which is nearly every name in an EHR export.
    private static func asciiTokens(_ bytes: some Collection<UInt8>) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        for byte in bytes {
            switch byte {
            case 0x27, 0x60: continue  // apostrophe, backtick
            case 0x41...0x5A: current.append(byte + 0x20)
            case 0x61...0x7A, 0x30...0x39: current.append(byte)
            default:
                if !current.isEmpty {
                    words.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    private static func foldedScalars(_ name: some StringProtocol) -> String.UnicodeScalarView {
        return String(name).folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .lowercased().unicodeScalars
    }
}
