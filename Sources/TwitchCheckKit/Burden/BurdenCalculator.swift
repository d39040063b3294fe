/// Works out a medication list's serotonergic load and tremor burden (Schema/BURDEN.md).
public enum BurdenCalculator {
    /// Both burdens for the drugs of these facts, from the classes and statements already read for
    /// the findings (`check` asks the database for them once).
    public static func burden(for facts: DrugFacts) -> MedicationBurden {
        Self.burden(strengths: SerotonergicStrength.strengths(fromClasses: facts.classes),
                    tremorRisks: TremorRisk.risks(from: facts.effects))
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
