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
        let knowledgeBase = try database.open()
        let input = try collectInput(fhirReader: FHIRMedicationReader(knowledgeBase: knowledgeBase))
        let checker = try MedicationChecker(knowledgeBase: knowledgeBase, rules: .perList)
        let fhirCheck = try input.fhir.map { try FHIRCheck(entries: input.names.map { FHIRMedicationEntry(resourceType: "input", reference: nil, name: $0) } + $0, checker: checker) }
        if input.names.isEmpty, fhirCheck?.entries.isEmpty ?? true {
            throw ValidationError(input.fhir == nil ? "the medication list is empty" : "the FHIR input holds no MedicationRequest or MedicationStatement")
        }
        let checked = try fhirCheck?.report ?? checker.check(input.names)
        let report = minSeverity.map { checked.leavingOut(below: $0) } ?? checked
        switch output.format {
        case .json:
            try StandardOutput.print(ReportEncoding.json(report))
        case .fhir:
            let builder = DetectedIssueBuilder(sources: try knowledgeBase.sources(report.citedSourceIDs))
            try StandardOutput.print(ReportEncoding.json(builder.bundle(report, fhir: fhirCheck)))
        case .text:
            let citations = try knowledgeBase.sources(report.citedSourceIDs)
            let renderer = TextReportRenderer(
                style: output.style,
                citations: Dictionary(citations.map { ($0.id, $0.citation) }, uniquingKeysWith: { a, _ in a }),
                width: Terminal.outputWidth)
            try StandardOutput.write(renderer.render(report))
        }
        try ExitPolicy(strict: strict, failOn: failOn).finish(highestSeverity: report.highestSeverity,
                                                              notChecked: Self.notChecked(report))
    }

    /// What `--strict` refuses in a report, as its message; nil when every name was understood.
    static func notChecked(_ report: CheckReport) -> String? {
        guard !report.allRecognized else { return nil }
        let names = report.unrecognized.map { $0.reason == .ambiguous ? "\($0.input) (ambiguous)" : $0.input }
            + report.medications.filter { !$0.unmatchedWords.isEmpty }
                .map { "\($0.input) (words not understood: \($0.unmatchedWords.joined(separator: ", ")))" }
        return "\(names.count) name(s) not recognised (--strict): " + names.joined(separator: ", ")
    }

    /// The typed names, and the FHIR medications when a file or standard input held FHIR JSON.
    private func collectInput(fhirReader: FHIRMedicationReader) throws -> (names: [String], fhir: [FHIRMedicationEntry]?) {
        var names: [String] = []
        var fhir: [FHIRMedicationEntry]?
        func add(_ document: MedicationDocument) {
            switch document {
            case .names(let read): names += read
            case .fhir(let entries): fhir = (fhir ?? []) + entries
            }
        }
        for (position, argument) in medications.enumerated() {
            if argument == "-" {
                let data = try MedicationListReader.readData(fileDescriptor: STDIN_FILENO, origin: "<stdin>")
                add(try MedicationDocument.read(data, origin: "<stdin>", fhirReader: fhirReader))
            } else if let problem = MedicationListReader.problem(with: argument) {
                throw CommandFailure("medication \(position + 1): \(problem)")
            } else {
                names.append(argument)
            }
        }
        if let file {
            let opened = try InputFile(path: file)
            defer { withExtendedLifetime(opened) {} }  // open until it is read
            add(try MedicationDocument.read(MedicationListReader.readData(fileDescriptor: opened.fileDescriptor, origin: file),
                                            origin: file, fhirReader: fhirReader))
        }
        let count = names.count + (fhir?.count ?? 0)
        if count > MedicationListReader.maxNames {
            throw CommandFailure("the list has \(count) names; check takes at most \(MedicationListReader.maxNames) (use 'twitchcheck batch' for more)")
        }
        return (names, fhir)
    }
}

