/// ANSI styling for text output, or none: colour only on a terminal, and never with `NO_COLOR` set.
public struct TerminalStyle: Sendable {
    public let enabled: Bool

    public init(enabled: Bool) {
        self.enabled = enabled
    }

    /// Colour when the stream is a terminal, `NO_COLOR` is unset or empty, and `TERM` is not `dumb`.
    public static func automatic(isTerminal: Bool, environment: [String: String]) -> TerminalStyle {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return TerminalStyle(enabled: isTerminal && !noColor && environment["TERM"] != "dumb")
    }

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }

    /// The severity word in upper case, coloured by how serious it is.
    public func severity(_ severity: Severity) -> String {
        let code = switch severity {
        case .contraindicated: "1;97;41"
        case .major: "1;31"
        case .moderate: "1;33"
        case .minor: "36"
        }
        return wrap(severity.rawValue.uppercased(), code)
    }

    public func warning(_ text: String) -> String { wrap(text, "1;35") }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
