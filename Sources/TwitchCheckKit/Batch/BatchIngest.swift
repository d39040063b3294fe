import Foundation

/// What one pass over (part of) a batch input remembers: the per-row path of `batch`.
///
/// Every row is counted; only prescriptions of drugs that some risk or rule mentions are
/// kept, merged into spans of days per patient and drug. Each distinct medication string is
/// resolved once. A value type, mutated in place, so the per-row path has no reference
/// counting or runtime exclusivity checks; two of them can read two halves of a file at
/// once and be merged.
struct BatchIngest {
    /// Column positions as plain integers for the per-row path (-1: absent).
    struct Columns {
        let patient: Int
        let medication: Int
        let start: Int
        let stop: Int
        let isLong: Bool
        let fieldCount: Int
        let listSeparator: UInt8?
        /// The date columns' names as the header spells them, for messages.
        var startName = "START"
        var stopName = "STOP"
    }

    private let resolver: MedicationResolver
    private let relevantDrugs: [String: Int32]
    /// JSONL lists every patient's medications, so every (patient, medication) pair is kept.
    private let keepsAllPairs: Bool

    private(set) var medicationNames = ByteStringTable(expectedCount: 4096)
    private(set) var resolutions: [Resolution] = []
    private(set) var medicationRows: [Int] = []
    /// Each medication's relevant drugs as a range of `relevantPool`; a negative start marks it unrecognised.
    private var relevantRanges: [(start: Int32, count: Int32)] = []
    private var relevantPool: [Int32] = []
    /// Per medication: whether its (patient, medication) pairs are kept for the report
    /// (unrecognised, or recognised with words left over that were not understood).
    private var reportsPairs: [Bool] = []
    private(set) var patientIDs = ByteStringTable(expectedCount: 4096)
    /// Long-layout rows read but not yet joined to their patient.
    private var pending = PendingRows()
    /// The previous row's patient, since exports often list one patient's rows together.
    private var previousPatientID: Int32 = -1
    /// While spilling (no patient is interned): the previous row's patient id bytes.
    private var previousPatient: [UInt8] = []
    private(set) var intervals: [PrescriptionInterval] = []
    /// Spans read by a second reader over the later part of the file, kept apart so that
    /// joining the halves never copies them.
    private(set) var laterIntervals: [PrescriptionInterval] = []
    /// The current run of rows' patient and, per drug, its latest span: exports list a
    /// patient's rows in runs, so refills merge here without a map over all patients.
    private var runDrugs: [(drug: Int32, index: Int)] = []
    private var runPatient: Int32 = -1
    /// Each patient's medications: unrecognised names always, every one for JSONL.
    private(set) var patientMedications = PatientMedicationLists()
    /// The earliest problems, at most ``maxKeptProblems`` from each source; ``problemCount`` counts them all.
    private(set) var problems: [CSVProblem] = []
    private(set) var problemCount = 0
    /// Dates that could not be read or a stop before its start: the row is still checked
    /// (see ``readDates(_:columns:)``), and the earliest ``maxKeptProblems`` are kept for the summary.
    private(set) var dateProblems: [CSVProblem] = []
    private(set) var dateProblemCount = 0
    /// Bad rows past this many are counted but not kept, so a file of bad rows cannot fill memory.
    static let maxKeptProblems = 1_000
    private(set) var rowsRead = 0

    // MARK: Spilling (see ``BatchChecker``)

    private var spillPolicy: SpillPolicy
    /// Where rows go once this reader holds more than the policy allows; then no patient is held.
    private var spill: PartitionFiles?
    /// The spill of a reader of the later part of the file, after ``absorb(_:lineOffset:)``, and
    /// how its medication ids map to this one's.
    private(set) var laterSpill: PartitionFiles?
    private var laterMedicationMap: [Int] = []
    /// The temporary files could not be made.
    private var spillFailure: Error?
    /// Whether this row's patient is the previous row's, while spilling: its repeats need no record.
    private var spillRepeatsPatient = false
    /// While replaying a partition: each patient's order key (its first record's), by patient id.
    private(set) var patientKeys: [Int64] = []
    /// Whether this pass replays one partition of a spill (``emptyPartition()``).
    private var isPartition = false

