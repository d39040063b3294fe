import Foundation
import TestScratch
import Testing

/// Where output goes wrong: a full disk, a closed standard output, error or input. Every command
/// checks every write and exits 2 with "cannot write to standard output"; a closed descriptor never
/// crashes a command nor lets a file opened later take its number.
@Suite struct OutputAndDescriptorTests {
    static let timeout = 120.0

    /// A small long-layout batch file: one major combination and one name that is not recognised.
    static func batchFile() throws -> (folder: URL, input: String) {
        let folder = TestScratch.root.appending(path: "twitchcheck-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let input = folder.appending(path: "in.csv")
        try Data("PATIENT,DESCRIPTION\np1,sertraline\np1,tramadol\np2,xyzzq\n".utf8).write(to: input)
        return (folder, input.path)
    }

    /// Every command that prints, as a user would run it.
    static func printingCommands(batchInput: String, folder: URL) -> [[String]] {
        [
            ["check", "sertraline", "tramadol"],
            ["check", "sertraline", "tramadol", "--format", "json"],
            ["sql", "SELECT id FROM drugs LIMIT 3"],
            ["drug", "sertraline"],
            ["effect", "tremor"],
            ["assess", "sertraline", "tramadol", "--sign", "tremor"],
            ["db", "info"],
            ["db", "path"],
            ["db", "check"],
            ["db", "build", "--output", folder.appending(path: "kb.sqlite").path],
            ["batch", batchInput],
            ["batch", batchInput, "--format", "jsonl"],
            ["--help"],
        ]
    }

    /// The examples (`check … > /dev/full` and a closed stdout exited 0) and the rest of the class.
    @Test("a standard output that cannot be written is exit 2 with one message for every command", arguments: [
        ("> /dev/full", "No space left on device"), (">&-", "Bad file descriptor"),
    ])
    func anUnwritableStandardOutputIsExitTwo(redirection: String, reason: String) throws {
        let (folder, input) = try Self.batchFile()
        for arguments in Self.printingCommands(batchInput: input, folder: folder) {
            let result = try CommandRunner.run(arguments, timeout: Self.timeout, redirections: redirection)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr == "twitchcheck: error: cannot write to standard output: \(reason)\n", "\(arguments)")
        }
    }

    /// The example: with `2>&-`, batch's output file took descriptor 2 and received the summary.
    @Test func aClosedStandardErrorLeavesTheOutputFileAsItShouldBe() throws {
        let (folder, input) = try Self.batchFile()
        let reference = folder.appending(path: "reference.csv").path
        #expect(try CommandRunner.run(["batch", input, "--output", reference], timeout: Self.timeout).status == 0)
        let output = folder.appending(path: "out.csv").path
        let result = try CommandRunner.run(["batch", input, "--output", output], timeout: Self.timeout, redirections: "2>&-")
        #expect(result.status == 0)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == String(contentsOfFile: reference, encoding: .utf8))
    }

    /// With standard error closed, each command ends as it would with it open: same status, same output, no crash.
    @Test func aClosedStandardErrorChangesNeitherStatusNorOutput() throws {
        let (_, input) = try Self.batchFile()
        let commands: [[String]] = [
            ["check", "--strict", "xyzzq"],
            ["check", "phenelzine", "meperidine", "--fail-on", "major"],
            ["batch", input, "--strict"],
            ["batch", input],
            ["sql", "SELEC 1"],
            ["assess", "sertraline", "--temperature", "inf"],
        ]
        for arguments in commands {
            let open = try CommandRunner.run(arguments, timeout: Self.timeout)
            let closed = try CommandRunner.run(arguments, timeout: Self.timeout, redirections: "2>&-")
            #expect(closed.status == open.status, "\(arguments)")
            #expect(closed.stdout == open.stdout, "\(arguments)")
            #expect(closed.stderr.isEmpty, "\(arguments)")
        }
    }

    @Test func aClosedStandardInputIsAnUnreadableInputNotAnEmptyOne() throws {
        let result = try CommandRunner.run(["check", "-"], timeout: Self.timeout, redirections: "0<&-")
        #expect(result.status == 2)
        #expect(result.stderr == "twitchcheck: error: cannot read <stdin>: Bad file descriptor\n")
        let batch = try CommandRunner.run(["batch", "-"], timeout: Self.timeout, redirections: "0<&-")
        #expect(batch.status == 2)
        let allClosed = try CommandRunner.run(["check", "sertraline"], timeout: Self.timeout, redirections: "0<&- 1>&- 2>&-")
        #expect(allClosed.status == 2)
    }
}
