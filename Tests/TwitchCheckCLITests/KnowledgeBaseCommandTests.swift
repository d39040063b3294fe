import Foundation
import TestScratch
import Testing

/// `sql`, `drug`, `effect`, `db info` and `db check` end to end, from the built binary.
@Suite(.serialized) struct KnowledgeBaseCommandTests {
    /// The default database's path, built on first use.
    static func databasePath() throws -> String {
        try CommandRunner.run(["db", "path"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The file's bytes, for comparing before and after.
    static func digest(_ path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path))
    }

    @Test func writesAreRefusedAndTheFileIsUnchanged() throws {
        let path = try Self.databasePath()
        let before = try Self.digest(path)
        let attempts = [
            "INSERT INTO sources (id, kind, citation) VALUES ('x', 'review', 'x')",
            "UPDATE drugs SET atc = NULL",
            "DELETE FROM drug_names",
            "DROP TABLE drugs",
            "ATTACH DATABASE '\(path)-other' AS other",
            "PRAGMA writable_schema = 1",
            "PRAGMA journal_mode = WAL",
            "SELECT load_extension('x')",
        ]
        for sql in attempts {
            let result = try CommandRunner.run(["sql", sql])
            #expect(result.status == 2, "\(sql): exit \(result.status)")
            #expect(result.stderr.contains("refused:") && result.stderr.contains("is not allowed"), "\(sql): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        #expect(try Self.digest(path) == before, "the database file's bytes changed")
        #expect(!FileManager.default.fileExists(atPath: "\(path)-other"))
        #expect(!FileManager.default.fileExists(atPath: "\(path)-wal"))
    }

    @Test func invalidSQLAndTimeoutsExitTwoWithAMessage() throws {
        let invalid = try CommandRunner.run(["sql", "SELEC 1"])
        #expect(invalid.status == 2)
        #expect(invalid.stderr.contains("near \"SELEC\": syntax error"))
        let slow = try CommandRunner.run(["sql", "--timeout", "0.3",
                                          "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n"])
        #expect(slow.status == 2)
        #expect(slow.stderr.contains("longer than 0.3 seconds"))
    }

    @Test func sqlPrintsEveryRowFormat() throws {
        let query = "SELECT drug, kind FROM drug_name_list WHERE drug = :d AND kind = 'generic'"
        let table = try CommandRunner.run(["sql", query, "--param", "d=albuterol"])
        #expect(table.stdout == "drug       kind\n---------  -------\nalbuterol  generic\n")
        #expect(try CommandRunner.run(["sql", query, "--param", "d=albuterol", "--format", "csv"]).stdout == "drug,kind\r\nalbuterol,generic\r\n")
        #expect(try CommandRunner.run(["sql", query, "--param", "d=albuterol", "--format", "json"]).stdout
                == "[{\"drug\": \"albuterol\", \"kind\": \"generic\"}]\n")
        #expect(try CommandRunner.run(["sql", query, "--param", "d=albuterol", "--format", "jsonl"]).stdout
                == "{\"drug\": \"albuterol\", \"kind\": \"generic\"}\n")
    }

    @Test func drugShowsInteractionsThroughRuleSides() throws {
        let text = try CommandRunner.run(["drug", "Zoloft"])
        #expect(text.status == 0)
        for expected in ["sertraline", "Zoloft", "ssri", "Combination rules", "tramadol", "linezolid", "phenelzine", "Source:"] {
            #expect(text.stdout.contains(expected), "missing \(expected)")
        }
        let json = try CommandRunner.run(["drug", "sertraline", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["drug"] as? String == "sertraline")
        let interactions = try #require(object["interactions"] as? [[String: Any]])
        let others = Set(interactions.flatMap { (($0["with"] as? [String: Any])?["drugs"] as? [String]) ?? [] })
        #expect(others.isSuperset(of: ["tramadol", "linezolid", "phenelzine"]))
    }

    @Test func anUnknownDrugIsNotRecognisedWithSuggestions() throws {
        let result = try CommandRunner.run(["drug", "sertralin"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("'sertralin' is not recognised"))
        #expect(result.stderr.contains("did you mean: sertraline"))
    }

    @Test func effectListsTheDrugsTheViewNames() throws {
        let fromView = try CommandRunner.run(["sql", "SELECT drug FROM drugs_by_effect WHERE effect = 'tremor'", "--format", "csv"])
            .stdout.split(separator: "\r\n").dropFirst().map(String.init)
        #expect(Set(fromView).isSuperset(of: ["albuterol", "lithium", "valproate", "amiodarone"]))
        let text = try CommandRunner.run(["effect", "tremor"])
        #expect(text.status == 0)
        for drug in fromView { #expect(text.stdout.contains(drug), "effect tremor does not list \(drug)") }
        let json = try CommandRunner.run(["effect", "tremor", "--format", "json", "--min-severity", "moderate"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let severities = ((object["groups"] as? [[String: Any]]) ?? []).flatMap { ($0["drugs"] as? [[String: Any]]) ?? [] }
            .compactMap { $0["severity"] as? String }
        #expect(!severities.isEmpty && !severities.contains("minor"))
        let badClass = try CommandRunner.run(["effect", "tremor", "--class", "no_such_class"])
        #expect(badClass.status == 2)
        #expect(badClass.stderr.contains("no class 'no_such_class'"))
        #expect(try CommandRunner.run(["effect", "shivers"]).status == 2)
    }

    @Test func dbInfoAndCheckDescribeTheFile() throws {
        let info = try CommandRunner.run(["db", "info", "--format", "json"])
        #expect(info.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as? [[String: Any]])
        let items = Set(rows.compactMap { $0["item"] as? String })
        #expect(items.isSuperset(of: ["schema_version", "seed_digest", "built_at", "sources", "rows in drugs"]))
        let check = try CommandRunner.run(["db", "check"])
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.contains("OK: "))
    }

    @Test func dbCheckFailsOnABrokenFile() throws {
        let directory = TestScratch.root.appending(path: "twitchcheck-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let copy = directory.appending(path: "kb.sqlite")
        try FileManager.default.copyItem(atPath: try Self.databasePath(), toPath: copy.path)
        let tamper = Process()
        tamper.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tamper.arguments = ["sqlite3", copy.path, "DELETE FROM rule_examples WHERE expectation = 'clear'"]
        guard (try? tamper.run()) != nil else { return }  // no sqlite3 shell: the library tests cover the checks
        tamper.waitUntilExit()
        guard tamper.terminationStatus == 0 else { return }
        let result = try CommandRunner.run(["db", "check", "--db", copy.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("rule-without-clear-example"))
        #expect(result.stdout.contains("Seeds/rule_examples/"))
        #expect(result.stdout.contains("FAILED:"))
    }
}
