import ArgumentParser
import Foundation
import TwitchCheckKit

/// What one `twitchcheck check` was asked to do, as plain values, and doing it.
///
/// ArgumentParser fills it through ``CheckCommand``; ``CheckArgumentScanner`` fills it for the
/// common forms of the command line without ArgumentParser's start-up cost (issue 13). Either way
/// the check runs here, once.
struct CheckRequest: Equatable {
    /// The medication arguments as given; "-" reads standard input.
    var medications: [String] = []
    /// `--file`.
    var file: String?
    /// `--format`.
    var format: ReportFormat = .text
    /// `--color`.
    var color: ColorChoice = .auto
    /// `--fail-on`.
    var failOn: Severity?
    /// `--min-severity`.
    var minSeverity: Severity?
    /// `--strict`.
    var strict = false
    /// `--db`.
    var db: String?

    /// Checks the list and writes the report; throws ``ExitCode`` 1 or a ``CommandFailure`` by the
    /// exit policy (`--fail-on`, `--strict`).
    ///
    /// Returns the knowledge base, still open, for a caller that is about to exit: a one-shot
    /// process need not pay for closing it (GRDB's teardown is a fiftieth of a `check`).
    @discardableResult
    func run() throws -> KnowledgeBase {
        let knowledgeBase = try DatabaseLocator(option: db).open()
        // Every query of the check in one read transaction (issue 13).
        try knowledgeBase.reader.readingTogether { try run(with: knowledgeBase) }
        return knowledgeBase
    }

    private func run(with knowledgeBase: KnowledgeBase) throws {
        let input = try collectInput(fhirReader: FHIRMedicationReader(knowledgeBase: knowledgeBase))
        let checker = try MedicationChecker(knowledgeBase: knowledgeBase, rules: .perList)
        let fhirCheck = try input.fhir.map { try FHIRCheck(entries: input.names.map { FHIRMedicationEntry(resourceType: "input", reference: nil, name: $0) } + $0, checker: checker) }
        if input.names.isEmpty, fhirCheck?.entries.isEmpty ?? true {
            throw ValidationError(input.fhir == nil ? "the medication list is empty" : "the FHIR input holds no MedicationRequest or MedicationStatement")
        }
        let checked = try fhirCheck?.report ?? checker.check(input.names)
        let report = minSeverity.map { checked.leavingOut(below: $0) } ?? checked
        switch format {
        case .json:
            try StandardOutput.print(ReportEncoding.json(report))
        case .fhir:
            let builder = DetectedIssueBuilder(sources: try knowledgeBase.sources(report.citedSourceIDs))
            try StandardOutput.print(ReportEncoding.json(builder.bundle(report, fhir: fhirCheck)))
        case .text:
            let citations = try knowledgeBase.sources(report.citedSourceIDs)
            let renderer = TextReportRenderer(
                style: Terminal.style(for: color),
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
