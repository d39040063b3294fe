import Foundation
import Testing

/// Every ```sql block of Schema/README.md, run the way the README tells a user to: pasted whole
/// (its `-- expect:` comment too) into `twitchcheck sql "…"`, and fed on standard input to
/// `twitchcheck sql -`. Each returns rows and, where a `-- expect:` comment names drugs, them.
@Suite struct SchemaCookbookTests {
    /// One documented query, with the line of the README it starts on.
    struct Example: CustomTestStringConvertible, Sendable {
        let line: Int
        let sql: String
        let expected: [String]
        var testDescription: String { "Schema/README.md:\(line)" }
    }

    static let readme: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Schema/README.md")

    static let examples: [Example] = {
        guard let text = try? String(contentsOf: readme, encoding: .utf8) else { return [] }
        var examples: [Example] = []
        var current: (line: Int, lines: [String])?
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            if current == nil, line.trimmingCharacters(in: .whitespaces) == "```sql" {
                current = (index + 2, [])
            } else if let block = current, line.trimmingCharacters(in: .whitespaces) == "```" {
                let expected = block.lines.filter { $0.hasPrefix("-- expect:") }
                    .flatMap { $0.dropFirst("-- expect:".count).split(separator: ",") }
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                examples.append(Example(line: block.line, sql: block.lines.joined(separator: "\n"), expected: expected))
                current = nil
            } else if current != nil {
                current?.lines.append(line)
            }
        }
        return examples
    }()

    @Test func theCookbookHasTheSeedQuestions() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        #expect(Self.examples.count >= 8)
        #expect(Self.examples.contains { $0.sql.hasPrefix("-- expect:") }, "some query starts with a comment, as pasted")
        for question in ["What drugs cause tremors?", "Which drugs can cause serotonin syndrome?",
                         "What medications cause muscle twitching?", "What does sertraline interact with?",
                         "Which brand names does albuterol have?", "Where do the sources disagree?"] {
            #expect(text.contains(question), "Schema/README.md has no section for \"\(question)\"")
        }
    }

    @Test func everyViewIsDocumented() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let objects = try CommandRunner.run(["sql", "--format", "csv",
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'"])
        #expect(objects.status == 0, "\(objects.stderr)")
        for name in objects.stdout.split(separator: "\r\n").dropFirst() {
            #expect(text.contains("`\(name)`"), "Schema/README.md does not describe \(name)")
        }
    }

    @Test("documented query, pasted as an argument", arguments: examples)
    func pastedAsAnArgument(_ example: Example) throws {
        let result = try CommandRunner.run(["sql", example.sql])
        check(result, example)
    }

    @Test("documented query, on standard input", arguments: examples)
    func fedOnStandardInput(_ example: Example) throws {
        let result = try CommandRunner.run(["sql", "-", "--format", "csv"], input: example.sql)
        check(result, example)
    }

    private func check(_ result: CommandRunner.Result, _ example: Example) {
        #expect(result.status == 0, "\(example.testDescription): \(result.stderr)")
        let lines = result.stdout.split(whereSeparator: \.isNewline)
        #expect(lines.count > 1, "\(example.testDescription): the query returned no rows")
        let words = Set(result.stdout.split { $0 == "," || $0.isWhitespace }.map(String.init))
        for drug in example.expected {
            #expect(words.contains(drug), "\(example.testDescription): \(drug) is missing from the answer")
        }
    }
}
