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
        // Where the drugs meet each side, as (rule position, index in `drugs`); sorted, each rule's
        // drugs come in the order of `drugs`. Flat lists, not a dictionary of lists, per request.
        var onLeft: [(position: Int, drug: Int)] = []
        var onRight: [(position: Int, drug: Int)] = []
        for (index, drug) in drugs.enumerated() {
            // A side is one drug or one class, so a drug reaches each side at most once.
            for position in leftByDrug[drug] ?? [] { onLeft.append((position, index)) }
            for position in rightByDrug[drug] ?? [] { onRight.append((position, index)) }
            for drugClass in classes[drug] ?? [] {
                for position in leftByClass[drugClass] ?? [] { onLeft.append((position, index)) }
                for position in rightByClass[drugClass] ?? [] { onRight.append((position, index)) }
            }
        }
        onLeft.sort { ($0.position, $0.drug) < ($1.position, $1.drug) }
        onRight.sort { ($0.position, $0.drug) < ($1.position, $1.drug) }
        // For each rule on both lists: every left drug with every different right drug.
        var pairs: [(rule: InteractionRule, left: String, right: String)] = []
        var (leftIndex, rightIndex) = (0, 0)
        while leftIndex < onLeft.count, rightIndex < onRight.count {
            let position = onLeft[leftIndex].position
            if onRight[rightIndex].position < position { rightIndex += 1; continue }
            if onRight[rightIndex].position > position { leftIndex += 1; continue }
            var rightEnd = rightIndex
            while rightEnd < onRight.count, onRight[rightEnd].position == position { rightEnd += 1 }
            while leftIndex < onLeft.count, onLeft[leftIndex].position == position {
                let a = drugs[onLeft[leftIndex].drug]
                for right in onRight[rightIndex..<rightEnd] where drugs[right.drug] != a {
                    pairs.append((rules[position], a, drugs[right.drug]))
                }
                leftIndex += 1
            }
            rightIndex = rightEnd
        }
        return pairs
    }
}
