import Foundation
import Testing
@testable import TwitchCheckKit

/// The two-halves reader, the whole-file reader and standard input must give the same report,
/// byte for byte, and the same summary: on every fixture, and on generated files with quoted
/// line breaks, doubled quotes, CRLF and a byte-order mark placed at every offset around the split.
@Suite struct BatchReadPathParityTests {
    static func expectSameOnEveryPath(_ bytes: [UInt8], _ label: String) throws {
        for format in BatchOptions.OutputFormat.allCases {
            var options = BatchOptions()
            options.format = format
            let runs = try ReadPath.allCases.map { try $0.run(bytes, options: options) }
            for (path, run) in zip(ReadPath.allCases, runs).dropFirst() {
                #expect(run.output == runs[0].output, "\(label) \(format): \(path) differs from the whole file")
                #expect(run.summary.render() == runs[0].summary.render(), "\(label) \(format): \(path) summary differs")
            }
        }
    }

    @Test func everyFixtureGivesTheSameReportOnEveryPath() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.root.appending(path: "batch").path)
            .filter { $0.hasSuffix(".csv") }
        #expect(names.count >= 4)
        for name in names {
            try Self.expectSameOnEveryPath(Array(try Data(contentsOf: Fixtures.batch(name))), name)
        }
    }

    /// A row whose quoted field holds line breaks (LF and CRLF) and doubled quotes; it may hide a drug.
    static let tricky = "t,\"tra\nmadol \"\"x\"\"\r\nline\n\n\",2020-01-05,\n"

    @Test(arguments: [false, true])
    func quotedLineBreaksAtTheSplitGiveTheSameReportOnEveryPath(crlf: Bool) throws {
        let rows = (0..<16).map { index in
            "p\(index % 5),\(["sertraline", "tramadol", "\"phenelzine, oral\"", "amoxicillin"][index % 4]),2020-01-\(10 + index),\n"
        }
        for position in 0...rows.count {
            for withMark in [false, true] {
                var body = rows
                body.insert(Self.tricky, at: position)
                var text = "PATIENT,DESCRIPTION,START,STOP\n" + body.joined()
                if crlf { text = text.replacingOccurrences(of: ",\n", with: ",\r\n") }
                if withMark { text = "\u{FEFF}" + text }
                try Self.expectSameOnEveryPath(Array(text.utf8), "tricky row at \(position), mark \(withMark), crlf \(crlf)")
            }
        }
    }

    @Test func theHalvesPathIsTakenAndSplitsTheFile() throws {
        // A line break inside quotes right after the middle: the first half must read on past it.
        let head = "PATIENT,DESCRIPTION\n" + String(repeating: "a,amoxicillin\n", count: 20)
        let text = head + "q,\"" + String(repeating: "\n", count: 40) + "tramadol\"\nq,sertraline\n"
        let run = try ReadPath.halves.run(text)
        #expect(run.summary.problems.isEmpty)
        #expect(run.summary.rowsRead == 22)
        try Self.expectSameOnEveryPath(Array(text.utf8), "line breaks at the middle")
    }
}
