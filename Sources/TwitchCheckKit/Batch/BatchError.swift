/// Problems with a batch input as a whole (a bad row is a ``CSVProblem`` instead).
public enum BatchError: Error, Equatable, CustomStringConvertible {
    case emptyInput(String)
    case missingColumn(role: String, lookedFor: [String], option: String, header: [String])
    case columnNotFound(role: String, name: String, header: [String])
    /// The column to read is named more than once in the header (1-based positions).
    case duplicateColumn(role: String, name: String, positions: [Int], option: String, chosen: Bool)
    /// The first record could not be read, so the columns are unknown.
    case unreadableHeader(input: String, problem: CSVProblem)

    public var description: String {
        switch self {
        case .emptyInput(let name):
            "\(name) is empty: expected a CSV header line and rows"
        case .missingColumn(let role, let lookedFor, let option, let header):
            "no \(role) column in the header (looked for \(lookedFor.map { $0.uppercased() }.joined(separator: ", "))); "
                + "the header has: \(header.joined(separator: ", ")). Name the column with \(option)"
        case .columnNotFound(let role, let name, let header):
            "the \(role) column '\(name)' is not in the header; it has: \(header.joined(separator: ", "))"
        case .duplicateColumn(let role, let name, let positions, let option, let chosen):
            "the header names the column '\(name)' \(positions.count) times (columns "
                + "\(positions.map(String.init).joined(separator: ", "))), so which one holds the \(role) is ambiguous"
                + (chosen ? " even with \(option); rename the columns in the header so that each name is unique"
                    : "; rename one of them, or name the \(role) column with \(option)")
        case .unreadableHeader(let input, let problem):
            "\(input):\(problem.line): the header line cannot be read (\(problem.message.replacingOccurrences(of: "; it was skipped", with: "").replacingOccurrences(of: "; the row was skipped", with: ""))), so the columns are unknown; "
                + "the first line must name the columns"
        }
    }
}
