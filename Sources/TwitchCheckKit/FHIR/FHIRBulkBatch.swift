import Foundation

/// `batch` over a FHIR Bulk Data export: NDJSON, one `MedicationRequest` or
/// `MedicationStatement` per line.
///
/// Each resource becomes one long-layout prescription row (patient from `subject.reference`,
/// name as ``FHIRMedicationReader`` reads it, start and stop from
/// `dispenseRequest.validityPeriod`, `effectivePeriod`/`effectiveDateTime` or `authoredOn`),
/// written to an unlinked temporary file that the ordinary ``BatchChecker`` then reads, so a
/// FHIR export is checked by exactly the same path as a CSV one, time-aware alike. Lines that
/// are not JSON, or a medication without a patient, are reported with their line and skipped;
/// other resource types are ignored; a medication without a usable name is reported the same way,
/// as not checked, with its line.
public struct FHIRBulkBatch {
    private let checker: MedicationChecker
    private let options: BatchOptions
    private let reader: FHIRMedicationReader

    public init(checker: MedicationChecker, options: BatchOptions) {
        self.checker = checker
        var options = options
        options.layout = .long
        (options.patientColumn, options.medicationColumn, options.startColumn, options.stopColumn) = ("patient", "medication", "start", "stop")
        self.options = options
        self.reader = FHIRMedicationReader(knowledgeBase: checker.knowledgeBase)
    }

    /// True when a file's first non-space byte is `{`: NDJSON, not CSV (a CSV header never starts so).
    public static func looksLikeNDJSON(fileDescriptor: Int32) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { pread(fileDescriptor, $0.baseAddress!, $0.count, 0) }
        guard count > 0 else { return false }
        return FHIRMedicationReader.looksLikeJSON(Data(buffer[0..<count]))
    }

    /// Checks the export and writes the report to `output`, as ``BatchChecker/run(input:inputName:output:progress:)``.
    public func run(input fileDescriptor: Int32, inputName: String, output: OutputSink) throws -> BatchSummary {
        var template = Array((FileManager.default.temporaryDirectory.path + "/twitchcheck-fhir-XXXXXX").utf8CString)
        let rows = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard rows >= 0 else {
            throw TwitchCheckError.inputUnreadable(path: inputName, reason: "cannot make a temporary file: \(String(cString: strerror(errno))); set TMPDIR to a writable directory")
        }
        defer { close(rows) }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }

        let sink = OutputSink(fileDescriptor: rows)
        try sink.write("patient,medication,start,stop\r\n")
        var problems: [CSVProblem] = []
        var problemCount = 0
        func report(_ problem: CSVProblem) {
            problemCount += 1
            if problems.count < BatchIngest.maxKeptProblems { problems.append(problem) }
        }
        try forEachLine(fileDescriptor) { line, number in
            guard let line else {
                report(CSVProblem(line: number, message: "the line is longer than \(options.maxRowBytes) bytes; it was skipped"))
                return
            }
            if let problem = try convert(line, to: sink) {
                report(CSVProblem(line: number, message: problem))
            }
        }
        try sink.flush()
        guard lseek(rows, 0, SEEK_SET) == 0 else {
            throw TwitchCheckError.inputUnreadable(path: inputName, reason: "cannot rewind the temporary file")
        }
        var summary = try BatchChecker(checker: checker, options: options).run(input: rows, inputName: inputName, output: output)
        summary.skippedRows = max(summary.skippedRows, summary.problems.count) + problemCount
        summary.problems = Array((problems + summary.problems).prefix(BatchIngest.maxKeptProblems))
        return summary
    }

    /// Writes one line's prescription row; returns why the line was skipped, or nil.
    private func convert(_ line: Data, to sink: OutputSink) throws -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: line), let resource = object as? [String: Any] else {
            return "not a JSON object; the line was skipped"
        }
        guard let type = resource["resourceType"] as? String else { return "no resourceType; the line was skipped" }
        guard FHIRMedicationReader.medicationResourceTypes.contains(type) else { return nil }
        guard let entry = try reader.read(resource: resource, origin: "").first else { return nil }
        guard let patient = entry.patient, !patient.isEmpty else {
            return "\(entry.label) has no subject.reference (patient); the line was skipped"
        }
        guard let name = entry.name else {
            return "\(entry.label) has no medication name (no text, display or known RxNorm code), so it was not checked"
        }
        try sink.write(CSVFormatter.fields([patient, name, entry.start ?? "", entry.stop ?? ""]) + "\r\n")
        return nil
    }

    /// Calls `body` with each non-blank line and its 1-based number; a line longer than the row
    /// limit is passed as nil (it is never held whole).
    private func forEachLine(_ fileDescriptor: Int32, _ body: (Data?, Int) throws -> Void) throws {
        let handle = FileHandle(fileDescriptor: fileDescriptor, closeOnDealloc: false)
        var pending = Data()
        var number = 0
        var discarding = false
        func emit(_ line: Data) throws {
            number += 1
            if discarding {
                discarding = false
                try body(nil, number)
            } else if line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) {
                try body(line, number)
            }
        }
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            pending.append(chunk)
            var start = pending.startIndex
            while let newline = pending[start...].firstIndex(of: 0x0A) {
                try emit(pending[start..<newline])
                start = newline + 1
            }
            pending.removeSubrange(pending.startIndex..<start)
            if pending.count > options.maxRowBytes {
                discarding = true
                pending.removeAll(keepingCapacity: true)
            }
        }
        if !pending.isEmpty || discarding { try emit(pending) }
    }
}