    /// The most names one wide-layout list may hold: each distinct unrecognised name costs a
    /// suggestion search, so a hostile row of fifty thousand names could otherwise run for minutes.
    static let maxListNames = 1_000

    init(resolver: MedicationResolver, relevantDrugs: [String: Int32], keepsAllPairs: Bool, spill: SpillPolicy = SpillPolicy()) {
        self.resolver = resolver
        self.relevantDrugs = relevantDrugs
        self.keepsAllPairs = keepsAllPairs
        spillPolicy = spill
    }

    // MARK: - The per-row path

    mutating func ingest(_ record: borrowing CSVRecord, columns: Columns) {
        rowsRead += 1
        guard record.count == columns.fieldCount else {
            report(CSVProblem(line: record.line, message:
                "expected \(columns.fieldCount) fields as in the header, found \(record.count); the row was skipped"))
            return
        }
        let patientBytes = record.bytes(columns.patient)
        let medicationBytes = record.bytes(columns.medication)
        guard Self.isValidUTF8(patientBytes), Self.isValidUTF8(medicationBytes) else {
            report(CSVProblem(line: record.line, message: "invalid UTF-8 in the patient or medication field; the row was skipped"))
            return
        }
        guard Self.trimmed(patientBytes).count > 0 else {
            report(CSVProblem(line: record.line, message:
                "the patient id is empty; the row was skipped (it cannot be joined to any patient's other rows)"))
            return
        }
        if columns.isLong {
            let name = Self.trimmed(medicationBytes)
            var row = PendingRows.Row(hash: 0, number: rowsRead, medication: -1, start: 0, stop: 0,
                                      patientLength: Int32(truncatingIfNeeded: patientBytes.count), repeatsPrevious: false)
            if name.count > 0 {
                let medication = medicationID(name)
                medicationRows[medication] += 1
                row.medication = Int32(medication)
                // Every row's dates are checked, so what is reported does not depend on which drugs the rules mention.
                (row.start, row.stop) = readDates(record, columns: columns)
            }
            queue(row, patient: patientBytes)
        } else {
            checkSpillBudget()
            let patient = spill == nil ? patientID(patientBytes) : spilledPatient(patientBytes)
            let split = columns.listSeparator ?? (medicationBytes.contains(0x3B) ? 0x3B : 0x7C)
            var separators = 0
            for byte in medicationBytes where byte == split { separators += 1 }
            guard separators < Self.maxListNames else {
                report(CSVProblem(line: record.line, message:
                    "the list has \(separators + 1) names; a row holds at most \(Self.maxListNames); the row was skipped"))
                return
            }
            var partStart = 0
            var named = false
            for index in 0...medicationBytes.count where index == medicationBytes.count || medicationBytes[index] == split {
                let name = Self.trimmed(UnsafeRawBufferPointer(rebasing: medicationBytes[partStart..<index]))
                partStart = index + 1
                guard name.count > 0 else { continue }
                let medication = medicationID(name)
                let range = count(medication, patient: patient)
                named = true
                if patient < 0 {
                    spillRow(medication: medication, start: PrescriptionInterval.openStart, stop: PrescriptionInterval.ongoing,
                             patient: patientBytes, key: rowsRead)
                } else {
                    remember(range, patient: patient, start: PrescriptionInterval.openStart, stop: PrescriptionInterval.ongoing)
                }
            }
            if patient < 0, !named { spillRow(medication: -1, start: 0, stop: 0, patient: patientBytes, key: rowsRead) }
        }
    }

    /// Starts spilling once what this reader holds passes the budget; checked before each row's patient is joined.
    @inline(__always)
    private mutating func checkSpillBudget() {
        if spill == nil, SpillPolicy.estimatedBytes(patients: patientIDs.count, spans: intervals.count,
                                                    medicationListBytes: patientMedications.byteCount) >= spillPolicy.heldBytes {
            startSpilling()
        }
    }

    // MARK: Joining rows to patients a few rows late

