/// The combination rules indexed by what stands on each side, so that matching a list asks only
/// the rules its drugs and classes name instead of every rule (there are hundreds; a list of ten
/// drugs touches a few dozen).
struct RuleIndex: Sendable {
    let rules: [InteractionRule]
    /// Rule positions by side key (``key(_:)``), for each side.
    private let left: [String: [Int]]
    private let right: [String: [Int]]

    init(rules: [InteractionRule]) {
        self.rules = rules
        var left: [String: [Int]] = [:]
        var right: [String: [Int]] = [:]
        for (position, rule) in rules.enumerated() {
            left[Self.key(rule.left), default: []].append(position)
            right[Self.key(rule.right), default: []].append(position)
        }
        self.left = left
        self.right = right
    }

    /// Every (rule, left drug, right drug) with different drugs on the rule's two sides, in rule
    /// order, then in the order of `drugs` on each side.
    func matchingPairs(_ drugs: [String], classes: [String: Set<String>])
        -> [(rule: InteractionRule, left: String, right: String)] {
        guard drugs.count > 1 else { return [] }
        var onLeft: [Int: [String]] = [:]
        var onRight: [Int: [String]] = [:]
        for drug in drugs {
            // A side is one drug or one class, so a drug reaches each side through at most one key.
            let keys = [Self.key(.drug(drug))] + (classes[drug] ?? []).map { Self.key(.drugClass($0)) }
            for key in keys {
                for position in left[key] ?? [] { onLeft[position, default: []].append(drug) }
                for position in right[key] ?? [] { onRight[position, default: []].append(drug) }
            }
        }
        var pairs: [(rule: InteractionRule, left: String, right: String)] = []
        for position in onLeft.keys.sorted() {
            guard let rightDrugs = onRight[position], let leftDrugs = onLeft[position] else { continue }
            for a in leftDrugs {
                for b in rightDrugs where a != b {
                    pairs.append((rules[position], a, b))
                }
            }
        }
        return pairs
    }

    private static func key(_ side: InteractionRule.Side) -> String {
        switch side {
        case .drugClass(let id): "class:" + id
        case .drug(let id): "drug:" + id
        }
    }
}
