/// The rows of a query, each value as text or null, with the column names.
public struct QueryResult: Sendable, Equatable {
    public let columns: [String]
    public let rows: [[QueryValue]]

    public init(columns: [String], rows: [[QueryValue]]) {
        self.columns = columns
        self.rows = rows
    }
}