    /// Queues a long-layout row of a new patient: its patient's slot in the table starts loading
    /// now, the key that slot points at a few rows later, and the row is joined to its patient a
    /// few rows after that (see ``PendingRows``), when both are in cache. A row of the previous
    /// row's patient is joined at once, after any queued rows.
    @inline(__always)
    private mutating func queue(_ row: PendingRows.Row, patient: UnsafeRawBufferPointer) {
        var row = row
        guard patient.count <= PendingRows.maxPatientBytes else {
            finishQueuedRows()
            row.hash = ByteStringTable.hash(patient)
            return finish(row, patient: patient)
        }
        // The previous row's patient again (exports list a patient's rows together): with the
        // queue empty, joined at once; else the queued rows are joined first, so that the
        // patient's next rows need no queue. Only rows of a new patient wait.
        if pending.count == 0, spill == nil, previousPatientID >= 0, patientIDs.isLatest(patient) {
            row.repeatsPrevious = true
            return finish(row, patient: patient)
        }
        if pending.newestPatientIs(patient) {
            finishQueuedRows()
            row.repeatsPrevious = true
            return finish(row, patient: patient)
        }
        if pending.isFull { finishOldestRow() }
        if spill == nil {
            // (Once spilling, a reader spills to the end of its part: the partition files hash the id themselves.)
            row.hash = ByteStringTable.hash(patient)
            patientIDs.prefetchSlot(hash: row.hash)
        }
        pending.push(row, patient: patient)
        if spill == nil, let ahead = pending.row(behindNewest: PendingRows.keyDistance), !ahead.repeatsPrevious {
            patientIDs.prefetchKey(hash: ahead.hash)
        }
    }

    @inline(__always)
    private mutating func finishOldestRow() {
        withUnsafeTemporaryAllocation(byteCount: PendingRows.maxPatientBytes, alignment: 8) { buffer in
            let row = pending.popOldest(into: buffer)
            finish(row, patient: UnsafeRawBufferPointer(rebasing: buffer[0..<Int(row.patientLength)]))
        }
    }

    /// Joins every queued row to its patient: at the end of the input, and before anything reads what the rows added.
    mutating func finishQueuedRows() {
        while pending.count > 0 { finishOldestRow() }
    }

    /// What a long-layout row adds once its patient is known: the patient, the pair for the
    /// report, the spans of the drugs that matter, or (while spilling) a record in its partition.
    @inline(__always)
    private mutating func finish(_ row: PendingRows.Row, patient patientBytes: UnsafeRawBufferPointer) {
        checkSpillBudget()
        let patient: Int32
        if spill != nil {
            patient = spilledPatient(patientBytes)
        } else if row.repeatsPrevious, previousPatientID >= 0 {
            patient = previousPatientID
        } else {
            let hash = row.repeatsPrevious ? ByteStringTable.hash(patientBytes) : row.hash
            previousPatientID = Int32(patientIDs.intern(patientBytes, hash: hash).id)
            patient = previousPatientID
        }
        guard row.medication >= 0 else {
            if patient < 0 { spillRow(medication: -1, start: 0, stop: 0, patient: patientBytes, key: row.number) }
            return
        }
        let medication = Int(row.medication)
        if reportsPairs[medication], patient >= 0 {
            patientMedications.insert(patient: patient, medication: row.medication)
        }
        if patient < 0 {
            return spillRow(medication: medication, start: row.start, stop: row.stop, patient: patientBytes, key: row.number)
        }
        let range = relevantRanges[medication]
        guard range.count > 0 else { return }
        remember(range, patient: patient, start: row.start, stop: row.stop)
    }

    /// The row's span of days. An empty date is open (unknown start, ongoing). A date that is
    /// not an ISO date is reported and read as empty, so the row can overlap anything rather
    /// than be missed; a stop before its start is reported and the two dates are swapped.
    private mutating func readDates(_ record: borrowing CSVRecord, columns: Columns) -> (start: Int32, stop: Int32) {
        var start = columns.start < 0 ? PrescriptionInterval.openStart
            : readDate(record.bytes(columns.start), column: columns.startName, line: record.line,
                       orElse: PrescriptionInterval.openStart, meaning: "as if its start were unknown")
        var stop = columns.stop < 0 ? PrescriptionInterval.ongoing
            : readDate(record.bytes(columns.stop), column: columns.stopName, line: record.line,
                       orElse: PrescriptionInterval.ongoing, meaning: "as if it were ongoing")
        if stop < start {
            reportDate(CSVProblem(line: record.line, message: "\(columns.stopName) \(DayNumber.format(stop)) is before "
                + "\(columns.startName) \(DayNumber.format(start)); the row was checked from \(DayNumber.format(stop)) "
                + "to \(DayNumber.format(start)) (the two dates swapped)"))
            swap(&start, &stop)
        }
        return (start, stop)
    }

