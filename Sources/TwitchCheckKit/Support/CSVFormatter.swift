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
        field.contains(where: forcesQuotes)
    }

    /// Whether a field holds a comma, quote or line break, and so must be quoted.
    @inline(__always)
    static func needsQuotes(_ field: String) -> Bool {
        field.utf8.contains(where: forcesQuotes)
    }

    /// A comma, quote, line feed or carriage return: a byte that makes its field quoted.
    @inline(__always)
    private static func forcesQuotes(_ byte: UInt8) -> Bool {
        byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D
    }
}
