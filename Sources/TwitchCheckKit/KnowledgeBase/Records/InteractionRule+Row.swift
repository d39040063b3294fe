import GRDB

extension InteractionRule {
    /// Reads a row of `interaction_rules` column by column. Every check reads every rule (there
    /// are hundreds): decoding them through `Decodable` took about 7% of a `check`'s processor
    /// time, this about 2%. A value outside the vocabularies is an error.
    public init(row: Row) throws {
        self.init(id: try row.decode(forColumn: "id"),
                  leftClassID: try row.decode(forColumn: "left_class_id"),
                  leftDrugID: try row.decode(forColumn: "left_drug_id"),
                  rightClassID: try row.decode(forColumn: "right_class_id"),
                  rightDrugID: try row.decode(forColumn: "right_drug_id"),
                  effect: try Self.vocabulary(row, "effect_id"),
                  severity: try Self.vocabulary(row, "severity"),
                  evidence: try Self.vocabulary(row, "evidence"),
                  summary: try row.decode(forColumn: "summary"),
                  mechanism: try row.decode(forColumn: "mechanism"),
                  management: try row.decode(forColumn: "management"),
                  origin: try row.decode(forColumn: "origin"),
                  movementDisorder: try row.decode(forColumn: "movement_disorder"))
    }

    private static func vocabulary<Value: RawRepresentable<String>>(_ row: Row, _ column: String) throws -> Value {
        let text: String = try row.decode(forColumn: column)
        guard let value = Value(rawValue: text) else {
            throw DatabaseError(resultCode: .SQLITE_MISMATCH,
                                message: "interaction_rules.\(column) holds '\(text)', which this twitchcheck does not know")
        }
        return value
    }
}
