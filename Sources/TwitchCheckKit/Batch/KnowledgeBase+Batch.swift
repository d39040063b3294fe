import GRDB

extension KnowledgeBase {
    /// Drugs that have an own risk or stand on a side of some rule: the only drugs whose
    /// prescriptions a batch run needs to remember.
    public func relevantDrugIDs() throws -> Set<String> {
        try reader.read { db in
            Set(try String.fetchAll(db, sql: """
                SELECT drug_id FROM drug_effects
                UNION SELECT drug_id FROM rule_side_drugs
                """))
        }
    }
}
