import GRDB

/// A drug on a side of a combination rule for an effect, with the rule's severity, evidence and
/// sources: the rows ``KnowledgeBase/drugsInRules(for:)`` ranks by ``StatementStrength``.
struct RuleSideDrug: Decodable, FetchableRecord {
    let drug: String
    let rule: String
    let severity: Severity
    let evidence: Evidence
    /// Comma-separated source ids of the rule.
    let sources: String?
    /// Comma-separated classes the drug is listed in directly.
    let directClasses: String?

    enum CodingKeys: String, CodingKey {
        case drug, rule, severity, evidence, sources
        case directClasses = "direct_classes"
    }

    /// How strongly the rule states the risk.
    var strength: StatementStrength { StatementStrength(severity: severity, evidence: evidence) }
}
