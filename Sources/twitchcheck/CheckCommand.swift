import ArgumentParser
import Foundation
import TwitchCheckKit

/// `twitchcheck check`: one medication list, typed as people write it.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a medication list for twitching, tremor, serotonin-syndrome and tardive-dyskinesia risks.",
        discussion: """
        Give each medication as one argument, as it is written on a label or in a record — brand or generic, with or without dose and form ("Zoloft 50mg", "tramadol", "Ventolin inhaler", "SERTRALINE HCL 50 MG ORAL TABLET"). Quote names with spaces.

        Text output starts with the verdict (highest severity, findings by severity, names not checked), then the names not checked, drugs given twice, and the findings, most severe first; sources are numbered at the end. Lines are wrapped to $COLUMNS, or the terminal's width, or 80.

        A medication stopped recently can be given with its stop date, "fluoxetine stopped 2026-11-01" or "fluoxetine stopped on 2026-11-01" (ISO dates only): it is not counted as taken now, but starting an MAO inhibitor or a serotonergic drug within its washout interval (14 days; 5 weeks after fluoxetine), counted to today, is reported. A stop date that cannot be read makes the item NOT CHECKED.

        Names that are not recognised are listed as NOT CHECKED with close suggestions; they are never guessed at. Use --strict to make them an error (exit 2).

        Examples:
          twitchcheck check sertraline tramadol
          twitchcheck check phenelzine "Zoloft 50mg" --fail-on major
          twitchcheck check lithium sertraline albuterol --min-severity moderate
          twitchcheck check phenelzine "sertraline stopped 2026-11-20"
          printf 'lithium\\nfluoxetine\\n' | twitchcheck check - --format json
        """
    )

    @Argument(help: ArgumentHelp("Medication names; '-' reads one per line from standard input.", valueName: "medication"))
    var medications: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "Read one medication per line from a file ('#' starts a comment), or a FHIR R4 Bundle, MedicationRequest or MedicationStatement (JSON).",
        valueName: "path"))
    var file: String?

    @OptionGroup var output: ReportOutputOptions

    @Option(name: .long, help: ArgumentHelp(
        "Exit 1 when a finding is at this severity or above (minor, moderate, major, contraindicated).",
        valueName: "severity"))
    var failOn: Severity?

    @Option(name: .long, help: ArgumentHelp(
        "Leave out findings below this severity (they are still counted in the verdict).", valueName: "severity"))
    var minSeverity: Severity?

    @Flag(name: .long, help: "Exit 2 when any name is not recognised or ambiguous, or any word of a name is not understood.")
    var strict = false

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if medications.isEmpty && file == nil {
            throw ValidationError("give at least one medication, '-' to read standard input, or --file PATH")
        }
    }

    func run() throws {
        try request.run()
    }

    /// The parsed arguments as plain values.
    var request: CheckRequest {
        CheckRequest(medications: medications, file: file, format: output.format, color: output.color,
                     failOn: failOn, minSeverity: minSeverity, strict: strict, db: database.db)
    }
}
