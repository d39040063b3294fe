import Foundation

/// One risk found in a medication list: a drug's own, or one a combination adds.
public struct Finding: Codable, Sendable, Equatable {
    public let kind: FindingKind
    public let effect: Effect
    public let severity: Severity
    public let evidence: Evidence
    /// Generic names, sorted.
    public let drugs: [String]
    /// One sentence a patient can read.
    public let summary: String
    /// Why it happens; for a drug's own risk, how often when known.
    public let mechanism: String?
    /// What to do.
    public let management: String
    /// Ids in the knowledge base's `sources` table.
    public let sources: [String]
    /// The interaction rule that made a combination finding.
    public let rule: String?
    /// How often a drug's own risk occurs, when a source says.
    public let frequency: Frequency?
    /// Which movement disorder a combination finding is about (`parkinsonism`, `acute_dystonia`,
    /// `akathisia`, `tardive_dyskinesia`, `neurotoxicity`, `tremor`, `myoclonus`), when its rule says.
    public let movementDisorder: String?

    public init(kind: FindingKind, effect: Effect, severity: Severity, evidence: Evidence, drugs: [String],
                summary: String, mechanism: String?, management: String, sources: [String],
                rule: String? = nil, frequency: Frequency? = nil, movementDisorder: String? = nil) {
        self.kind = kind
        self.effect = effect
        self.severity = severity
        self.evidence = evidence
        self.drugs = drugs.sorted()
        self.summary = summary
        self.mechanism = mechanism
        self.management = management
        self.sources = sources
        self.rule = rule
        self.frequency = frequency
        self.movementDisorder = movementDisorder
    }

    /// The effect as a reader sees it, with the movement disorder when there is one
    /// ("tremor (neurotoxicity)").
    public var effectDisplayName: String {
        let disorder = movementDisorder.map { String($0.map { $0 == "_" ? " " : $0 }) }
        // Twitching's name already says myoclonus: "twitching (myoclonus)", not "(myoclonus) (myoclonus)".
        guard let disorder, movementDisorder != effect.rawValue, !effect.displayName.contains("(\(disorder))") else {
            return effect.displayName
        }
        return "\(effect.displayName) (\(disorder))"
    }

    /// How strongly the finding is stated, for ``StatementStrength``'s "the strongest statement wins".
    var strength: StatementStrength { StatementStrength(severity: severity, evidence: evidence) }

    /// Findings about the same effect in the same drugs collapse into one.
    var identity: String { effect.rawValue + "|" + drugs.joined(separator: "+") }

    /// Most severe first; then combinations, better evidence, effect and drug names: the one report
    /// order of `check`, `batch` and every report.
    static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        reportOrder(a, rank: a.reportRank, b, rank: b.reportRank)
    }

    /// The findings in ``reportOrder(_:_:)``, each rank computed once and positions sorted rather
    /// than the findings themselves (a finding is a wide value; moving it while sorting costs a
    /// retain and a release per field, which showed in the server's profile).
    static func inReportOrder(_ findings: [Finding]) -> [Finding] {
        let ranks = findings.map(\.reportRank)
        return findings.indices
            .sorted { reportOrder(findings[$0], rank: ranks[$0], findings[$1], rank: ranks[$1]) }
            .map { findings[$0] }
    }

    /// ``reportOrder(_:_:)`` with each finding's ``reportRank`` computed beforehand (`batch` keeps it
    /// with the finding it renders once for many patients).
    static func reportOrder(_ a: Finding, rank rankA: Int, _ b: Finding, rank rankB: Int) -> Bool {
        rankA != rankB ? rankA < rankB : a.drugs.lexicographicallyPrecedes(b.drugs)
    }

    /// The report order's keys before the drug names, as one number, smaller first: severity (most
    /// severe first), then combinations before a drug's own risk, better evidence, the effect.
    var reportRank: Int {
        let kindRank = kind == .combination ? 0 : 1
        return (Severity.allCases.count - severity.rank) << 12 | kindRank << 8
            | (Evidence.allCases.count - evidence.rank) << 4 | Effect.allCases.firstIndex(of: effect)!
    }

    enum CodingKeys: String, CodingKey {
        case kind, effect, severity, evidence, drugs, summary, mechanism, management, sources, rule, frequency
        case movementDisorder = "movement_disorder"
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(effect, forKey: .effect)
        try container.encode(severity, forKey: .severity)
        try container.encode(evidence, forKey: .evidence)
        try container.encode(drugs, forKey: .drugs)
        try container.encode(summary, forKey: .summary)
        try container.encode(mechanism, forKey: .mechanism)
        try container.encode(management, forKey: .management)
        try container.encode(sources, forKey: .sources)
        try container.encode(rule, forKey: .rule)
        try container.encode(frequency, forKey: .frequency)
        try container.encode(movementDisorder, forKey: .movementDisorder)
    }
}
