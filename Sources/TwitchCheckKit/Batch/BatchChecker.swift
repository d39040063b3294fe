import Foundation

/// Checks every patient in a CSV export, streaming: `twitchcheck batch`.
///
/// One pass over the input (see ``BatchIngest``) keeps, per patient, only the prescriptions
/// of drugs that some risk or rule mentions, merged into spans of days; every other row is
/// counted and let go. Memory therefore grows with the number of distinct medication strings,
/// patients and their relevant prescriptions, never with the size of the file. A large regular
/// file is read as two halves on two threads and the halves merged. After the pass, each
/// patient's drugs are checked pairwise, and a combination is reported only where the two
/// prescriptions overlap in time.
///
/// Memory (issue 13): compact storage while it is small, partitions on disk past a budget.
/// Patient ids are interned in a ``ByteStringTable``, spans take 16 bytes, and each patient's
/// listed medications are pairs in one flat array, grouped by patient once read
/// (``PatientMedicationLists``, 8 bytes a pair). That keeps one pass, the two-thread read and the output order, and files of up to a
/// few hundred thousand patients never touch the disk; but held for every patient it grew to
/// 316 MB for 1.43 million scattered patients (511 MB for JSON Lines). So once a reader's
/// estimated state passes ``SpillPolicy/heldBytes`` (24 MB), it moves what it holds into
/// ``PartitionFiles`` (128 files by patient hash, in a private directory, unlinked at once) and
/// from then on appends each row there as a compact record (patient id bytes, medication id,
/// start and stop day, and the row's number as the patient's order key) instead of holding the
/// patient; rows of the previous row's patient that no rule or list needs are not written.
/// Medication strings, counts and problems stay in memory as before, so the summary is made as
/// before. After the pass, each partition is replayed into an empty ``BatchIngest``, its spans
/// sorted and joined, and its patients (key, id, spans, medications) encoded in key order, two
/// partitions at a time on two threads, and written to a temporary file in partition order; the partitions are then read back merged by key (``SpilledPatients``) and each
/// patient is checked and reported as it comes: patients come out in the order of their first
/// rows, as the in-memory run writes them, byte for byte, and the report is written once (the
/// patients' file is far smaller than the report: 1.2 GB of CSV and 6.5 GB of JSON Lines at 10M rows). Chosen over streaming
/// patients whose rows are grouped because it bounds every shape of file, standard input
/// included (nothing is read twice), and over a sort of the whole file because only the
/// patients need ordering. Memory is then bounded by the budget per reader, the partitions'
/// buffers (2 × 128 × 32 KB), two partitions' records and patients (1/64 of the spill), and the
/// merge's buffers (64 KB a partition); the disk holds about 60 bytes a spilled row and 60 a patient.
public final class BatchChecker {
    private let checker: MedicationChecker
    private let options: BatchOptions
    /// Drugs that have an own risk or stand on a rule side: the only ones worth remembering per patient.
    private let relevantDrugs: [String: Int32]
    private let relevantDrugNames: [String]
    private var summary = BatchSummary()

    /// Findings written, by severity rank - 1.
    private var severityCounts = [0, 0, 0, 0]

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
        var prefix = [UInt8](repeating: 0, count: CompressionFormat.prefixLength)
        let peeked = prefix.withUnsafeMutableBytes { pread(fileDescriptor, $0.baseAddress!, $0.count, 0) }
        if peeked > 0, let format = CompressionFormat.detect(prefix[0..<peeked]) {
            throw Self.compressed(format, inputName)
        }
        var status = stat()
        let size = fstat(fileDescriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG ? Int(status.st_size) : nil
        var ingest: BatchIngest
        if let size, size >= options.splitThreshold {
            ingest = try readInHalves(fileDescriptor, size: size, inputName: inputName, progress: progress)
        } else {
            ingest = try readWhole(fileDescriptor, inputName: inputName, progress: progress)
        }
        if ingest.hasSpilled {
            try writeSpilledReport(&ingest, output: output)
        } else {
            try writeReport(&ingest, output: output)
        }
        try output.flush()
        return summary
    }

    // MARK: - Reading

    private func newIngest(resolver: MedicationResolver) -> BatchIngest {
        BatchIngest(resolver: resolver, relevantDrugs: relevantDrugs, keepsAllPairs: options.format == .jsonl, spill: options.spill)
    }

