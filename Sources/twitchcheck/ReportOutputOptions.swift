import ArgumentParser
import TwitchCheckKit

/// `--format text|json` and `--color`, shared by every command that prints a report
/// for people or for scripts (`check`, `assess`, `drug`, `effect`).
struct ReportOutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: text for people, json for scripts; check also takes fhir (a FHIR R4 Bundle of DetectedIssue).")
    var format: ReportFormat = .text

    @Option(name: .long, help: "When to colour text output: auto (on a terminal, unless NO_COLOR is set), always, never.")
    var color: ColorChoice = .auto

    /// The refusal of `--format fhir` by the commands that have no FHIR form.
    static let fhirIsForCheckOnly = ValidationError("--format fhir is only for 'check'; use text or json here")

    /// The styling for text output on standard output.
    var style: TerminalStyle { Terminal.style(for: color) }
}
