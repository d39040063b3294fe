import Foundation
import Testing
import TwitchCheckKit

/// Every pair issue 11 names, read from the table in Schema/README.md ("The pairs issue 11 names"),
/// run through `check`: the pair gives a combination finding of the listed effect at the listed
/// severity, and nothing more severe. The table is the documentation and the test at once.
@Suite struct Issue11PairTests {
    /// One drug pair of the table, with the README line it comes from.
    struct Pair: CustomTestStringConvertible, Sendable {
        let first: String
        let second: String
        let effect: String
        let severity: String
        let line: Int
        var testDescription: String { "Schema/README.md:\(line) \(first) + \(second)" }
    }

    static let readme = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().appending(path: "Schema/README.md")

    /// The table's rows, each expanded to every left drug with every right drug.
    static let pairs: [Pair] = {
        guard let text = try? String(contentsOf: readme, encoding: .utf8),
              let start = text.range(of: "### The pairs issue 11 names") else { return [] }
        let before = text[..<start.lowerBound].split(separator: "\n", omittingEmptySubsequences: false).count
        var pairs: [Pair] = []
        for (offset, line) in text[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("## ") { break }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3, cells[0].contains(" + "), cells[1].hasPrefix("`") else { continue }
            let sides = cells[0].components(separatedBy: " + ")
            guard sides.count == 2 else { continue }
            let strip = { (cell: String) in cell.trimmingCharacters(in: CharacterSet(charactersIn: "`")) }
            for a in sides[0].components(separatedBy: ", ") {
                for b in sides[1].components(separatedBy: ", ") {
                    pairs.append(Pair(first: a, second: b, effect: strip(cells[1]), severity: strip(cells[2]),
                                      line: before + offset))
                }
            }
        }
        return pairs
    }()

    @Test func theTableListsEveryClassTheIssueNames() {
        // 26 rows expand to 86 pairs; a parse that finds few means the table moved.
        #expect(Self.pairs.count >= 86, "found \(Self.pairs.count) pairs in \(Self.readme.path)")
        for drug in ["diltiazem", "miconazole", "acetazolamide", "gabapentin", "pregabalin", "bupropion", "zileuton"] {
            #expect(Self.pairs.contains { $0.first == drug || $0.second == drug }, "\(drug) is missing from the table")
        }
    }

    @Test(arguments: pairs)
    func thePairGivesItsListedFinding(_ pair: Pair) throws {
        let report = try TestKnowledgeBase.checker.check([pair.first, pair.second])
        #expect(report.unrecognized.isEmpty)
        let combinations = report.findings.filter { $0.kind == .combination && Set($0.drugs) == [pair.first, pair.second] }
        #expect(combinations.contains { $0.effect.rawValue == pair.effect && $0.severity.rawValue == pair.severity },
                "got \(combinations.map { "\($0.effect.rawValue) \($0.severity.rawValue) (\($0.rule ?? "-"))" })")
        #expect(combinations.allSatisfy { $0.severity.rawValue == pair.severity })
    }
}
