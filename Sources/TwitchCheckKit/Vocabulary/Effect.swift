/// A movement-related adverse effect the checker knows about; the ids are DESIGN.md's contract.
public enum Effect: String, Codable, CaseIterable, Sendable, Comparable {
    case serotoninSyndrome = "serotonin_syndrome"
    case tremor
    case tardiveDyskinesia = "tardive_dyskinesia"
    case twitching
    /// Only for the MAO-inhibitor combinations a label contraindicates for that reason.
    case hypertensiveCrisis = "hypertensive_crisis"

    /// How the effect is named for a person reading the report.
    public var displayName: String {
        switch self {
        case .serotoninSyndrome: "serotonin syndrome"
        case .tremor: "tremor"
        case .tardiveDyskinesia: "tardive dyskinesia / movement disorder"
        case .twitching: "twitching (myoclonus)"
        case .hypertensiveCrisis: "hypertensive crisis"
        }
    }

    public static func < (lhs: Effect, rhs: Effect) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
