/// RFC 4180 output: quote a field only when it holds a comma, quote or line break.
enum CSVFormatter {
    /// The fields joined by commas, each quoted only if it must be; no line end.
    static func fields(_ fields: [String]) -> String {
        fields.map { field in
            needsQuotes(field) ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",")
    }

    /// Whether a field's bytes hold a comma, quote or line break, and so must be quoted.
    @inline(__always)
    static func needsQuotes(_ field: UnsafeRawBufferPointer) -> Bool {
        field.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D })
    }

    /// Whether a field holds a comma, quote or line break, and so must be quoted.
    @inline(__always)
    static func needsQuotes(_ field: String) -> Bool {
        field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D })
    }
}
