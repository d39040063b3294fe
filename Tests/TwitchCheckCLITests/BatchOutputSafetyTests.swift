import Foundation
import TestScratch
import Testing

/// `twitchcheck batch` must never destroy its input or a file after a failed run, must check its
/// writes, and must make `--strict` fail on everything it did not check.
@Suite(.serialized) struct BatchOutputSafetyTests {
    static let header = "PATIENT,DESCRIPTION,START,STOP\n"
    static let text = header + "p,sertraline,2020-01-01,\np,tramadol,2020-02-01,\n"

    static func folder() throws -> URL {
        let url = TestScratch.root.appending(path: "batch-safety-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs `twitchcheck ARGUMENTS` with standard input read from `stdinPath` (a file, not a pipe).
    static func run(_ arguments: [String], stdinPath: String) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_DATA_HOME"] = CommandRunner.dataHome
        process.environment = environment
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: stdinPath))
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func anOutputThatIsTheInputIsRefusedAndTheInputKept() throws {
        let folder = try Self.folder()
        let input = folder.appending(path: "same.csv").path
        try Self.text.write(toFile: input, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder.appending(path: "link.csv").path, withDestinationPath: input)
        try FileManager.default.linkItem(atPath: input, toPath: folder.appending(path: "hard.csv").path)
        for output in [input, folder.appending(path: "link.csv").path, folder.appending(path: "hard.csv").path,
                       folder.appending(path: "./same.csv").path] {
            let result = try CommandRunner.run(["batch", input, "--output", output])
            #expect(result.status == 2)
            #expect(result.stderr.contains("twitchcheck: error: the output \(output) is the input file"), "\(result.stderr)")
        }
        let piped = try Self.run(["batch", "-", "--output", input], stdinPath: input)
        #expect(piped.status == 2)
        #expect(piped.stderr.contains("is the input file"), "\(piped.stderr)")
        #expect(try String(contentsOfFile: input, encoding: .utf8) == Self.text)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("twitchcheck-") }
        #expect(leftovers.isEmpty)
    }

    @Test func aFailedRunLeavesAnExistingOutputUntouchedAndASuccessfulOneReplacesIt() throws {
        let folder = try Self.folder()
        let output = folder.appending(path: "report.csv").path
        try "precious\n".write(toFile: output, atomically: true, encoding: .utf8)
        let failed = try CommandRunner.run(["batch", "-", "--output", output], input: "PATIENT,DESCRIPTION,DESCRIPTION\np,a,b\n")
        #expect(failed.status == 2)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "precious\n")
        let link = folder.appending(path: "report-link.csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: output)
        let succeeded = try CommandRunner.run(["batch", "-", "--output", link, "--quiet"], input: Self.text)
        #expect(succeeded.status == 0)
        #expect(try String(contentsOfFile: output, encoding: .utf8).contains("p,combination,serotonin_syndrome"),
                "the file behind the link is replaced")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link)) == output, "the link stays a link")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["report-link.csv", "report.csv"])
    }

    @Test func aWriteErrorExitsTwoNamingTheOutput() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let result = try CommandRunner.run(["batch", "-", "--output", "/dev/full"], input: Self.text)
        #expect(result.status == 2)
        #expect(result.stderr.contains("twitchcheck: error: cannot write /dev/full: No space left on device"), "\(result.stderr)")
    }

    @Test func strictFailsOnDatesEmptyPatientsAndLeftoverWordsAndTheSummaryNamesTheirLines() throws {
        let cases: [(String, String)] = [
            ("p,sertraline,01/02/2020,\n", "<stdin>:2: START '01/02/2020' is not a date (expected YYYY-MM-DD)"),
            ("p,sertraline,2020-13-45,\n", "<stdin>:2: START '2020-13-45' is not a date"),
            ("p,sertraline,2020-03-01,2020-01-01\n", "<stdin>:2: STOP 2020-01-01 is before START 2020-03-01"),
            (" ,sertraline,2020-03-01,\n", "<stdin>:2: the patient id is empty; the row was skipped"),
            ("p,sertraline xyzzq,2020-03-01,\n", "1 × sertraline xyzzq — not understood: xyzzq"),
        ]
        for (row, message) in cases {
            let lenient = try CommandRunner.run(["batch", "-"], input: Self.header + row)
            #expect(lenient.status == 0)
            #expect(lenient.stderr.contains(message), "\(lenient.stderr)")
            let strict = try CommandRunner.run(["batch", "-", "--strict"], input: Self.header + row)
            #expect(strict.status == 2, "\(row)")
        }
        #expect(try CommandRunner.run(["batch", "-", "--strict", "--quiet"], input: Self.text).status == 0)
    }

    @Test func headerProblemsExitTwoWithTheirPlace() throws {
        let duplicate = try CommandRunner.run(["batch", "-"], input: "PATIENT,DESCRIPTION,DESCRIPTION\np,a,b\n")
        #expect(duplicate.status == 2)
        #expect(duplicate.stderr.contains("the header names the column 'DESCRIPTION' 2 times (columns 2, 3)"))
        let long = "PATIENT,DESCRIPTION," + String(repeating: "x", count: 1 << 20) + "\nPATIENT,DESCRIPTION,x\np,sertraline,y\n"
        let folder = try Self.folder()
        let path = folder.appending(path: "wide-header.csv").path
        try long.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["batch", path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(path):1: the header line cannot be read"), "\(result.stderr)")
    }

    @Test func aByteOrderMarkOnStandardInputAndAFileIsDropped() throws {
        let text = "\u{FEFF}START,STOP,PATIENT,DESCRIPTION\n2020-01-01,2020-02-01,s,sertraline\n2021-01-01,,s,tramadol\n"
        let folder = try Self.folder()
        let path = folder.appending(path: "bom.csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        for arguments in [["batch", "-"], ["batch", path], ["batch", path, "--split-threshold", "0"]] {
            let result = try CommandRunner.run(arguments + ["--quiet"], input: text)
            #expect(result.status == 0)
            #expect(!result.stdout.contains("combination"), "\(arguments): a year apart, so no overlap")
        }
    }
}
