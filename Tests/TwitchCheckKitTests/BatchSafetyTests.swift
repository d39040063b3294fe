import Foundation
import Testing
@testable import TwitchCheckKit

/// Issue 10's batch items in the library: dates, empty patient ids, duplicate columns, byte-order
/// marks, unreadable headers, linear time in one patient's rows, leftover words.
@Suite struct BatchSafetyTests {
    static func day(_ text: String) -> Int32? {
        Array(text.utf8).withUnsafeBytes { DayNumber.parse($0) }
    }

    // MARK: - Dates

    @Test(arguments: ["01/02/2020", "2020-13-45", "2021-02-29", "1900-02-29", "2020-04-31", "2020-00-10", "2020-01-00",
                      "2020-1-2", "20200102", "2020-01-01X", "2020-01-011", "abcd-ef-gh", "+2020-01-01", "2020/01/01"])
    func anUnreadableDateIsReportedWithItsLineAndTheRowStillChecked(_ text: String) throws {
        #expect(Self.day(text) == nil)
        let run = try BatchCheckerTests.run(text: "PATIENT,DESCRIPTION,START,STOP\n"
            + "d1,sertraline,\(text),2020-02-01\nd1,tramadol,2010-01-01,2010-02-01\n")
        #expect(run.summary.dateProblemCount == 1)
        #expect(run.summary.dateProblems.map(\.line) == [2])
        #expect(run.summary.dateProblems.first?.message.hasPrefix("START '\(text)' is not a date (expected YYYY-MM-DD)") == true)
        #expect(run.summary.render().contains("input.csv:2: START '\(text)' is not a date"))
        #expect(run.summary.hasUncheckedInput)
        // Read as an unknown start, the sertraline may have run in 2010: the combination is still reported, not dropped.
        #expect(run.rows(patient: "d1", kind: "combination").first?[5] == "2010-01-01")
    }

    @Test(arguments: ["2020-02-29", "2000-02-29", "0000-01-01", "0000-02-29", "9999-12-31", "2019-07-08T23:38:03Z",
                      "2146-07-21 00:00:00", ""])
    func aReadableOrEmptyDateIsNotReported(_ text: String) throws {
        let run = try BatchCheckerTests.run(text: "PATIENT,DESCRIPTION,START,STOP\nd1,sertraline,\(text),\n")
        #expect(run.summary.dateProblemCount == 0)
        #expect(!run.summary.hasUncheckedInput)
    }

