import Foundation

/// Prints a ``QueryResult`` as an aligned table, RFC 4180 CSV, a JSON array, or JSON Lines.
public struct RowPrinter: Sendable {
    public let format: RowFormat

    /// A printer for one format.
    public init(format: RowFormat) {
        self.format = format
    }

    /// The rows in this printer's format, ending with a newline when there is any output.
    public func render(_ result: QueryResult) -> String {
        switch format {
        case .table: table(result)
        case .csv: ([result.columns] + result.rows.map { $0.map(\.text) }).map { CSVFormatter.fields($0) + "\r\n" }.joined()
        case .json: "[" + result.rows.map { object($0, result.columns) }.joined(separator: ",\n ") + "]\n"
        case .jsonl: result.rows.map { object($0, result.columns) + "\n" }.joined()
        }
    }

    private func table(_ result: QueryResult) -> String {
        let cells = result.rows.map { $0.map(\.text) }
        let widths = result.columns.indices.map { column in
            max(result.columns[column].count, cells.map { $0[column].count }.max() ?? 0)
        }
        func line(_ values: [String]) -> String {
            zip(values, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n"
        }
        return line(result.columns) + line(widths.map { String(repeating: "-", count: $0) }) + cells.map(line).joined()
    }

    private func object(_ row: [QueryValue], _ columns: [String]) -> String {
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

    static func jsonString(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
