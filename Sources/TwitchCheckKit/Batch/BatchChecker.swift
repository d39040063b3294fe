import Foundation

/// Checks every patient in a CSV export, streaming: `twitchcheck batch`.
///
/// One pass over the input keeps, per patient, only the prescriptions of drugs that some
/// risk or rule mentions, merged into spans of days; every other row is counted and let go.
/// Each distinct medication string is resolved once. Memory therefore grows with the number
/// of distinct medication strings and patients and their relevant prescriptions, never with
/// the size of the file. After the pass, each patient's drugs are checked pairwise, and a
/// combination is reported only where the two prescriptions overlap in time.
public final class BatchChecker {
    private let checker: MedicationChecker
    private let options: BatchOptions
    /// Drugs that have an own risk or stand on a rule side: the only ones worth remembering per patient.
    private let relevantDrugs: [String: Int32]
    private var relevantDrugNames: [String] = []

    // MARK: Ingest state
    private let medicationNames = ByteStringTable(expectedCount: 4096)
    private var medicationEntries: [MedicationEntry] = []
    private let patientIDs = ByteStringTable(expectedCount: 4096)
    private var intervals: [PrescriptionInterval] = []
    private var lastInterval: [Int64: Int] = [:]
    /// (patient << 32 | medication) for every distinct pair, kept only for JSONL and unrecognised names.
    private var patientMedications = Set<Int64>()
    private var summary = BatchSummary()

    // MARK: Report caches
    private var ownFindings: [Int32: [Finding]] = [:]
    private var pairFindings: [Int64: [Finding]] = [:]

    private struct MedicationEntry {
        var resolution: Resolution
        var relevant: [Int32]
        var rows = 0
    }

