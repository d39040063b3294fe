import Foundation

/// Writes one patient's `batch --format jsonl` line from pieces encoded once: byte for byte what
/// `JSONEncoder` makes of a ``PatientReport`` (sorted keys, slashes unescaped), without running
/// it per patient (issue 13: it cost about 300 instructions per output byte).
///
/// Each medication, unrecognised name, finding, guidance set and burden is encoded once, with
/// the encoder itself, and reused; what varies per patient (the id, overlap dates, duplicates,
/// the highest severity) is spliced in. A string is written as is when it is printable ASCII
/// without a quote or backslash, which the encoder leaves alone too; anything else goes through
/// the encoder. ``BatchOptions/encodesEveryPatient`` keeps the encoder path, for the parity test.
final class PatientJSONLineWriter {
    private let knowledgeBase: KnowledgeBase
    private let minimumSeverity: Severity
    /// By medication id: the encoded ``ResolvedMedication`` or ``UnrecognizedMedication``.
    private var medicationJSON: [[UInt8]?] = []
    /// Guidance, by the effects found and the effects listed (bit masks over `Effect.allCases`); nil: none applies.
    private var guidanceJSON: [Int: [UInt8]?] = [:]
    private var guidanceByEffects: [Int: [Guidance]] = [:]
    /// The burden, by the sorted drugs that contribute to it.
    private var burdenJSON: [[String]: [UInt8]] = [:]
    private var strengths: [String: SerotonergicStrength?] = [:]
    private var tremorRisks: [String: TremorRisk?] = [:]
    /// Reused from patient to patient.
    private var drugs: [String] = []

    init(knowledgeBase: KnowledgeBase, minimumSeverity: Severity) {
        self.knowledgeBase = knowledgeBase
        self.minimumSeverity = minimumSeverity
    }

