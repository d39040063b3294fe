/// The output formats every row-printing command shares (`sql`, `db info`, `db check`).
public enum RowFormat: String, CaseIterable, Sendable {
    /// Aligned columns for people.
    case table
    /// RFC 4180 CSV with a header row.
    case csv
    /// One JSON array of objects.
    case json
    /// One JSON object per line.
    case jsonl
}
