import ArgumentParser
import Foundation
import TwitchCheckKit

/// `twitchcheck export`: the knowledge base compiled to tables and one SQL query for other engines.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write drug_findings.csv, pair_findings.csv, washout_intervals.csv and findings.sql for DuckDB or Spark.",
        discussion: """
        drug_findings.csv holds each drug's own findings; pair_findings.csv every pair of drugs that some rule covers, with the findings 'check' gives for the two; washout_intervals.csv the days that must pass between stopping one drug and starting another; findings.sql one SELECT over prescriptions(patient, medication, start_date, stop_date), medication_map ('twitchcheck resolve'), drug_findings, pair_findings and washout_intervals that returns the rows of 'batch --format csv'. Existing files are not replaced without --force; each file is written atomically.

        Examples:
          twitchcheck export export/
          twitchcheck export export/ --force
        """
    )

    @Argument(help: ArgumentHelp("The folder to write into (created if missing).", valueName: "dir"))
    var directory: String

    @Flag(name: .long, help: "Replace existing files.")
    var force = false

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let export = try KnowledgeExport(checker: MedicationChecker(knowledgeBase: database.open()))
        let paths = try ExportWriter(directory: URL(fileURLWithPath: directory), force: force)
            .write(ExportWriter.files(for: export))
        Terminal.writeError("wrote \(paths.map(\.path).joined(separator: ", ")): \(export.drugFindings.count) drug findings, "
            + "\(export.pairFindings.count) pair findings from \(export.pairsChecked) pairs checked, "
            + "\(export.washoutIntervalCount) washout intervals")
    }
}
