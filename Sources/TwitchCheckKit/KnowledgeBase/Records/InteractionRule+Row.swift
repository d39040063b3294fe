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
                  effect: try row.vocabulary("effect_id", in: "interaction_rules"),
                  severity: try row.vocabulary("severity", in: "interaction_rules"),
                  evidence: try row.vocabulary("evidence", in: "interaction_rules"),
                  summary: try row.decode(forColumn: "summary"),
                  mechanism: try row.decode(forColumn: "mechanism"),
                  management: try row.decode(forColumn: "management"),
                  origin: try row.decode(forColumn: "origin"),
                  movementDisorder: try row.decode(forColumn: "movement_disorder"))
    }
}