    /// A date field's day number; `orElse` when it is empty, or (reported) when it is not an ISO date.
    private mutating func readDate(_ field: UnsafeRawBufferPointer, column: String, line: Int, orElse open: Int32,
                                   meaning: String) -> Int32 {
        if let day = DayNumber.parse(field) { return day }
        if Self.trimmed(field).count > 0 {
            reportDate(CSVProblem(line: line, message: "\(column) '\(Self.shown(field))' is not a date "
                + "(expected YYYY-MM-DD); the row was checked \(meaning)"))
        }
        return open
    }

    /// A field as a message quotes it: control characters escaped, at most 40 characters.
    private static func shown(_ field: UnsafeRawBufferPointer) -> String {
        BatchSummary.displayed(String(decoding: field, as: UTF8.self), limit: 40)
    }

    /// The id of a patient, reusing the previous row's when it is the same patient.
    @inline(__always)
    private mutating func patientID(_ bytes: UnsafeRawBufferPointer) -> Int32 {
        if previousPatientID >= 0, patientIDs.isLatest(bytes) {
            return previousPatientID
        }
        previousPatientID = Int32(patientIDs.intern(bytes).id)
        return previousPatientID
    }

    /// The id of a medication string, resolving it the first time it is seen.
    @inline(__always)
    private mutating func medicationID(_ bytes: UnsafeRawBufferPointer) -> Int {
        let (id, isNew) = medicationNames.intern(bytes)
        if isNew { addResolution(of: String(decoding: bytes, as: UTF8.self)) }
        return id
    }

    private mutating func addResolution(of text: String) {
        let resolution = (try? resolver.resolve(text)) ?? .unrecognized(UnrecognizedMedication(input: text, suggestions: []))
        resolutions.append(resolution)
        medicationRows.append(0)
        if case .recognized(let medication) = resolution {
            reportsPairs.append(keepsAllPairs || !medication.unmatchedWords.isEmpty)
            let relevant = medication.drugs.compactMap { relevantDrugs[$0] }
            relevantRanges.append((Int32(relevantPool.count), Int32(relevant.count)))
            relevantPool += relevant
        } else {
            reportsPairs.append(true)
            relevantRanges.append((-1, 0))
        }
    }

    /// Counts a row for the medication and returns its relevant drugs as a range of `relevantPool`.
    @inline(__always)
    private mutating func count(_ medication: Int, patient: Int32) -> (start: Int32, count: Int32) {
        medicationRows[medication] += 1
        let range = relevantRanges[medication]
        if reportsPairs[medication], patient >= 0 {
            patientMedications.insert(patient: patient, medication: Int32(medication))
        }
        return range
    }

    @inline(__always)
    private mutating func remember(_ range: (start: Int32, count: Int32), patient: Int32, start: Int32, stop: Int32) {
        var offset = Int(range.start)
        let end = offset + Int(range.count)
        while offset < end {
            remember(PrescriptionInterval(patient: patient, drug: relevantPool[offset], start: start, stop: stop))
            offset += 1
        }
    }

    /// Adds a prescription span, merging it into the same patient's latest span of the drug
    /// in the current run of rows when they touch; spans that touch across runs are joined after sorting.
    @inline(__always)
    private mutating func remember(_ interval: PrescriptionInterval) {
        if interval.patient != runPatient {
            runPatient = interval.patient
            runDrugs.removeAll(keepingCapacity: true)
        }
        for (position, entry) in runDrugs.enumerated() where entry.drug == interval.drug {
            let last = intervals[entry.index]
            let touches = interval.start <= (last.stop == .max ? .max : last.stop + 1)
                && (interval.stop == .max || interval.stop + 1 >= last.start)
            if touches {
                intervals[entry.index].start = min(last.start, interval.start)
                intervals[entry.index].stop = max(last.stop, interval.stop)
            } else {
                runDrugs[position].index = intervals.count
                intervals.append(interval)
            }
            return
        }
        runDrugs.append((interval.drug, intervals.count))
        intervals.append(interval)
    }

