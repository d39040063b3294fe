import ArgumentParser
import TwitchCheckKit

/// `--format text|json` and `--color`, shared by every command that prints a report
/// for people or for scripts (`check`, `assess`, `drug`, `effect`).
struct ReportOutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: text for people, json for scripts.")
    var format: ReportFormat = .text

    @Option(name: .long, help: "When to colour text output: auto (on a terminal, unless NO_COLOR is set), always, never.")
    var color: ColorChoice = .auto

    /// The styling for text output on standard output.
    var style: TerminalStyle { Terminal.style(for: color) }
}

/// `--format` of the report commands.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
