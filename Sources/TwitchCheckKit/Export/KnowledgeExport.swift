/// The knowledge base compiled into three tables for other engines: every relevant drug's own
/// findings, every covered pair's combination findings and every washout interval, computed by
/// the same ``RiskChecker`` and ``WashoutChecker`` that `check` and `batch` use (never by
/// re-implementing the rules).
public struct KnowledgeExport: Sendable {
    /// `drug_findings.csv`: one row per finding `batch` prints for a drug on its own.
    public let drugFindings: [(drug: String, finding: Finding)]
    /// `pair_findings.csv`: one row per finding `batch` prints for two overlapping drugs.
    public let pairFindings: [(drugA: String, drugB: String, finding: Finding)]
    /// `washout_intervals.csv`: for each ordered pair of relevant drugs with a washout rule, the
    /// rule ``WashoutChecker`` applies when `started` is started after `stopped` was stopped.
    let washoutIntervals: [(stopped: String, started: String, rule: WashoutChecker.Rule)]
    /// How many rows `washout_intervals.csv` has.
    public var washoutIntervalCount: Int { washoutIntervals.count }
    /// How many pairs were checked to find them.
    public let pairsChecked: Int

    /// The columns of `drug_findings.csv`.
    public static let drugHeader = "drug,kind,effect,severity,evidence,rule,summary,sources"
    /// The columns of `pair_findings.csv`; `drug_a` sorts before `drug_b`, `drugs` is `drug_a+drug_b`.
    public static let pairHeader = "drug_a,drug_b,drugs,kind,effect,severity,evidence,rule,summary,sources"

    /// The columns of `washout_intervals.csv`: `summary` is the rule's own sentence, which batch
    /// appends to its "was started N days after" text.
    public static let washoutHeader = "stopped_drug,started_drug,days,rule,effect,severity,source,summary"

    /// Computes the tables. Candidate pairs are every pair of relevant drugs (those with an own
    /// risk or on a rule side, the same universe `batch` keeps), so a rule of any kind that
    /// ``RiskChecker`` learns is exported without a change here.
    public init(checker: MedicationChecker) throws {
        let drugs = try checker.knowledgeBase.relevantDrugIDs().sorted()
        let riskChecker = try checker.riskChecker.preloading(drugs)
        var own: [(drug: String, finding: Finding)] = []
        for drug in drugs {
            own += try riskChecker.findings(for: [drug]).map { (drug, $0) }
        }
        var pairs: [(drugA: String, drugB: String, finding: Finding)] = []
        var checked = 0
        let washout = try WashoutChecker(knowledgeBase: checker.knowledgeBase, drugs: drugs)
        var intervals: [(stopped: String, started: String, rule: WashoutChecker.Rule)] = []
        for (index, a) in drugs.enumerated() {
            for b in drugs[(index + 1)...] {
                checked += 1
                // As batch's pair findings: the combination findings `check` gives for the two drugs.
                for finding in try riskChecker.findings(for: [a, b]) where finding.kind == .combination {
                    pairs.append((a, b, finding))
                }
                for (stopped, started) in [(a, b), (b, a)] {
                    if let rule = washout.interval(stopped: stopped, started: started) {
                        intervals.append((stopped, started, rule))
                    }
                }
            }
        }
        drugFindings = own
        pairFindings = pairs
        washoutIntervals = intervals
        pairsChecked = checked
    }

    /// `drug_findings.csv` as text: a header and CRLF-terminated RFC 4180 rows.
    public func drugFindingsCSV() -> String {
        var text = Self.drugHeader + "\r\n"
        for (drug, finding) in drugFindings {
            text += CSVFormatter.fields([drug, finding.kind.rawValue] + Self.findingFields(finding)) + "\r\n"
        }
        return text
    }

    /// `pair_findings.csv` as text: a header and CRLF-terminated RFC 4180 rows.
    public func pairFindingsCSV() -> String {
        var text = Self.pairHeader + "\r\n"
        for (a, b, finding) in pairFindings {
            text += CSVFormatter.fields([a, b, finding.drugs.joined(separator: "+"), finding.kind.rawValue]
                + Self.findingFields(finding)) + "\r\n"
        }
        return text
    }

    /// `washout_intervals.csv` as text: a header and CRLF-terminated RFC 4180 rows.
    public func washoutIntervalsCSV() -> String {
        var text = Self.washoutHeader + "\r\n"
        for (stopped, started, rule) in washoutIntervals {
            text += CSVFormatter.fields([stopped, started, String(rule.days), rule.id, rule.effect.rawValue,
                                         rule.severity.rawValue,
                                         rule.sources(stopped: stopped, started: started).joined(separator: " "), rule.summary]) + "\r\n"
        }
        return text
    }

    /// effect, severity, evidence, rule, summary, sources: the values `batch --format csv` prints.
    private static func findingFields(_ finding: Finding) -> [String] {
        [finding.effect.rawValue, finding.severity.rawValue, finding.evidence.rawValue, finding.rule ?? "",
         finding.summary, finding.sources.joined(separator: " ")]
    }
}
