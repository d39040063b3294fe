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
    /// Recognised names with words left over that were not understood ("tramadol xyzzq"),
    /// with those words and the rows they appeared on, most frequent first: those words were not checked.
    public var unrecognizedWords: [(name: String, words: [String], rows: Int)] = []
    /// Rows that could not be read: the earliest ones (at most a thousand), in line order.
    public var problems: [CSVProblem] = []
    /// How many rows could not be read in all; more than `problems` holds on a file of bad rows.
    public var skippedRows = 0
    /// Dates that were not ISO dates and stops before their starts: the earliest ones (at most a
    /// thousand), in line order. Those rows were still checked (as the README's limits say).
    public var dateProblems: [CSVProblem] = []
    /// How many such dates there were in all.
    public var dateProblemCount = 0
    public var inputName = ""

    /// The highest severity found in any patient.
    public var highestSeverity: Severity? { findingsBySeverity.keys.max() }

    /// Rows whose medication was recognised, as a share of all rows with a medication.
    public var unrecognizedRows: Int { unrecognized.reduce(0) { $0 + $1.rows } }

    /// Whether anything was not checked as written: a skipped row, an unrecognised name, a
    /// word not understood, a date not understood or reversed. `--strict` fails on it.
    public var hasUncheckedInput: Bool {
        skippedRows > 0 || !problems.isEmpty || !unrecognized.isEmpty || !unrecognizedWords.isEmpty || dateProblemCount > 0
    }

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
        if !unrecognizedWords.isEmpty {
            let rows = unrecognizedWords.reduce(0) { $0 + $1.rows }
            lines.append("words not understood beside a recognised drug, so not checked (\(unrecognizedWords.count) names on \(rows) rows):")
            for entry in unrecognizedWords.prefix(maxNames) {
                lines.append("  \(entry.rows) × \(Self.displayed(entry.name)) — not understood: \(Self.displayed(entry.words.joined(separator: ", ")))")
            }
            if unrecognizedWords.count > maxNames { lines.append("  … and \(unrecognizedWords.count - maxNames) more") }
        }
        listProblems("skipped rows", problems, total: skippedRows, max: maxProblems, into: &lines)
        listProblems("dates not understood or reversed (rows still checked)", dateProblems, total: dateProblemCount,
                     max: maxProblems, into: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    /// A count of problems under `title`, then the first `max` of them as `file:line: message`.
    private func listProblems(_ title: String, _ kept: [CSVProblem], total: Int, max limit: Int, into lines: inout [String]) {
        guard !kept.isEmpty else { return }
        let count = max(total, kept.count)
        lines.append("\(title): \(count)")
        for problem in kept.prefix(limit) { lines.append("  \(inputName):\(problem.line): \(problem.message)") }
        if count > limit { lines.append("  … and \(count - limit) more") }
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
