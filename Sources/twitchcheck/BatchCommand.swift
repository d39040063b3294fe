import ArgumentParser
import Foundation
import TwitchCheckKit

/// `twitchcheck batch`: every patient in a CSV export, streamed.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Check every patient in a CSV file of prescriptions or medication lists.",
        discussion: """
        Two layouts, detected from the header or set with --layout:
          long  a row per prescription: patient, medication, optional start and stop
          wide  a row per list: an id and the names, separated by ';' or '|'
        Synthea (PATIENT, DESCRIPTION, START, STOP) and MIMIC-III (SUBJECT_ID, DRUG, STARTDATE, ENDDATE) exports work without flags; name other columns with --patient-column, --medication-column, --start-column and --stop-column.

        With dates, a combination is reported only when the two prescriptions overlap in time (an empty stop means ongoing), and overlap_start says when they began to.

        Output (stdout or --output): CSV with one row per finding, plus 'unrecognized' rows for names that were not checked; or JSON Lines, one object per patient. A summary goes to stderr: rows, patients, findings by severity, unrecognised names by count, and skipped rows with their line numbers. A progress bar is shown on stderr when it is a terminal.

        Malformed rows (unclosed quote, wrong field count, invalid UTF-8, a row over 1 MiB) are reported with their line and skipped; the rest is processed. Exit status: 0 done; 1 a finding reached --fail-on; 2 unreadable or empty input, a header without the needed columns, or (with --strict) any skipped row or unrecognised name.

        Examples:
          twitchcheck batch medications.csv > findings.csv
          twitchcheck batch PRESCRIPTIONS.csv --format jsonl --output patients.jsonl
          twitchcheck batch lists.csv --layout wide --medication-column meds
          zcat big.csv.gz | twitchcheck batch - --min-severity major
        """
    )

    @Argument(help: ArgumentHelp("The CSV file, or '-' for standard input.", valueName: "file"))
    var input: String

    @Option(name: .long, help: "Output format: csv (one row per finding) or jsonl (one object per patient).")
    var format: BatchFormat = .csv

    @Option(name: .long, help: ArgumentHelp("Write the report here instead of standard output.", valueName: "path"))
    var output: String?

    @Option(name: .long, help: "long (a row per prescription), wide (a row per list) or fhir (NDJSON of MedicationRequest/MedicationStatement); detected from the content if omitted.")
    var layout: BatchLayoutChoice?

    @Option(name: .long, help: ArgumentHelp("The patient (or list id) column.", valueName: "name"))
    var patientColumn: String?

    @Option(name: .long, help: ArgumentHelp("The medication column (long) or medication-list column (wide).", valueName: "name"))
    var medicationColumn: String?

    @Option(name: .long, help: ArgumentHelp("The prescription start-date column.", valueName: "name"))
    var startColumn: String?

    @Option(name: .long, help: ArgumentHelp("The prescription stop-date column.", valueName: "name"))
    var stopColumn: String?

    @Option(name: .long, help: ArgumentHelp("The separator between names in a wide list (default: ';' or '|').", valueName: "char"))
    var listSeparator: String?

    @Option(name: .long, help: ArgumentHelp("Leave out findings below this severity.", valueName: "severity"))
    var minSeverity: Severity = .minor

    @Option(name: .long, help: ArgumentHelp("Exit 1 when any finding is at this severity or above.", valueName: "severity"))
    var failOn: Severity?

    @Flag(name: .long, help: "Exit 2 when any row was skipped or any name was not recognised.")
    var strict = false

    @Flag(name: .long, help: "No summary on stderr.")
    var quiet = false

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let listSeparator, listSeparator.utf8.count != 1 {
            throw ValidationError("--list-separator takes one ASCII character, such as ';' or '|'")
        }
    }

    func run() throws {
        let inputDescriptor: Int32
        var inputSize: Int?
        if input == "-" {
            inputDescriptor = STDIN_FILENO
        } else {
            var status = stat()
            guard stat(input, &status) == 0 else {
                throw TwitchCheckError.inputUnreadable(path: input, reason: "no such file")
            }
            guard (status.st_mode & S_IFMT) != S_IFDIR else {
                throw TwitchCheckError.inputUnreadable(path: input, reason: "it is a directory")
            }
            inputDescriptor = open(input, O_RDONLY)
            guard inputDescriptor >= 0 else {
                throw TwitchCheckError.inputUnreadable(path: input, reason: String(cString: strerror(errno)))
            }
            inputSize = Int(status.st_size)
        }
        defer { if inputDescriptor != STDIN_FILENO { close(inputDescriptor) } }

        let outputDescriptor: Int32
        if let output {
            outputDescriptor = open(output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard outputDescriptor >= 0 else {
                throw TwitchCheckError.inputUnreadable(path: output, reason: "cannot write: \(String(cString: strerror(errno)))")
            }
        } else {
            outputDescriptor = STDOUT_FILENO
        }
        defer { if outputDescriptor != STDOUT_FILENO { close(outputDescriptor) } }

        var options = BatchOptions()
        options.format = format == .jsonl ? .jsonl : .csv
        options.layout = layout.map { $0 == .wide ? .wide : .long }
        options.patientColumn = patientColumn
        options.medicationColumn = medicationColumn
        options.startColumn = startColumn
        options.stopColumn = stopColumn
        options.listSeparator = listSeparator?.utf8.first
        options.minimumSeverity = minSeverity

        let knowledgeBase = try database.open()
        let medicationChecker = try MedicationChecker(knowledgeBase: knowledgeBase)
        if layout == .fhir || (layout == nil && input != "-" && FHIRBulkBatch.looksLikeNDJSON(fileDescriptor: inputDescriptor)) {
            let summary = try FHIRBulkBatch(checker: medicationChecker, options: options)
                .run(input: inputDescriptor, inputName: input == "-" ? "<stdin>" : input, output: OutputSink(fileDescriptor: outputDescriptor))
            return try finish(summary)
        }
        let checker = try BatchChecker(checker: medicationChecker, options: options)
        let progress = inputSize.flatMap { size in
            Terminal.stderrIsTerminal && !quiet && size > 0 ? ProgressBar(total: size) : nil
        }
        let inputName = input == "-" ? "<stdin>" : input
        let summary = try checker.run(input: inputDescriptor, inputName: inputName, output: OutputSink(fileDescriptor: outputDescriptor),
                                      progress: progress.map { bar in { bar.update($0) } })
        progress?.finish()
        try finish(summary)
    }

    /// The summary on stderr and the exit status.
    private func finish(_ summary: BatchSummary) throws {
        if !quiet {
            FileHandle.standardError.write(Data(summary.render().utf8))
        }
        if strict, !summary.problems.isEmpty || !summary.unrecognized.isEmpty {
            Terminal.writeError("twitchcheck: error: \(max(summary.skippedRows, summary.problems.count)) row(s) skipped and \(summary.unrecognized.count) name(s) not recognised (--strict)")
            throw ExitCode(2)
        }
        if let failOn, let highest = summary.highestSeverity, highest >= failOn {
            throw ExitCode(1)
        }
    }
}

/// `batch --format`.
enum BatchFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, jsonl
}

/// `batch --layout`.
enum BatchLayoutChoice: String, ExpressibleByArgument, CaseIterable {
    case long, wide
    /// A FHIR Bulk Data export: NDJSON of MedicationRequest or MedicationStatement.
    case fhir
}
