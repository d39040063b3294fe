import Foundation
import TestScratch
import Testing

/// `--strict` and `--fail-on` are one policy for `check` and `batch` (ExitPolicy), and `check --file`
/// and `batch` open their input with one opener (InputFile): exact exit codes and stderr, pinned.
@Suite struct ExitPolicyTests {
    static let batchHeader = "PATIENT,DESCRIPTION\n"

    @Test func checkStrictNamesEverythingNotCheckedAndOutranksFailOn() throws {
        let result = try CommandRunner.run(["check", "--strict", "--fail-on", "minor", "sertralin", "MS", "tramadol xyz", "sertraline"])
        #expect(result.status == 2)
        #expect(result.stderr == "twitchcheck: error: 3 name(s) not recognised (--strict): sertralin, MS (ambiguous), "
            + "tramadol xyz (words not understood: xyz)\n")
        #expect(result.stdout.contains("NOT CHECKED"), "the report is still written")
    }

    @Test func batchStrictNamesEverythingNotCheckedAndOutranksFailOn() throws {
        let rows = "p1,sertraline\np1,tramadol\n,lithium\np2,sertralin\n"
        let result = try CommandRunner.run(["batch", "-", "--strict", "--fail-on", "minor", "--quiet"], input: Self.batchHeader + rows)
        #expect(result.status == 2)
        #expect(result.stderr == "twitchcheck: error: 1 row(s) skipped, 1 name(s) not recognised, 0 name(s) with words "
            + "not understood and 0 date(s) not understood or reversed (--strict)\n")
        #expect(result.stdout.contains("p1,combination"), "the report is still written")
    }

    /// Exit 1 exactly when the highest finding reaches --fail-on, in both commands, with nothing on stderr.
    @Test(arguments: [("minor", Int32(1)), ("major", 1), ("contraindicated", 0)])
    func failOnExitsOneAtOrAboveTheSeverity(_ severity: String, _ status: Int32) throws {
        let check = try CommandRunner.run(["check", "--fail-on", severity, "--strict", "sertraline", "tramadol"])
        #expect(check.status == status)
        #expect(check.stderr.isEmpty)
        let batch = try CommandRunner.run(["batch", "-", "--fail-on", severity, "--strict", "--quiet"],
                                          input: Self.batchHeader + "p1,sertraline\np1,tramadol\n")
        #expect(batch.status == status)
        #expect(batch.stderr.isEmpty)
    }

    @Test func notCheckedNamesDoNotFailWithoutStrict() throws {
        #expect(try CommandRunner.run(["check", "sertralin", "tramadol"]).status == 0)
        #expect(try CommandRunner.run(["batch", "-", "--quiet"], input: Self.batchHeader + "p2,sertralin\n").status == 0)
    }

    /// A missing file and a folder get the same words from `check --file` and `batch`.
    @Test func checkAndBatchRefuseAMissingFileAndAFolderAlike() throws {
        let folder = TestScratch.root.path
        let missing = folder + "/twitchcheck-no-such-\(UUID().uuidString).csv"
        for (path, reason) in [(missing, "no such file"), (folder, "it is a directory")] {
            for arguments in [["check", "--file", path], ["batch", path]] {
                let result = try CommandRunner.run(arguments)
                #expect(result.status == 2, "\(arguments)")
                #expect(result.stderr == "twitchcheck: error: cannot read \(path): \(reason)\n", "\(arguments)")
                #expect(result.stdout.isEmpty)
            }
        }
    }

    /// A failure thrown from inside a command leaves like every other: message, exit 2.
    @Test func aCommandsOwnFailureExitsTwoWithItsMessage() throws {
        let result = try CommandRunner.run(["drug", "nosuch"])
        #expect(result.status == 2)
        #expect(result.stderr == "twitchcheck: error: 'nosuch' is not recognised as a drug in the knowledge base; "
            + "check the spelling, or try the generic name\n")
        let tooMany = try CommandRunner.run(["check"] + Array(repeating: "aspirin", count: 1001))
        #expect(tooMany.status == 2)
        #expect(tooMany.stderr == "twitchcheck: error: the list has 1001 names; check takes at most 1000 (use 'twitchcheck batch' for more)\n")
    }

    /// The library's vocabularies are the CLI's values: the same choices, nothing re-declared.
    @Test func batchTakesTheLibrarysFormatAndLayoutNames() throws {
        let help = try CommandRunner.run(["batch", "--help"]).stdout
        #expect(help.contains("--format <format>"))
        let bad = try CommandRunner.run(["batch", "-", "--layout", "tall"], input: "")
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("'tall'") && bad.stderr.contains("long") && bad.stderr.contains("wide") && bad.stderr.contains("fhir"))
    }
}
