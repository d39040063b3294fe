import Foundation

/// Folds a medication name into the lookup key the knowledge base stores.
///
/// First the text is made plain: Unicode compatibility forms folded (NFKC: full-width
/// "ｓｅｒｔｒａｌｉｎｅ", ligatures), invisible format characters dropped (soft hyphen, zero-width
/// spaces and joiners, word joiner, bidi marks, byte-order mark) and every kind of space
/// made a space. Then: lowercase, accents removed, apostrophes dropped ("St. John's" →
/// "st johns"), every other non-alphanumeric character a word break, runs collapsed.
/// It never changes letters, so a misspelling stays a misspelling.
public enum NameNormalizer {
    /// The lookup key for a name; empty when the name has no letters or digits.
    public static func key(_ name: some StringProtocol) -> String {
        tokens(name).joined(separator: " ")
    }

    /// The words of the key, in order.
    public static func tokens(_ name: some StringProtocol) -> [String] {
        units(name).flatMap { $0 }
    }

    /// The words of the key grouped into what was written as one word: words joined by a hyphen
    /// or other punctuation without a space between them ("5-HTP", "phe-nelzine", "St.John's")
    /// form one unit, which a name must match whole. A space, or a list separator
    /// (`/ , ; + ( ) [ ] & :`), ends a unit.
    public static func units(_ name: some StringProtocol) -> [[String]] {
        writtenUnits(name).units
    }

    /// The units, and the indexes of those that follow a control character (a line break, a
    /// stray byte): those are breaks in the record, never a typing slip to be joined over.
    static func writtenUnits(_ name: some StringProtocol) -> (units: [[String]], afterControl: Set<Int>) {
        var builder = UnitBuilder()
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in name.utf8 {
                switch byte {
                case 0x27, 0x60: continue  // apostrophe, backtick
                case 0x41...0x5A: builder.append(Unicode.Scalar(byte + 0x20))
                case 0x61...0x7A, 0x30...0x39: builder.append(Unicode.Scalar(byte))
                default: builder.separate(Unicode.Scalar(byte))
                }
            }
            return builder.finish()
        }
        for scalar in foldedScalars(name) {
            if scalar == "'" || scalar == "\u{2019}" || scalar == "`" {
                continue
            }
            if CharacterSet.alphanumerics.contains(scalar) {
                builder.append(scalar)
            } else {
                builder.separate(scalar)
            }
        }
        return builder.finish()
    }

    /// Whether a separator ends a unit: white space and list separators do; hyphens, dots and
    /// other punctuation inside a word do not.
    static func breaksUnit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isWhitespace || scalar.value < 0x20 { return true }
        return "/,;+()[]{}&:|\"*<>=".unicodeScalars.contains(scalar)
    }

    /// The input made plain (see the type's summary), then folded for case, accents and width.
    private static func foldedScalars(_ name: some StringProtocol) -> String.UnicodeScalarView {
        var plain = String.UnicodeScalarView()
        for scalar in String(name).precomposedStringWithCompatibilityMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .format: continue  // U+00AD, U+200B–U+200D, U+2060, U+200E/F, U+202A–E, U+2066–9, U+FEFF
            case .spaceSeparator, .lineSeparator, .paragraphSeparator: plain.append(" ")
            default: plain.append(scalar)
            }
        }
        return String(plain).folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .lowercased().unicodeScalars
    }

    /// Collects words and units as scalars arrive.
    private struct UnitBuilder {
        var units: [[String]] = []
        var unit: [String] = []
        var word = String.UnicodeScalarView()
        var afterControl: Set<Int> = []

        mutating func append(_ scalar: Unicode.Scalar) { word.append(scalar) }

        /// A non-alphanumeric character: ends the word, and the unit too when it ``breaksUnit(_:)``.
        mutating func separate(_ scalar: Unicode.Scalar) {
            if !word.isEmpty {
                unit.append(String(word))
                word = String.UnicodeScalarView()
            }
            if NameNormalizer.breaksUnit(scalar), !unit.isEmpty {
                units.append(unit)
                unit = []
            }
            if scalar.properties.generalCategory == .control, scalar != "\t" { afterControl.insert(units.count) }
        }

        mutating func finish() -> (units: [[String]], afterControl: Set<Int>) {
            separate(" ")
            return (units, afterControl)
        }
    }
}