    @Test func aStopBeforeItsStartIsReportedAndSwappedSoARealOverlapIsNotMissed() throws {
        // On main the sertraline shrank to 2020-03-01 alone and the overlap with tramadol was missed.
        let run = try BatchCheckerTests.run(text: "PATIENT,DESCRIPTION,START,STOP\n"
            + "r1,sertraline,2020-03-01,2020-01-01\nr1,tramadol,2020-02-01,2020-02-10\n")
        #expect(run.rows(patient: "r1", kind: "combination").first?[5] == "2020-02-01")
        #expect(run.summary.dateProblems == [CSVProblem(line: 2, message: "STOP 2020-01-01 is before START 2020-03-01; "
            + "the row was checked from 2020-01-01 to 2020-03-01 (the two dates swapped)")])
    }

    @Test func dayNumbersAndDatesConvertBothWaysOverYearsZeroToNineThousandNineHundredNinetyNine() {
        let first = DayNumber.dayNumber(year: 0, month: 1, day: 1)
        let last = DayNumber.dayNumber(year: 9999, month: 12, day: 31)
        #expect(last - first + 1 == 10_000 * 365 + 2425, "2,425 leap days in years 0000-9999")
        var expected = (year: 0, month: 1, day: 1)
        for number in first...last {
            let date = DayNumber.civil(number)
            guard date == expected, DayNumber.dayNumber(year: date.year, month: date.month, day: date.day) == number else {
                Issue.record("day \(number): \(date), expected \(expected)")
                return
            }
            if expected.day < DayNumber.daysIn(month: expected.month, year: expected.year) {
                expected.day += 1
            } else if expected.month < 12 {
                expected = (expected.year, expected.month + 1, 1)
            } else {
                expected = (expected.year + 1, 1, 1)
            }
        }
        for text in ["0000-01-01", "0000-02-29", "0000-03-01", "0001-01-01", "0099-12-31", "0400-02-29", "1970-01-01",
                     "1999-12-31", "2000-02-29", "2020-02-29", "2150-01-03", "9999-12-31"] {
            #expect(Self.day(text).map(DayNumber.format) == text)
        }
    }

    @Test func yearZeroPrintsAsAnISODate() throws {
        let run = try BatchCheckerTests.run(text: "PATIENT,DESCRIPTION,START,STOP\n"
            + "z,sertraline,0000-01-15,0000-03-05\nz,tramadol,0000-02-01,\n")
        #expect(run.rows(patient: "z", kind: "combination").first?[5] == "0000-02-01")
    }

    // MARK: - Patients, columns, headers

    @Test(arguments: ["", " ", "\t ", "\"\"", "\"  \""])
    func anEmptyPatientIdIsSkippedWithItsLineAndNeverMerged(_ id: String) throws {
        let run = try BatchCheckerTests.run(text: "PATIENT,DESCRIPTION\n\(id),sertraline\np1,amoxicillin\n\(id),tramadol\n")
        #expect(run.summary.problems.map(\.line) == [2, 4])
        #expect(run.summary.problems.first?.message.hasPrefix("the patient id is empty; the row was skipped") == true)
        #expect(!run.output.contains("sertraline+tramadol"), "two unrelated rows were joined into one patient")
        #expect(run.summary.patients == 1)
    }

    @Test(arguments: [
        ("PATIENT,DESCRIPTION,DESCRIPTION", nil, "DESCRIPTION", "2, 3"),
        ("patient,Drug,START,drug", nil, "Drug", "2, 4"),
        ("PATIENT,PATIENT,DESCRIPTION", nil, "PATIENT", "1, 2"),
        ("PATIENT,DESCRIPTION,START,START", nil, "START", "3, 4"),
        ("PATIENT,DESCRIPTION,DESCRIPTION,X", "DESCRIPTION", "DESCRIPTION", "2, 3"),
        ("PATIENT,DESCRIPTION,DESCRIPTION,X", "X", nil, nil),
        ("PATIENT,DESCRIPTION,NOTE,NOTE", nil, nil, nil),
    ] as [(String, String?, String?, String?)])
    func aDuplicatedColumnIsRefusedUnlessTheColumnIsChosen(header: String, chosen: String?, refused: String?, positions: String?) throws {
        var options = BatchOptions()
        options.medicationColumn = chosen
        let fields = header.split(separator: ",").count
        let row = "p," + Array(repeating: "sertraline", count: fields - 1).joined(separator: ",")
        if let refused, let positions {
            #expect { try BatchCheckerTests.run(text: "\(header)\n\(row)\n", options: options) } throws: { error in
                let text = "\(error)"
                return text.contains("the header names the column '\(refused)' 2 times (columns \(positions))")
                    && text.contains(chosen == nil ? "or name the" : "rename the columns in the header")
            }
        } else {
            let run = try BatchCheckerTests.run(text: "\(header)\n\(row)\n", options: options)
            #expect(run.summary.rowsRead == 1)
        }
    }

    @Test(arguments: [1 << 20, 3 << 20])
    func aHeaderOverTheRowLimitIsAnErrorAtLineOne(_ length: Int) throws {
        let header = "PATIENT,DESCRIPTION," + String(repeating: "x", count: length)
        #expect { try BatchCheckerTests.run(text: header + "\nPATIENT,DESCRIPTION,x\np,sertraline,y\n") } throws: { error in
            "\(error)".hasPrefix("input.csv:1: the header line cannot be read (the row is longer than 1048576 bytes)")
        }
    }

    @Test func aHeaderWithAnUnclosedQuoteIsAnError() throws {
        #expect { try BatchCheckerTests.run(text: "PATIENT,\"DESCRIPTION\nPATIENT,DESCRIPTION\np,x\n") } throws: { error in
            "\(error)".hasPrefix("input.csv:1: the header line cannot be read")
        }
    }

    // MARK: - Byte-order marks

    static let bom = "\u{FEFF}"
    static let wideText = "list_id,medications\na,sertraline;tramadol\n"
    /// START first, so a kept mark would hide the START column and drop every date.
    static let syntheaText = "START,STOP,PATIENT,DESCRIPTION\n2020-01-01,2020-02-01,s,sertraline\n2021-01-01,,s,tramadol\n"

    @Test(arguments: ReadPath.allCases)
    func aByteOrderMarkIsDroppedOnEveryPath(_ path: ReadPath) throws {
        let wide = try path.run(Self.bom + Self.wideText)
        #expect(wide.rows(patient: "a", kind: "combination").first?[4] == "sertraline+tramadol")
        let synthea = try path.run(Self.bom + Self.syntheaText)
        #expect(synthea.rows(patient: "s", kind: "combination").isEmpty, "a year apart: the dates must be used")
        let overlapping = try path.run(Self.bom + Self.syntheaText.replacingOccurrences(of: "2021-01-01", with: "2020-01-20"))
        #expect(overlapping.rows(patient: "s", kind: "combination").first?[5] == "2020-01-20")
    }

    // MARK: - Leftover words

    @Test func wordsLeftBesideARecognisedDrugAreReportedInCSVJSONAndTheSummary() throws {
        let text = "PATIENT,DESCRIPTION\nw,sertraline xyzzq\nw,tramadol\nv,sertraline xyzzq\n"
        let run = try BatchCheckerTests.run(text: text)
        #expect(run.output.contains("\r\nw,unrecognized_words,,,sertraline xyzzq,,\"words not understood, so not checked: xyzzq "
            + "(recognised: sertraline)\",,,\r\n"))
        #expect(run.rows(patient: "v", kind: "unrecognized_words").count == 1)
        #expect(run.rows(patient: "w", kind: "combination").first?[4] == "sertraline+tramadol")
        #expect(run.summary.unrecognizedWords.map(\.name) == ["sertraline xyzzq"])
        #expect(run.summary.unrecognizedWords.first?.rows == 2)
        #expect(run.summary.render().contains("  2 × sertraline xyzzq — not understood: xyzzq"))
        #expect(run.summary.hasUncheckedInput)
        var options = BatchOptions()
        options.format = .jsonl
        let json = try BatchCheckerTests.run(text: text, options: options)
        #expect(json.output.contains("\"input\":\"sertraline xyzzq\""))
        #expect(json.output.contains("\"unmatched_words\":[\"xyzzq\"]"))
    }

    // MARK: - Linear time in one patient's rows

    @Test func twoHundredThousandRowsOfOnePatientAreCheckedCorrectly() throws {
        let drugs = ["sertraline", "tramadol", "phenelzine", "haloperidol"]
        var text = "PATIENT,DESCRIPTION,START,STOP\n"
        let base = DayNumber.dayNumber(year: 2000, month: 1, day: 1)
        for index in 0..<200_000 {
            let date = DayNumber.format(base + Int32(index))
            text += "p,\(drugs[index % 4]),\(date),\(date)\n"
        }
        // A tramadol on the day of the last sertraline: the one overlap among 200,000 spans.
        let late = DayNumber.format(base + 199_996)
        text += "p,tramadol,\(late),\(late)\n"
        let run = try BatchCheckerTests.run(text: text)
        let combinations = run.rows(patient: "p", kind: "combination")
        // Phenelzine and the serotonergic drugs follow each other within days: washout violations, once a pair.
        #expect(combinations.map(\.[4]) == ["phenelzine+sertraline", "phenelzine+tramadol", "sertraline+tramadol"],
                "\(combinations.map(\.[4]))")
        #expect(combinations.first { $0[4] == "sertraline+tramadol" }?[5] == late, "only that day overlaps")
        #expect(combinations.first { $0[4] == "phenelzine+sertraline" }?[6].hasPrefix("Sertraline was started 2 days after phenelzine was stopped; at least 14 days must pass.") == true)
    }

    @Test func theOverlapSweepAgreesWithComparingEveryPair() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            func spans(_ drug: Int32) -> ArraySlice<PrescriptionInterval> {
                (0..<Int.random(in: 0...6, using: &generator)).map { _ in
                    let start = Int32.random(in: 0...60, using: &generator)
                    let stop = Int.random(in: 0...5, using: &generator) == 0 ? PrescriptionInterval.ongoing
                        : start + Int32.random(in: 0...10, using: &generator)
                    let open = Int.random(in: 0...8, using: &generator) == 0
                    return PrescriptionInterval(patient: 0, drug: drug, start: open ? PrescriptionInterval.openStart : start, stop: stop)
                }.sorted { $0.start < $1.start }[...]
            }
            let a = spans(0), b = spans(1)
            var expected: Int32?
            for x in a { for y in b { if let day = x.overlapStart(with: y), day < (expected ?? .max) { expected = day } } }
            #expect(PatientReportWriter.firstOverlap(a, b) == expected, "\(a) \(b)")
        }
    }
}

