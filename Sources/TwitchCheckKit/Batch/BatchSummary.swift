/// What a batch run saw and found, for the summary on standard error.
public struct BatchSummary: Sendable {
    public var rowsRead = 0
    public var patients = 0
    public var distinctMedications = 0
    public var recognizedMedications = 0
    /// Findings written, by severity.
    public var findingsBySeverity: [Severity: Int] = [:]
    /// Unrecognised names with the rows they appeared on, most frequent first.
    public var unrecognized: [(name: String, rows: Int, suggestions: [String])] = []
    /// Rows that could not be read.
    public var problems: [CSVProblem] = []
    public var inputName = ""

    /// The highest severity found in any patient.
    public var highestSeverity: Severity? { findingsBySeverity.keys.max() }

    /// Rows whose medication was recognised, as a share of all rows with a medication.
    public var unrecognizedRows: Int { unrecognized.reduce(0) { $0 + $1.rows } }

    /// The summary as lines of text.
    public func render(maxNames: Int = 15, maxProblems: Int = 10) -> String {
        var lines: [String] = []
        lines.append("\(inputName): \(rowsRead) rows, \(patients) patients, \(distinctMedications) distinct medication names "
            + "(\(recognizedMedications) recognised)")
        let counts = Severity.allCases.reversed().map { "\(findingsBySeverity[$0] ?? 0) \($0.rawValue)" }
        lines.append("findings: " + counts.joined(separator: ", "))
        if !unrecognized.isEmpty {
            lines.append("not recognised, so not checked (\(unrecognized.count) names on \(unrecognizedRows) rows; most frequent first):")
            for entry in unrecognized.prefix(maxNames) {
                let hint = entry.suggestions.isEmpty ? "" : " — did you mean \(entry.suggestions.prefix(3).joined(separator: ", "))?"
                lines.append("  \(entry.rows) × \(entry.name)\(hint)")
            }
            if unrecognized.count > maxNames { lines.append("  … and \(unrecognized.count - maxNames) more") }
        }
        if !problems.isEmpty {
            lines.append("skipped rows: \(problems.count)")
            for problem in problems.prefix(maxProblems) { lines.append("  \(inputName):\(problem.line): \(problem.message)") }
            if problems.count > maxProblems { lines.append("  … and \(problems.count - maxProblems) more") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
