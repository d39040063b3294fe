/// The combination rules indexed by what stands on each side, so that matching a list asks only
/// the rules its drugs and classes name instead of every rule (there are hundreds; a list of ten
/// drugs touches a few dozen).
struct RuleIndex: Sendable {
    let rules: [InteractionRule]
    /// Rule positions by the drug, or the class, on each side (looked up by the id itself, so a
    /// check builds no key strings).
    private let leftByDrug: [String: [Int]]
    private let leftByClass: [String: [Int]]
    private let rightByDrug: [String: [Int]]
    private let rightByClass: [String: [Int]]

    init(rules: [InteractionRule]) {
        self.rules = rules
        var leftByDrug: [String: [Int]] = [:], leftByClass: [String: [Int]] = [:]
        var rightByDrug: [String: [Int]] = [:], rightByClass: [String: [Int]] = [:]
        for (position, rule) in rules.enumerated() {
            switch rule.left {
            case .drug(let id): leftByDrug[id, default: []].append(position)
            case .drugClass(let id): leftByClass[id, default: []].append(position)
            }
            switch rule.right {
            case .drug(let id): rightByDrug[id, default: []].append(position)
            case .drugClass(let id): rightByClass[id, default: []].append(position)
            }
        }
        (self.leftByDrug, self.leftByClass, self.rightByDrug, self.rightByClass) = (leftByDrug, leftByClass, rightByDrug, rightByClass)
    }

    /// Every (rule, left drug, right drug) with different drugs on the rule's two sides, in rule
    /// order, then in the order of `drugs` on each side.
    func matchingPairs(_ drugs: [String], classes: [String: Set<String>])
        -> [(rule: InteractionRule, left: String, right: String)] {
        guard drugs.count > 1 else { return [] }
        var onLeft: [Int: [String]] = [:]
        var onRight: [Int: [String]] = [:]
        for drug in drugs {
            // A side is one drug or one class, so a drug reaches each side at most once.
            for position in leftByDrug[drug] ?? [] { onLeft[position, default: []].append(drug) }
            for position in rightByDrug[drug] ?? [] { onRight[position, default: []].append(drug) }
            for drugClass in classes[drug] ?? [] {
                for position in leftByClass[drugClass] ?? [] { onLeft[position, default: []].append(drug) }
                for position in rightByClass[drugClass] ?? [] { onRight[position, default: []].append(drug) }
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
}
