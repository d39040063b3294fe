/// What a batch run saw and found, for the summary on standard error.
public struct BatchSummary: Sendable {
    public var rowsRead = 0
    public var patients = 0
    public var distinctMedications = 0
    public var recognizedMedications = 0
    /// Findings made, by severity: those written and those left out by ``minimumSeverity``.
    public var findingsBySeverity: [Severity: Int] = [:]
    /// Findings made but not written, because they were below ``minimumSeverity``.
    public var leftOut = 0
    public var minimumSeverity: Severity = .minor
    /// Unrecognised names with the rows they appeared on, most frequent first.
    public var unrecognized: [(name: String, rows: Int, suggestions: [String])] = []
    /// Rows that could not be read: the earliest ones (at most a thousand), in line order.
    public var problems: [CSVProblem] = []
    /// How many rows could not be read in all; more than `problems` holds on a file of bad rows.
    public var skippedRows = 0
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
        let omitted = leftOut > 0 ? " (\(leftOut) below \(minimumSeverity.rawValue) not written: --min-severity \(minimumSeverity.rawValue))" : ""
        lines.append("findings: " + counts.joined(separator: ", ") + omitted)
        if !unrecognized.isEmpty {
            lines.append("not recognised, so not checked (\(unrecognized.count) names on \(unrecognizedRows) rows; most frequent first):")
            for entry in unrecognized.prefix(maxNames) {
                let hint = entry.suggestions.isEmpty ? "" : " — did you mean \(entry.suggestions.prefix(3).joined(separator: ", "))?"
                lines.append("  \(entry.rows) × \(Self.displayed(entry.name))\(hint)")
            }
            if unrecognized.count > maxNames { lines.append("  … and \(unrecognized.count - maxNames) more") }
        }
        if !problems.isEmpty {
            let skipped = max(skippedRows, problems.count)
            lines.append("skipped rows: \(skipped)")
            for problem in problems.prefix(maxProblems) { lines.append("  \(inputName):\(problem.line): \(problem.message)") }
            if skipped > maxProblems { lines.append("  … and \(skipped - maxProblems) more") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A name as the summary shows it: control characters escaped, so a hostile name cannot drive
    /// the terminal, and at most `limit` characters, so a huge one cannot flood it.
    static func displayed(_ name: String, limit: Int = 200) -> String {
        var text = ""
        for scalar in name.unicodeScalars.prefix(limit) {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                text += scalar.escaped(asASCII: true)
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        return name.unicodeScalars.count > limit ? text + "…" : text
    }
}
