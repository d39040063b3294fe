/// Checks a medication list end to end: resolve every name, then find the risks.
public final class MedicationChecker: Sendable {
    public let knowledgeBase: KnowledgeBase
    public let resolver: MedicationResolver
    public let riskChecker: RiskChecker
    public let burdenCalculator: BurdenCalculator
    /// The names resolved so far: a server sees the same names again and again.
    private let resolutions = ResolutionMemo()

    public init(knowledgeBase: KnowledgeBase) throws {
        self.knowledgeBase = knowledgeBase
        self.resolver = MedicationResolver(knowledgeBase: knowledgeBase)
        self.riskChecker = try RiskChecker(knowledgeBase: knowledgeBase)
        self.burdenCalculator = BurdenCalculator(knowledgeBase: knowledgeBase)
    }

    /// Resolves each name and reports the findings for everything recognised.
    public func check(_ inputs: [String]) throws -> CheckReport {
        var medications: [ResolvedMedication] = []
        var unrecognized: [UnrecognizedMedication] = []
        for input in inputs {
            switch try resolutions.resolve(input, with: resolver) {
            case .recognized(let medication): medications.append(medication)
            case .unrecognized(let name): unrecognized.append(name)
            }
        }
        let drugs = medications.flatMap(\.drugs)
        let findings = try riskChecker.findings(for: drugs)
        return CheckReport(medications: medications, unrecognized: unrecognized, findings: findings,
                           guidance: try knowledgeBase.guidance(for: Set(findings.map(\.effect))),
                           burden: try burdenCalculator.burden(for: drugs))
    }
}
