import Foundation

/// Evaluates and renders the patients of a batch, one at a time, into an ``OutputSink``.
///
/// Findings are computed once per drug and per drug pair and kept, rendered, for every
/// other patient who has them, so writing a row is a few appends. A struct, held in one variable
/// for the whole report: its state is then checked for exclusive access when compiled, where a
/// class's stored properties were checked at run time on every access (a tenth of a JSON Lines
/// run's instructions).
struct PatientReportWriter {
    /// The rules, with every relevant drug's classes and own risks already read.
    private let riskChecker: RiskChecker
    private let knowledgeBase: KnowledgeBase
    private let drugNames: [String]
    private let format: BatchOptions.OutputFormat
    private let minimumSeverity: Severity
    /// ``Severity/rank`` of `minimumSeverity`, compared with each finding's.
    private let minimumRank: Int
    /// Washout intervals between a stopped drug and one started after it (issue 11).
    private let washout: WashoutChecker
    /// Every finding rendered so far; a drug's own findings and a pair's are ranges of its indexes.
    private var table: RenderedFindingTable
    /// By drug id; nil until read.
    private var ownFindings: [Range<Int>?]
    /// By pair: a range of the table's indexes.
    private var pairFindings = DrugPairTable(filler: 0..<0)
    /// Each drug's rules by side (``RiskChecker/ruleSides(of:)``), read on first need.
    private var ruleSides: [Int32: (left: [UInt64], right: [UInt64])] = [:]
    /// By pair: whether a washout rule links the two drugs in either direction.
    private var washoutPairs: [Int64: Bool] = [:]
    /// One patient's spans grouped by drug (a range of the spans each), reused from patient to patient.
    private var groups: [(drug: Int32, start: Int, end: Int)] = []
    /// By medication id, ``hasOwnRow(_:)``: read once, not per patient (copying a resolution out of
    /// the array costs a retain and a release).
    private var hasOwnRow: [Bool] = []
    /// One patient's findings with their overlap day, reused from patient to patient.
    private var patientFindings: [(finding: Int32, overlap: Int32?)] = []
    /// Findings made, written or left out by the minimum severity, by severity rank - 1.
    private(set) var severityCounts = [0, 0, 0, 0]
    /// Findings left out because they are below the minimum severity.
    private(set) var leftOut = 0
    /// Guidance by the set of effects found, and each drug's burden facts, read once for all patients
    /// (the encoder path, ``BatchOptions/encodesEveryPatient``).
    private var guidanceByEffects: [Set<Effect>: [Guidance]] = [:]
    private var strengths: [String: SerotonergicStrength?] = [:]
    private var tremorRisks: [String: TremorRisk?] = [:]
    /// JSON Lines from pieces encoded once; nil for CSV or the encoder path.
    private var jsonLines: PatientJSONLineWriter?

    init(checker: MedicationChecker, drugNames: [String], format: BatchOptions.OutputFormat, minimumSeverity: Severity,
         encodesEveryPatient: Bool, keptScoreBytes: Int) throws {
        riskChecker = try checker.riskChecker.preloading(drugNames)
        knowledgeBase = checker.knowledgeBase
        self.drugNames = drugNames
        ownFindings = Array(repeating: nil, count: drugNames.count)
        self.format = format
        self.minimumSeverity = minimumSeverity
        minimumRank = minimumSeverity.rank
        jsonLines = format == .jsonl && !encodesEveryPatient
            ? PatientJSONLineWriter(knowledgeBase: checker.knowledgeBase, minimumSeverity: minimumSeverity,
                                    keptScoreBytes: keptScoreBytes) : nil
        table = RenderedFindingTable(rendersJSON: jsonLines != nil)
        washout = try WashoutChecker(knowledgeBase: checker.knowledgeBase, drugs: drugNames)
    }

    /// Evaluates one patient (the id's bytes; spans sorted by drug and start) and writes the result.
    mutating func write(patient: UnsafeRawBufferPointer, spans: [PrescriptionInterval], medications: [Int], resolutions: [Resolution],
               to output: OutputSink) throws {
        try evaluate(spans)
        try render(patient: patient, medications: medications, resolutions: resolutions, to: output)
        try output.flushIfFull()
    }

    // MARK: - Evaluating

