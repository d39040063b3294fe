/// Works out a medication list's serotonergic load and tremor burden from the knowledge base.
public struct BurdenCalculator: Sendable {
    private let knowledgeBase: KnowledgeBase

    public init(knowledgeBase: KnowledgeBase) {
        self.knowledgeBase = knowledgeBase
    }

    /// Both burdens for these drugs (generic names; duplicates count once).
    public func burden(for drugIDs: [String]) throws -> MedicationBurden {
        let drugs = Array(Set(drugIDs)).sorted()
        return Self.burden(strengths: try knowledgeBase.serotonergicStrengths(of: drugs),
                           tremorRisks: try knowledgeBase.tremorRisks(of: drugs))
    }

    /// Both burdens from the drugs' serotonergic strengths and own tremor risks, already read
    /// (`batch` reads each drug's once and reuses them for every patient).
    public static func burden(strengths: [String: SerotonergicStrength], tremorRisks: [String: TremorRisk]) -> MedicationBurden {
        MedicationBurden(
            serotonergic: serotonergicScore(strengths.map(contribution)),
            tremor: tremorScore(tremorRisks.map(contribution), worstSeverity: tremorRisks.values.map(\.severity).max()))
    }

    /// What one drug adds to the serotonergic load.
    static func contribution(drug: String, strength: SerotonergicStrength) -> BurdenContribution {
        let scored = BurdenScale.points(for: strength)
        return BurdenContribution(drug: drug, points: scored.points, reason: scored.reason)
    }

    /// What one drug adds to the tremor burden.
    static func contribution(drug: String, risk: TremorRisk) -> BurdenContribution {
        let scored = BurdenScale.points(for: risk)
        return BurdenContribution(drug: drug, points: scored.points, reason: scored.reason)
    }

    /// The serotonergic load of these contributions (`batch` keeps each drug's and scores sets of them).
    static func serotonergicScore(_ contributions: [BurdenContribution]) -> BurdenScore {
        BurdenScale.score(contributions, effect: .serotoninSyndrome)
    }

    /// The tremor burden of these contributions, capped by the worst own tremor risk among their drugs.
    static func tremorScore(_ contributions: [BurdenContribution], worstSeverity: Severity?) -> BurdenScore {
        BurdenScale.score(contributions, effect: .tremor, worstSeverity: worstSeverity)
    }
}