    /// Reads the header record and finds the columns. A first record that cannot be read (too
    /// long, an unclosed quote) is fatal: the next row must never be taken for the header.
    private func readHeader(_ reader: CSVRecordReader, inputName: String) throws -> BatchIngest.Columns {
        var found: Result<BatchColumns, Error>?
        var headerProblem: CSVProblem?
        try reader.forEachRecord(while: { record in
            guard headerProblem == nil else { return false }
            // A compressed stream on a pipe, which could not be looked at before reading.
            if record.count > 0, let format = CompressionFormat.detect(record.bytes(0)) {
                found = .failure(Self.compressed(format, inputName))
                return false
            }
            found = Result {
                try BatchColumns.find(in: record.strings(), layout: options.layout, patient: options.patientColumn,
                                      medication: options.medicationColumn, start: options.startColumn, stop: options.stopColumn)
            }
            return false
        }, problem: { if headerProblem == nil, found == nil { headerProblem = $0 } })
        if let headerProblem { throw BatchError.unreadableHeader(input: inputName, problem: headerProblem) }
        guard let columns = try found?.get() else { throw BatchError.emptyInput(inputName) }
        var result = BatchIngest.Columns(patient: columns.patient, medication: columns.medication, start: columns.start ?? -1,
                                         stop: columns.stop ?? -1, isLong: columns.layout == .long,
                                         fieldCount: columns.header.count, listSeparator: options.listSeparator)
        if let start = columns.start { result.startName = BatchSummary.displayed(columns.header[start], limit: 40) }
        if let stop = columns.stop { result.stopName = BatchSummary.displayed(columns.header[stop], limit: 40) }
        return result
    }

    private func readWhole(_ fileDescriptor: Int32, inputName: String, progress: ((Int) -> Void)?) throws -> BatchIngest {
        let reader = CSVRecordReader(fileDescriptor: fileDescriptor, maxRecordBytes: options.maxRowBytes)
        let columns = try readHeader(reader, inputName: inputName)
        var ingest = newIngest(resolver: checker.resolver)
        try Self.read(reader, into: &ingest, columns: columns, progress: progress)
        return ingest
    }

    /// Two readers, each over half of the file; if the split fell inside a quoted field,
    /// the first half simply reads on to the end and the second is discarded.
    private func readInHalves(_ fileDescriptor: Int32, size: Int, inputName: String,
                              progress: ((Int) -> Void)?) throws -> BatchIngest {
        let headerReader = CSVRecordReader(fileDescriptor: fileDescriptor, range: 0..<size, maxRecordBytes: options.maxRowBytes)
        let columns = try readHeader(headerReader, inputName: inputName)
        let dataStart = headerReader.nextRecordOffset
        guard let split = Self.lineStart(after: max(dataStart, size / 2), in: fileDescriptor, size: size) else {
            return try readWhole(Self.reopen(fileDescriptor), inputName: inputName, progress: progress)
        }
        let first = CSVRecordReader(fileDescriptor: fileDescriptor, range: dataStart..<split,
                                    firstLine: headerReader.currentLine, maxRecordBytes: options.maxRowBytes)
        let second = ParallelHalf(
            reader: CSVRecordReader(fileDescriptor: fileDescriptor, range: split..<size, maxRecordBytes: options.maxRowBytes),
            ingest: newIngest(resolver: checker.resolver), columns: columns)
        let thread = Thread { second.run() }
        thread.stackSize = 1 << 22
        thread.start()
        var ingest = newIngest(resolver: checker.resolver)
        try Self.read(first, into: &ingest, columns: columns, progress: progress.map { report in { report($0 * 2) } })
        second.finished.wait()
        if first.endedOnRecordBoundary, second.error == nil {
            if ingest.hasSpilled || second.ingest.hasSpilled {
                ingest.spillEverything()
                second.ingest.spillEverything()
            }
            ingest.absorb(&second.ingest, lineOffset: first.currentLine - 1)
        } else {
            first.extend(to: size)
            try Self.read(first, into: &ingest, columns: columns, progress: progress)
        }
        return ingest
    }

    private static func read(_ reader: CSVRecordReader, into ingest: inout BatchIngest, columns: BatchIngest.Columns,
                             progress: ((Int) -> Void)?) throws {
        var rows = 0
        var problems = ProblemCollector()
        try reader.forEachRecord({ record in
            ingest.ingest(record, columns: columns)
            rows += 1
            if rows & 0xFFFF == 0 { progress?(reader.bytesRead) }
        }, problem: { problems.add($0) })
        ingest.finishQueuedRows()
        ingest.absorbHeaderProblems(problems.kept, total: problems.total)
        progress?(reader.bytesRead)
    }