    /// The patient's findings into `patientFindings`, most severe first, with overlap days for combinations.
    private mutating func evaluate(_ spans: [PrescriptionInterval]) throws {
        patientFindings.removeAll(keepingCapacity: true)
        guard !spans.isEmpty else { return }
        groups.removeAll(keepingCapacity: true)
        var groupStart = 0
        for index in spans.indices where index + 1 == spans.count || spans[index + 1].drug != spans[index].drug {
            groups.append((spans[index].drug, groupStart, index + 1))
            groupStart = index + 1
        }
        for group in groups {
            for index in try own(group.drug) {
                patientFindings.append((Int32(index), nil))
            }
        }
        for i in groups.indices {
            for j in groups.indices where j > i {
                let (a, b) = (groups[i], groups[j])
                let findings = try pair(a.drug, b.drug)
                guard !findings.isEmpty else { continue }
                guard let overlap = Self.firstOverlap(spans[a.start..<a.end], spans[b.start..<b.end]) else {
                    // In name order, so that a tie between the two directions never depends on the file's order.
                    let (first, second) = drugNames[Int(a.drug)] < drugNames[Int(b.drug)] ? (a, b) : (b, a)
                    if hasWashout(a.drug, b.drug), let (finding, day) = washout.firstViolation(
                        drugNames[Int(first.drug)], spans[first.start..<first.end],
                        drugNames[Int(second.drug)], spans[second.start..<second.end]) {
                        // Counted like every finding; --min-severity applies when writing.
                        patientFindings.append((table.index(ofAdHoc: finding), day))
                    }
                    continue
                }
                let day: Int32? = overlap == PrescriptionInterval.openStart ? nil : overlap
                for index in findings {
                    patientFindings.append((Int32(index), day))
                }
            }
        }
        table.sort(&patientFindings)
        table.entries.withUnsafeBufferPointer { entries in
            for item in patientFindings {
                let rank = entries[Int(item.finding)].severityRank
                severityCounts[rank - 1] += 1
                if rank < minimumRank { leftOut += 1 }
            }
        }
    }

    /// The first day on which a span of `a` and a span of `b` overlap, both sorted by start: one
    /// merge-like sweep in start order (linear, where comparing every pair was quadratic in a
    /// patient's spans). Two spans overlap from the later start, so the first span that starts
    /// while a span of the other drug is still running gives the earliest overlap.
    static func firstOverlap(_ a: ArraySlice<PrescriptionInterval>, _ b: ArraySlice<PrescriptionInterval>) -> Int32? {
        var i = a.startIndex
        var j = b.startIndex
        var runningA: Int32?
        var runningB: Int32?
        while i < a.endIndex || j < b.endIndex {
            if j == b.endIndex || (i < a.endIndex && a[i].start <= b[j].start) {
                if let stop = runningB, stop >= a[i].start { return a[i].start }
                runningA = max(runningA ?? .min, a[i].stop)
                i += 1
            } else {
                if let stop = runningA, stop >= b[j].start { return b[j].start }
                runningB = max(runningB ?? .min, b[j].stop)
                j += 1
            }
        }
        return nil
    }

    /// The drug's own findings, as a range of the table's indexes.
    private mutating func own(_ drug: Int32) throws -> Range<Int> {
        if let cached = ownFindings[Int(drug)] { return cached }
        let range = keep(try riskChecker.findings(for: [drugNames[Int(drug)]]))
        ownFindings[Int(drug)] = range
        return range
    }

    /// The pair's combination findings, as a range of the table's indexes.
    private mutating func pair(_ a: Int32, _ b: Int32) throws -> Range<Int> {
        if let cached = pairFindings[a, b] { return cached }
        let (sidesA, sidesB) = (try sides(a), try sides(b))
        let combine = sidesA.left.indices.contains { word in
            sidesA.left[word] & sidesB.right[word] | sidesB.left[word] & sidesA.right[word] != 0
        }
        let range = combine ? keep(try riskChecker.findings(for: [drugNames[Int(a)], drugNames[Int(b)]])
            .filter { $0.kind == .combination }) : 0..<0
        pairFindings.set(a, b, to: range)
        return range
    }

    /// Renders findings once and returns their indexes in the table.
    private mutating func keep(_ findings: [Finding]) -> Range<Int> {
        let start = table.entries.count
        for finding in findings { _ = table.add(finding) }
        return start..<table.entries.count
    }

    private mutating func sides(_ drug: Int32) throws -> (left: [UInt64], right: [UInt64]) {
        if let cached = ruleSides[drug] { return cached }
        let found = try riskChecker.ruleSides(of: drugNames[Int(drug)])
        ruleSides[drug] = found
        return found
    }

    private mutating func hasWashout(_ a: Int32, _ b: Int32) -> Bool {
        let key = Int64(min(a, b)) << 32 | Int64(max(a, b))
        if let cached = washoutPairs[key] { return cached }
        let (first, second) = (drugNames[Int(a)], drugNames[Int(b)])
        let found = washout.interval(stopped: first, started: second) != nil || washout.interval(stopped: second, started: first) != nil
        washoutPairs[key] = found
        return found
    }

    // MARK: - Rendering

    /// Whether a medication gets a CSV row of its own: not recognised, or recognised with words left over.
    private static func hasOwnRow(_ resolution: Resolution) -> Bool {
        switch resolution {
        case .recognized(let medication): !medication.unmatchedWords.isEmpty
        case .unrecognized: true
        }
    }

