/// What a check reads about the drugs of one list: each drug's classes (its whole class closure)
/// and its own-risk statements.
///
/// Read once per list (``RiskChecker/facts(of:)``) and shared: the findings come from both, and
/// the burden from the same rows (``BurdenCalculator/burden(for:)``), so a `check`
/// asks the database for them once (issue 13).
public struct DrugFacts: Sendable {
    /// The drugs, each once, in order.
    public let drugs: [String]
    /// Each drug's classes, directly or through a parent; a drug in no class is absent.
    public let classes: [String: Set<String>]
    /// Every source's statement of each drug's own risks, those of its classes included.
    public let effects: [DrugEffect]
}
