import GRDB

/// A combination rule: a drug from the left side with a different drug from the right side
/// adds a risk (a row of `interaction_rules`, with its sources from `rule_sources`).
public struct InteractionRule: Codable, Sendable, Equatable, FetchableRecord, TableRecord {
    public static let databaseTableName = "interaction_rules"

    public let id: String
    public let leftClassID: String?
    public let leftDrugID: String?
    public let rightClassID: String?
    public let rightDrugID: String?
    public let effect: Effect
    public let severity: Severity
    public let evidence: Evidence
    public let summary: String
    public let mechanism: String
    public let management: String
    /// Where the rule comes from: `label` (a seed row), `generated` (enzyme data) or `additive` (two own risks).
    public let origin: String
    /// Which movement disorder the rule is about (`parkinsonism`, `neurotoxicity`...), when it says.
    public let movementDisorder: String?
    /// Source ids, filled from `rule_sources`.
    public var sourceIDs: [String] = []

    enum CodingKeys: String, CodingKey {
        case id, severity, evidence, summary, mechanism, management, origin
        case movementDisorder = "movement_disorder"
        case leftClassID = "left_class_id"
        case leftDrugID = "left_drug_id"
        case rightClassID = "right_class_id"
        case rightDrugID = "right_drug_id"
        case effect = "effect_id"
    }

    /// A rule side: a class, or one drug.
    public enum Side: Sendable, Equatable {
        case drugClass(String)
        case drug(String)

        /// Whether a drug, with the classes it belongs to, stands on this side.
        public func includes(_ drugID: String, classes: Set<String>) -> Bool {
            switch self {
            case .drugClass(let id): classes.contains(id)
            case .drug(let id): id == drugID
            }
        }
    }

    public var left: Side { leftClassID.map(Side.drugClass) ?? .drug(leftDrugID ?? "") }
    public var right: Side { rightClassID.map(Side.drugClass) ?? .drug(rightDrugID ?? "") }
}
