/// One schema or seed file: its path relative to the package root, and its text.
public struct SeedFile: Sendable, Equatable {
    /// For example `Seeds/drugs/core.tsv` or `Schema/001_vocabulary.sql`.
    public let path: String
    public let text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// The folder directly inside `Seeds/` (the table the file fills), or nil for schema files.
    public var seedTable: String? {
        let parts = path.split(separator: "/")
        guard parts.count == 3, parts[0] == "Seeds", path.hasSuffix(".tsv") else { return nil }
        return String(parts[1])
    }

    /// Whether this is one of the SQL schema files.
    public var isSchema: Bool { path.hasPrefix("Schema/") && path.hasSuffix(".sql") }
}
