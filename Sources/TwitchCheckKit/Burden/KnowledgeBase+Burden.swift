// MARK: - What the serotonergic load and the tremor burden read

extension KnowledgeBase {
    /// Which of these drugs are serotonergic, and how strongly (``SerotonergicStrength/strengths(fromClasses:)``).
    public func serotonergicStrengths(of drugIDs: some Collection<String>) throws -> [String: SerotonergicStrength] {
        guard !drugIDs.isEmpty else { return [:] }
        if let memory { return memory.serotonergicStrengths(of: drugIDs) }
        return SerotonergicStrength.strengths(fromClasses: try classes(of: drugIDs))
    }

    /// Each drug's own tremor risk at its worst, for drugs that have one (``TremorRisk/risks(from:)``),
    /// over the drug's and its classes' statements.
    public func tremorRisks(of drugIDs: some Collection<String>) throws -> [String: TremorRisk] {
        guard !drugIDs.isEmpty else { return [:] }
        if let memory { return memory.tremorRisks(of: drugIDs) }
        // Read from drug_effects, not drugs_by_effect: SQLite 3.40 rejects a WHERE on that
        // view ("misuse of aggregate function max()").
        return TremorRisk.risks(from: try statements(of: drugIDs, about: .tremor))
    }
}
