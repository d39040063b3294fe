import Foundation
import Testing
@testable import TwitchCheckKit

/// Hostile input at the library level: the CSV reader with tiny buffers, the resolver with
/// huge or SQL-looking names, the list reader's limits. Inputs the fuzz targets (Fuzz/) found
/// interesting are kept here as regression tests.
@Suite struct HostileLibraryInputTests {
    /// What a reader reported: records as field lists, problems as "line N: message".
    struct Reading: Equatable {
        var records: [(line: Int, fields: [String])] = []
        var problems: [String] = []

        static func == (a: Reading, b: Reading) -> Bool {
            a.problems == b.problems && a.records.map(\.line) == b.records.map(\.line) && a.records.map(\.fields) == b.records.map(\.fields)
        }
    }

    /// Runs the reader over `bytes` through a pipe, as the fuzz target does.
    static func read(_ bytes: [UInt8], maxRecordBytes: Int = 64, chunkSize: Int = 32) throws -> Reading {
        var descriptors: [Int32] = [0, 0]
        #expect(pipe(&descriptors) == 0)
        defer { close(descriptors[0]) }
        let writeEnd = descriptors[1]
        let writer = Thread {
            bytes.withUnsafeBytes { buffer in
                var written = 0
                while written < buffer.count {
                    let count = write(writeEnd, buffer.baseAddress! + written, buffer.count - written)
                    if count <= 0 { break }
                    written += count
                }
            }
            close(writeEnd)
        }
        writer.start()
        let reader = CSVRecordReader(fileDescriptor: descriptors[0], maxRecordBytes: maxRecordBytes, chunkSize: chunkSize)
        var reading = Reading()
        try reader.forEachRecord({ record in
            reading.records.append((record.line, record.strings()))
        }, problem: { reading.problems.append($0.description) })
        while !writer.isFinished { usleep(1000) }
        return reading
    }

    // MARK: - CSV reader

    @Test func emptyAndHeaderOnlyInputs() throws {
        #expect(try Self.read([]) == Reading())
        let header = try Self.read(Array("a,b\n".utf8))
        #expect(header.records.map(\.fields) == [["a", "b"]])
        #expect(header.problems.isEmpty)
    }

    @Test func anUnterminatedQuoteLosesOnlyItsOwnLine() throws {
        let reading = try Self.read(Array("a,b\n\"open,x\n3,4\n5,6\n".utf8), maxRecordBytes: 1 << 10)
        #expect(reading.problems == ["line 2: a quoted field is never closed; the row was skipped"])
        #expect(reading.records.map(\.fields) == [["a", "b"], ["3", "4"], ["5", "6"]])
        #expect(reading.records.map(\.line) == [1, 3, 4])
    }

    @Test func aRowLongerThanTheLimitIsSkippedAndTheNextRead() throws {
        let bytes = Array("a,b\n".utf8) + [UInt8](repeating: 0x78, count: 1_000) + Array(",y\n1,2\n".utf8)
        let reading = try Self.read(bytes)
        #expect(reading.problems == ["line 2: the row is longer than 64 bytes; it was skipped"])
        #expect(reading.records.map(\.fields) == [["a", "b"], ["1", "2"]])
        #expect(reading.records.map(\.line) == [1, 3])
    }

    @Test func invalidUTF8IsReadAsBytesAndTheNextRowFollows() throws {
        let bytes = Array("a,b\n".utf8) + [0xFF, 0x2C, 0xC3, 0x0A] + Array("c,d\n".utf8)
        let reading = try Self.read(bytes)
        #expect(reading.problems.isEmpty)
        #expect(reading.records.count == 3)
        #expect(reading.records.last?.fields == ["c", "d"])
    }

    /// The chunk size never changes what is read, when every record fits the limit.
    @Test(arguments: [
        "a,b\r\n\"x\"\"y\",\"multi\nline\"\r\n,\n\"\",\"\"\n",
        "\u{FEFF}id,meds\r\n1,\"a;b\"\r\n2,c\r",
        "\"a\"b,c\n\"\n1,2",
        "x,\n,y\n\n\n\"q\"\r\r\n",
    ])
    func chunkBoundariesDoNotChangeTheRecords(_ text: String) throws {
        let expected = try Self.read(Array(text.utf8), chunkSize: 4096)
        for chunkSize in [1, 2, 3, 7, 32] {
            #expect(try Self.read(Array(text.utf8), chunkSize: chunkSize) == expected, "chunk size \(chunkSize)")
        }
    }

