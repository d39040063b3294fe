import GRDB

/// One source's statement of a drug's own risk, direct or through a class (a row of the `drug_effects` view).
public struct DrugEffect: Codable, Sendable, Equatable, FetchableRecord, TableRecord {
    public static let databaseTableName = "drug_effects"

    public let drugID: String
    public let effect: Effect
    public let severity: Severity
    public let frequency: Frequency
    public let evidence: Evidence
    public let summary: String
    public let management: String
    /// The class the risk was stated for, when it was stated for a class.
    public let viaClassID: String?
    public let sourceID: String

    enum CodingKeys: String, CodingKey {
        case severity, frequency, evidence, summary, management
        case drugID = "drug_id"
        case effect = "effect_id"
        case viaClassID = "via_class_id"
        case sourceID = "source_id"
    }

    /// How strongly this source states the risk (``StatementStrength``).
    public var strength: StatementStrength { StatementStrength(severity: severity, evidence: evidence) }
}
