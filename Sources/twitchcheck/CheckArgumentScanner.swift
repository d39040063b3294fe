import TwitchCheckKit

/// Reads the common forms of a `twitchcheck check` command line without ArgumentParser.
///
/// ArgumentParser builds its model of every command by reflection before it reads a word, which
/// costs `check` about 2 ms of a 10 ms run (issue 13). This scanner takes only what it reads the
/// same way: `check`, then medication names, `-`, and the long options of ``CheckCommand`` each
/// with its value as the next argument, each at most once. Anything else (help, `--`, `--opt=value`,
/// an unknown option, a value that starts with "-", a value not in an option's vocabulary, a
/// repeated option, no medication at all) is declined, and ArgumentParser reads the line and
/// writes its usual message. `CheckArgumentScannerTests` holds it to ArgumentParser's reading on
/// generated command lines.
enum CheckArgumentScanner {
    /// The request that `arguments` (without the program name) make, or nil when they are not
    /// plainly a `check` this scanner reads exactly as ArgumentParser would.
    static func request(from arguments: [String]) -> CheckRequest? {
        guard arguments.first == "check" else { return nil }
        var request = CheckRequest()
        var seen: [String] = []  // an array: a Set's first use costs more than these few comparisons
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("-"), argument != "-" else {
                request.medications.append(argument)
                continue
            }
            guard !seen.contains(argument) else { return nil }
            seen.append(argument)
            if argument == "--strict" {
                request.strict = true
                continue
            }
            guard index < arguments.count, !arguments[index].hasPrefix("-") else { return nil }
            let value = arguments[index]
            index += 1
            switch argument {
            case "--file": request.file = value
            case "--db": request.db = value
            case "--format": guard let format = ReportFormat(rawValue: value) else { return nil }; request.format = format
            case "--color": guard let color = ColorChoice(rawValue: value) else { return nil }; request.color = color
            case "--fail-on": guard let severity = Severity(rawValue: value) else { return nil }; request.failOn = severity
            case "--min-severity": guard let severity = Severity(rawValue: value) else { return nil }; request.minSeverity = severity
            default: return nil
            }
        }
        // CheckCommand.validate's rule: ArgumentParser says what is missing.
        guard !request.medications.isEmpty || request.file != nil else { return nil }
        return request
    }

    /// The options read here, for the test that keeps them in step with ``CheckCommand``.
    static let options = ["--file", "--db", "--format", "--color", "--fail-on", "--min-severity", "--strict"]
}
