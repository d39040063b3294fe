import GRDB

/// Washout violations (`washout_rules`): a drug started within the washout interval after
/// another was stopped, which is as dangerous as taking the two together (an MAO inhibitor
/// started 10 days after sertraline was stopped). `batch` knows the dates and asks this type
/// about every pair of a patient's drugs that do not overlap in time; `check` asks it about each
/// drug the list says was stopped, against each current drug, with today's date.
public struct WashoutChecker: Sendable {
    /// One row of `washout_rules`, with its rows of `washout_sources`.
    struct Rule: Sendable {
        let id: String
        let stoppedClass: String?
        let stoppedDrug: String?
        let startClass: String
        let days: Int
        let effect: Effect
        let severity: Severity
        let summary: String
        /// Where the interval is stated: the source, and the drug whose own label states it
        /// (nil for a source that states it for the class pair).
        let sourceRows: [SourceRow]

        struct SourceRow: Sendable {
            let source: String
            let drug: String?
        }

        /// The sources a finding about these two drugs cites: those stated for either drug, then
        /// those stated for the class pair; never another drug's label.
        func sources(stopped: String, started: String) -> [String] {
            sourceRows.filter { $0.drug == stopped || $0.drug == started }.map(\.source)
                + sourceRows.filter { $0.drug == nil }.map(\.source)
        }
    }

    private let rules: [Rule]
    private let classes: [String: Set<String>]

    /// A checker for these drugs (their classes are read once).
    public init(knowledgeBase: KnowledgeBase, drugs: [String]) throws {
        rules = try knowledgeBase.reader.read { db in
            let sources = Dictionary(grouping: try Row.fetchAll(db, sql: """
                SELECT washout_id, source_id, drug_id FROM washout_sources ORDER BY washout_id, drug_id IS NULL, source_id
                """), by: { $0["washout_id"] as String })
            return try Row.fetchAll(db, sql: "SELECT * FROM washout_rules ORDER BY id").compactMap { row in
                guard let effect = Effect(rawValue: row["effect_id"]), let severity = Severity(rawValue: row["severity"]) else { return nil }
                let id: String = row["id"]
                return Rule(id: id, stoppedClass: row["stopped_class_id"], stoppedDrug: row["stopped_drug_id"],
                            startClass: row["start_class_id"], days: row["days"], effect: effect, severity: severity,
                            summary: row["summary"],
                            sourceRows: (sources[id] ?? []).map { Rule.SourceRow(source: $0["source_id"], drug: $0["drug_id"]) })
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
        finding(stopped: stopped, started: started, gapDays: gapDays,
                event: "\(started.capitalizedFirst) was started \(gapDays) \(Self.days(gapDays)) after \(stopped) was stopped")
    }

    /// The finding when `current` is taken today, `daysSinceStop` days after `stopped` was
    /// stopped, and the washout interval has not passed (`check` with a stop date); nil otherwise.
    public func finding(stopped: String, current: String, daysSinceStop: Int) -> Finding? {
        finding(stopped: stopped, started: current, gapDays: daysSinceStop,
                event: "\(current.capitalizedFirst) is taken \(daysSinceStop) \(Self.days(daysSinceStop)) after \(stopped) was stopped")
    }

    private static func days(_ count: Int) -> String { count == 1 ? "day" : "days" }

    private func finding(stopped: String, started: String, gapDays: Int, event: String) -> Finding? {
        guard gapDays >= 0, let rule = interval(stopped: stopped, started: started), gapDays < rule.days else { return nil }
        return Finding(kind: .combination, effect: rule.effect, severity: rule.severity, evidence: .established,
                       drugs: [stopped, started],
                       summary: "\(event); at least \(rule.days) days must pass. \(rule.summary)",
                       mechanism: "\(stopped.capitalizedFirst) (or its effect on MAO) is still present for weeks after "
                           + "the last dose, so starting \(started) this soon is as dangerous as taking the two together.",
                       management: "Seek care at once for agitation, sweating, fever, shaking or twitching; "
                           + "the prescriber should review whether \(started) can wait until \(rule.days) days have passed.",
                       sources: rule.sources(stopped: stopped, started: started), rule: rule.id)
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
