/// Which drugs can cause one effect, grouped by class, with how common and how well established.
///
/// The answer to "what drugs cause tremor?"; `twitchcheck effect` prints it as text or JSON.
public struct EffectReport: Codable, Sendable, Equatable {
    /// The drugs of one class (or of no class) that can cause the effect.
    public struct Group: Codable, Sendable, Equatable {
        /// The class id, or nil for drugs listed in no class.
        public let `class`: String?
        /// The class name, or "Other drugs".
        public let name: String
        /// Most severe first, then by name.
        public let drugs: [Cause]
    }

    /// One drug and its worst stated risk of the effect.
    public struct Cause: Codable, Sendable, Equatable {
        public let drug: String
        public let severity: Severity
        public let frequency: Frequency
        public let evidence: Evidence
        /// The classes the risk is stated for, when it is stated for a class rather than the drug.
        public let viaClasses: [String]
        public let sources: [String]

        enum CodingKeys: String, CodingKey {
            case drug, severity, frequency, evidence, sources
            case viaClasses = "via_classes"
        }
    }

    public let effect: Effect
    /// The effect's name and description from the `effects` table.
    public let name: String
    /// Only drugs at this severity or above were included, when given.
    public let minSeverity: Severity?
    /// Only members of this class were included, when given.
    public let classFilter: String?
    public let groups: [Group]
    /// Drugs that add the effect only together with another drug (they stand on a rule side),
    /// grouped by class; their severity is the worst rule's. See `twitchcheck drug NAME` for the partners.
    public let inCombination: [Group]

    enum CodingKeys: String, CodingKey {
        case effect, name, groups
        case inCombination = "in_combination"
        case minSeverity = "min_severity"
        case classFilter = "class"
    }

    /// Every drug with its own risk of the effect, in group order.
    public var drugs: [String] { groups.flatMap { $0.drugs.map(\.drug) } }

    /// Every drug that adds the effect only in combination, in group order.
    public var combinationDrugs: [String] { inCombination.flatMap { $0.drugs.map(\.drug) } }

    /// Builds the report; a drug is grouped under the class its risk is stated for, else its first direct class.
    public static func load(_ effect: Effect, minSeverity: Severity? = nil, inClass classFilter: String? = nil,
                            from knowledgeBase: KnowledgeBase) throws -> EffectReport {
        let members = try classFilter.map { Set(try knowledgeBase.members(ofClass: $0)) }
        func selected(_ causes: [EffectCause]) -> [EffectCause] {
            causes.filter { cause in
                (minSeverity.map { cause.severity >= $0 } ?? true) && (members?.contains(cause.drug) ?? true)
            }
        }
        let own = selected(try knowledgeBase.drugsCausing(effect))
        let ownDrugs = Set(own.map(\.drug))
        let combined = selected(try knowledgeBase.drugsInRules(for: effect)).filter { !ownDrugs.contains($0.drug) }
        let classNames = try knowledgeBase.classNames()
        let groups = Self.group(own, classNames: classNames)
        let inCombination = Self.group(combined, classNames: classNames)
        let name = try knowledgeBase.effectName(effect) ?? effect.displayName
        return EffectReport(effect: effect, name: name, minSeverity: minSeverity, classFilter: classFilter, groups: groups,
                            inCombination: inCombination)
    }

    /// Groups causes under the class a risk is stated for, else the drug's first direct class.
    private static func group(_ causes: [EffectCause], classNames: [String: String]) -> [Group] {
        let grouped = Dictionary(grouping: causes) { $0.viaClassIDs.first ?? $0.directClassIDs.first }
        return grouped.map { classID, members in
            Group(class: classID, name: classID.map { classNames[$0] ?? $0 } ?? "Other drugs",
                  drugs: members.map { cause in
                      Cause(drug: cause.drug, severity: cause.severity, frequency: cause.frequency, evidence: cause.evidence,
                            viaClasses: cause.viaClassIDs, sources: cause.sourceIDs)
                  }.sorted { ($1.severity, $0.drug) < ($0.severity, $1.drug) })
        }.sorted { first, second in
            // The class with the most serious risk first; unclassified drugs last.
            if (first.class == nil) != (second.class == nil) { return second.class == nil }
            let a = first.drugs.first?.severity ?? .minor, b = second.drugs.first?.severity ?? .minor
            return a != b ? a > b : first.name < second.name
        }
    }
}
