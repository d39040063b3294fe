import Testing
import TwitchCheckKit

/// Rows written as they arrive: a table starts after its sample rows, caps its columns and cuts
/// long values with "…"; csv and json keep every value whole.
@Suite struct RowWriterTests {
    static let long = String(repeating: "x", count: 300)

    static func write(_ rows: [[QueryValue]], format: RowFormat, pieces: inout [String]) throws {
        var written: [String] = []
        let writer = RowWriter(format: format) { written.append($0) }
        try writer.begin(columns: ["name", "note"])
        for row in rows { try writer.add(row) }
        try writer.finish()
        pieces = written
    }

    @Test func aTableStreamsAfterItsSampleAndCutsLongValuesButNotTheLastColumn() throws {
        let rows: [[QueryValue]] = (0..<(RowWriter.sampleRows * 3)).map { [.text($0 == 5 ? Self.long : "n\($0)"), .text(Self.long)] }
        var pieces: [String] = []
        try Self.write(rows, format: .table, pieces: &pieces)
        #expect(pieces.count == 1 + rows.count, "the heading, then a piece per row")
        var early: [String] = []
        let writer = RowWriter(format: .table) { early.append($0) }
        try writer.begin(columns: ["name"])
        for index in 0..<RowWriter.sampleRows {
            #expect(early.isEmpty, "nothing before the sample is complete (row \(index))")
            try writer.add([.integer(Int64(index))])
        }
        #expect(!early.isEmpty, "the table starts once the sample is read, before the query ends")
        let lines = pieces.joined().split(separator: "\n")
        #expect(lines.count == 2 + rows.count)
        #expect(lines[2 + 5].hasPrefix(String(repeating: "x", count: RowWriter.maxColumnWidth - 1) + "…  "))
        #expect(lines.dropFirst(2).allSatisfy { $0.hasSuffix(Self.long) }, "the last column is whole")
    }

    @Test("csv and json keep values whole", arguments: [RowFormat.csv, .json, .jsonl])
    func machineFormatsKeepValuesWhole(_ format: RowFormat) throws {
        var pieces: [String] = []
        try Self.write([[.text(Self.long), .null]], format: format, pieces: &pieces)
        #expect(pieces.joined().contains(Self.long))
        #expect(!pieces.joined().contains("…"))
    }

    /// `db info` and `db check` print a result held in memory through the same writer as `sql`'s stream.
    @Test(arguments: RowFormat.allCases)
    func aResultInMemoryPrintsAsTheStreamedRows(_ format: RowFormat) throws {
        let rows: [[QueryValue]] = (0..<250).map { [.integer(Int64($0)), .text(String(repeating: "y", count: $0 % 60))] }
        var pieces: [String] = []
        try Self.write(rows, format: format, pieces: &pieces)
        var whole = ""
        try RowWriter(format: format) { whole += $0 }.write(QueryResult(columns: ["name", "note"], rows: rows))
        #expect(whole == pieces.joined())
    }
}