/// The three ways `batch` reads an input: a file read whole, a file read as two halves, standard input.
enum ReadPath: CaseIterable, Sendable {
    case whole, halves, standardInput

    func run(_ text: String, options: BatchOptions = BatchOptions()) throws -> BatchCheckerTests.Run {
        try run(Array(text.utf8), options: options)
    }

    func run(_ bytes: [UInt8], options: BatchOptions = BatchOptions()) throws -> BatchCheckerTests.Run {
        var options = options
        switch self {
        case .whole:
            options.splitThreshold = .max
        case .halves:
            options.splitThreshold = 0
        case .standardInput:
            var pipeEnds: [Int32] = [0, 0]
            #expect(pipe(&pipeEnds) == 0)
            let writeEnd = pipeEnds[1]
            let writer = Thread {
                bytes.withUnsafeBytes { buffer in
                    var offset = 0
                    while offset < buffer.count {
                        // Small writes, so the reader sees the input in pieces (a mark split across reads too).
                        let written = write(writeEnd, buffer.baseAddress! + offset, min(2, buffer.count - offset))
                        if written <= 0 { break }
                        offset += written
                    }
                }
                close(writeEnd)
            }
            writer.start()
            defer { close(pipeEnds[0]) }
            return try BatchCheckerTests.run(descriptor: pipeEnds[0], name: "input.csv", options: options)
        }
        let url = try TestKnowledgeBase.temporaryDirectory().appending(path: "input.csv")
        try Data(bytes).write(to: url)
        return try BatchCheckerTests.run(url, options: options)
    }
}
