import Foundation
import Testing
@testable import TwitchCheckKit

/// A batch that spills its rows to partition files by patient hash writes, byte for byte, what
/// the run that holds every patient in memory writes, and leaves no temporary file behind (issue 13).
@Suite struct BatchSpillParityTests {
    typealias SplitMix = BatchFastPathParityTests.SplitMix

    /// A scattered file of many patients: dates (some unreadable or reversed), names recognised,
    /// not recognised or with a word left over, empty names, and bad rows (a field missing, an
    /// empty patient id, invalid UTF-8).
    static func scatteredFile(seed: UInt64, rows: Int) -> [UInt8] {
        var random = SplitMix(state: seed)
        let patients = BatchFastPathParityTests.patients + (0..<300).map { "patient-\($0 * 7919 % 1000)" }
        let names = BatchFastPathParityTests.names + [""]
        let dates = BatchFastPathParityTests.dates + ["2020-01-06", "2020-01-20", "2020-04-01"]
        var bytes = Array("PATIENT,DESCRIPTION,START,STOP\n".utf8)
        for _ in 0..<rows {
            switch random.next() % 50 {
            case 0: bytes += Array("p1,sertraline 50 MG Oral Tablet,2020-01-05\n".utf8)
            case 1: bytes += Array(",tramadol 50 MG Oral Tablet,2020-01-05,\n".utf8)
            case 2: bytes += Array("p".utf8) + [0xFF] + Array(",tramadol 50 MG Oral Tablet,,\n".utf8)
            default:
                bytes += Array(("\(patients.randomElement(using: &random)!),\(names.randomElement(using: &random)!),"
                    + "\(dates.randomElement(using: &random)!),\(dates.randomElement(using: &random)!)\n").utf8)
            }
        }
        return bytes
    }

    /// The same file in the wide layout: one row a patient visit, a list of names.
    static func wideFile(seed: UInt64, rows: Int) -> [UInt8] {
        var random = SplitMix(state: seed)
        let names = ["sertraline", "tramadol", "phenelzine", "haloperidol", "metoclopramide", "xyzzyplex", "tramadol xyzzq", ""]
        var text = "patient_id,medications\n"
        for _ in 0..<rows {
            let list = (0..<Int(random.next() % 4)).map { _ in names.randomElement(using: &random)! }.joined(separator: ";")
            text += "w\(random.next() % 120),\"\(list)\"\n"
        }
        return Array(text.utf8)
    }

    /// Runs `bytes` in memory and spilled (from the first row, and after some patients are held),
    /// over every read path, and compares output and summary.
    func expectSpilledRunsMatch(_ bytes: [UInt8], format: BatchOptions.OutputFormat, label: String) throws {
        var inMemory = BatchOptions()
        inMemory.format = format
        inMemory.spill.heldBytes = .max
        for path in ReadPath.allCases {
            let expected = try path.run(bytes, options: inMemory)
            #expect(!expected.output.isEmpty)
            for heldBytes in [0, 2_000] {
                let directory = try TestKnowledgeBase.temporaryDirectory().appending(path: "spill")
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
                var spilled = inMemory
                spilled.spill = SpillPolicy(heldBytes: heldBytes, partitions: 4, directory: directory.path)
                let run = try path.run(bytes, options: spilled)
                let firstDifference = zip(run.output.utf8, expected.output.utf8).enumerated().first { $1.0 != $1.1 }?.offset
                #expect(run.output == expected.output ? true : false,
                        "\(label) \(format) \(path) held \(heldBytes): differs at byte \(firstDifference ?? min(run.output.utf8.count, expected.output.utf8.count))")
                #expect(run.summary.render() == expected.summary.render(), "\(label) \(format) \(path) held \(heldBytes)")
                #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty,
                        "the private directory and its files are gone")
                // The run did spill: with nowhere to spill to, the same run fails.
                spilled.spill.directory = directory.appending(path: "missing").path
                #expect(throws: TwitchCheckError.self) { _ = try path.run(bytes, options: spilled) }
            }
        }
    }

    @Test(arguments: [1, 2, 3])
    func spilledLongLayoutMatchesInMemory(seed: Int) throws {
        let bytes = Self.scatteredFile(seed: UInt64(seed), rows: 1_500)
        for format in BatchOptions.OutputFormat.allCases {
            try expectSpilledRunsMatch(bytes, format: format, label: "seed \(seed)")
        }
    }

    @Test func spilledWideLayoutMatchesInMemory() throws {
        let bytes = Self.wideFile(seed: 7, rows: 800)
        for format in BatchOptions.OutputFormat.allCases {
            try expectSpilledRunsMatch(bytes, format: format, label: "wide")
        }
    }

    /// A patient id longer than a partition's buffer (32 KB) is written straight through, between buffered records.
    @Test func aPatientIdLongerThanTheBufferIsSpilledWhole() throws {
        let long = String(repeating: "L", count: 40_000)
        var text = "PATIENT,DESCRIPTION,START,STOP\n"
        for index in 0..<300 {
            let patient = index % 3 == 0 ? long : "p\(index % 40)"
            text += "\(patient),\(["sertraline", "tramadol", "xyzzyplex", "phenelzine"][index % 4]),2020-01-0\(1 + index % 9),\n"
        }
        for format in BatchOptions.OutputFormat.allCases {
            try expectSpilledRunsMatch(Array(text.utf8), format: format, label: "long id")
        }
    }

    /// Temporary files that cannot be made stop the run with an error that says where and what to do.
    @Test func anUnwritableTemporaryFolderIsAClearError() throws {
        var options = BatchOptions()
        options.spill = SpillPolicy(heldBytes: 0, partitions: 4, directory: "/nonexistent-twitchcheck-folder")
        #expect {
            _ = try ReadPath.whole.run(Self.scatteredFile(seed: 5, rows: 100), options: options)
        } throws: { error in
            let message = "\(error)"
            return message.contains("/nonexistent-twitchcheck-folder") && message.contains("set TMPDIR")
        }
    }
}
