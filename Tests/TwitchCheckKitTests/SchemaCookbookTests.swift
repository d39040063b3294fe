import Foundation
import Testing
import TwitchCheckKit

/// Every ```sql block of Schema/README.md runs against the shipped knowledge base, returns rows,
/// and, where a `-- expect:` comment names drugs, returns them.
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
        for question in ["What drugs cause tremors?", "Which drugs can cause serotonin syndrome?",
                         "What medications cause muscle twitching?", "What does sertraline interact with?",
                         "Which brand names does albuterol have?", "Where do the sources disagree?"] {
            #expect(text.contains(question), "Schema/README.md has no section for \"\(question)\"")
        }
    }

    @Test func everyViewIsDocumented() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let objects = try ReadOnlyQuery(knowledgeBase: TestKnowledgeBase.shared)
            .run("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'")
        for row in objects.rows {
            #expect(text.contains("`\(row[0].text)`"), "Schema/README.md does not describe \(row[0].text)")
        }
    }

    @Test("documented query", arguments: examples)
    func documentedQuery(_ example: Example) throws {
        let result = try ReadOnlyQuery(knowledgeBase: TestKnowledgeBase.shared).run(example.sql)
        #expect(!result.rows.isEmpty, "\(example.testDescription): the query returned no rows")
        let values = Set(result.rows.flatMap { $0.map(\.text) })
        for drug in example.expected {
            #expect(values.contains(drug), "\(example.testDescription): \(drug) is missing from the answer")
        }
    }
}