    /// Binary garbage: no crash, and every line number is at least 1 and never goes backwards.
    @Test func binaryGarbageKeepsLineNumbersInOrder() throws {
        var state: UInt64 = 42
        let bytes = (0..<200_000).map { _ -> UInt8 in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
        let reading = try Self.read(bytes, maxRecordBytes: 256, chunkSize: 100)
        let lines = reading.records.map(\.line)
        #expect(lines.allSatisfy { $0 >= 1 })
        #expect(lines == lines.sorted())
    }

    // MARK: - Names

    @Test func aHugeNameIsUnrecognisedQuicklyWithoutSuggestions() throws {
        let resolver = TestKnowledgeBase.checker.resolver
        let words = (0..<12_500).map { "w\($0 * 7919 % 100_000)x" }.joined(separator: " ")
        let started = Date()
        let resolution = try resolver.resolve(words)
        #expect(resolution == .unrecognized(UnrecognizedMedication(input: words, suggestions: [])))
        #expect(Date().timeIntervalSince(started) < 1)
        let atLimit = "sertraline " + String(repeating: "x", count: MedicationResolver.maxNameBytes - 11)
        guard case .recognized(let medication) = try resolver.resolve(atLimit) else {
            Issue.record("a name of exactly the limit is still resolved")
            return
        }
        #expect(medication.drugs == ["sertraline"])
    }

    @Test func namesThatLookLikeSQLResolveAsData() throws {
        let knowledgeBase = try TestKnowledgeBase.fresh()
        let before = try Data(contentsOf: URL(fileURLWithPath: knowledgeBase.path))
        let checker = try MedicationChecker(knowledgeBase: knowledgeBase)
        let names = ["St. John's wort", "x'); DROP TABLE drugs; --", "%", "_", "'", "sertraline' OR '1'='1", "\u{0}"]
        let report = try checker.check(names)
        // Quotes are dropped like any punctuation: the last name is sertraline with stray words.
        #expect(report.medications.map(\.input) == ["St. John's wort", "sertraline' OR '1'='1"])
        #expect(report.medications.last?.drugs == ["sertraline"])
        #expect(report.unrecognized.count == names.count - 2)
        let result = try ReadOnlyQuery(knowledgeBase: knowledgeBase)
            .run("SELECT count(*) AS n FROM drug_names WHERE key = :k OR name LIKE :k", parameters: ["k": "x'); DROP TABLE drugs; --"])
        #expect(result.rows.count == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: knowledgeBase.path)) == before)
    }

    @Test func theListReaderStatesWhyANameCannotBeChecked() throws {
        #expect(MedicationListReader.problem(with: "sertraline 50 mg") == nil)
        #expect(MedicationListReader.problem(with: "sertraline\t50 mg") == nil)
        #expect(MedicationListReader.problem(with: " ") == "the name is empty")
        #expect(MedicationListReader.problem(with: "a\u{85}b")?.contains("U+0085") == true)
        #expect(MedicationListReader.problem(with: "a\u{7F}")?.contains("U+007F") == true)
        #expect(MedicationListReader.problem(with: String(repeating: "é", count: 501))?.contains("1002 bytes") == true)
        #expect(throws: TwitchCheckError.inputUnreadable(path: "list:3", reason: "the name contains a control character (U+001B); remove it")) {
            try MedicationListReader.read(Data("a\n\nb\u{1B}[0m\n".utf8), origin: "list")
        }
    }

    /// "Empty" means what trimming white space and line breaks leaves nothing of, for every
    /// character of the Basic Multilingual Plane alone, doubled, and beside a letter.
    @Test func aNameIsEmptyExactlyWhenTrimmingLeavesNothing() {
        var disagreements: [String] = []
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for name in ["\(scalar)", "\(scalar)\(scalar)", "\(scalar)a", "a\(scalar)", " \(scalar)\t"]
            where MedicationListReader.isBlank(name) != name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                disagreements.append(name)
            }
        }
        #expect(disagreements.isEmpty)
        #expect(MedicationListReader.isBlank(" \u{3000}\n\u{85}") && MedicationListReader.isBlank(""))
    }

    /// A file of bad rows keeps only the earliest thousand in memory, and counts them all.
    @Test func aFileOfBadRowsIsCountedNotKept() throws {
        let text = "PATIENT,DESCRIPTION\n" + String(repeating: "x,\"y\n", count: 200_000) + "p,sertraline\np,tramadol\n"
        let run = try BatchCheckerTests.run(text: text)
        #expect(run.summary.skippedRows == 200_000)
        #expect(run.summary.problems.count == BatchIngest.maxKeptProblems)
        #expect(run.summary.problems.first?.line == 2)
        #expect(run.summary.render().contains("skipped rows: 200000"))
        #expect(run.output.contains("p,combination,serotonin_syndrome"))
    }

    @Test func theBatchSummaryEscapesControlCharactersAndShortensHugeNames() {
        #expect(BatchSummary.displayed("a\u{1B}[31mb\u{7F}") == "a\\u{1B}[31mb\\u{7F}")
        #expect(BatchSummary.displayed(String(repeating: "x", count: 300)) == String(repeating: "x", count: 200) + "…")
        #expect(BatchSummary.displayed("Zoloft 50 mg") == "Zoloft 50 mg")
    }

    @Test func aWideRowOfFiftyThousandNamesIsSkippedWithItsLine() throws {
        let names = (0..<50_000).map { "n\($0)" }.joined(separator: "|")
        var options = BatchOptions()
        options.layout = .wide
        let run = try BatchCheckerTests.run(text: "id,medications\nw1," + names + "\nw2,sertraline|tramadol\n", options: options)
        #expect(run.summary.problems.map(\.line) == [2])
        #expect(run.summary.problems.first?.message == "the list has 50000 names; a row holds at most 1000; the row was skipped")
        #expect(run.output.contains("w2,combination,serotonin_syndrome"))
    }
}