    /// A field without surrounding spaces and tabs.
    @inline(__always)
    private static func trimmed(_ part: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var lower = 0
        var upper = part.count
        while lower < upper, part[lower] == 0x20 || part[lower] == 0x09 { lower += 1 }
        while upper > lower, part[upper - 1] == 0x20 || part[upper - 1] == 0x09 { upper -= 1 }
        return UnsafeRawBufferPointer(rebasing: part[lower..<upper])
    }

    /// ASCII is checked eight bytes at a time; anything else is validated properly.
    @inline(__always)
    private static func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        var high: UInt64 = 0
        while offset + 8 <= bytes.count {
            high |= bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            offset += 8
        }
        while offset < bytes.count {
            high |= UInt64(bytes[offset])
            offset += 1
        }
        return high & 0x8080_8080_8080_8080 == 0 || String(validating: bytes, as: UTF8.self) != nil
    }

    // MARK: - Combining two halves

    /// Adds what `later` read (the part of the input after this one's) as if this pass had read it;
    /// its problem lines are shifted by `lineOffset`.
    mutating func absorb(_ later: inout BatchIngest, lineOffset: Int) {
        finishQueuedRows()
        later.finishQueuedRows()
        rowsRead += later.rowsRead
        problems += later.problems.map { CSVProblem(line: $0.line + lineOffset, message: $0.message) }
        problemCount += later.problemCount
        dateProblems += later.dateProblems.map { CSVProblem(line: $0.line + lineOffset, message: $0.message) }
        dateProblemCount += later.dateProblemCount
        let patientMap = patientIDs.intern(allOf: later.patientIDs)
        var medicationMap: [Int] = []
        for id in 0..<later.medicationNames.count {
            let (mine, isNew) = later.medicationNames.withBytes(id) { medicationNames.intern($0) }
            if isNew {
                resolutions.append(later.resolutions[id])
                reportsPairs.append(later.reportsPairs[id])
                medicationRows.append(0)
                let range = later.relevantRanges[id]
                if range.start < 0 {
                    relevantRanges.append(range)
                } else {
                    relevantRanges.append((Int32(relevantPool.count), range.count))
                    relevantPool += later.relevantPool[Int(range.start)..<Int(range.start + range.count)]
                }
            }
            medicationRows[mine] += later.medicationRows[id]
            medicationMap.append(mine)
        }
        laterIntervals = later.intervals
        later.intervals = []
        for index in laterIntervals.indices {
            laterIntervals[index].patient = patientMap[Int(laterIntervals[index].patient)]
        }
        patientMedications.absorb(&later.patientMedications, patientMap: patientMap, medicationMap: medicationMap)
        if later.spill != nil {
            laterSpill = later.spill
            later.spill = nil
            laterMedicationMap = medicationMap
        }
        spillFailure = spillFailure ?? later.spillFailure
        // What the later pass read is all here now: let its tables go before the report.
        later.patientIDs = ByteStringTable(expectedCount: 16)
        later.medicationNames = ByteStringTable(expectedCount: 16)
        previousPatientID = -1
        runPatient = -1
    }

    /// Sorts both sets of spans by patient, drug and start, in place, joins those that touch, and
    /// groups the medication pairs by patient: three jobs shared by two threads.
    mutating func finishReading() {
        finishQueuedRows()
        previousPatient = []
        runDrugs = []
        // A replayed partition's patients are all its spans' (see ``IntervalSorter/sort(_:patientCount:)``).
        let patientCount = isPartition ? patientIDs.count : nil
        let sets = [SpanSet(intervals, patientCount: patientCount), SpanSet(laterIntervals, patientCount: patientCount)]
        let lists = MedicationListSet(patientMedications, patientCount: patientIDs.count)
        intervals = []
        laterIntervals = []
        patientMedications = PatientMedicationLists()
        // Grouping first: it takes about as long as both sorts (JSON Lines), so one thread groups while
        // the other sorts; started last, it ran alone after them (15 ms instead of 10 at a million rows).
        DispatchQueue.concurrentPerform(iterations: 3) { job in
            if job == 0 { lists.group() } else { sets[job - 1].sortAndCoalesce() }
        }
        (intervals, laterIntervals) = (sets[0].spans, sets[1].spans)
        patientMedications = lists.lists
    }
}

