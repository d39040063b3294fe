/// A tab-separated seed file parsed into named columns.
///
/// Format: the first non-comment line is the header; `#` starts a comment line;
/// blank lines are skipped; an empty field means NULL. Fields hold no tabs or newlines.
public struct SeedTable: Sendable {
    /// One data row, with the line it came from for error messages.
    public struct Row: Sendable {
        /// The seed file and 1-based line the row came from.
        public let path: String
        public let line: Int
        let fields: [String: String]

        /// The field's value, or nil when it is empty or the column is absent.
        public subscript(_ column: String) -> String? {
            guard let value = fields[column], !value.isEmpty else { return nil }
            return value
        }
    }

    public let path: String
    public let columns: [String]
    public let rows: [Row]

    /// Parses a seed file, failing with the file and line on a row of the wrong width.
    public init(_ file: SeedFile) throws {
        path = file.path
        var header: [String]?
        var rows: [Row] = []
        for (index, rawLine) in file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.allSatisfy(\.isWhitespace) || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(Self.trimmed)
            guard let names = header else {
                header = fields
                continue
            }
            guard fields.count == names.count else {
                throw TwitchCheckError.seedRow(
                    path: file.path, line: index + 1,
                    message: "expected \(names.count) tab-separated fields (\(names.joined(separator: ", "))), found \(fields.count)")
            }
            rows.append(Row(path: file.path, line: index + 1, fields: Dictionary(uniqueKeysWithValues: zip(names, fields))))
        }
        columns = header ?? []
        self.rows = rows
    }

    /// The field without surrounding spaces (seed files are edited by hand).
    private static func trimmed(_ field: Substring) -> String {
        let utf8 = field.utf8
        guard let first = utf8.firstIndex(where: { $0 != 0x20 }) else { return "" }
        let last = utf8.lastIndex(where: { $0 != 0x20 })!
        return String(field[first...last])
    }
}
