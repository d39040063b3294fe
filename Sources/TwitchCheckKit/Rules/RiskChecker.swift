/// Finds the risks in a set of drugs: each drug's own, and every combination rule that matches.
///
/// One policy, here only (Schema/SEVERITY_POLICY.md, "The strongest statement wins"): one finding
/// per effect and drug set — where several rules or sources speak to the same effect in the same
/// drugs, the strongest statement wins (``StatementStrength``); and for one pair of drugs, only the
/// combination findings at the pair's highest severity are shown — a weaker statement about the
/// same two drugs (bupropion's "possibly serotonergic" minor beside its contraindicated
/// hypertensive crisis with an MAOI) is not.
public struct RiskChecker: Sendable {
    private let knowledgeBase: KnowledgeBase
    /// Every rule, indexed; nil when rules are read per list (``RuleReading/perList``).
    private let ruleIndex: RuleIndex?
    /// Classes and own-risk statements read ahead for a known set of drugs (see ``preloading(_:)``),
    /// so that checking many lists of them asks the database nothing more.
    private var preloadedClasses: [String: Set<String>]?
    private var preloadedEffects: [String: [DrugEffect]]?
    /// With a knowledge base held in memory (a server's): every drug's own-risk findings, made
    /// once from the same statements a check would read, since they depend on the drug alone.
    private let ownRiskFindingsByDrug: [String: [Finding]]?

    /// How a checker reads the combination rules.
    public enum RuleReading: Sendable {
        /// Every rule once, now: for checking many lists (a server, `batch`).
        case once
        /// Only the rules a list's drugs and classes name, with each list: for checking one list
        /// (`check` reads a few dozen rules instead of hundreds). The findings are the same.
        case perList
    }

