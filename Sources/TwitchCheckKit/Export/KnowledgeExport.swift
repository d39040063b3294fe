/// The knowledge base compiled into two tables for other engines: every relevant drug's own
/// findings and every covered pair's combination findings, computed by the same
/// ``RiskChecker`` that `check` and `batch` use (never by re-implementing the rules).
public struct KnowledgeExport: Sendable {
    /// `drug_findings.csv`: one row per finding `batch` prints for a drug on its own.
    public let drugFindings: [(drug: String, finding: Finding)]
    /// `pair_findings.csv`: one row per finding `batch` prints for two overlapping drugs.
    public let pairFindings: [(drugA: String, drugB: String, finding: Finding)]
    /// How many pairs were checked to find them.
    public let pairsChecked: Int

    /// The columns of `drug_findings.csv`.
    public static let drugHeader = "drug,kind,effect,severity,evidence,rule,summary,sources"
    /// The columns of `pair_findings.csv`; `drug_a` sorts before `drug_b`, `drugs` is `drug_a+drug_b`.
    public static let pairHeader = "drug_a,drug_b,drugs,kind,effect,severity,evidence,rule,summary,sources"

    /// Computes both tables. Candidate pairs are every pair of relevant drugs (those with an own
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
        for (index, a) in drugs.enumerated() {
            for b in drugs[(index + 1)...] {
                checked += 1
                // As batch's pair findings: the combination findings `check` gives for the two drugs.
                for finding in try riskChecker.findings(for: [a, b]) where finding.kind == .combination {
                    pairs.append((a, b, finding))
                }
            }
        }
        drugFindings = own
        pairFindings = pairs
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

    /// effect, severity, evidence, rule, summary, sources: the values `batch --format csv` prints.
    private static func findingFields(_ finding: Finding) -> [String] {
        [finding.effect.rawValue, finding.severity.rawValue, finding.evidence.rawValue, finding.rule ?? "",
         finding.summary, finding.sources.joined(separator: " ")]
    }
}
