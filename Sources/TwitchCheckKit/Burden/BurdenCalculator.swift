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
        let serotonergic = strengths.map { drug, strength in
            let scored = BurdenScale.points(for: strength)
            return BurdenContribution(drug: drug, points: scored.points, reason: scored.reason)
        }
        let tremor = tremorRisks.map { drug, risk in
            let scored = BurdenScale.points(for: risk)
            return BurdenContribution(drug: drug, points: scored.points, reason: scored.reason)
        }
        return MedicationBurden(
            serotonergic: BurdenScale.score(serotonergic, effect: .serotoninSyndrome),
            tremor: BurdenScale.score(tremor, effect: .tremor, worstSeverity: tremorRisks.values.map(\.severity).max()))
    }
}
