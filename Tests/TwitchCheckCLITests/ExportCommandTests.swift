import Foundation
import TestScratch
import Testing

/// `twitchcheck resolve` and `twitchcheck export` from the built binary: exact output, files, exit codes.
@Suite(.serialized) struct ExportCommandTests {
    @Test func resolveWritesARowPerIngredientAndKeepsUnrecognisedStrings() throws {
        let result = try CommandRunner.run(["resolve"], input: "Zoloft 50mg\n  tramadol\t\r\nUnobtainium\n\nZoloft 50mg\n")
        #expect(result.status == 0)
        #expect(result.stdout == "medication,drug,matched_by,suggestions,unmatched_words,recognised\r\n"
            + "Zoloft 50mg,sertraline,brand,,,\r\ntramadol,tramadol,generic,,,\r\nUnobtainium,,,,,\r\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func resolveReadsTheFirstColumnOfACSVForNamesWithLineBreaks() throws {
        let result = try CommandRunner.run(["resolve", "--csv", "-"], input: "medication\n\"tra\nmadol\"\nsertraline\n")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("medication,drug,matched_by,suggestions,unmatched_words,recognised\r\n\"tra\nmadol\",,,"))
        #expect(result.stdout.hasSuffix("sertraline,sertraline,generic,,,\r\n"))
    }

    @Test func resolveReportsAnUnreadableLineWithItsNumberAndExitsTwo() throws {
        let file = TestScratch.root.appending(path: "resolve-\(UUID().uuidString).txt")
        try Data([0x73, 0x65, 0x72, 0x74, 0x72, 0x61, 0x6C, 0x69, 0x6E, 0x65, 0x0A, 0xFF, 0xFE, 0x0A, 0x6C, 0x69, 0x74, 0x68, 0x69, 0x75, 0x6D])
            .write(to: file)
        let result = try CommandRunner.run(["resolve", file.path])
        #expect(result.status == 2)
        #expect(result.stdout.contains("sertraline,sertraline,generic,,,\r\n"))
        #expect(result.stdout.contains("lithium,lithium,"), "the lines after a bad one are still resolved")
        #expect(result.stderr.contains("\(file.path):2: not valid UTF-8"))
    }

    @Test func exportWritesFourFilesAndNeverReplacesThemUnasked() throws {
        let directory = TestScratch.root.appending(path: "export-\(UUID().uuidString)")
        let first = try CommandRunner.run(["export", directory.path])
        #expect(first.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
                == ["drug_findings.csv", "findings.sql", "pair_findings.csv", "washout_intervals.csv"])
        let pairs = try String(contentsOf: directory.appending(path: "pair_findings.csv"), encoding: .utf8)
        #expect(pairs.hasPrefix("drug_a,drug_b,drugs,kind,effect,severity,evidence,rule,summary,sources\r\n"))
        #expect(pairs.contains("\r\nsertraline,tramadol,sertraline+tramadol,combination,serotonin_syndrome,major,"))
        let drugs = try String(contentsOf: directory.appending(path: "drug_findings.csv"), encoding: .utf8)
        #expect(drugs.hasPrefix("drug,kind,effect,severity,evidence,rule,summary,sources\r\n"))
        let washout = try String(contentsOf: directory.appending(path: "washout_intervals.csv"), encoding: .utf8)
        #expect(washout.hasPrefix("stopped_drug,started_drug,days,rule,effect,severity,source,summary\r\n"))
        #expect(washout.contains("\r\nfluoxetine,phenelzine,35,"), "fluoxetine's own five weeks, not its class's 14 days")
        #expect(washout.contains("\r\nsertraline,phenelzine,14,"))
        let sql = try String(contentsOf: directory.appending(path: "findings.sql"), encoding: .utf8)
        #expect(sql.contains("FROM prescriptions") && sql.contains("JOIN pair_findings") && sql.contains("JOIN washout_intervals")
                && !sql.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix(";"),
                "one statement, no terminator, so engines can wrap it (COPY (...) TO, spark.sql)")

        try Data("mine".utf8).write(to: directory.appending(path: "findings.sql"))
        let second = try CommandRunner.run(["export", directory.path])
        #expect(second.status == 2)
        #expect(second.stderr.contains("already exist"))
        #expect(second.stderr.contains("--force"))
        #expect(try String(contentsOf: directory.appending(path: "findings.sql"), encoding: .utf8) == "mine")
        let forced = try CommandRunner.run(["export", directory.path, "--force"])
        #expect(forced.status == 0)
        #expect(try String(contentsOf: directory.appending(path: "findings.sql"), encoding: .utf8) == sql)
    }
}