    /// Appends the patient's line: `findings` are all the patient's findings, most severe first;
    /// `medications` the patient's medication ids in ascending order.
    func write(patient: String, findings: [(finding: RenderedFinding, overlap: Int32?)], medications: [Int],
               resolutions: [Resolution], to output: OutputSink) throws {
        var allRecognized = true
        drugs.removeAll(keepingCapacity: true)
        for id in medications {
            switch resolutions[id] {
            case .recognized(let medication):
                if !medication.unmatchedWords.isEmpty { allRecognized = false }
                for drug in medication.drugs where !drugs.contains(drug) { drugs.append(drug) }
            case .unrecognized:
                allRecognized = false
            }
        }
        output.append(allRecognized ? #"{"all_recognized":true,"burden":"#.utf8 : #"{"all_recognized":false,"burden":"#.utf8)
        output.append(try burden())
        output.append(#","duplicates":["#.utf8)
        try appendDuplicates(medications: medications, resolutions: resolutions, to: output)
        output.append(#"],"findings":["#.utf8)
        var allEffects = 0
        var listedEffects = 0
        var highest: Severity?
        var listed = 0
        for item in findings {
            let finding = item.finding.finding
            let bit = 1 << Effect.allCases.firstIndex(of: finding.effect)!
            allEffects |= bit
            if highest.map({ finding.severity > $0 }) ?? true { highest = finding.severity }
            guard finding.severity >= minimumSeverity else { continue }
            listedEffects |= bit
            if listed > 0 { output.append(byte: 0x2C) }
            listed += 1
            output.append(item.finding.jsonHead)
            if let day = item.overlap {
                output.append(byte: 0x22)
                output.appendDay(day)
                output.append(byte: 0x22)
            } else {
                output.append("null".utf8)
            }
            output.append(item.finding.jsonTail)
        }
        output.append(byte: 0x5D)
        if minimumSeverity > .minor {
            output.append(#","findings_left_out":"#.utf8)
            output.append(String(findings.count - listed).utf8)
        } else {
            listedEffects = allEffects
        }
        if let guidance = try guidance(all: allEffects, listed: listedEffects) {
            output.append(#","guidance":"#.utf8)
            output.append(guidance)
        }
        output.append(#","highest_severity":"#.utf8)
        if let highest {
            output.append(byte: 0x22)
            output.append(highest.rawValue.utf8)
            output.append(byte: 0x22)
        } else {
            output.append("null".utf8)
        }
        output.append(#","medications":["#.utf8)
        try appendMedications(medications, resolutions: resolutions, recognized: true, to: output)
        output.append(byte: 0x5D)
        if minimumSeverity > .minor {
            output.append(#","min_severity":""#.utf8)
            output.append(minimumSeverity.rawValue.utf8)
            output.append(byte: 0x22)
        }
        output.append(#","patient":"#.utf8)
        try Self.appendString(patient, to: output)
        output.append(#","unrecognized":["#.utf8)
        try appendMedications(medications, resolutions: resolutions, recognized: false, to: output)
        output.append("]}\n".utf8)
    }

    // MARK: - Pieces

    private func appendMedications(_ medications: [Int], resolutions: [Resolution], recognized: Bool,
                                   to output: OutputSink) throws {
        var first = true
        for id in medications {
            let isRecognized = if case .recognized = resolutions[id] { true } else { false }
            guard isRecognized == recognized else { continue }
            if !first { output.append(byte: 0x2C) }
            first = false
            if id >= medicationJSON.count { medicationJSON += Array(repeating: nil, count: id + 1 - medicationJSON.count) }
            if medicationJSON[id] == nil {
                medicationJSON[id] = switch resolutions[id] {
                case .recognized(let medication): Array(try ReportEncoding.jsonLine(medication).utf8)
                case .unrecognized(let name): Array(try ReportEncoding.jsonLine(name).utf8)
                }
            }
            output.append(medicationJSON[id]!)
        }
    }

    /// ``DuplicateDrug/find(in:)``'s list, written field by field.
    private func appendDuplicates(medications: [Int], resolutions: [Resolution], to output: OutputSink) throws {
        var first = true
        for drug in drugs {
            var inputs: [String] = []
            for id in medications {
                if case .recognized(let medication) = resolutions[id], medication.drugs.contains(drug) {
                    inputs.append(medication.input)
                }
            }
            guard inputs.count > 1 else { continue }
            if !first { output.append(byte: 0x2C) }
            first = false
            output.append(#"{"drug":"#.utf8)
            try Self.appendString(drug, to: output)
            output.append(#","inputs":["#.utf8)
            for (position, input) in inputs.enumerated() {
                if position > 0 { output.append(byte: 0x2C) }
                try Self.appendString(input, to: output)
            }
            output.append("]}".utf8)
        }
    }

    /// The burden of the patient's drugs (``drugs``), from the drugs that contribute to it.
    private func burden() throws -> [UInt8] {
        let unseen = drugs.filter { strengths[$0] == nil }
        if !unseen.isEmpty {
            let newStrengths = try knowledgeBase.serotonergicStrengths(of: unseen)
            let newRisks = try knowledgeBase.tremorRisks(of: unseen)
            for drug in unseen {
                strengths[drug] = .some(newStrengths[drug])
                tremorRisks[drug] = .some(newRisks[drug])
            }
        }
        let contributing = drugs.filter { strengths[$0]! != nil || tremorRisks[$0]! != nil }.sorted()
        if let cached = burdenJSON[contributing] { return cached }
        let burden = BurdenCalculator.burden(
            strengths: Dictionary(uniqueKeysWithValues: contributing.compactMap { drug in strengths[drug]!.map { (drug, $0) } }),
            tremorRisks: Dictionary(uniqueKeysWithValues: contributing.compactMap { drug in tremorRisks[drug]!.map { (drug, $0) } }))
        let encoded = Array(try ReportEncoding.jsonLine(burden).utf8)
        burdenJSON[contributing] = encoded
        return encoded
    }

    /// The guidance for the effects found, kept to those that go with a listed finding (as
    /// ``CheckReport/leavingOut(below:)`` does); nil when none applies.
    private func guidance(all: Int, listed: Int) throws -> [UInt8]? {
        let key = all << 16 | listed
        if let cached = guidanceJSON[key] { return cached }
        if guidanceByEffects[all] == nil {
            guidanceByEffects[all] = try knowledgeBase.guidance(for: Self.effects(all))
        }
        let effects = Set(Self.effects(listed))
        let found = guidanceByEffects[all]!
        let kept = minimumSeverity > .minor ? found.filter { !effects.isDisjoint(with: $0.effects) } : found
        let encoded = kept.isEmpty ? nil : Array(try ReportEncoding.jsonLine(kept).utf8)
        guidanceJSON[key] = encoded
        return encoded
    }

    private static func effects(_ mask: Int) -> [Effect] {
        Effect.allCases.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element)
    }

    /// A JSON string: as is when every byte is printable ASCII other than a quote or backslash
    /// (the encoder escapes nothing there, slashes being left alone), else as the encoder writes it.
    static func appendString(_ text: String, to output: OutputSink) throws {
        var plain = true
        for byte in text.utf8 where byte < 0x20 || byte > 0x7E || byte == 0x22 || byte == 0x5C {
            plain = false
            break
        }
        if plain {
            output.append(byte: 0x22)
            output.append(text.utf8)
            output.append(byte: 0x22)
        } else {
            let array = try ReportEncoding.jsonLine([text]).utf8
            output.append(array.dropFirst().dropLast())
        }
    }
}