// MARK: - Spilling to partitions

extension BatchIngest {
    /// Whether rows were spilled, so the report must be made partition by partition.
    var hasSpilled: Bool { spill != nil || laterSpill != nil || spillFailure != nil }

    /// Spills what this reader holds, if it has not yet, so that it and another reader that
    /// spilled can be reported together.
    mutating func spillEverything() {
        finishQueuedRows()
        if spill == nil { startSpilling() }
    }

    /// Moves every patient held into the partition files, and sends the rows that follow there too.
    /// The held patients' keys are their ids, which follow the order of their first rows and are
    /// all below the key of any later row (a row's key is its count, and a patient has a row).
    private mutating func startSpilling() {
        let files: PartitionFiles
        do {
            files = try PartitionFiles(count: spillPolicy.partitions, under: spillPolicy.directory)
        } catch {
            spillFailure = error
            spillPolicy.heldBytes = .max
            return
        }
        for patient in 0..<patientIDs.count {
            patientIDs.withBytes(patient) { files.append(key: Int64(patient), kind: .row, value: -1, patient: $0) }
        }
        for span in intervals {
            patientIDs.withBytes(Int(span.patient)) {
                files.append(key: Int64(span.patient), kind: .span, value: span.drug, start: span.start, stop: span.stop, patient: $0)
            }
        }
        patientMedications.group(patientCount: patientIDs.count)
        var medications: [Int] = []
        for patient in 0..<patientIDs.count {
            patientMedications.medications(of: Int32(patient), into: &medications)
            for medication in medications {
                patientIDs.withBytes(patient) { files.append(key: Int64(patient), kind: .pair, value: Int32(medication), patient: $0) }
            }
        }
        spill = files
        patientIDs = ByteStringTable(expectedCount: 16)
        intervals = []
        patientMedications = PatientMedicationLists()
        runDrugs = []
        runPatient = -1
        previousPatientID = -1
        previousPatient.removeAll()
    }

    /// While spilling: notes whether the row's patient is the previous row's, and returns -1 (no id).
    @inline(__always)
    private mutating func spilledPatient(_ bytes: UnsafeRawBufferPointer) -> Int32 {
        spillRepeatsPatient = previousPatient.count == bytes.count
            && (bytes.count == 0 || previousPatient.withUnsafeBytes { memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 })
        if !spillRepeatsPatient {
            previousPatient.removeAll(keepingCapacity: true)
            previousPatient.append(contentsOf: bytes)
        }
        return -1
    }

    /// Writes a row's medication (-1: none) to its patient's partition, unless it is a repeat of the
    /// previous row's patient that neither a rule nor the report's medication lists need.
    @inline(__always)
    private mutating func spillRow(medication: Int, start: Int32, stop: Int32, patient: UnsafeRawBufferPointer, key: Int) {
        if spillRepeatsPatient, medication < 0 || (relevantRanges[medication].count == 0 && !reportsPairs[medication]) { return }
        spill?.append(key: Int64(key), kind: .row, value: Int32(medication), start: start, stop: stop, patient: patient)
    }

    /// Writes out what the spills buffer; throws if the files could not be made or written.
    func finishSpilling() throws {
        if let spillFailure { throw spillFailure }
        try spill?.finishWriting()
        try laterSpill?.finishWriting()
    }

    /// Hands over the partition files once every partition is replayed, to be let go: closing them
    /// frees their pages, a tenth of a second at 10 million rows (see ``PartitionFiles/release(_:)``).
    mutating func takeSpills() -> [PartitionFiles] {
        defer {
            spill = nil
            laterSpill = nil
        }
        return [spill, laterSpill].compactMap { $0 }
    }

    /// How many partitions the rows were spilled into.
    var partitionCount: Int { spill?.count ?? laterSpill?.count ?? 0 }

    /// A pass that holds nothing but this one's medications, to replay one partition into.
    func emptyPartition() -> BatchIngest {
        var empty = BatchIngest(resolver: resolver, relevantDrugs: relevantDrugs, keepsAllPairs: keepsAllPairs, spill: spillPolicy)
        empty.isPartition = true
        empty.medicationNames = medicationNames
        empty.resolutions = resolutions
        empty.medicationRows = medicationRows
        empty.relevantRanges = relevantRanges
        empty.relevantPool = relevantPool
        empty.reportsPairs = reportsPairs
        return empty
    }

