import Foundation
import GRDB
import Testing
@testable import TwitchCheckKit

/// Numbers `assess` must refuse, writes that must be checked, and errors that must be told in the product's words.
@Suite struct InputAndOutputSafetyTests {
    /// The issue's example (`--temperature inf` trapped in the message's own formatting) and its class.
    @Test("a temperature that is no body temperature is refused with the range",
          arguments: [Double.infinity, -.infinity, .nan, 1e308, -1e308, .greatestFiniteMagnitude, 9.3e18, 1e16,
                      100, 101.2, -40, 0, -0.0, 24.99, 45.01, .leastNonzeroMagnitude])
    func implausibleTemperaturesAreRefused(value: Double) throws {
        #expect {
            try HunterCriteria.validate(temperatureCelsius: value)
        } throws: { error in
            "\(error)".hasSuffix("25–45 °C; give the body temperature in degrees Celsius (for example --temperature 38.5)")
        }
    }

    @Test func plausibleTemperaturesAreAccepted() throws {
        for value in [25, 36.6, 38, 38.1, 45] {
            try HunterCriteria.validate(temperatureCelsius: value)
        }
    }

    @Test func temperaturesAreFormattedWithoutTrapping() {
        #expect(HunterCriteria.format(38) == "38")
        #expect(HunterCriteria.format(38.56) == "38.6")
        #expect(HunterCriteria.format(1e308) == "1e+308")
        #expect(HunterCriteria.format(.infinity) == "inf")
        #expect(HunterCriteria.format(.nan) == "nan")
    }

    // MARK: - Output

    /// Bytes written in many blocks arrive whole and in order.
    @Test func theSinkWritesEveryBlockInOrder() throws {
        let url = try TestKnowledgeBase.temporaryDirectory().appending(path: "out.txt")
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let sink = OutputSink(fileDescriptor: descriptor, destination: url.path)
        var expected = ""
        for row in 0..<60_000 {
            let line = "row \(row),\(String(repeating: "x", count: row % 37))\n"
            expected += line
            try sink.write(line)
        }
        try sink.flush()
        close(descriptor)
        #expect(try String(contentsOf: url, encoding: .utf8) == expected)
    }

    /// A report file has disk space reserved ahead of its writes where the file system can (64 MiB
    /// at a time), and once committed it holds every byte and no more space than they need.
    @Test func aCommittedReportFileGivesBackTheSpaceReservedAhead() throws {
        let path = try TestKnowledgeBase.temporaryDirectory().appending(path: "report.csv").path
        let input = open("/dev/null", O_RDONLY)
        defer { close(input) }
        let file = try ReportFile(path: path, input: input)
        #expect(file.reservesSpace)
        let sink = OutputSink(fileDescriptor: file.fileDescriptor, destination: path, reservesSpace: file.reservesSpace)
        let line = String(repeating: "z", count: 999) + "\n"
        for _ in 0..<3000 { try sink.write(line) }
        try sink.flush()
        var status = stat()
        #expect(fstat(file.fileDescriptor, &status) == 0)
        let heldWhileWriting = Int(status.st_blocks) * 512
        #expect(Int(status.st_size) == 3_000_000)
        try file.commit()
        #expect(stat(path, &status) == 0)
        #expect(Int(status.st_size) == 3_000_000)
        #expect(Int(status.st_blocks) * 512 < 3_000_000 + (1 << 20))
        // Where the file system reserves (ext4, XFS, tmpfs), the space was there while writing.
        if heldWhileWriting > 3_000_000 + (1 << 20) { #expect(heldWhileWriting >= FileSpaceReservation.step) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == String(repeating: line, count: 3000))
    }

    /// Standard output and devices are not the report's own file: no space is reserved for them.
    @Test func onlyANewReportFileReservesSpace() throws {
        let inputURL = try TestKnowledgeBase.temporaryDirectory().appending(path: "input.csv")
        try Data("PATIENT,DESCRIPTION\n".utf8).write(to: inputURL)
        let input = open(inputURL.path, O_RDONLY)
        defer { close(input) }
        let device = try ReportFile(path: "/dev/null", input: input)
        #expect(!device.reservesSpace)
        try device.commit()
    }

    @Test func aFullDiskIsReportedWithTheDestination() throws {
        let descriptor = open("/dev/full", O_WRONLY)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        let sink = OutputSink(fileDescriptor: descriptor, destination: "report.csv")
        #expect(throws: TwitchCheckError.outputUnwritable(destination: "report.csv", reason: "No space left on device")) {
            for _ in 0..<10_000 { try sink.write(String(repeating: "y", count: 100)) }
            try sink.flush()
        }
        #expect(throws: TwitchCheckError.outputUnwritable(destination: "standard output", reason: "No space left on device")) {
            try FileDescriptorWriter(fileDescriptor: descriptor, destination: "standard output").write("x")
        }
    }

    // MARK: - Error texts

    /// Errors from SQLite, GRDB and Foundation, each with the words the user sees.
    @Test func libraryErrorsAreToldInTheProductsWords() throws {
        let cases: [(error: Error, message: String)] = [
            (DatabaseError(resultCode: .SQLITE_MISUSE, message: "Multiple statements found. To execute multiple statements, "
                + "use Database.execute(sql:) or Database.allStatements(sql:) instead."),
             "cannot read the knowledge base: give one statement per call; this text holds more than one (remove everything after the first ';')"),
            (DatabaseError(resultCode: .SQLITE_NOTADB, message: "file is not a database"), "cannot read the knowledge base: it is not a SQLite database"),
            (DatabaseError(resultCode: .SQLITE_CORRUPT, message: "database disk image is malformed"), "cannot read the knowledge base: the file is damaged"),
            (DatabaseError(resultCode: .SQLITE_ERROR, message: "no such table: drugs"), "cannot read the knowledge base: no such table: drugs"),
            (CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: "/x/meds.txt"]), "/x/meds.txt: no such file or folder"),
            (CocoaError(.fileWriteOutOfSpace, userInfo: [NSFilePathErrorKey: "/x/kb.sqlite"]), "/x/kb.sqlite: no space left on the device"),
            (CocoaError(.fileReadInapplicableStringEncoding, userInfo: [NSFilePathErrorKey: "/x/a.sql"]), "/x/a.sql: it is not valid UTF-8 text"),
            (CocoaError(.fileReadUnknown), "the file operation failed (code 256)"),
            (POSIXError(.EBADF), "Bad file descriptor"),
            // twitchcheck's own errors, of every type, speak for themselves.
            (BatchError.emptyInput("<stdin>"), "<stdin> is empty: expected a CSV header line and rows"),
            (QueryError.timedOut(seconds: 2), QueryError.timedOut(seconds: 2).description),
            (TwitchCheckError.noHomeFolder, TwitchCheckError.noHomeFolder.description),
        ]
        for item in cases {
            let message = try #require(ErrorExplanation.message(for: item.error))
            #expect(message == item.message)
            for internalText in ["NSCocoaErrorDomain", "Error Domain", "Database.execute", "SQLite error", "GRDB"] {
                #expect(!message.contains(internalText), "\(message)")
            }
        }
        struct Surprise: Error {}
        #expect(ErrorExplanation.message(for: Surprise()) == nil)
        #expect(ErrorExplanation.unexpected(Surprise()).hasPrefix("an unexpected internal error (Surprise)"))
    }
}
