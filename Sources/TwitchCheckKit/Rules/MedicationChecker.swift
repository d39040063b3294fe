import Foundation

/// Checks a medication list end to end: resolve every name, then find the risks.
public final class MedicationChecker: Sendable {
    public let knowledgeBase: KnowledgeBase
    public let resolver: MedicationResolver
    public let riskChecker: RiskChecker
    /// The names resolved so far: a server sees the same names again and again.
    private let resolutions = ResolutionMemo()

    /// `rules`: ``RiskChecker/RuleReading/perList`` when one list will be checked, as `check` does.
    public init(knowledgeBase: KnowledgeBase, rules: RiskChecker.RuleReading = .once) throws {
        self.knowledgeBase = knowledgeBase
        self.resolver = MedicationResolver(knowledgeBase: knowledgeBase)
        self.riskChecker = try RiskChecker(knowledgeBase: knowledgeBase, rules: rules)
    }

    /// Resolves each name and reports the findings for everything recognised.
    ///
    /// An item may carry a stop date ("fluoxetine stopped 2026-11-01", see ``StopClause``): a drug
    /// stopped on or before `today` is not current (no ongoing-combination findings), but each
    /// washout rule is checked between it and every current drug, counting the days to `today`.
    /// An item whose stop date cannot be read is reported as not checked.
    ///
    /// `includingBurden: false` leaves the burden (serotonergic load, tremor burden) out, nil, for
    /// a caller that shows only the findings (CDS Hooks cards).
    public func check(_ inputs: [String], today: Date = Date(), includingBurden: Bool = true) throws -> CheckReport {
        let todayNumber = StopClause.dayNumber(of: today)
        var medications: [ResolvedMedication] = []
        var unrecognized: [UnrecognizedMedication] = []
        var stopped: [StoppedMedication] = []
        for input in inputs {
            switch StopClause.parse(input) {
            case .current:
                switch try resolutions.resolve(input, with: resolver) {
                case .recognized(let medication): medications.append(medication)
                case .unrecognized(let name): unrecognized.append(name)
                }
            case .unreadableDate:
                unrecognized.append(UnrecognizedMedication(input: input, suggestions: [], reason: .unreadableDate))
            case .stopped(let name, let date, let day):
                switch try resolutions.resolve(name, with: resolver) {
                case .recognized(let medication):
                    stopped.append(StoppedMedication(
                        medication: ResolvedMedication(input: input, drugs: medication.drugs, matchedBy: medication.matchedBy,
                                                       unmatchedWords: medication.unmatchedWords),
                        stopped: date, daysSinceStop: Int(todayNumber) - Int(day)))
                case .unrecognized(let unknown):
                    unrecognized.append(UnrecognizedMedication(input: input, suggestions: unknown.suggestions, reason: unknown.reason))
                }
            }
        }
        // A stop still to come: the drug is taken today.
        let current = medications.flatMap(\.drugs) + stopped.filter { $0.daysSinceStop < 0 }.flatMap(\.medication.drugs)
        let facts = try riskChecker.facts(of: current)
        var findings = try riskChecker.findings(in: facts)
        let washouts = try washoutFindings(stopped.filter { $0.daysSinceStop >= 0 }, current: Set(current))
        if !washouts.isEmpty { findings = Finding.inReportOrder(findings + washouts) }
        return CheckReport(medications: medications, unrecognized: unrecognized, findings: findings,
                           guidance: try knowledgeBase.guidance(for: Set(findings.map(\.effect))),
                           burden: includingBurden ? BurdenCalculator.burden(for: facts) : nil, stopped: stopped)
    }

    /// Washout violations between each stopped drug and each current drug, counted from the
    /// drug's most recent stop.
    private func washoutFindings(_ stopped: [StoppedMedication], current: Set<String>) throws -> [Finding] {
        var lastStop: [String: Int] = [:]
        for item in stopped {
            for drug in item.medication.drugs where !current.contains(drug) {
                lastStop[drug] = min(lastStop[drug] ?? item.daysSinceStop, item.daysSinceStop)
            }
        }
        guard !lastStop.isEmpty, !current.isEmpty else { return [] }
        let washout = try WashoutChecker(knowledgeBase: knowledgeBase, drugs: Array(Set(lastStop.keys).union(current)))
        return lastStop.keys.sorted().flatMap { drug in
            current.sorted().compactMap { washout.finding(stopped: drug, current: $0, daysSinceStop: lastStop[drug] ?? 0) }
        }
    }
}
