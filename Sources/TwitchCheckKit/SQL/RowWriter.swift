import Foundation

/// Writes rows as they arrive, in one of the row formats: a table for people, RFC 4180 CSV,
/// a JSON array or JSON Lines.
///
/// A table's column widths come from the header and the first ``sampleRows`` rows, each capped
/// at ``maxColumnWidth``; a longer value is cut with "…" (csv and json keep every value whole).
/// The last column is never padded, so it is never cut either: a message there reads in full.
/// So a table of any length starts at once and never pads every line to its longest value.
public final class RowWriter {
    /// Rows read before a table's widths are fixed.
    public static let sampleRows = 100
    /// The widest a table column gets, in characters.
    public static let maxColumnWidth = 40

    public let format: RowFormat
    private let emit: (String) throws -> Void
    private var columns: [String] = []
    private var pending: [[String]] = []
    private var widths: [Int]?
    private var rowsWritten = 0

    /// A writer in `format` that hands its text to `emit`, a piece at a time.
    public init(format: RowFormat, emit: @escaping (String) throws -> Void) {
        self.format = format
        self.emit = emit
    }

    /// Starts the output with the column names.
    public func begin(columns: [String]) throws {
        self.columns = columns
        switch format {
        case .csv: try emit(CSVFormatter.fields(columns) + "\r\n")
        case .json: try emit("[")
        case .table, .jsonl: break
        }
    }

    /// Writes one row (or keeps it, while a table's widths are not yet known).
    public func add(_ row: [QueryValue]) throws {
        switch format {
        case .csv: try emit(CSVFormatter.fields(row.map(\.text)) + "\r\n")
        case .json: try emit((rowsWritten == 0 ? "" : ",\n ") + Self.object(row, columns))
        case .jsonl: try emit(Self.object(row, columns) + "\n")
        case .table:
            // A cut column never shows more than its width, so a huge value is not held whole.
            let last = row.count - 1
            let cells = row.enumerated().map { index, value in
                Self.cell(index == last ? value.text : String(value.text.prefix(Self.maxColumnWidth + 1)))
            }
            if let widths {
                try emit(Self.line(cells, widths))
            } else {
                pending.append(cells)
                if pending.count >= Self.sampleRows { try fixWidths() }
            }
        }
        rowsWritten += 1
    }

    /// Ends the output.
    public func finish() throws {
        switch format {
        case .json: try emit("]\n")
        case .table: if widths == nil { try fixWidths() }
        case .csv, .jsonl: break
        }
    }

    /// Writes rows already in memory (`db info`, `db check`) as the streamed ones: begin, each row, finish.
    public func write(_ result: QueryResult) throws {
        try begin(columns: result.columns)
        for row in result.rows { try add(row) }
        try finish()
    }

    private func fixWidths() throws {
        let widths = columns.indices.map { column in
            min(Self.maxColumnWidth, max(columns[column].count, pending.map { $0[column].count }.max() ?? 0))
        }
        self.widths = widths
        try emit(Self.line(columns.map(Self.cell), widths) + Self.line(widths.map { String(repeating: "-", count: $0) }, widths))
        for cells in pending { try emit(Self.line(cells, widths)) }
        pending = []
    }

    /// One table line: each cell cut or padded to its width, trailing spaces dropped.
    private static func line(_ cells: [String], _ widths: [Int]) -> String {
        var line = ""
        for (index, (cell, width)) in zip(cells, widths).enumerated() {
            if index > 0 { line += "  " }
            let count = cell.count
            let isLast = index == widths.count - 1
            if count > width && !isLast {
                line += cell.prefix(width - 1) + "…"
            } else {
                line += cell
                if !isLast { line += String(repeating: " ", count: max(0, width - count)) }
            }
        }
        while line.last == " " { line.removeLast() }
        return line + "\n"
    }

    /// A value as a table shows it: on one line, control characters as spaces.
    private static func cell(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
    }

    private static func object(_ row: [QueryValue], _ columns: [String]) -> String {
        "{" + zip(columns, row).map { column, value in
            let encoded: String = switch value {
            case .null: "null"
            case .integer(let number): String(number)
            case .real(let number): number.isFinite ? String(number) : "null"
            case .text(let text): Self.jsonString(text)
            }
            return Self.jsonString(column) + ": " + encoded
        }.joined(separator: ", ") + "}"
    }

    private static func jsonString(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
