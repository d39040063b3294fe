import Foundation
import Testing

/// `check`'s text as a pharmacist reads it, pinned exactly at 80 columns for realistic lists
/// (Tests/Fixtures/check-text: the README's example, a 15-drug list, duplicates, --min-severity...),
/// and wrapped to any width without a long line or a broken word.
@Suite(.serialized) struct CheckTextLayoutTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appending(path: "Fixtures/check-text")

    /// The runs pinned in the fixtures folder, by name.
    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
        return names.filter { $0.hasSuffix(".args") }.map { String($0.dropLast(5)) }.sorted()
    }()

    static func arguments(_ name: String) throws -> [String] {
        try String(contentsOf: fixtures.appending(path: "\(name).args"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
    }

    @Test func theFixturesCoverTheREADMEExampleAndALongList() throws {
        #expect(Self.cases.contains("readme-example"))
        #expect(try Self.arguments("fifteen-drugs").count == 16)
    }

    @Test("pinned at 80 columns", arguments: cases)
    func pinned(_ name: String) throws {
        let expected = try String(contentsOf: Self.fixtures.appending(path: "\(name).txt"), encoding: .utf8)
        let result = try CommandRunner.run(try Self.arguments(name), environment: ["COLUMNS": ""])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == expected, "Tests/Fixtures/check-text/\(name).txt differs; see its README to regenerate")
    }

    @Test("wrapped to COLUMNS", arguments: cases)
    func wrapped(_ name: String) throws {
        let arguments = try Self.arguments(name)
        let wide = try CommandRunner.run(arguments, environment: ["COLUMNS": "500"]).stdout
        for width in [24, 40, 60, 80, 132] {
            let text = try CommandRunner.run(arguments, environment: ["COLUMNS": "\(width)"]).stdout
            for line in text.split(separator: "\n") where line.count > width {
                #expect(!line.trimmingCharacters(in: .whitespaces).contains(" "),
                        "\(name) at \(width): a line of \(line.count) characters: \(line)")
            }
            // Wrapping only moves line breaks: the words are those of the unwrapped text, none broken
            // (up to the sources, whose lines are cut to fit with "…").
            func body(_ text: String) -> [Substring] {
                text.components(separatedBy: "\nSources (")[0].split(whereSeparator: \.isWhitespace)
            }
            #expect(body(text) == body(wide), "\(name) at \(width)")
            let sources = text.components(separatedBy: "\nSources (").dropFirst().joined()
                .split(separator: "\n").filter { $0.hasPrefix("  [") }
            #expect(sources.allSatisfy { $0.count <= width || $0.split(separator: " ").count <= 3 }, "\(name) at \(width)")
        }
    }

    @Test func theVerdictComesFirstAndNotCheckedNamesBeforeTheFindings() throws {
        let text = try CommandRunner.run(["check", "sertraline", "tramadol", "sertralin"]).stdout
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Highest severity: MAJOR (avoid the combination or change therapy)")
        #expect(lines[1].hasPrefix("5 findings: 1 major, 4 minor; 1 of 3 names NOT CHECKED."))
        let notChecked = try #require(lines.firstIndex { $0.hasPrefix("NOT CHECKED") })
        let firstFinding = try #require(lines.firstIndex { $0.hasPrefix("MAJOR") })
        #expect(notChecked < firstFinding)
    }

    @Test func findingsOfOneRuleAreOneBlockAndEachSourceIsListedOnce() throws {
        // Three reuptake inhibitors: three pairs under one rule whose text names no drug.
        let text = try CommandRunner.run(["check", "sertraline", "fluoxetine", "venlafaxine"]).stdout
        #expect(text.components(separatedBy: "Taking these two serotonergic drugs together").count == 2, "one block")
        #expect(text.contains("MAJOR serotonin syndrome — fluoxetine, sertraline, venlafaxine [3 combinations,"))
        #expect(text.contains("Pairs: fluoxetine + sertraline; fluoxetine + venlafaxine; sertraline +\n    venlafaxine"))
        let ids = text.split(separator: "\n").filter { $0.hasPrefix("  [") }.map { $0.split(separator: " ")[1] }
        #expect(!ids.isEmpty)
        #expect(Set(ids).count == ids.count, "each source once")
    }

    @Test func colourIsNeverTheOnlyCarrierOfSeverity() throws {
        let plain = try CommandRunner.run(["check", "sertraline", "tramadol", "Ventolin"], environment: ["COLUMNS": ""]).stdout
        let coloured = try CommandRunner.run(["check", "sertraline", "tramadol", "Ventolin", "--color", "always"],
                                             environment: ["COLUMNS": ""]).stdout
        #expect(coloured.contains("\u{1B}["))
        let stripped = coloured.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        #expect(stripped == plain, "the same words and line breaks with and without colour")
    }
}

/// The README's example is the build's output, word for word.
@Suite struct READMEExampleTests {
    @Test func theREADMEExampleIsThePinnedOutput() throws {
        let root = CheckTextLayoutTests.fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appending(path: "README.md"), encoding: .utf8)
        let arguments = try CheckTextLayoutTests.arguments("readme-example")
        let command = "$ twitchcheck " + arguments.map { $0.contains(" ") ? "\"\($0)\"" : $0 }.joined(separator: " ") + "\n"
        let expected = try String(contentsOf: CheckTextLayoutTests.fixtures.appending(path: "readme-example.txt"), encoding: .utf8)
        #expect(readme.contains("```console\n" + command + expected + "```\n"),
                "README.md's 'Checking a list' example is not the output of \(command)")
    }
}