    /// Replays one partition of `spilled`'s records (its own reader's, then the later reader's):
    /// the patients, spans and pairs come back as if only that partition's rows had been read,
    /// each patient with the key of its first row (the later reader's keys follow all of the first's).
    mutating func replay(partition: Int, of spilled: BatchIngest) throws {
        try spilled.spill?.forEachRecord(in: partition) { replay($0, keyOffset: 0, medicationMap: nil) }
        // The later reader's spans are kept apart, as when nothing spills, so that the two sets
        // are sorted on two threads (``finishReading()``).
        let first = intervals
        intervals = []
        runPatient = -1
        try spilled.laterSpill?.forEachRecord(in: partition) {
            replay($0, keyOffset: 1 << 40, medicationMap: spilled.laterMedicationMap)
        }
        laterIntervals = intervals
        intervals = first
        runPatient = -1
    }

    @inline(__always)
    private mutating func replay(_ record: PartitionFiles.Record, keyOffset: Int64, medicationMap: [Int]?) {
        let (id, isNew) = patientIDs.intern(record.patient)
        if isNew { patientKeys.append(record.key + keyOffset) }
        let patient = Int32(id)
        switch record.kind {
        case .row:
            guard record.value >= 0 else { return }
            let medication = medicationMap?[Int(record.value)] ?? Int(record.value)
            if reportsPairs[medication] { patientMedications.insert(patient: patient, medication: Int32(medication)) }
            remember(relevantRanges[medication], patient: patient, start: record.start, stop: record.stop)
        case .span:
            remember(PrescriptionInterval(patient: patient, drug: record.value, start: record.start, stop: record.stop))
        case .pair:
            let medication = medicationMap?[Int(record.value)] ?? Int(record.value)
            patientMedications.insert(patient: patient, medication: Int32(medication))
        }
    }
}

extension BatchIngest {
    /// Adds problems found outside the per-row path (the header, the reader itself): the kept
    /// ones, and how many there were in all.
    mutating func absorbHeaderProblems(_ extra: [CSVProblem], total: Int? = nil) {
        problems += extra
        problemCount += total ?? extra.count
    }

    /// Counts a bad row, keeping it while fewer than ``maxKeptProblems`` are kept.
    private mutating func report(_ problem: CSVProblem) {
        problemCount += 1
        if problems.count < Self.maxKeptProblems { problems.append(problem) }
    }

    /// Counts a date that was not understood or a reversed span, keeping it while fewer than ``maxKeptProblems`` are kept.
    private mutating func reportDate(_ problem: CSVProblem) {
        dateProblemCount += 1
        if dateProblems.count < Self.maxKeptProblems { dateProblems.append(problem) }
    }
}

/// Collects a reader's problems: the first ``BatchIngest/maxKeptProblems`` kept, all counted.
struct ProblemCollector {
    private(set) var kept: [CSVProblem] = []
    private(set) var total = 0

    mutating func add(_ problem: CSVProblem) {
        total += 1
        if kept.count < BatchIngest.maxKeptProblems { kept.append(problem) }
    }
}

/// The medication lists of a batch while a thread groups them (see ``SpanSet``).
private final class MedicationListSet: @unchecked Sendable {
    var lists: PatientMedicationLists
    let patientCount: Int

    init(_ lists: PatientMedicationLists, patientCount: Int) {
        self.lists = lists
        self.patientCount = patientCount
    }

    func group() {
        lists.group(patientCount: patientCount)
    }
}

/// One set of spans of a batch while a thread sorts it; each thread has its own.
private final class SpanSet: @unchecked Sendable {
    var spans: [PrescriptionInterval]
    /// How many patients the spans' ids run to, when they are sorted by counting them; nil: in place.
    let patientCount: Int?

    init(_ spans: [PrescriptionInterval], patientCount: Int?) {
        self.spans = spans
        self.patientCount = patientCount
    }

    func sortAndCoalesce() {
        if let patientCount {
            IntervalSorter.sort(&spans, patientCount: patientCount)
        } else {
            IntervalSorter.sort(&spans)
        }
        IntervalSorter.coalesce(&spans)
    }
}
