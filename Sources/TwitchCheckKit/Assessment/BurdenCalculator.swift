/// Works out a medication list's serotonergic load and tremor burden from the knowledge base.
public struct BurdenCalculator: Sendable {
    private let knowledgeBase: KnowledgeBase

    public init(knowledgeBase: KnowledgeBase) {
        self.knowledgeBase = knowledgeBase
    }

    /// Both burdens for these drugs (generic names; duplicates count once).
    public func burden(for drugIDs: [String]) throws -> MedicationBurden {
        let drugs = Array(Set(drugIDs)).sorted()
        let serotonergic = try knowledgeBase.serotonergicStrengths(of: drugs).map { drug, strength in
            let scored = BurdenScale.points(for: strength)
            return BurdenContribution(drug: drug, points: scored.points, reason: scored.reason)
        }
        let tremor = try knowledgeBase.tremorRisks(of: drugs).map { drug, risk in
            let scored = BurdenScale.points(for: risk)
            return BurdenContribution(drug: drug, points: scored.points, reason: scored.reason)
        }
        return MedicationBurden(serotonergic: BurdenScale.score(serotonergic, effect: .serotoninSyndrome),
                                tremor: BurdenScale.score(tremor, effect: .tremor))
    }
}
