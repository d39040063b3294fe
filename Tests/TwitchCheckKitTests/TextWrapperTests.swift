import Testing
@testable import TwitchCheckKit

/// Wrapping at spaces to a width: generated over texts of words of every length and many widths.
@Suite struct TextWrapperTests {
    /// Texts of words from 1 to 30 characters, some with colour sequences, as reports have them.
    static let texts: [String] = (0..<40).map { seed in
        (0..<(5 + seed % 23)).map { index in
            let word = String(repeating: Character(UnicodeScalar(97 + (seed + index) % 26)!), count: 1 + (seed * 7 + index * 13) % 30)
            return index % 5 == 0 ? "\u{1B}[1m\(word)\u{1B}[0m" : word
        }.joined(separator: " ")
    }

    @Test func noLineIsWiderThanTheWidthAndNoWordIsBroken() {
        for width in [20, 24, 33, 40, 80] {
            let wrapper = TextWrapper(width: width)
            for text in Self.texts {
                let lines = wrapper.wrap(text, indent: "  ", hanging: "    ")
                for line in lines where TextWrapper.visibleWidth(line) > width {
                    #expect(line.trimmingCharacters(in: .whitespaces).split(separator: " ").count == 1,
                            "only a word longer than the width may overflow: \(line)")
                }
                #expect(lines.joined(separator: " ").split(separator: " ") == text.split(separator: " "), "the same words, in order")
                #expect(lines.first?.hasPrefix("  ") == true)
                #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("    ") }, "a hanging indent")
            }
        }
    }

    @Test func lineBreaksFallAsLateAsTheyCan() {
        let lines = TextWrapper(width: 20).wrap("aaaa bbbb cccc dddd eeee ffff")
        #expect(lines == ["aaaa bbbb cccc dddd", "eeee ffff"])
        #expect(TextWrapper(width: 20).wrap("x " + String(repeating: "y", count: 30) + " z")
            == ["x", String(repeating: "y", count: 30), "z"])
    }

    @Test func fitCutsAfterAWholeWord() {
        let wrapper = TextWrapper(width: 20)
        #expect(wrapper.fit("short", indent: "  ") == "  short")
        #expect(wrapper.fit("[1] id — one two three four five", indent: "  ") == "  [1] id — one two …")
        #expect(TextWrapper.visibleWidth(wrapper.fit("[1] id — one two three four five", indent: "  ")) <= 20)
    }

    /// The byte count for ASCII text is the character count: over generated strings of ASCII
    /// letters, spaces, colour sequences, CR LF, accents, combining marks, emoji and invisible characters.
    @Test func theASCIIWidthIsTheCharacterWidth() {
        let pieces = ["a", "Z", " ", "7", "\u{1B}[1m", "\u{1B}[0m", "\u{1B}[38;5;196m", "\r\n", "\r", "\n", "\t", "é", "e\u{301}",
                      "\u{200B}", "\u{FEFF}", "🇺🇸", "👩‍⚕️", "—", "\u{1B}", "[", "m"]
        var state: UInt64 = 7
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<12 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int((state >> 33) % UInt64(pieces.count))]
            }
            #expect(TextWrapper.visibleWidth(text) == TextWrapper.characterWidth(text), "\(text.debugDescription)")
            #expect(TextWrapper.visibleWidth(text.dropFirst()) == TextWrapper.characterWidth(text.dropFirst()))
        }
        #expect(TextWrapper.visibleWidth("\u{1B}[1mbold\u{1B}[0m text") == 9)
    }

    @Test("COLUMNS, else the terminal, else 80", arguments: [
        (["COLUMNS": "100"], 120 as Int?, 100), (["COLUMNS": ""], 120, 120), ([:], nil, 80),
        (["COLUMNS": "wide"], nil, 80), (["COLUMNS": "0"], nil, 80),
    ] as [([String: String], Int?, Int)])
    func theWidthComesFromTheEnvironment(_ environment: [String: String], _ terminal: Int?, _ expected: Int) {
        #expect(TextWrapper.width(environment: environment, terminalWidth: terminal) == expected)
    }
}
