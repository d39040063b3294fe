/// Wraps text to a width at spaces, never inside a word, with a hanging indent.
///
/// Width is counted in visible characters: ANSI colour sequences count as nothing, so the
/// same text wraps the same way with and without colour. A word longer than the width keeps
/// a line of its own rather than being broken.
public struct TextWrapper: Sendable {
    /// The width when none is known (output that is not a terminal, no usable `COLUMNS`).
    public static let defaultWidth = 80
    /// Narrower than this, a report would be all indent; wider, lines are hard to read anyway.
    public static let widthRange = 20...500

    /// Columns per line.
    public let width: Int

    public init(width: Int) {
        self.width = min(max(width, Self.widthRange.lowerBound), Self.widthRange.upperBound)
    }

    /// The width for output: `COLUMNS` when it is a number, else the terminal's own width when
    /// `terminalWidth` is known, else ``defaultWidth``.
    public static func width(environment: [String: String], terminalWidth: Int?) -> Int {
        if let columns = environment["COLUMNS"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), columns > 0 {
            return columns
        }
        return terminalWidth.flatMap { $0 > 0 ? $0 : nil } ?? defaultWidth
    }

    /// `text` as lines: the first starts with `indent`, the rest with `hanging`.
    public func wrap(_ text: String, indent: String = "", hanging: String? = nil) -> [String] {
        let continuation = hanging ?? indent
        var lines: [String] = []
        var line = indent
        var lineWidth = Self.visibleWidth(indent)
        var lineHasWord = false
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let wordWidth = Self.visibleWidth(word)
            if lineHasWord && lineWidth + 1 + wordWidth > width {
                lines.append(line)
                line = continuation
                lineWidth = Self.visibleWidth(continuation)
                lineHasWord = false
            }
            if lineHasWord {
                line += " "
                lineWidth += 1
            }
            line += word
            lineWidth += wordWidth
            lineHasWord = true
        }
        lines.append(line)
        return lines
    }

    /// `indent` and `text` on one line: whole if it fits, else cut after the last word that fits,
    /// with "…". The first word is always kept, however long.
    public func fit(_ text: String, indent: String = "") -> String {
        let whole = indent + text
        guard Self.visibleWidth(whole) > width else { return whole }
        var line = indent
        var hasWord = false
        for word in text.split(separator: " ") {
            let candidate = hasWord ? line + " " + word : line + word
            if hasWord && Self.visibleWidth(candidate) + 2 > width { break }
            line = candidate
            hasWord = true
        }
        return line + " …"
    }

    /// Characters a terminal shows for `text`: ANSI escape sequences (`ESC [ … letter`) take no room.
    public static func visibleWidth(_ text: some StringProtocol) -> Int {
        // Text that is all ASCII without a carriage return (a report's own words, most names) is one
        // character a byte: counted without grapheme breaking, a third of `check`'s text report.
        var count = 0
        var inEscape = false
        for byte in text.utf8 {
            guard byte < 0x80, byte != 0x0D else { return characterWidth(text) }
            if inEscape {
                if (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) { inEscape = false }
            } else if byte == 0x1B {
                inEscape = true
            } else {
                count += 1
            }
        }
        return count
    }

    /// ``visibleWidth(_:)`` counted in characters (grapheme clusters), for any text.
    static func characterWidth(_ text: some StringProtocol) -> Int {
        var count = 0
        var inEscape = false
        for character in text {
            if inEscape {
                if character.isLetter { inEscape = false }
            } else if character == "\u{1B}" {
                inEscape = true
            } else {
                count += 1
            }
        }
        return count
    }
}
