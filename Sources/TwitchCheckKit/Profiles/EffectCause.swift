import GRDB

/// One drug that can cause an effect, with its strongest statement's severity and evidence (``StatementStrength``; a row of `drugs_by_effect`).
public struct EffectCause: Codable, Sendable, Equatable, FetchableRecord {
    public let effect: Effect
    public let drug: String
    public let severity: Severity
    public let evidence: Evidence
    public let frequency: Frequency
    /// Comma-separated classes the risk is stated for, when it is stated for a class.
    public let viaClass: String?
    /// Comma-separated source ids.
    public let sources: String
    /// Comma-separated classes the drug is listed in directly.
    public let directClasses: String?

    public init(effect: Effect, drug: String, severity: Severity, evidence: Evidence, frequency: Frequency,
                viaClass: String?, sources: String, directClasses: String?) {
        self.effect = effect
        self.drug = drug
        self.severity = severity
        self.evidence = evidence
        self.frequency = frequency
        self.viaClass = viaClass
        self.sources = sources
        self.directClasses = directClasses
    }

    enum CodingKeys: String, CodingKey {
        case effect, drug, severity, evidence, frequency, sources
        case viaClass = "via_class"
        case directClasses = "direct_classes"
    }

    /// The classes the risk is stated for, in order.
    public var viaClassIDs: [String] { Self.list(viaClass) }
    /// The classes the drug is listed in directly, sorted.
    public var directClassIDs: [String] { Self.list(directClasses) }
    /// The source ids, in order.
    public var sourceIDs: [String] { Self.list(sources) }

    static func list(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map(String.init)
    }
}
