/// All the knowledge base holds about one drug: names, classes, own risks and combination rules.
///
/// The answer to "tell me about sertraline"; `twitchcheck drug` prints it as text or JSON.
public struct DrugProfile: Codable, Sendable, Equatable {
    /// A name the drug is known by.
    public struct Name: Codable, Sendable, Equatable {
        public let name: String
        public let kind: MatchKind
        public let source: String
    }

    /// One source's statement of the drug's own risk, stated for the drug or for one of its classes.
    public struct Risk: Codable, Sendable, Equatable {
        public let effect: Effect
        public let severity: Severity
        public let frequency: Frequency
        public let evidence: Evidence
        public let summary: String
        public let management: String
        /// The class the risk is stated for, when it is stated for a class.
        public let viaClass: String?
        public let source: CitedSource

        enum CodingKeys: String, CodingKey {
            case effect, severity, frequency, evidence, summary, management, source
            case viaClass = "via_class"
        }
    }

    /// The other side of a combination rule: one drug, or a class with the drugs it stands for.
    public struct Side: Codable, Sendable, Equatable {
        /// `class` or `drug`.
        public let kind: String
        public let id: String
        /// The class name, or the drug id.
        public let name: String
        /// The drugs this side stands for, other than the profiled drug.
        public let drugs: [String]
    }

    /// A combination rule the drug takes part in.
    public struct Interaction: Codable, Sendable, Equatable {
        public let rule: String
        public let effect: Effect
        public let severity: Severity
        public let evidence: Evidence
        public let summary: String
        public let mechanism: String
        public let management: String
        /// The side the drug does not stand on (for a rule between two members of one class, that class).
        public let with: Side
        public let sources: [CitedSource]
    }

    /// The drug id: its lowercase US generic name.
    public let drug: String
    public let kind: String
    public let rxcui: String?
    public let atc: String?
    public let names: [Name]
    public let classes: [ClassMembership]
    /// Own risks, most severe first.
    public let risks: [Risk]
    /// Combination rules, most severe first.
    public let interactions: [Interaction]

    /// Gathers the profile of one drug from the knowledge base; nil when there is no such drug.
    public static func load(_ drugID: String, from knowledgeBase: KnowledgeBase) throws -> DrugProfile? {
        guard let drug = try knowledgeBase.drug(drugID) else { return nil }
        let names = try knowledgeBase.names(of: drugID)
            .sorted { ($0.kind.sortOrder, $0.name.lowercased()) < ($1.kind.sortOrder, $1.name.lowercased()) }
            .map { Name(name: $0.name, kind: $0.kind, source: $0.sourceID) }
        let classes = try knowledgeBase.classMemberships(of: drugID)
        let classIDs = Set(classes.map(\.classID))
        let effects = try knowledgeBase.effects(of: [drugID])
        let rules = try knowledgeBase.rules(involving: drugID)
        let sourceIDs = Array(Set(effects.map(\.sourceID) + rules.flatMap(\.sourceIDs)))
        let sources = Dictionary(try knowledgeBase.sources(sourceIDs).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let classNames = try knowledgeBase.classNames()

        let risks = effects.map { effect in
            Risk(effect: effect.effect, severity: effect.severity, frequency: effect.frequency, evidence: effect.evidence,
                 summary: effect.summary, management: effect.management, viaClass: effect.viaClassID,
                 source: CitedSource(effect.sourceID, from: sources))
        }.sorted { ($1.severity, $0.effect, $0.source.id) < ($0.severity, $1.effect, $1.source.id) }

        let interactions = try rules.map { rule in
            let onLeft = rule.left.includes(drugID, classes: classIDs)
            let other = onLeft ? rule.right : rule.left
            let side: Side = switch other {
            case .drug(let id): Side(kind: "drug", id: id, name: id, drugs: [id])
            case .drugClass(let id):
                Side(kind: "class", id: id, name: classNames[id] ?? id,
                     drugs: try knowledgeBase.members(ofClass: id).filter { $0 != drugID })
            }
            return Interaction(rule: rule.id, effect: rule.effect, severity: rule.severity, evidence: rule.evidence,
                               summary: rule.summary, mechanism: rule.mechanism, management: rule.management,
                               with: side, sources: rule.sourceIDs.map { CitedSource($0, from: sources) })
        }.sorted { ($1.severity, $0.rule) < ($0.severity, $1.rule) }

        return DrugProfile(drug: drug.id, kind: drug.kind, rxcui: drug.rxcui, atc: drug.atc, names: names,
                           classes: classes, risks: risks, interactions: interactions)
    }

    /// Every drug the profiled drug has a combination rule with.
    public var interactingDrugs: Set<String> { Set(interactions.flatMap(\.with.drugs)) }
}

private extension MatchKind {
    /// Generic names first, then brands, then other names.
    var sortOrder: Int {
        switch self {
        case .generic: 0
        case .brand: 1
        case .synonym: 2
        case .rxnorm: 3
        case .ingredient: 4
        }
    }
}
