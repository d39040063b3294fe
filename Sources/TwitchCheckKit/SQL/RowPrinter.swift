import Foundation

/// Prints a ``QueryResult`` held in memory as a table, RFC 4180 CSV, a JSON array, or JSON Lines
/// (the same text ``RowWriter`` streams).
public struct RowPrinter: Sendable {
    public let format: RowFormat

    /// A printer for one format.
    public init(format: RowFormat) {
        self.format = format
    }

    /// The rows in this printer's format, ending with a newline when there is any output.
    public func render(_ result: QueryResult) -> String {
        RowWriter.render(result, format: format)
    }

    static func jsonString(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
