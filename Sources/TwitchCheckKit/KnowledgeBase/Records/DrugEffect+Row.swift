import GRDB

extension DrugEffect {
    /// Reads a row of the `drug_effects` view column by column: every `check` reads its drugs'
    /// statements, and decoding them through `Decodable` cost a `check` about a millisecond.
    public init(row: Row) throws {
        self.init(drugID: try row.decode(forColumn: "drug_id"),
                  effect: try row.vocabulary("effect_id", in: "drug_effects"),
                  severity: try row.vocabulary("severity", in: "drug_effects"),
                  frequency: try row.vocabulary("frequency", in: "drug_effects"),
                  evidence: try row.vocabulary("evidence", in: "drug_effects"),
                  summary: try row.decode(forColumn: "summary"),
                  management: try row.decode(forColumn: "management"),
                  viaClassID: try row.decode(forColumn: "via_class_id"),
                  sourceID: try row.decode(forColumn: "source_id"))
    }
}