    public init(knowledgeBase: KnowledgeBase, rules: RuleReading = .once) throws {
        self.knowledgeBase = knowledgeBase
        self.ruleIndex = rules == .once ? RuleIndex(rules: try knowledgeBase.rules()) : nil
        if let memory = knowledgeBase.memory {
            let statements = try knowledgeBase.effects(of: memory.drugsWithOwnRisks)
            ownRiskFindingsByDrug = Dictionary(grouping: Self.ownRiskFindings(statements)) { $0.drugs[0] }
        } else {
            ownRiskFindingsByDrug = nil
        }
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

    /// Bit sets over the rules, 64 to a word: those with the drug on their left side, and on their
    /// right. Two drugs combine only where one's left set meets the other's right set, so `batch`
    /// skips ``findings(for:)`` for every other pair of a file's drugs. Needs every rule: a checker
    /// made with ``RuleReading/perList`` reads them all at each call.
    func ruleSides(of drugID: String) throws -> (left: [UInt64], right: [UInt64]) {
        let classes = preloadedDrugs.contains(drugID) ? preloadedClasses?[drugID] ?? []
            : try knowledgeBase.classes(of: [drugID])[drugID] ?? []
        let rules = try ruleIndex?.rules ?? knowledgeBase.rules()
        var left = [UInt64](repeating: 0, count: (rules.count + 63) / 64)
        var right = left
        for index in rules.indices {
            if rules[index].left.includes(drugID, classes: classes) { left[index >> 6] |= 1 << UInt64(index & 63) }
            if rules[index].right.includes(drugID, classes: classes) { right[index >> 6] |= 1 << UInt64(index & 63) }
        }
        return (left, right)
    }

    /// The findings for these drugs, most severe first.
    public func findings(for drugIDs: [String]) throws -> [Finding] {
        try findings(in: facts(of: drugIDs))
    }

    /// The classes and own-risk statements of these drugs: from what was preloaded when it holds
    /// them all, else from the knowledge base (its memory, or SQLite).
    public func facts(of drugIDs: [String]) throws -> DrugFacts {
        let drugs = Array(Set(drugIDs)).sorted()
        if let preloadedClasses, let preloadedEffects, drugs.allSatisfy(preloadedDrugs.contains) {
            var classes: [String: Set<String>] = [:]
            for drug in drugs { classes[drug] = preloadedClasses[drug] }
            return DrugFacts(drugs: drugs, classes: classes, effects: drugs.flatMap { preloadedEffects[$0] ?? [] })
        }
        return DrugFacts(drugs: drugs, classes: try knowledgeBase.classes(of: drugs), effects: try knowledgeBase.effects(of: drugs))
    }

    /// The findings for the drugs these facts are about, most severe first.
    public func findings(in facts: DrugFacts) throws -> [Finding] {
        let drugs = facts.drugs, classes = facts.classes
        let ownRisks = ownRiskFindingsByDrug.map { byDrug in drugs.flatMap { byDrug[$0] ?? [] } } ?? Self.ownRiskFindings(facts.effects)
        let candidates = ownRisks + (try combinationFindings(drugs, classes: classes))
        let strongest = StatementStrength.strongestOfEachGroup(candidates, group: \.identity, by: \.strength)
        var pairTop: [[String]: Severity] = [:]
        for finding in strongest where finding.kind == .combination {
            pairTop[finding.drugs] = max(pairTop[finding.drugs] ?? finding.severity, finding.severity)
        }
        return Finding.inReportOrder(strongest.filter { $0.kind != .combination || $0.severity == pairTop[$0.drugs] })
    }

    /// Each drug's own risks; every source that states one is listed, the strongest statement speaks.
    private static func ownRiskFindings(_ statements: [DrugEffect]) -> [Finding] {
        let grouped = Dictionary(grouping: statements) { "\($0.drugID)|\($0.effect.rawValue)" }
        return grouped.values.compactMap { group -> Finding? in
            let ranked = StatementStrength.ranked(group.sorted { $0.sourceID < $1.sourceID }, by: \.strength)
            guard let top = ranked.first else { return nil }
            var sources: [String] = []
            for statement in ranked where !sources.contains(statement.sourceID) { sources.append(statement.sourceID) }
            return Finding(kind: .drug, effect: top.effect, severity: top.severity, evidence: top.evidence,
                           drugs: [top.drugID], summary: top.summary, mechanism: nil, management: top.management,
                           sources: sources, frequency: group.map(\.frequency).max())
        }
    }

    /// The ids of every rule that matches some pair of these drugs, whether or not a
    /// more severe rule outranks it in the findings.
    public func rulesFiring(for drugIDs: [String]) throws -> Set<String> {
        let drugs = Array(Set(drugIDs)).sorted()
        return Set(try matchingPairs(drugs, classes: try knowledgeBase.classes(of: drugs)).map(\.rule.id))
    }

    /// Every pair of different drugs that a rule's two sides cover, as findings. Only the
    /// strongest rule of each effect and pair becomes one (and has its text filled in).
    private func combinationFindings(_ drugs: [String], classes: [String: Set<String>]) throws -> [Finding] {
        let pairs = StatementStrength.strongestOfEachGroup(
            try matchingPairs(drugs, classes: classes),
            group: { $0.rule.effect.rawValue + "|" + [$0.left, $0.right].sorted().joined(separator: "+") },
            by: { StatementStrength(severity: $0.rule.severity, evidence: $0.rule.evidence) })
        return pairs.map { rule, a, b in
            let text = RuleText(left: a, right: b)
            return Finding(kind: .combination, effect: rule.effect, severity: rule.severity, evidence: rule.evidence,
                           drugs: [a, b], summary: text.fill(rule.summary), mechanism: text.fill(rule.mechanism),
                           management: text.fill(rule.management), sources: rule.sourceIDs, rule: rule.id,
                           movementDisorder: rule.movementDisorder)
        }
    }

    private func matchingPairs(_ drugs: [String], classes: [String: Set<String>]) throws
        -> [(rule: InteractionRule, left: String, right: String)] {
        guard drugs.count > 1 else { return [] }
        if let ruleIndex { return ruleIndex.matchingPairs(drugs, classes: classes) }
        let named = try knowledgeBase.rules(namingDrugs: drugs, classes: Set(classes.values.joined()))
        return RuleIndex(rules: named).matchingPairs(drugs, classes: classes)
    }
}
