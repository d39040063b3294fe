import GRDB

extension Row {
    /// The value of a column that holds a vocabulary term (an effect, a severity, ...); a term
    /// this twitchcheck does not know is an error that names the table and column.
    func vocabulary<Value: RawRepresentable<String>>(_ column: String, in table: String) throws -> Value {
        let text: String = try decode(forColumn: column)
        guard let value = Value(rawValue: text) else {
            throw DatabaseError(resultCode: .SQLITE_MISMATCH,
                                message: "\(table).\(column) holds '\(text)', which this twitchcheck does not know")
        }
        return value
    }
}