    private static func compressed(_ format: CompressionFormat, _ inputName: String) -> TwitchCheckError {
        .inputUnreadable(path: inputName, reason: format.advice(file: inputName, command: "twitchcheck batch"))
    }

    /// The offset just after the first newline at or after `position`, if it is before `size`.
    private static func lineStart(after position: Int, in fileDescriptor: Int32, size: Int) -> Int? {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var cursor = position
        while cursor < size {
            let count = buffer.withUnsafeMutableBytes { pread(fileDescriptor, $0.baseAddress!, $0.count, off_t(cursor)) }
            guard count > 0 else { return nil }
            if let index = buffer[0..<count].firstIndex(of: 0x0A) {
                let start = cursor + index + 1
                return start < size ? start : nil
            }
            cursor += count
        }
        return nil
    }

    /// A descriptor positioned at the start of the same file, for a sequential re-read.
    private static func reopen(_ fileDescriptor: Int32) -> Int32 {
        lseek(fileDescriptor, 0, SEEK_SET)
        return fileDescriptor
    }

    // MARK: - Report

    private func writeReport(_ ingest: inout BatchIngest, output: OutputSink) throws {
        var writer = try startReport(output)
        let (resolutions, patientIDs) = (ingest.resolutions, ingest.patientIDs)
        try Self.forEachPatient(&ingest) { patient, spans, medications in
            try patientIDs.withBytes(Int(patient)) {
                try writer.write(patient: $0, spans: spans, medications: medications, resolutions: resolutions, to: output)
            }
        }
        finishReport(writer, ingest, patients: ingest.patientIDs.count)
    }

    /// The report of a spilled run: each partition replayed on its own, its patients written with
    /// their keys, then read back merged by each patient's first row and reported in that order.
    private func writeSpilledReport(_ ingest: inout BatchIngest, output: OutputSink) throws {
        try ingest.finishSpilling()
        let patients = try SpilledPatients(under: options.spill.directory)
        let patientCount = try Self.encodePartitions(of: ingest, into: patients)
        PartitionFiles.release(ingest.takeSpills())
        // Nothing is written to the output until every partition is on disk.
        var writer = try startReport(output)
        let resolutions = ingest.resolutions
        try patients.merge { patient, spans, medications in
            try writer.write(patient: patient, spans: spans, medications: medications, resolutions: resolutions, to: output)
        }
        finishReport(writer, ingest, patients: patientCount)
    }

    /// Replays and encodes every partition of `ingest`, two at a time, one a core (each is a 128th
    /// of the rows), and writes them in order to `patients`; returns how many patients there are.
    private static func encodePartitions(of ingest: BatchIngest, into patients: SpilledPatients) throws -> Int {
        var patientCount = 0
        let spilled = SpilledIngest(ingest)
        for first in stride(from: 0, to: ingest.partitionCount, by: 2) {
            let batch = (first..<min(first + 2, ingest.partitionCount)).map { EncodedPartition(index: $0) }
            DispatchQueue.concurrentPerform(iterations: batch.count) { slot in
                do {
                    try Self.encode(batch[slot], of: spilled.ingest)
                } catch {
                    batch[slot].failure = error
                }
            }
            for partition in batch {
                if let failure = partition.failure { throw failure }
                try patients.addPartition(partition.entries, patients: partition.patients)
                patientCount += partition.patients
            }
        }
        return patientCount
    }

    /// The ingest whose partitions the workers replay; nothing writes to it while they run.
    private final class SpilledIngest: @unchecked Sendable {
        let ingest: BatchIngest
        init(_ ingest: BatchIngest) { self.ingest = ingest }
    }

    /// One spilled partition's patients, encoded for ``SpilledPatients`` on a worker thread: each
    /// is filled by one worker and read once `concurrentPerform` has returned.
    private final class EncodedPartition: @unchecked Sendable {
        let index: Int
        var entries: [UInt8] = []
        var patients = 0
        var failure: Error?
        init(index: Int) { self.index = index }
    }

