import Foundation
import TestScratch
import Testing

/// `twitchcheck check` end to end: output, exit codes and error messages, from the built binary.
@Suite(.serialized) struct CheckCommandTests {
    @Test func aCombinationIsReportedInText() throws {
        let result = try CommandRunner.run(["check", "sertraline", "tramadol"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("MAJOR serotonin syndrome — sertraline + tramadol"))
        #expect(result.stdout.contains("What to do:"))
        #expect(result.stdout.contains("\n  [1] fda-opi — FDA Drug Safety Communication"))
        #expect(result.stdout.contains("This is not medical advice."))
        #expect(!result.stdout.contains("\u{1B}["), "no ANSI colour when stdout is not a terminal")
    }

    @Test func jsonOutputParsesAndCarriesTheFinding() throws {
        let result = try CommandRunner.run(["check", "--format", "json", "sertraline", "tramadol"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let finding = try #require((object["findings"] as? [[String: Any]])?.first)
        #expect(finding["kind"] as? String == "combination")
        #expect(finding["effect"] as? String == "serotonin_syndrome")
        #expect(finding["drugs"] as? [String] == ["sertraline", "tramadol"])
        #expect(!((finding["sources"] as? [String]) ?? []).isEmpty)
    }

    @Test func aClearListHasNullHighestSeverity() throws {
        let result = try CommandRunner.run(["check", "--format", "json", "amoxicillin", "lisinopril"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((object["findings"] as? [Any])?.isEmpty == true)
        #expect(object["highest_severity"] is NSNull)
    }

    /// `YYYY-MM-DD`, `days` before today in UTC (the command counts to today).
    private static func daysAgo(_ days: Int) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date().addingTimeInterval(Double(-days) * 86_400))
    }

    @Test func aStopDateMakesAWashoutFindingAndAnUnreadableOneIsNotChecked() throws {
        let stopped = "sertraline stopped \(Self.daysAgo(10))"
        let result = try CommandRunner.run(["check", "--fail-on", "contraindicated", "phenelzine", stopped])
        #expect(result.status == 1)
        #expect(result.stdout.contains("Phenelzine is taken 10 days after sertraline was stopped; at least 14 days"))
        #expect(result.stdout.contains("Stopped: sertraline stopped \(Self.daysAgo(10)) (10 days ago; checked for washout"))
        let unreadable = try CommandRunner.run(["check", "--strict", "phenelzine", "sertraline stopped last week"])
        #expect(unreadable.status == 2)
        #expect(unreadable.stdout.contains("? sertraline stopped last week — the stop date could not be read; write it as"))
    }

    @Test func failOnMajorExitsOneOnlyWhenAMajorFindingIsMade() throws {
        #expect(try CommandRunner.run(["check", "--fail-on", "major", "phenelzine", "sertraline"]).status == 1)
        #expect(try CommandRunner.run(["check", "--fail-on", "major", "amoxicillin"]).status == 0)
        #expect(try CommandRunner.run(["check", "--fail-on", "contraindicated", "sertraline", "tramadol"]).status == 0)
    }

    @Test func unrecognisedNamesAreReportedNotFailed() throws {
        let result = try CommandRunner.run(["check", "sertralin"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("NOT CHECKED"))
        #expect(result.stdout.contains("sertralin — did you mean: sertraline"))
        let strict = try CommandRunner.run(["check", "--strict", "sertralin"])
        #expect(strict.status == 2)
        #expect(strict.stderr.contains("not recognised (--strict): sertralin"))
    }

    @Test func namesComeFromStandardInputAndFiles() throws {
        let piped = try CommandRunner.run(["check", "-", "--format", "json"], input: "# my list\nlithium\n\nProzac 20 mg\n")
        #expect(piped.status == 0)
        #expect(piped.stdout.contains("\"input\" : \"Prozac 20 mg\""))
        let file = TestScratch.root.appending(path: "meds-\(UUID().uuidString).txt")
        try "\u{FEFF}Nardil\r\nUltram\r\n".write(to: file, atomically: true, encoding: .utf8)
        let fromFile = try CommandRunner.run(["check", "--file", file.path, "--fail-on", "contraindicated"])
        #expect(fromFile.status == 1)
        #expect(fromFile.stdout.contains("CONTRAINDICATED"))
    }

    @Test func badUsageExitsTwoWithAMessage() throws {
        let noNames = try CommandRunner.run(["check"])
        #expect(noNames.status == 2)
        #expect(noNames.stderr.contains("give at least one medication"))
        let badFormat = try CommandRunner.run(["check", "--format", "xml", "sertraline"])
        #expect(badFormat.status == 2)
        #expect(badFormat.stderr.contains("xml"))
        let missingFile = try CommandRunner.run(["check", "--file", "/nonexistent/meds.txt"])
        #expect(missingFile.status == 2)
        #expect(missingFile.stderr.contains("/nonexistent/meds.txt"))
        let missingDatabase = try CommandRunner.run(["check", "--db", "/nonexistent/kb.sqlite", "sertraline"])
        #expect(missingDatabase.status == 2)
        #expect(missingDatabase.stderr.contains("db build"))
    }

    @Test func invalidUTF8InAListFileNamesTheLine() throws {
        let file = TestScratch.root.appending(path: "bad-\(UUID().uuidString).txt")
        try Data("sertraline\n\u{FF}\u{FE}bad\n".utf8.map { $0 } + [0xFF, 0x0A]).write(to: file)
        let result = try CommandRunner.run(["check", "--file", file.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(file.path):3"))
    }

    @Test func helpTeachesWithExamples() throws {
        let result = try CommandRunner.run(["check", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Examples:"))
        #expect(result.stdout.contains("--fail-on"))
    }

    @Test func dbPathPointsAtTheDatabaseInUse() throws {
        let result = try CommandRunner.run(["db", "path"])
        #expect(result.status == 0)
        let path = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(path.hasPrefix(CommandRunner.dataHome))
        #expect(FileManager.default.fileExists(atPath: path))
        let explicit = try CommandRunner.run(["db", "path"], environment: ["TWITCHCHECK_DB": path])
        #expect(explicit.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == path)
    }

    @Test("duplicates in JSON", arguments: [
        (["Zoloft", "sertraline"], ["sertraline": ["Zoloft", "sertraline"]]),
        (["Percocet", "Tylenol", "tramadol"], ["acetaminophen": ["Percocet", "Tylenol"]]),
        (["sertraline", "tramadol"], [:]),
    ] as [([String], [String: [String]])])
    func duplicatesAreReported(_ list: [String], _ expected: [String: [String]]) throws {
        let result = try CommandRunner.run(["check", "--format", "json"] + list)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let duplicates = try #require(object["duplicates"] as? [[String: Any]], "duplicates is always present")
        #expect(duplicates.map { $0 as NSDictionary } == expected.map { ["drug": $0.key, "inputs": $0.value] as NSDictionary })
        let text = try CommandRunner.run(["check"] + list).stdout
        #expect(text.contains("SAME DRUG MORE THAN ONCE") == !expected.isEmpty)
    }

    @Test func minSeverityLeavesFindingsOutButTheVerdictCountsThem() throws {
        let all = try CommandRunner.run(["check", "sertraline", "tramadol", "Ventolin"])
        let major = try CommandRunner.run(["check", "sertraline", "tramadol", "Ventolin", "--min-severity", "major"])
        #expect(major.status == 0)
        #expect(all.stdout.contains("MINOR tremor — albuterol"))
        #expect(!major.stdout.contains("MINOR tremor"))
        let verdict = try #require(major.stdout.split(separator: "\n").dropFirst().first)
        #expect(verdict.hasPrefix("6 findings: 1 major, 5 minor (5 below major not shown: --min-severity major)"),
                "\(verdict)")
        let json = try CommandRunner.run(["check", "--format", "json", "sertraline", "tramadol", "Ventolin", "--min-severity", "major"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["findings_left_out"] as? Int == 5)
        #expect(object["min_severity"] as? String == "major")
        #expect((object["findings"] as? [Any])?.count == 1)
        #expect(try CommandRunner.run(["check", "Ventolin", "--min-severity", "major", "--fail-on", "minor"]).status == 1,
                "--fail-on counts every finding made")
    }

    @Test func bareMedicationNamesSuggestTheCheckCommand() throws {
        let result = try CommandRunner.run(["sertraline", "Zoloft 50mg"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("to check these medications, run: twitchcheck check sertraline 'Zoloft 50mg'"))
    }
}
