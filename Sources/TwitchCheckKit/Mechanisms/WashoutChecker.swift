import GRDB

/// Washout violations (`washout_rules`): a drug started within the washout interval after
/// another was stopped, which is as dangerous as taking the two together (an MAO inhibitor
/// started 10 days after sertraline was stopped). `batch` knows the dates and asks this type
/// about every pair of a patient's drugs that do not overlap in time.
public struct WashoutChecker: Sendable {
    /// One row of `washout_rules`.
    struct Rule: Sendable {
        let id: String
        let stoppedClass: String?
        let stoppedDrug: String?
        let startClass: String
        let days: Int
        let effect: Effect
        let severity: Severity
        let summary: String
        let source: String
    }

    private let rules: [Rule]
    private let classes: [String: Set<String>]

    /// A checker for these drugs (their classes are read once).
    public init(knowledgeBase: KnowledgeBase, drugs: [String]) throws {
        rules = try knowledgeBase.reader.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM washout_rules ORDER BY id").compactMap { row in
                guard let effect = Effect(rawValue: row["effect_id"]), let severity = Severity(rawValue: row["severity"]) else { return nil }
                return Rule(id: row["id"], stoppedClass: row["stopped_class_id"], stoppedDrug: row["stopped_drug_id"],
                            startClass: row["start_class_id"], days: row["days"], effect: effect, severity: severity,
                            summary: row["summary"], source: row["source_id"])
            }
        }
        classes = drugs.isEmpty ? [:] : try knowledgeBase.classes(of: drugs)
    }

    /// The interval that must pass between stopping `stopped` and starting `started`, and the
    /// rule that sets it, if any. A rule for the stopped drug itself overrides its class's rule
    /// (fluoxetine: 5 weeks, not 14 days).
    func interval(stopped: String, started: String) -> Rule? {
        let startedClasses = classes[started] ?? []
        let stoppedClasses = classes[stopped] ?? []
        let matching = rules.filter { rule in
            startedClasses.contains(rule.startClass)
                && (rule.stoppedDrug == stopped || rule.stoppedClass.map(stoppedClasses.contains) == true)
        }
        let specific = matching.filter { $0.stoppedDrug == stopped }
        return (specific.isEmpty ? matching : specific).max { $0.days < $1.days }
    }

    /// The finding when `started` was started `gapDays` days after `stopped` was stopped and
    /// the washout interval had not passed; nil otherwise.
    public func finding(stopped: String, started: String, gapDays: Int) -> Finding? {
        guard gapDays >= 0, let rule = interval(stopped: stopped, started: started), gapDays < rule.days else { return nil }
        return Finding(kind: .combination, effect: rule.effect, severity: rule.severity, evidence: .established,
                       drugs: [stopped, started],
                       summary: "\(started.capitalizedFirst) was started \(gapDays) day\(gapDays == 1 ? "" : "s") after "
                           + "\(stopped) was stopped; at least \(rule.days) days must pass. \(rule.summary)",
                       mechanism: "\(stopped.capitalizedFirst) (or its effect on MAO) is still present for weeks after "
                           + "the last dose, so starting \(started) this soon is as dangerous as taking the two together.",
                       management: "Seek care at once for agitation, sweating, fever, shaking or twitching; "
                           + "the prescriber should review whether \(started) can wait until \(rule.days) days have passed.",
                       sources: [rule.source], rule: rule.id)
    }

    /// The washout violation between two drugs' prescription spans with the shortest gap, and
    /// the day the second drug was started; nil when every start respects the interval. On a tie,
    /// the earliest start wins. Linear after sorting: each start is matched with the last stop
    /// before it by binary search, so one patient with a million spans costs no more than a million.
    func firstViolation(_ a: String, _ aSpans: ArraySlice<PrescriptionInterval>,
                        _ b: String, _ bSpans: ArraySlice<PrescriptionInterval>) -> (Finding, Int32)? {
        var best: (finding: Finding, day: Int32, gap: Int)?
        for (stopped, stoppedSpans, started, startedSpans) in [(a, aSpans, b, bSpans), (b, bSpans, a, aSpans)] {
            guard interval(stopped: stopped, started: started) != nil else { continue }
            let stops = stoppedSpans.lazy.map(\.stop).filter { $0 != PrescriptionInterval.ongoing }.sorted()
            guard !stops.isEmpty else { continue }
            var shortest: (gap: Int, day: Int32)?
            for after in startedSpans where after.start != PrescriptionInterval.openStart {
                // The last stop strictly before this start.
                var low = 0, high = stops.count
                while low < high {
                    let middle = (low + high) / 2
                    if stops[middle] < after.start { low = middle + 1 } else { high = middle }
                }
                guard low > 0 else { continue }
                let gap = Int(after.start) - Int(stops[low - 1])
                if shortest.map({ (gap, after.start) < ($0.gap, $0.day) }) ?? true { shortest = (gap, after.start) }
            }
            if let shortest, shortest.gap < (best?.gap ?? .max),
               let finding = finding(stopped: stopped, started: started, gapDays: shortest.gap) {
                best = (finding, shortest.day, shortest.gap)
            }
        }
        return best.map { ($0.finding, $0.day) }
    }
}