    private mutating func render(patient: UnsafeRawBufferPointer, medications: [Int], resolutions: [Resolution],
                                 to output: OutputSink) throws {
        if jsonLines != nil {
            return try jsonLines!.write(patient: patient, findings: patientFindings, table: table, medications: medications,
                                       resolutions: resolutions, to: output)
        }
        let unrecognized = { (medications: [Int]) -> [UnrecognizedMedication] in
            medications.compactMap { if case .unrecognized(let name) = resolutions[$0] { return name } else { return nil } }
        }
        switch format {
        case .csv:
            if hasOwnRow.count != resolutions.count { hasOwnRow = resolutions.map(Self.hasOwnRow) }
            let hasOwnRows = hasOwnRow.withUnsafeBufferPointer { hasOwnRow in medications.contains { hasOwnRow[$0] } }
            guard !patientFindings.isEmpty || hasOwnRows else { return }
            let quotedPatient = CSVFormatter.needsQuotes(patient)
                ? Array(CSVFormatter.fields([String(decoding: patient, as: UTF8.self)]).utf8) : nil
            let (entries, pool, minimumRank) = (table.entries, table.bytes, minimumRank)
            pool.withUnsafeBufferPointer { pool in
                entries.withUnsafeBufferPointer { entries in
                    output.withBuffer { out in
                        for item in patientFindings {
                            let entry = entries[Int(item.finding)]
                            guard entry.severityRank >= minimumRank else { continue }
                            if let quotedPatient { out.append(contentsOf: quotedPatient) } else { out.append(patient.assumingMemoryBound(to: UInt8.self)) }
                            out.append(UnsafeBufferPointer(rebasing: pool[entry.csvMiddle]))
                            if let day = item.overlap { out.appendDay(day) }
                            out.append(UnsafeBufferPointer(rebasing: pool[entry.csvEnd]))
                        }
                    }
                }
            }
            guard hasOwnRows else { return }
            let leftover: [ResolvedMedication] = medications.compactMap {
                if case .recognized(let medication) = resolutions[$0], !medication.unmatchedWords.isEmpty { return medication }
                return nil
            }
            let patientField = quotedPatient ?? Array(patient)
            for name in unrecognized(medications) {
                let hint = name.suggestions.isEmpty ? "" : "; did you mean: \(name.suggestions.joined(separator: ", "))"
                output.append(patientField)
                output.append(("," + CSVFormatter.fields([
                    "unrecognized", "", "", name.input, "", "not recognised, so not checked\(hint)", "", "", "",
                ]) + "\r\n").utf8)
            }
            for medication in leftover {
                output.append(patientField)
                output.append(("," + CSVFormatter.fields([
                    "unrecognized_words", "", "", medication.input, "",
                    "words not understood, so not checked: \(medication.unmatchedWords.joined(separator: ", ")) "
                        + "(recognised: \(medication.drugs.joined(separator: "+")))", "", "", "",
                ]) + "\r\n").utf8)
            }
        case .jsonl:
            let recognized: [ResolvedMedication] = medications.compactMap {
                if case .recognized(let medication) = resolutions[$0] { return medication } else { return nil }
            }
            let report = try checkReport(medications: recognized, unrecognized: unrecognized(medications))
            let findings = patientFindings.filter { table.entries[Int($0.finding)].severityRank >= minimumRank }
                .map { BatchFinding(finding: table.findings[Int($0.finding)], overlapStart: $0.overlap.map(DayNumber.format)) }
            output.append(try ReportEncoding.jsonLine(PatientReport(patient: String(decoding: patient, as: UTF8.self), report: report,
                                                                    findings: findings)).utf8)
            output.append(byte: 0x0A)
        }
    }
}

extension PatientReportWriter {
    /// The patient's report as `check` would make it, from the findings of ``evaluate(_:)``;
    /// guidance and burden facts are read once and reused.
    private mutating func checkReport(medications: [ResolvedMedication], unrecognized: [UnrecognizedMedication]) throws -> CheckReport {
        let findings = patientFindings.map { table.findings[Int($0.finding)] }
        let effects = Set(findings.map(\.effect))
        if guidanceByEffects[effects] == nil { guidanceByEffects[effects] = try knowledgeBase.guidance(for: effects) }
        var drugs: [String] = []
        for drug in medications.flatMap(\.drugs) where !drugs.contains(drug) { drugs.append(drug) }
        let unseen = drugs.filter { strengths[$0] == nil }
        if !unseen.isEmpty {
            let newStrengths = try knowledgeBase.serotonergicStrengths(of: unseen)
            let newRisks = try knowledgeBase.tremorRisks(of: unseen)
            for drug in unseen {
                strengths[drug] = .some(newStrengths[drug])
                tremorRisks[drug] = .some(newRisks[drug])
            }
        }
        let burden = BurdenCalculator.burden(
            strengths: Dictionary(uniqueKeysWithValues: drugs.compactMap { drug in strengths[drug]!.map { (drug, $0) } }),
            tremorRisks: Dictionary(uniqueKeysWithValues: drugs.compactMap { drug in tremorRisks[drug]!.map { (drug, $0) } }))
        let report = CheckReport(medications: medications, unrecognized: unrecognized, findings: findings,
                                 guidance: guidanceByEffects[effects], burden: burden)
        return minimumSeverity > .minor ? report.leavingOut(below: minimumSeverity) : report
    }
}
