import ArgumentParser
import CMalloc
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

        Output (stdout or --output): CSV with one row per finding, plus 'unrecognized' rows for names that were not checked; or JSON Lines, one object per patient. A summary goes to stderr: rows, patients, findings by severity, unrecognised names by count, and skipped rows with their line numbers. A progress bar is shown on stderr when it is a terminal and the report goes elsewhere (a file or a pipe). A compressed input (gzip, bzip2, xz, zstd, zip) is refused with the command that decompresses it.

        Malformed rows (unclosed quote, wrong field count, invalid UTF-8, a row over 1 MiB, an empty patient id) are reported with their line and skipped; the rest is processed. A date that is not YYYY-MM-DD, or a stop before its start, is reported with its line and the row still checked (the date read as empty; the two dates swapped). Names recognised with words left over are reported as 'unrecognized_words' rows. Exit status: 0 done; 1 a finding reached --fail-on; 2 unreadable or empty input, an unreadable header, a header without the needed columns or naming a needed column twice, an output that is the input, a write error, or (with --strict) any skipped row, unrecognised name or word, or date not understood or reversed.

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
    var format: BatchOptions.OutputFormat = .csv

    @Option(name: .long, help: ArgumentHelp("Write the report here instead of standard output.", valueName: "path"))
    var output: String?

    @Option(name: .long, help: "long (a row per prescription), wide (a row per list) or fhir (NDJSON of MedicationRequest/MedicationStatement); detected from the content if omitted.")
    var layout: BatchInputLayout?

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

    @Flag(name: .long, help: "Exit 2 when any row was skipped, any name or word was not recognised, or any date was not understood or reversed.")
    var strict = false

    /// Hidden: files at least this large are read as two halves on two threads (tests set it low to run that path).
    @Option(name: .long, help: ArgumentHelp("Read a file of at least this many bytes as two halves.", valueName: "bytes", visibility: .hidden))
    var splitThreshold: Int?

    @Flag(name: .long, help: "No summary on stderr.")
    var quiet = false

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let listSeparator, listSeparator.utf8.count != 1 {
            throw ValidationError("--list-separator takes one ASCII character, such as ';' or '|'")
        }
        if let splitThreshold, splitThreshold < 0 {
            throw ValidationError("--split-threshold takes a number of bytes, 0 or more")
        }
    }

    func run() throws {
        // One malloc arena for the reader, report and writer threads (CMalloc): no slower at 1M
        // rows, and 10M scattered rows stay under issue 13's 150 MB.
        _ = cmalloc_use_one_arena()
        let inputFile = try InputFile.open(input)
        defer { withExtendedLifetime(inputFile) {} }  // open until the run is over
        let inputDescriptor = inputFile.fileDescriptor

        // Refused before anything is written when it is the input; replaced only when the run succeeds.
        let reportFile = try output.map { try ReportFile(path: $0, input: inputDescriptor) }
        let outputDescriptor = reportFile?.fileDescriptor ?? STDOUT_FILENO

        var options = BatchOptions()
        options.format = format
        options.layout = layout?.csvLayout
        options.patientColumn = patientColumn
        options.medicationColumn = medicationColumn
        options.startColumn = startColumn
        options.stopColumn = stopColumn
        options.listSeparator = listSeparator?.utf8.first
        options.minimumSeverity = minSeverity
        if let splitThreshold { options.splitThreshold = splitThreshold }

        let knowledgeBase = try database.open()
        let medicationChecker = try MedicationChecker(knowledgeBase: knowledgeBase)
        let inputName = inputFile.displayName
        let isBulkFHIR = BatchInputLayout.isFHIR(layout, input: inputFile)
        // A bar on the terminal that also shows the data would interleave with it.
        let showsProgress = Terminal.stderrIsTerminal && !quiet && !isBulkFHIR && (output != nil || !Terminal.stdoutIsTerminal)
        let progress = inputFile.size.flatMap { size in showsProgress && size > 0 ? ProgressBar(total: size) : nil }
        let summary: BatchSummary
        do {
            let sink = OutputSink(fileDescriptor: outputDescriptor, destination: output ?? "standard output",
                                  reservesSpace: reportFile?.reservesSpace ?? false)
            if isBulkFHIR {
                summary = try FHIRBulkBatch(checker: medicationChecker, options: options)
                    .run(input: inputDescriptor, inputName: inputName, output: sink)
            } else {
                summary = try BatchChecker(checker: medicationChecker, options: options)
                    .run(input: inputDescriptor, inputName: inputName, output: sink, progress: progress.map { bar in { bar.update($0) } })
            }
            try reportFile?.commit()
        } catch TwitchCheckError.outputUnwritable(_, let reason) where output != nil {
            throw ReportFileError.unwritable(path: output ?? "", reason: reason)
        }
        progress?.finish()
        try finish(summary)
    }

    /// The summary on stderr and the exit status.
    private func finish(_ summary: BatchSummary) throws {
        if !quiet {
            Terminal.writeStandardError(summary.render())
        }
        try ExitPolicy(strict: strict, failOn: failOn).finish(highestSeverity: summary.highestSeverity,
                                                              notChecked: Self.notChecked(summary))
    }

    /// What `--strict` refuses in a run, as its message; nil when every row, name and date was read.
    static func notChecked(_ summary: BatchSummary) -> String? {
        guard summary.hasUncheckedInput else { return nil }
        return "\(max(summary.skippedRows, summary.problems.count)) row(s) skipped, "
            + "\(summary.unrecognized.count) name(s) not recognised, \(summary.unrecognizedWords.count) name(s) with words "
            + "not understood and \(summary.dateProblemCount) date(s) not understood or reversed (--strict)"
    }
}

