/// "The strongest statement wins", the one policy for every place several statements (sources,
/// rules) speak to the same effect in the same drugs: the most severe statement speaks, and among
/// equally severe ones the best evidence; its severity and evidence are reported together, never
/// one statement's severity with another's evidence. Frequency is not part of the strength: the
/// highest frequency any of the statements gives is reported (``Frequency`` is comparable).
///
/// Used by ``RiskChecker`` (findings and own risks), ``TremorRisk/risks(from:)``,
/// ``KnowledgeBase/drugsInRules(for:)``, and mirrored by the `drugs_by_effect` view, which ranks
/// statements by ``rank`` (`StatementStrengthTests` compares the view with this type on every drug and effect).
public struct StatementStrength: Comparable, Sendable {
    public let severity: Severity
    public let evidence: Evidence

    public init(severity: Severity, evidence: Evidence) {
        self.severity = severity
        self.evidence = evidence
    }

    /// One number that orders strengths as ``<`` does: the severity's rank times 10 plus the
    /// evidence's rank (`severity_rank * 10 + evidence_levels.rank` in the `drugs_by_effect` view).
    public var rank: Int { severity.rank * 10 + evidence.rank }

    public static func < (lhs: StatementStrength, rhs: StatementStrength) -> Bool {
        (lhs.severity, lhs.evidence) < (rhs.severity, rhs.evidence)
    }

    /// The statements strongest first; equally strong ones keep their order.
    public static func ranked<Statement>(_ statements: some Sequence<Statement>,
                                         by strength: (Statement) -> StatementStrength) -> [Statement] {
        statements.enumerated()
            .map { (offset: $0.offset, strength: strength($0.element), statement: $0.element) }
            .sorted { $0.strength != $1.strength ? $0.strength > $1.strength : $0.offset < $1.offset }
            .map(\.statement)
    }

    /// One statement per group (statements with the same `group` key): the strongest, the first
    /// of equally strong ones; groups in the order they first appear.
    public static func strongestOfEachGroup<Statement>(_ statements: some Sequence<Statement>,
                                                       group: (Statement) -> String,
                                                       by strength: (Statement) -> StatementStrength) -> [Statement] {
        var kept: [(strength: StatementStrength, statement: Statement)] = []
        var position: [String: Int] = [:]
        for statement in statements {
            let key = group(statement), candidate = strength(statement)
            guard let index = position[key] else {
                position[key] = kept.count
                kept.append((candidate, statement))
                continue
            }
            if candidate > kept[index].strength { kept[index] = (candidate, statement) }
        }
        return kept.map(\.statement)
    }

    /// The statement that speaks for the group: the strongest, the first of equally strong ones.
    public static func strongest<Statement>(_ statements: some Sequence<Statement>,
                                            by strength: (Statement) -> StatementStrength) -> Statement? {
        var best: (strength: StatementStrength, statement: Statement)?
        for statement in statements {
            let candidate = strength(statement)
            if let current = best, current.strength >= candidate { continue }
            best = (candidate, statement)
        }
        return best?.statement
    }
}
