/// Finds the risks in a set of drugs: each drug's own, and every combination rule that matches.
///
/// One finding per effect and drug set: where several rules or sources speak to the
/// same effect in the same drugs, the most severe wins (then the best evidence).
public struct RiskChecker: Sendable {
    private let knowledgeBase: KnowledgeBase
    private let ruleIndex: RuleIndex
    /// Classes and own-risk statements read ahead for a known set of drugs (see ``preloading(_:)``),
    /// so that checking many lists of them asks the database nothing more.
    private var preloadedClasses: [String: Set<String>]?
    private var preloadedEffects: [String: [DrugEffect]]?

    public init(knowledgeBase: KnowledgeBase) throws {
        self.knowledgeBase = knowledgeBase
        self.ruleIndex = RuleIndex(rules: try knowledgeBase.rules())
    }

    /// A checker that has read the classes and own risks of these drugs in two queries; lists
    /// made only of them are then checked from memory (`batch` checks thousands of pairs).
    public func preloading(_ drugIDs: [String]) throws -> RiskChecker {
        var copy = self
        copy.preloadedClasses = try knowledgeBase.classes(of: drugIDs)
        copy.preloadedEffects = Dictionary(grouping: try knowledgeBase.effects(of: drugIDs), by: \.drugID)
        copy.preloadedDrugs = Set(drugIDs)
        return copy
    }

    private var preloadedDrugs: Set<String> = []

    /// The findings for these drugs, most severe first.
    public func findings(for drugIDs: [String]) throws -> [Finding] {
        let drugs = Array(Set(drugIDs)).sorted()
        let fromMemory = preloadedClasses != nil && drugs.allSatisfy(preloadedDrugs.contains)
        let classes = fromMemory
            ? Dictionary(uniqueKeysWithValues: drugs.map { ($0, preloadedClasses?[$0] ?? []) })
            : try knowledgeBase.classes(of: drugs)
        let statements = fromMemory ? drugs.flatMap { preloadedEffects?[$0] ?? [] } : try knowledgeBase.effects(of: drugs)
        let candidates = ownRiskFindings(statements) + combinationFindings(drugs, classes: classes)
        return Self.strongest(candidates, identity: \.identity, rank: { ($0.severity, $0.evidence) }).sorted(by: Finding.reportOrder)
    }

    /// One item per identity: the first of the most severe, then best-evidenced, in `items`' order.
    private static func strongest<Item>(_ items: [Item], identity: (Item) -> String,
                                        rank: (Item) -> (Severity, Evidence)) -> [Item] {
        var kept: [Item] = []
        var position: [String: Int] = [:]
        for item in items {
            let key = identity(item)
            guard let index = position[key] else {
                position[key] = kept.count
                kept.append(item)
                continue
            }
            if rank(item) > rank(kept[index]) { kept[index] = item }
        }
        return kept
    }

    /// Each drug's own risks; every source that states one is listed, the strongest statement speaks.
    private func ownRiskFindings(_ statements: [DrugEffect]) -> [Finding] {
        let grouped = Dictionary(grouping: statements) { "\($0.drugID)|\($0.effect.rawValue)" }
        return grouped.values.compactMap { group -> Finding? in
            let ranked = group.sorted {
                ($0.severity, $0.evidence, $1.sourceID) > ($1.severity, $1.evidence, $0.sourceID)
            }
            guard let top = ranked.first else { return nil }
            var sources: [String] = []
            for statement in ranked where !sources.contains(statement.sourceID) { sources.append(statement.sourceID) }
            return Finding(kind: .drug, effect: top.effect, severity: top.severity, evidence: top.evidence,
                           drugs: [top.drugID], summary: top.summary, mechanism: nil, management: top.management,
                           sources: sources, frequency: top.frequency)
        }
    }

    /// The ids of every rule that matches some pair of these drugs, whether or not a
    /// more severe rule outranks it in the findings.
    public func rulesFiring(for drugIDs: [String]) throws -> Set<String> {
        let drugs = Array(Set(drugIDs)).sorted()
        return Set(matchingPairs(drugs, classes: try knowledgeBase.classes(of: drugs)).map(\.rule.id))
    }

    /// Every pair of different drugs that a rule's two sides cover, as findings.
    /// Only the strongest rule of each effect and pair has its text filled in.
    private func combinationFindings(_ drugs: [String], classes: [String: Set<String>]) -> [Finding] {
        let pairs = Self.strongest(matchingPairs(drugs, classes: classes),
                                   identity: { $0.rule.effect.rawValue + "|" + [$0.left, $0.right].sorted().joined(separator: "+") },
                                   rank: { ($0.rule.severity, $0.rule.evidence) })
        return pairs.map { rule, a, b in
            let text = RuleText(left: a, right: b)
            return Finding(kind: .combination, effect: rule.effect, severity: rule.severity, evidence: rule.evidence,
                           drugs: [a, b], summary: text.fill(rule.summary), mechanism: text.fill(rule.mechanism),
                           management: text.fill(rule.management), sources: rule.sourceIDs, rule: rule.id,
                           movementDisorder: rule.movementDisorder)
        }
    }

    private func matchingPairs(_ drugs: [String], classes: [String: Set<String>])
        -> [(rule: InteractionRule, left: String, right: String)] {
        ruleIndex.matchingPairs(drugs, classes: classes)
    }
}
