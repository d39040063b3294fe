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
    /// What a line needs of one medication string, worked out the first time a patient has it.
    private struct MedicationPiece {
        let recognized: Bool
        /// Recognised with no word left over.
        let understood: Bool
        /// Its drugs, as indexes into ``drugs``.
        let drugs: [Int]
        /// The encoded ``ResolvedMedication`` or ``UnrecognizedMedication``, and its input as a JSON string.
        let json: [UInt8]
        let inputJSON: [UInt8]
    }

    /// What a line needs of one drug.
    private struct DrugPiece {
        let name: String
        let nameJSON: [UInt8]
        let strength: SerotonergicStrength?
        let tremorRisk: TremorRisk?
    }

    private let knowledgeBase: KnowledgeBase
    private let minimumSeverity: Severity
    /// By medication id.
    private var medications: [MedicationPiece?] = []
    private var drugs: [DrugPiece] = []
    private var drugIndex: [String: Int] = [:]
    /// Guidance, by the effects found and the effects listed (bit masks over `Effect.allCases`); nil: none applies.
    private var guidanceJSON: [Int: [UInt8]?] = [:]
    private var guidanceByEffects: [Int: [Guidance]] = [:]
    /// The burden's two scores, by the drugs that contribute to each (sorted indexes), and its scale text.
    private var serotonergicJSON: [[Int]: [UInt8]] = [:]
    private var tremorJSON: [[Int]: [UInt8]] = [:]
    private var burdenScale: [UInt8] = []
    /// One patient's drugs, in the order first seen; reused from patient to patient.
    private var patientDrugs: [Int] = []

    init(knowledgeBase: KnowledgeBase, minimumSeverity: Severity) {
        self.knowledgeBase = knowledgeBase
        self.minimumSeverity = minimumSeverity
    }

    /// Appends the patient's line: `findings` are all the patient's findings, most severe first;
    /// `medications` the patient's medication ids in ascending order.
    func write(patient: String, findings: [(finding: RenderedFinding, overlap: Int32?)], medications ids: [Int],
               resolutions: [Resolution], to output: OutputSink) throws {
        var allRecognized = true
        patientDrugs.removeAll(keepingCapacity: true)
        for id in ids {
            let piece = try medication(id, resolutions)
            if !piece.understood { allRecognized = false }
            for drug in piece.drugs where !patientDrugs.contains(drug) { patientDrugs.append(drug) }
        }
        output.append(allRecognized ? #"{"all_recognized":true,"burden":"#.utf8 : #"{"all_recognized":false,"burden":"#.utf8)
        try burden(to: output)
        output.append(#","duplicates":["#.utf8)
        appendDuplicates(ids, to: output)
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
        try appendMedications(ids, resolutions: resolutions, recognized: true, to: output)
        output.append(byte: 0x5D)
        if minimumSeverity > .minor {
            output.append(#","min_severity":""#.utf8)
            output.append(minimumSeverity.rawValue.utf8)
            output.append(byte: 0x22)
        }
        output.append(#","patient":"#.utf8)
        try Self.appendString(patient, to: output)
        output.append(#","unrecognized":["#.utf8)
        try appendMedications(ids, resolutions: resolutions, recognized: false, to: output)
        output.append("]}\n".utf8)
    }

    // MARK: - Pieces

    private func medication(_ id: Int, _ resolutions: [Resolution]) throws -> MedicationPiece {
        if id < medications.count, let piece = medications[id] { return piece }
        if id >= medications.count { medications += Array(repeating: nil, count: id + 1 - medications.count) }
        let piece: MedicationPiece
        switch resolutions[id] {
        case .recognized(let medication):
            piece = MedicationPiece(recognized: true, understood: medication.unmatchedWords.isEmpty,
                                    drugs: try medication.drugs.map(drug), json: Array(try ReportEncoding.jsonLine(medication).utf8),
                                    inputJSON: try Self.string(medication.input))
        case .unrecognized(let name):
            piece = MedicationPiece(recognized: false, understood: false, drugs: [],
                                    json: Array(try ReportEncoding.jsonLine(name).utf8), inputJSON: try Self.string(name.input))
        }
        medications[id] = piece
        return piece
    }

    private func drug(_ name: String) throws -> Int {
        if let index = drugIndex[name] { return index }
        let strength = try knowledgeBase.serotonergicStrengths(of: [name])[name]
        let tremorRisk = try knowledgeBase.tremorRisks(of: [name])[name]
        drugs.append(DrugPiece(name: name, nameJSON: try Self.string(name), strength: strength, tremorRisk: tremorRisk))
        drugIndex[name] = drugs.count - 1
        return drugs.count - 1
    }

    private func appendMedications(_ ids: [Int], resolutions: [Resolution], recognized: Bool,
                                   to output: OutputSink) throws {
        var first = true
        for id in ids {
            let piece = try medication(id, resolutions)
            guard piece.recognized == recognized else { continue }
            if !first { output.append(byte: 0x2C) }
            first = false
            output.append(piece.json)
        }
    }

    /// ``DuplicateDrug/find(in:)``'s list, written field by field.
    private func appendDuplicates(_ ids: [Int], to output: OutputSink) {
        var first = true
        for drug in patientDrugs {
            var count = 0
            for id in ids where medications[id]!.drugs.contains(drug) { count += 1 }
            guard count > 1 else { continue }
            if !first { output.append(byte: 0x2C) }
            first = false
            output.append(#"{"drug":"#.utf8)
            output.append(drugs[drug].nameJSON)
            output.append(#","inputs":["#.utf8)
            var position = 0
            for id in ids where medications[id]!.drugs.contains(drug) {
                if position > 0 { output.append(byte: 0x2C) }
                position += 1
                output.append(medications[id]!.inputJSON)
            }
            output.append("]}".utf8)
        }
    }

    /// The burden of the patient's drugs: each of its two scores depends only on the drugs that
    /// contribute to it, so each is encoded once per set of those, by ``BurdenCalculator`` itself.
    private func burden(to output: OutputSink) throws {
        if burdenScale.isEmpty { burdenScale = try Self.string(BurdenScale.summary) }
        output.append(#"{"scale":"#.utf8)
        output.append(burdenScale)
        output.append(#","serotonergic":"#.utf8)
        let serotonergic = patientDrugs.filter { drugs[$0].strength != nil }.sorted()
        if serotonergicJSON[serotonergic] == nil {
            let score = BurdenCalculator.burden(strengths: Dictionary(uniqueKeysWithValues: serotonergic.map {
                (drugs[$0].name, drugs[$0].strength!) }), tremorRisks: [:]).serotonergic
            serotonergicJSON[serotonergic] = Array(try ReportEncoding.jsonLine(score).utf8)
        }
        output.append(serotonergicJSON[serotonergic]!)
        output.append(#","tremor":"#.utf8)
        let tremor = patientDrugs.filter { drugs[$0].tremorRisk != nil }.sorted()
        if tremorJSON[tremor] == nil {
            let score = BurdenCalculator.burden(strengths: [:], tremorRisks: Dictionary(uniqueKeysWithValues: tremor.map {
                (drugs[$0].name, drugs[$0].tremorRisk!) })).tremor
            tremorJSON[tremor] = Array(try ReportEncoding.jsonLine(score).utf8)
        }
        output.append(tremorJSON[tremor]!)
        output.append(byte: 0x7D)
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
    static func string(_ text: String) throws -> [UInt8] {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 <= 0x7E && $0 != 0x22 && $0 != 0x5C }) {
            return [0x22] + Array(text.utf8) + [0x22]
        }
        return Array(try ReportEncoding.jsonLine([text]).utf8.dropFirst().dropLast())
    }

    /// ``string(_:)`` appended without building an array when the text is plain.
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