    /// Replays a partition of `spilled` and encodes its patients, in key order, into `partition`.
    private static func encode(_ partition: EncodedPartition, of spilled: BatchIngest) throws {
        var part = spilled.emptyPartition()
        try part.replay(partition: partition.index, of: spilled)
        partition.patients = part.patientIDs.count
        let (keys, patientIDs) = (part.patientKeys, part.patientIDs)
        var entries: [UInt8] = []  // a local, not the class's property: no access check a patient
        try Self.forEachPatient(&part) { patient, spans, medications in
            patientIDs.withBytes(Int(patient)) {
                SpilledPatients.encode(key: keys[Int(patient)], patient: $0, spans: spans, medications: medications, into: &entries)
            }
        }
        partition.entries = entries
    }

    /// Writes the CSV header and makes the writer of patients.
    private func startReport(_ output: OutputSink) throws -> PatientReportWriter {
        if options.format == .csv {
            try output.write("patient,kind,effect,severity,drugs,overlap_start,summary,evidence,rule,sources\r\n")
        }
        return try PatientReportWriter(checker: checker, drugNames: relevantDrugNames, format: options.format,
                                       minimumSeverity: options.minimumSeverity, encodesEveryPatient: options.encodesEveryPatient,
                                       keptScoreBytes: options.keptScoreBytes)
    }

    /// Calls `body` with every patient held, in id order (the order of their first rows), with the
    /// patient's spans sorted by drug and start and its listed medications ascending.
    private static func forEachPatient(_ ingest: inout BatchIngest,
                                _ body: (Int32, [PrescriptionInterval], [Int]) throws -> Void) throws {
        ingest.finishReading()
        let intervals = ingest.intervals
        let laterIntervals = ingest.laterIntervals
        var intervalCursor = 0
        var laterCursor = 0
        var spans: [PrescriptionInterval] = []
        var medications: [Int] = []
        for patient in 0..<Int32(ingest.patientIDs.count) {
            spans.removeAll(keepingCapacity: true)
            while intervalCursor < intervals.count, intervals[intervalCursor].patient == patient {
                spans.append(intervals[intervalCursor])
                intervalCursor += 1
            }
            if laterCursor < laterIntervals.count, laterIntervals[laterCursor].patient == patient {
                while laterCursor < laterIntervals.count, laterIntervals[laterCursor].patient == patient {
                    spans.append(laterIntervals[laterCursor])
                    laterCursor += 1
                }
                IntervalSorter.sort(&spans)
            }
            ingest.patientMedications.medications(of: patient, into: &medications)
            try body(patient, spans, medications)
        }
    }

    private func finishReport(_ writer: PatientReportWriter, _ ingest: BatchIngest, patients: Int) {
        severityCounts = writer.severityCounts
        summary.leftOut = writer.leftOut
        summary.minimumSeverity = options.minimumSeverity
        finishSummary(ingest, patients: patients)
    }

    private func finishSummary(_ ingest: BatchIngest, patients: Int) {
        summary.rowsRead = ingest.rowsRead
        for severity in Severity.allCases where severityCounts[severity.rank - 1] > 0 {
            summary.findingsBySeverity[severity] = severityCounts[severity.rank - 1]
        }
        summary.problems = Array(ingest.problems.sorted { $0.line < $1.line }.prefix(BatchIngest.maxKeptProblems))
        summary.skippedRows = ingest.problemCount
        summary.dateProblems = Array(ingest.dateProblems.sorted { $0.line < $1.line }.prefix(BatchIngest.maxKeptProblems))
        summary.dateProblemCount = ingest.dateProblemCount
        summary.patients = patients
        summary.distinctMedications = ingest.resolutions.count
        var unrecognized: [(name: String, rows: Int, suggestions: [String])] = []
        var leftover: [(name: String, words: [String], rows: Int)] = []
        for (resolution, rows) in zip(ingest.resolutions, ingest.medicationRows) {
            switch resolution {
            case .recognized(let medication):
                summary.recognizedMedications += 1
                if !medication.unmatchedWords.isEmpty { leftover.append((medication.input, medication.unmatchedWords, rows)) }
            case .unrecognized(let name): unrecognized.append((name.input, rows, name.suggestions))
            }
        }
        summary.unrecognized = unrecognized.sorted { ($1.rows, $0.name) < ($0.rows, $1.name) }
        summary.unrecognizedWords = leftover.sorted { ($1.rows, $0.name) < ($0.rows, $1.name) }
    }
}
