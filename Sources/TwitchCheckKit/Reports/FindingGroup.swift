/// Findings that say the same thing about different drugs, shown as one block.
///
/// Three serotonergic drugs make three pairs under one rule: one block names all the drugs
/// and pairs, and gives the why, what to do and sources once. Findings group when they share
/// kind, effect, severity, evidence and text (the same rule, or the same class statement).
public struct FindingGroup: Sendable, Equatable {
    /// The findings of the group, in report order.
    public let findings: [Finding]

    /// The group's first finding, which speaks for all of them.
    public var lead: Finding { findings[0] }

    /// Every drug of the group, sorted.
    public var drugs: [String] { Set(findings.flatMap(\.drugs)).sorted() }

    /// Every source of the group, each once.
    public var sources: [String] {
        var seen: [String] = []
        for source in findings.flatMap(\.sources) where !seen.contains(source) { seen.append(source) }
        return seen
    }

    /// Groups findings, keeping the order of each group's first finding.
    public static func grouping(_ findings: [Finding]) -> [FindingGroup] {
        var order: [String] = []
        var members: [String: [Finding]] = [:]
        for finding in findings {
            let key = [finding.kind.rawValue, finding.effect.rawValue, finding.severity.rawValue, finding.evidence.rawValue,
                       finding.summary, finding.mechanism ?? "", finding.management].joined(separator: "\u{1F}")
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(finding)
        }
        return order.compactMap { members[$0].map(FindingGroup.init) }
    }
}