    public init(checker: MedicationChecker, options: BatchOptions) throws {
        self.checker = checker
        self.options = options
        let names = try checker.knowledgeBase.relevantDrugIDs().sorted()
        relevantDrugNames = names
        relevantDrugs = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, Int32($0)) })
    }

    /// Reads the whole input, writes the report to `output`, and returns the summary.
    /// `progress` is called now and then with the number of bytes read.
    public func run(input fileDescriptor: Int32, inputName: String, output: OutputSink,
                    progress: ((Int) -> Void)? = nil) throws -> BatchSummary {
        summary.inputName = inputName
        let reader = CSVRecordReader(fileDescriptor: fileDescriptor, maxRecordBytes: options.maxRowBytes)
        var columns: BatchColumns?
        var pendingError: Error?
        try reader.forEachRecord({ record in
            guard pendingError == nil else { return }
            guard let known = columns else {
                do {
                    columns = try BatchColumns.find(
                        in: record.strings(), layout: options.layout, patient: options.patientColumn,
                        medication: options.medicationColumn, start: options.startColumn, stop: options.stopColumn)
                } catch {
                    pendingError = error
                }
                return
            }
            summary.rowsRead += 1
            if summary.rowsRead & 0xFFFF == 0 { progress?(reader.bytesRead) }
            ingest(record, columns: known)
        }, problem: { summary.problems.append($0) })
        if let pendingError { throw pendingError }
        guard let columns else { throw BatchError.emptyInput(inputName) }
        progress?(reader.bytesRead)
        try writeReport(columns: columns, output: output)
        try output.flush()
        return summary
    }

    // MARK: - Ingest (the per-row path)

    private func ingest(_ record: borrowing CSVRecord, columns: BatchColumns) {
        guard record.count == columns.header.count else {
            summary.problems.append(CSVProblem(line: record.line, message:
                "expected \(columns.header.count) fields as in the header, found \(record.count); the row was skipped"))
            return
        }
        let patientBytes = record.bytes(columns.patient)
        let medicationBytes = record.bytes(columns.medication)
        guard Self.isValidUTF8(patientBytes), Self.isValidUTF8(medicationBytes) else {
            summary.problems.append(CSVProblem(line: record.line, message: "invalid UTF-8 in the patient or medication field; the row was skipped"))
            return
        }
        let patient = Int32(patientIDs.intern(patientBytes).id)
        var start = PrescriptionInterval.openStart
        var stop = PrescriptionInterval.ongoing
        var datesRead = false
        let separator = options.listSeparator
        let layout = columns.layout
        Self.forEachName(in: medicationBytes, layout: layout, separator: separator) { name in
            let medication = self.medicationID(name)
            self.medicationEntries[medication].rows += 1
            let relevant = self.medicationEntries[medication].relevant
            if case .unrecognized = self.medicationEntries[medication].resolution {
                self.patientMedications.insert(Int64(patient) << 32 | Int64(medication))
                return
            }
            if self.options.format == .jsonl {
                self.patientMedications.insert(Int64(patient) << 32 | Int64(medication))
            }
            guard !relevant.isEmpty else { return }
            if !datesRead {
                datesRead = true
                if let column = columns.start, let day = DayNumber.parse(record.bytes(column)) { start = day }
                if let column = columns.stop, let day = DayNumber.parse(record.bytes(column)) { stop = day }
                if stop < start { stop = start }
            }
            for drug in relevant {
                self.remember(PrescriptionInterval(patient: patient, drug: drug, start: start, stop: stop))
            }
        }
    }

    /// The names in a medication field: the whole field (long), or its `;`/`|`-separated parts (wide), trimmed.
    @inline(__always)
    private static func forEachName(in field: UnsafeRawBufferPointer, layout: BatchLayout, separator: UInt8?,
                                    _ body: (UnsafeRawBufferPointer) -> Void) {
        func trimmed(_ part: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
            var lower = 0
            var upper = part.count
            while lower < upper, part[lower] == 0x20 || part[lower] == 0x09 { lower += 1 }
            while upper > lower, part[upper - 1] == 0x20 || part[upper - 1] == 0x09 { upper -= 1 }
            return UnsafeRawBufferPointer(rebasing: part[lower..<upper])
        }
        if layout == .long {
            let name = trimmed(field)
            if name.count > 0 { body(name) }
            return
        }
        let split = separator ?? (field.contains(0x3B) ? 0x3B : 0x7C)
        var partStart = 0
        for index in 0...field.count where index == field.count || field[index] == split {
            let name = trimmed(UnsafeRawBufferPointer(rebasing: field[partStart..<index]))
            if name.count > 0 { body(name) }
            partStart = index + 1
        }
    }

    /// The id of a medication string, resolving it the first time it is seen.
    @inline(__always)
    private func medicationID(_ bytes: UnsafeRawBufferPointer) -> Int {
        let (id, isNew) = medicationNames.intern(bytes)
        if isNew {
            let text = String(decoding: bytes, as: UTF8.self)
            let resolution = (try? checker.resolver.resolve(text))
                ?? .unrecognized(UnrecognizedMedication(input: text, suggestions: []))
            var relevant: [Int32] = []
            if case .recognized(let medication) = resolution {
                relevant = medication.drugs.compactMap { relevantDrugs[$0] }
            }
            medicationEntries.append(MedicationEntry(resolution: resolution, relevant: relevant))
        }
        return id
    }

    /// Adds a prescription span, merging it into the patient's previous span of the same drug when they touch.
    @inline(__always)
    private func remember(_ interval: PrescriptionInterval) {
        let key = Int64(interval.patient) << 32 | Int64(interval.drug)
        if let index = lastInterval[key] {
            let last = intervals[index]
            let touches = interval.start <= (last.stop == .max ? .max : last.stop + 1)
                && (interval.stop == .max ? true : interval.stop + 1 >= last.start)
            if touches {
                intervals[index].start = min(last.start, interval.start)
                intervals[index].stop = max(last.stop, interval.stop)
                return
            }
        }
        lastInterval[key] = intervals.count
        intervals.append(interval)
    }

    @inline(__always)
    private static func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        for byte in bytes where byte >= 0x80 {
            return String(validating: bytes, as: UTF8.self) != nil
        }
        return true
    }

    // MARK: - Report

    private func writeReport(columns: BatchColumns, output: OutputSink) throws {
        lastInterval = [:]
        intervals.sort { ($0.patient, $0.drug, $0.start) < ($1.patient, $1.drug, $1.start) }
        let pairs = patientMedications.sorted()
        patientMedications = []
        if options.format == .csv {
            try output.write("patient,kind,effect,severity,drugs,overlap_start,summary,evidence,rule,sources\r\n")
        }
        var intervalCursor = 0
        var pairCursor = 0
        for patient in 0..<Int32(patientIDs.count) {
            let firstInterval = intervalCursor
            while intervalCursor < intervals.count, intervals[intervalCursor].patient == patient { intervalCursor += 1 }
            let firstPair = pairCursor
            while pairCursor < pairs.count, pairs[pairCursor] >> 32 == Int64(patient) { pairCursor += 1 }
            let findings = try evaluate(intervals[firstInterval..<intervalCursor])
            let medications = pairs[firstPair..<pairCursor].map { Int($0 & 0xFFFF_FFFF) }
            try write(patient: Int(patient), findings: findings, medications: medications, output: output)
        }
        finishSummary()
    }

    /// One patient's findings, most severe first, with overlap dates for combinations.
    private func evaluate(_ spans: ArraySlice<PrescriptionInterval>) throws -> [BatchFinding] {
        guard !spans.isEmpty else { return [] }
        var byDrug: [(drug: Int32, spans: ArraySlice<PrescriptionInterval>)] = []
        var groupStart = spans.startIndex
        for index in spans.indices where index + 1 == spans.endIndex || spans[index + 1].drug != spans[index].drug {
            byDrug.append((spans[index].drug, spans[groupStart...index]))
            groupStart = index + 1
        }
        var results: [BatchFinding] = []
        for (drug, _) in byDrug {
            results += try own(drug).map { BatchFinding(finding: $0, overlapStart: nil) }
        }
        for i in byDrug.indices {
            for j in byDrug.indices where j > i {
                let findings = try pair(byDrug[i].drug, byDrug[j].drug)
                guard !findings.isEmpty, let overlap = Self.firstOverlap(byDrug[i].spans, byDrug[j].spans) else { continue }
                let day = overlap == PrescriptionInterval.openStart ? nil : DayNumber.format(overlap)
                results += findings.map { BatchFinding(finding: $0, overlapStart: day) }
            }
        }
        return results
            .filter { $0.finding.severity >= options.minimumSeverity }
            .sorted { Finding.reportOrder($0.finding, $1.finding) }
    }

    private static func firstOverlap(_ a: ArraySlice<PrescriptionInterval>, _ b: ArraySlice<PrescriptionInterval>) -> Int32? {
        var earliest: Int32?
        for first in a {
            for second in b {
                if let day = first.overlapStart(with: second), day < (earliest ?? .max) { earliest = day }
            }
        }
        return earliest
    }

    private func own(_ drug: Int32) throws -> [Finding] {
        if let cached = ownFindings[drug] { return cached }
        let findings = try checker.riskChecker.findings(for: [relevantDrugNames[Int(drug)]])
        ownFindings[drug] = findings
        return findings
    }

    private func pair(_ a: Int32, _ b: Int32) throws -> [Finding] {
        let key = Int64(min(a, b)) << 32 | Int64(max(a, b))
        if let cached = pairFindings[key] { return cached }
        let findings = try checker.riskChecker.findings(for: [relevantDrugNames[Int(a)], relevantDrugNames[Int(b)]])
            .filter { $0.kind == .combination }
        pairFindings[key] = findings
        return findings
    }

    private func write(patient: Int, findings: [BatchFinding], medications: [Int], output: OutputSink) throws {
        let patientName = patientIDs.string(patient)
        for finding in findings {
            summary.findingsBySeverity[finding.finding.severity, default: 0] += 1
        }
        let unrecognized: [UnrecognizedMedication] = medications.compactMap {
            if case .unrecognized(let name) = medicationEntries[$0].resolution { return name } else { return nil }
        }
        switch options.format {
        case .csv:
            for item in findings {
                let finding = item.finding
                try output.write(CSVFormatter.line([
                    patientName, finding.kind.rawValue, finding.effect.rawValue, finding.severity.rawValue,
                    finding.drugs.joined(separator: "+"), item.overlapStart ?? "", finding.summary,
                    finding.evidence.rawValue, finding.rule ?? "", finding.sources.joined(separator: " "),
                ]))
            }
            for name in unrecognized {
                let hint = name.suggestions.isEmpty ? "" : "; did you mean: \(name.suggestions.joined(separator: ", "))"
                try output.write(CSVFormatter.line([
                    patientName, "unrecognized", "", "", name.input, "", "not recognised, so not checked\(hint)", "", "", "",
                ]))
            }
        case .jsonl:
            let recognized: [ResolvedMedication] = medications.compactMap {
                if case .recognized(let medication) = medicationEntries[$0].resolution { return medication } else { return nil }
            }
            try output.write(try ReportEncoding.jsonLine(PatientReport(
                patient: patientName, medications: recognized, unrecognized: unrecognized, findings: findings)) + "\n")
        }
    }

    private func finishSummary() {
        summary.patients = patientIDs.count
        summary.distinctMedications = medicationEntries.count
        var unrecognized: [(name: String, rows: Int, suggestions: [String])] = []
        for entry in medicationEntries {
            switch entry.resolution {
            case .recognized: summary.recognizedMedications += 1
            case .unrecognized(let name): unrecognized.append((name.input, entry.rows, name.suggestions))
            }
        }
        summary.unrecognized = unrecognized.sorted { ($1.rows, $0.name) < ($0.rows, $1.name) }
    }
}

/// RFC 4180 output: quote a field only when it holds a comma, quote or line break.
enum CSVFormatter {
    static func line(_ fields: [String]) -> String {
        fields.map { field in
            field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",") + "\r\n"
    }
}
