import Foundation

/// Writes one patient's `batch --format jsonl` line from pieces encoded once: byte for byte what
/// `JSONEncoder` makes of a ``PatientReport`` (sorted keys, slashes unescaped), without running
/// it per patient (issue 13: it cost about 300 instructions per output byte).
///
/// Each medication, unrecognised name, drug name, guidance set and drug's share of a burden is
/// encoded once, with the encoder itself, into a pool of bytes, and reused; each burden score is
/// written once from those shares (``BurdenScale``'s rules, the encoder's layout), as each finding
/// is by ``RenderedFindingTable``; what varies per patient (the id, overlap dates, duplicates, the
/// highest severity) is spliced in. Tests compare all of it with the encoder. A patient's line is then
/// plain values and ranges of that pool copied into the output buffer in one access: no array is
/// copied, retained or allocated per patient. A string is written as is when it is printable ASCII
/// without a quote or backslash, which the encoder leaves alone too; anything else goes through
/// the encoder. ``BatchOptions/encodesEveryPatient`` keeps the encoder path, for the parity test.
/// A struct, for the reason ``PatientReportWriter`` is one.
struct PatientJSONLineWriter {
    /// What a line needs of one medication string, worked out the first time a patient has it.
    private struct MedicationPiece {
        var recognized: Bool
        /// Recognised with no word left over.
        var understood: Bool
        /// Its drugs: a range of ``drugPool``, whose values index ``drugs``.
        var drugs: Range<Int>
        /// The encoded ``ResolvedMedication`` or ``UnrecognizedMedication``, and its input as a JSON
        /// string: ranges of ``bytes``.
        var json: Range<Int>
        var inputJSON: Range<Int>
    }

    /// What a line needs of one drug (which scores it adds to is also kept apart: ``drugFlags``).
    private struct DrugPiece {
        let nameJSON: Range<Int>
        /// What the drug adds to each score, as the encoder writes it, and as a note lists it
        /// (``BurdenScale/noteItem(drug:points:)``, when that is plain): ranges of
        /// ``contributionBytes``, nil when it adds nothing.
        let serotonergic: Contribution?
        let tremor: Contribution?
    }

    /// One drug's share of one score, as a score is made of it.
    private struct Contribution {
        let points: Int
        let json: Range<Int>
        let noteItem: Range<Int>?
    }

    private let knowledgeBase: KnowledgeBase
    private let minimumSeverity: Severity
    /// ``Severity/rank`` of `minimumSeverity`.
    private let minimumRank: Int
    /// Every encoded piece, one after another; the pieces are ranges of it.
    private var bytes: [UInt8] = []
    /// Each drug's shares of the scores (``Contribution``), apart from ``bytes`` so that a new score
    /// is written into that pool straight from this one.
    private var contributionBytes: [UInt8] = []
    /// By drug index.
    private var drugNames: [String] = []
    /// By medication id.
    private var medications: [MedicationPiece?] = []
    private var drugPool: [Int] = []
    private var drugs: [DrugPiece] = []
    /// By drug: ``serotonergicFlag`` and ``tremorFlag``, read for every patient's drugs.
    private var drugFlags: [UInt8] = []
    private static let serotonergicFlag: UInt8 = 1
    private static let tremorFlag: UInt8 = 2
    private var tremorRisks: [TremorRisk?] = []
    private var drugIndex: [String: Int] = [:]
    /// Burden facts by drug name, read for many drugs at once (``readBurdenFacts(_:)``); a drug in
    /// `burdenFactsRead` and not in a map has no such fact.
    private var strengths: [String: SerotonergicStrength] = [:]
    private var tremorRisksRead: [String: TremorRisk] = [:]
    private var burdenFactsRead = Set<String>()
    /// Guidance, by the effects found and the effects listed (bit masks over `Effect.allCases`, the
    /// first shifted past the second); nil: none applies. Worked out the first time a key is met
    /// (`guidanceKnown`): an array, as a dictionary's hashing cost more than the rest of the lookup.
    private var guidanceJSON: [Range<Int>?]
    private var guidanceKnown: [Bool]
    private var guidanceByEffects: [Int: [Guidance]] = [:]
    /// Each burden score, by its effect and the drugs that contribute to it (see ``score(tremor:)``).
    private var packedScores = PackedKeyTable(filler: 0..<0)
    private var listedScores: [[Int]: Range<Int>] = [:]
    /// How many bytes of scores are kept for later lines, at most (``BatchOptions/keptScoreBytes``),
    /// and how many are.
    private let keptScoreBytes: Int
    private var scoreBytes = 0
    /// The end of what a cache refers to in ``bytes``: a score made past ``keptScoreBytes`` lies
    /// beyond it, is used for its line and then cut off.
    private var keptEnd = 0
    /// The words of a note around its list of drugs, as the content of a JSON string; nil when
    /// they are not plain (see ``noteFrame(_:)``).
    private var noteFrames: [NoteFrameKey: (lead: [UInt8], tail: [UInt8])?] = [:]
    /// How a line starts, up to the serotonergic score, when all its names were understood and when not.
    private var lineStart: (understood: Range<Int>, notUnderstood: Range<Int>)?
    /// `"highest_severity"`'s value, by ``Severity/rank`` (0: null): ranges of ``bytes``.
    private var severityJSON: [Range<Int>] = []
    /// Whether findings below a minimum severity are left out (`--min-severity` above `minor`): lines
    /// then say how many, and the minimum, and keep only the guidance that goes with a listed finding.
    private let listsLeftOut: Bool
    /// One patient's medications and drugs (in the order first seen), reused from patient to patient.
    private var patientMedications: [MedicationPiece] = []
    private var patientDrugs: [Int] = []
    private var contributing: [Int] = []

    init(knowledgeBase: KnowledgeBase, minimumSeverity: Severity, keptScoreBytes: Int) {
        self.knowledgeBase = knowledgeBase
        self.minimumSeverity = minimumSeverity
        self.keptScoreBytes = keptScoreBytes
        minimumRank = minimumSeverity.rank
        listsLeftOut = minimumSeverity > .minor
        let keys = 1 << (2 * Effect.allCases.count)
        guidanceJSON = Array(repeating: nil, count: keys)
        guidanceKnown = Array(repeating: false, count: keys)
        severityJSON = [store("null".utf8)] + Severity.allCases.sorted { $0.rank < $1.rank }.map { store("\"\($0.rawValue)\"".utf8) }
    }

    /// Appends the patient's line: `findings` are all the patient's findings (indexes of `table`),
    /// most severe first; `medications` the patient's medication ids in ascending order.
    mutating func write(patient: UnsafeRawBufferPointer, findings: [(finding: Int32, overlap: Int32?)], table: RenderedFindingTable, medications ids: [Int],
               resolutions: [Resolution], to output: OutputSink) throws {
        var allRecognized = true
        var anyUnrecognized = false
        // Only a drug met twice can be a duplicate: most patients skip the search for them.
        var drugMetTwice = false
        patientMedications.removeAll(keepingCapacity: true)
        patientDrugs.removeAll(keepingCapacity: true)
        for id in ids {
            let piece = try medication(id, resolutions)
            patientMedications.append(piece)
            if !piece.understood { allRecognized = false }
            if !piece.recognized { anyUnrecognized = true }
            for position in piece.drugs {
                if patientDrugs.contains(drugPool[position]) {
                    drugMetTwice = true
                } else {
                    patientDrugs.append(drugPool[position])
                }
            }
        }
        let start = try lineStartJSON(understood: allRecognized)
        let (serotonergic, tremor) = try scores(drugSets())
        var allEffects = 0
        var listedEffects = 0
        let minimumRank = self.minimumRank
        var highestRank = 0
        var listed = 0
        table.entries.withUnsafeBufferPointer { entries in
            for item in findings {
                let entry = entries[Int(item.finding)]
                allEffects |= entry.effectBit
                highestRank = max(highestRank, entry.severityRank)
                guard entry.severityRank >= minimumRank else { continue }
                listedEffects |= entry.effectBit
                listed += 1
            }
        }
        let guidance = try self.guidance(all: allEffects, listed: listedEffects)
        let patientJSON = Self.isPlain(patient) ? nil : try Self.string(String(decoding: patient, as: UTF8.self))
        let severity = severityJSON[highestRank]
        // Every array is read in place (`self`'s and the table's, borrowed): a copy would cost a
        // retain and a release, an atomic operation each, and a line needed seven of them.
        bytes.withUnsafeBufferPointer { pool in table.bytes.withUnsafeBufferPointer { findingPool in table.entries.withUnsafeBufferPointer { entries in
            output.withBuffer { out in
                func piece(_ range: Range<Int>) { out.append(UnsafeBufferPointer(rebasing: pool[range])) }
                piece(start)
                piece(serotonergic)
                out.append(#","tremor":"#)
                piece(tremor)
                if drugMetTwice {
                    out.append(#"},"duplicates":["#)
                    appendDuplicates(pool: pool, to: &out)
                    out.append(#"],"findings":["#)
                } else {
                    out.append(#"},"duplicates":[],"findings":["#)
                }
                var first = true
                for item in findings {
                    let entry = entries[Int(item.finding)]
                    guard entry.severityRank >= minimumRank else { continue }
                    if !first { out.append(0x2C) }
                    first = false
                    if let day = item.overlap {
                        out.append(UnsafeBufferPointer(rebasing: findingPool[entry.jsonHead]))
                        out.append(0x22)
                        out.appendDay(day)
                        out.append(0x22)
                        out.append(UnsafeBufferPointer(rebasing: findingPool[entry.jsonTail]))
                    } else {
                        out.append(UnsafeBufferPointer(rebasing: findingPool[entry.jsonWithoutOverlap]))
                    }
                }
                out.append(0x5D)
                if listsLeftOut {
                    out.append(#","findings_left_out":"#)
                    out.appendDecimal(findings.count - listed)
                }
                if let guidance {
                    out.append(#","guidance":"#)
                    piece(guidance)
                }
                out.append(#","highest_severity":"#)
                piece(severity)
                out.append(#","medications":["#)
                appendMedications(recognized: true, pool: pool, to: &out)
                out.append(0x5D)
                if listsLeftOut {
                    out.append(#","min_severity":""#)
                    out.append(contentsOf: minimumSeverity.rawValue.utf8)
                    out.append(0x22)
                }
                out.append(#","patient":"#)
                if let patientJSON {
                    out.append(contentsOf: patientJSON)
                } else {
                    out.append(0x22)
                    out.append(patient.assumingMemoryBound(to: UInt8.self))
                    out.append(0x22)
                }
                out.append(#","unrecognized":["#)
                if anyUnrecognized { appendMedications(recognized: false, pool: pool, to: &out) }
                out.append("]}\n")
            }
        } } }
        // Scores made for this line alone (past the cap) are let go.
        if bytes.count > keptEnd { bytes.removeSubrange(keptEnd...) }
    }

    // MARK: - Pieces

    /// Appends encoded bytes to the pool and returns where they are.
    private mutating func store(_ encoded: some Sequence<UInt8>) -> Range<Int> {
        let start = bytes.count
        bytes.append(contentsOf: encoded)
        keptEnd = bytes.count
        return start..<bytes.count
    }

    private mutating func medication(_ id: Int, _ resolutions: [Resolution]) throws -> MedicationPiece {
        if id < medications.count, let piece = medications[id] { return piece }
        if id >= medications.count { medications += Array(repeating: nil, count: id + 1 - medications.count) }
        let piece: MedicationPiece
        switch resolutions[id] {
        case .recognized(let medication):
            if medication.drugs.contains(where: { drugIndex[$0] == nil }) { try readBurdenFacts(resolutions) }
            var indexes: [Int] = []
            for name in medication.drugs { indexes.append(try drug(name)) }
            let start = drugPool.count
            drugPool += indexes
            piece = MedicationPiece(recognized: true, understood: medication.unmatchedWords.isEmpty, drugs: start..<drugPool.count,
                                    json: store(try ReportEncoding.jsonLine(medication).utf8),
                                    inputJSON: store(try Self.string(medication.input)))
        case .unrecognized(let name):
            piece = MedicationPiece(recognized: false, understood: false, drugs: 0..<0,
                                    json: store(try ReportEncoding.jsonLine(name).utf8), inputJSON: store(try Self.string(name.input)))
        }
        medications[id] = piece
        return piece
    }

    /// Reads the burden facts of every drug of every recognised medication not read yet, a thousand
    /// drugs a query: two queries per drug, as they were made, cost about 2 million instructions
    /// each (a sixth of a 200,000-row JSON Lines run).
    private mutating func readBurdenFacts(_ resolutions: [Resolution]) throws {
        var unread: [String] = []
        var seen = Set<String>()
        for case .recognized(let medication) in resolutions {
            for drug in medication.drugs where !burdenFactsRead.contains(drug) && seen.insert(drug).inserted { unread.append(drug) }
        }
        var start = 0
        while start < unread.count {
            let chunk = unread[start..<min(start + 1000, unread.count)]
            strengths.merge(try knowledgeBase.serotonergicStrengths(of: chunk)) { first, _ in first }
            tremorRisksRead.merge(try knowledgeBase.tremorRisks(of: chunk)) { first, _ in first }
            start += chunk.count
        }
        burdenFactsRead.formUnion(unread)
    }

    private mutating func drug(_ name: String) throws -> Int {
        if let index = drugIndex[name] { return index }
        if !burdenFactsRead.contains(name) {
            strengths[name] = try knowledgeBase.serotonergicStrengths(of: [name])[name]
            tremorRisksRead[name] = try knowledgeBase.tremorRisks(of: [name])[name]
            burdenFactsRead.insert(name)
        }
        let strength = strengths[name]
        let tremorRisk = tremorRisksRead[name]
        let serotonergic = strength.map { BurdenCalculator.contribution(drug: name, strength: $0) }
        let tremor = tremorRisk.map { BurdenCalculator.contribution(drug: name, risk: $0) }
        let nameJSON = store(try Self.string(name))
        let serotonergicShare = try serotonergic.map { try storeContribution($0) }
        let tremorShare = try tremor.map { try storeContribution($0) }
        drugs.append(DrugPiece(nameJSON: nameJSON, serotonergic: serotonergicShare, tremor: tremorShare))
        drugNames.append(name)
        tremorRisks.append(tremorRisk)
        drugFlags.append((strength != nil ? Self.serotonergicFlag : 0) | (tremorRisk != nil ? Self.tremorFlag : 0))
        drugIndex[name] = drugs.count - 1
        return drugs.count - 1
    }

    /// Encodes a drug's share of a score, and its item in a note's list, into ``contributionBytes``.
    private mutating func storeContribution(_ contribution: BurdenContribution) throws -> Contribution {
        func keep(_ piece: some Sequence<UInt8>) -> Range<Int> {
            let start = contributionBytes.count
            contributionBytes.append(contentsOf: piece)
            return start..<contributionBytes.count
        }
        let item = BurdenScale.noteItem(drug: contribution.drug, points: contribution.points)
        return Contribution(points: contribution.points, json: keep(try ReportEncoding.jsonLine(contribution).utf8),
                            noteItem: Self.isPlain(item) ? keep(item.utf8) : nil)
    }

    /// `{"all_recognized":…,"burden":{"scale":…,"serotonergic":`: the same on every line but for the first value.
    private mutating func lineStartJSON(understood: Bool) throws -> Range<Int> {
        if let lineStart { return understood ? lineStart.understood : lineStart.notUnderstood }
        let scale = try Self.string(BurdenScale.summary)
        let made = (understood: store(Array(#"{"all_recognized":true,"burden":{"scale":"#.utf8) + scale + Array(#","serotonergic":"#.utf8)),
                    notUnderstood: store(Array(#"{"all_recognized":false,"burden":{"scale":"#.utf8) + scale + Array(#","serotonergic":"#.utf8)))
        lineStart = made
        return understood ? made.understood : made.notUnderstood
    }

    /// The burden's two scores. Each depends only on the patient's drugs that contribute to it, so
    /// it is made once per set of those (``appendScore(of:tremor:)``). A set of up to four drugs is
    /// looked up by one packed number (``packedKey(count:tremor:drug:)``), both sets' picked out in
    /// one pass over the patient's drugs; a larger set by its sorted drug indexes (``score(tremor:)``).
    private mutating func scores(_ sets: (serotonergic: SmallDrugSet, tremor: SmallDrugSet)) throws
        -> (serotonergic: Range<Int>, tremor: Range<Int>) {
        let first = try sets.serotonergic.key(tremor: false).flatMap { packedScores[$0] } ?? score(tremor: false)
        let second = try sets.tremor.key(tremor: true).flatMap { packedScores[$0] } ?? score(tremor: true)
        return (first, second)
    }

    /// The patient's drugs that add to each score, picked out in one pass.
    private func drugSets() -> (serotonergic: SmallDrugSet, tremor: SmallDrugSet) {
        var serotonergic = SmallDrugSet()
        var tremor = SmallDrugSet()
        drugFlags.withUnsafeBufferPointer { flags in
            for drug in patientDrugs {
                let flag = flags[drug]
                if flag & Self.serotonergicFlag != 0 { serotonergic.insert(drug) }
                if flag & Self.tremorFlag != 0 { tremor.insert(drug) }
            }
        }
        return (serotonergic, tremor)
    }

    /// Up to four drug indexes kept sorted in one register: a set's packed key without a list.
    /// (Kept in a `SIMD4`, each insert's lane moves went through the stack, 60 ns a patient.)
    private struct SmallDrugSet {
        /// Each drug's index + 1 in 16 bits, ascending from the low lane; unused lanes are 0.
        private var lanes: UInt64 = 0
        private var count = 0
        /// False once a fifth drug, or an index past 15 bits, comes.
        private var fits = true

        @inline(__always)
        mutating func insert(_ drug: Int) {
            guard fits, count < 4, drug < 0x7FFF else {
                fits = false
                return
            }
            let value = UInt64(drug + 1)
            var position = 0
            while position < count, (lanes >> (16 * position)) & 0xFFFF < value { position += 1 }
            let below = lanes & ((1 << (16 * position)) - 1)
            let above = (lanes >> (16 * position)) << (16 * (position + 1))
            lanes = below | value << (16 * position) | above
            count += 1
        }

        /// ``PatientJSONLineWriter/packedKey(count:tremor:drug:)`` of the set, nil when it does not fit.
        @inline(__always)
        func key(tremor: Bool) -> UInt64? {
            guard fits else { return nil }
            var packed: UInt64 = 0
            for position in 0..<count { packed = packed << 15 | (lanes >> (16 * position)) & 0xFFFF }
            return packed | 1 << 62 | (tremor ? 1 << 63 : 0)
        }
    }

    /// The key of a set of `count` drugs, at most four (`drug(i)`: the i-th index, ascending):
    /// 15 bits a drug (its index + 1), bit 62 set so that no key is 0, the effect in the top bit.
    /// Nil for a larger set or an index past 15 bits.
    @inline(__always)
    private static func packedKey(count: Int, tremor: Bool, drug: (Int) -> Int) -> UInt64? {
        guard count <= 4 else { return nil }
        var packed: UInt64 = 0
        for position in 0..<count {
            let index = drug(position)
            guard index < 0x7FFF else { return nil }
            packed = packed << 15 | UInt64(index + 1)
        }
        return packed | 1 << 62 | (tremor ? 1 << 63 : 0)
    }

    /// One score, looked up by its drugs' sorted indexes, or made and kept.
    private mutating func score(tremor: Bool) throws -> Range<Int> {
        contributing.removeAll(keepingCapacity: true)
        let flag = tremor ? Self.tremorFlag : Self.serotonergicFlag
        for drug in patientDrugs where drugFlags[drug] & flag != 0 { contributing.append(drug) }
        contributing.sort()
        let sorted = contributing
        let packed = Self.packedKey(count: sorted.count, tremor: tremor) { sorted[$0] }
        if let packed {
            if let cached = packedScores[packed] { return cached }
            let range = try appendScore(of: sorted, tremor: tremor)
            if keeps(range) { packedScores.set(packed, to: range) }
            return range
        }
        let listedKey = sorted + [tremor ? -1 : -2]
        if let cached = listedScores[listedKey] { return cached }
        let range = try appendScore(of: sorted, tremor: tremor)
        if keeps(range) { listedScores[listedKey] = range }
        return range
    }

    /// Whether a score just made is kept for later lines: while the scores kept stay within
    /// ``keptScoreBytes``. One that is not is cut off the pool once its line is written.
    private mutating func keeps(_ score: Range<Int>) -> Bool {
        guard scoreBytes + score.count <= keptScoreBytes else { return false }
        scoreBytes += score.count
        keptEnd = bytes.count
        return true
    }

    /// Appends to the pool the score of these drugs as the encoder writes a ``BurdenScore`` (keys
    /// sorted), worked out with ``BurdenScale``'s rules from each drug's points and its pieces
    /// encoded once. Making a score with ``BurdenScale/score(_:effect:worstSeverity:)`` and
    /// encoding it took about 28,000 instructions, a third of the line writer's on a million rows.
    private mutating func appendScore(of contributors: [Int], tremor: Bool) throws -> Range<Int> {
        let shares = contributors.map { (drug: $0, share: (tremor ? drugs[$0].tremor : drugs[$0].serotonergic)!) }
        let names = drugNames
        let ordered = shares.sorted { BurdenScale.precedes((names[$0.drug], $0.share.points), (names[$1.drug], $1.share.points)) }
        let total = ordered.reduce(0) { $0 + $1.share.points }
        let worstSeverity = tremor ? ordered.map { tremorRisks[$0.drug]!.severity }.max() : nil
        let level = BurdenScale.level(total: total, worstSeverity: worstSeverity)
        let notable = BurdenScale.isNotable(total: total, drugCount: ordered.count, level: level)
        let key = NoteFrameKey(tremor: tremor, total: total, level: level, drugCount: ordered.count, worstSeverity: worstSeverity)
        let frame = notable ? noteFrame(key) : nil
        let start = bytes.count
        bytes.append(contentsOf: #"{"drugs":["#.utf8)
        contributionBytes.withUnsafeBufferPointer { pool in
            for (position, drug) in ordered.enumerated() {
                if position > 0 { bytes.append(0x2C) }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: pool[drug.share.json]))
            }
        }
        bytes.append(contentsOf: #"],"level":""#.utf8)
        bytes.append(contentsOf: level.rawValue.utf8)
        bytes.append(contentsOf: notable ? #"","notable":true,"note":"#.utf8 : #"","notable":false,"note":null"#.utf8)
        if notable {
            if let frame, ordered.allSatisfy({ $0.share.noteItem != nil }) {
                // Plain words and names: the note is its own JSON string.
                bytes.append(0x22)
                bytes.append(contentsOf: frame.lead)
                contributionBytes.withUnsafeBufferPointer { pool in
                    for (position, drug) in ordered.enumerated() {
                        if position > 0 { bytes.append(contentsOf: BurdenScale.noteSeparator.utf8) }
                        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: pool[drug.share.noteItem!]))
                    }
                }
                bytes.append(contentsOf: frame.tail)
                bytes.append(0x22)
            } else {
                let items = ordered.map { BurdenScale.noteItem(drug: names[$0.drug], points: $0.share.points) }
                bytes.append(contentsOf: try Self.string(BurdenScale.note(key.frame, items: items)))
            }
        }
        bytes.append(contentsOf: #","total":"#.utf8)
        bytes.append(contentsOf: String(total).utf8)
        bytes.append(0x7D)
        return start..<bytes.count
    }

    /// What a note's words depend on, besides its drugs.
    private struct NoteFrameKey: Hashable {
        let tremor: Bool
        let total: Int
        let level: BurdenLevel
        let drugCount: Int
        let worstSeverity: Severity?

        var frame: (lead: String, tail: String) {
            BurdenScale.noteFrame(effect: tremor ? .tremor : .serotoninSyndrome, total: total, level: level,
                                  drugCount: drugCount, worstSeverity: worstSeverity)
        }
    }

    /// A note's words around its list, made once per key; nil when they, or the separator, are not plain.
    private mutating func noteFrame(_ key: NoteFrameKey) -> (lead: [UInt8], tail: [UInt8])? {
        if let known = noteFrames[key] { return known }
        let frame = key.frame
        let plain = [frame.lead, frame.tail, BurdenScale.noteSeparator].allSatisfy(Self.isPlain)
            ? (Array(frame.lead.utf8), Array(frame.tail.utf8)) : nil
        noteFrames[key] = .some(plain)
        return plain
    }

    /// The guidance for the effects found, kept to those that go with a listed finding (as
    /// ``CheckReport/leavingOut(below:)`` does); nil when none applies.
    private mutating func guidance(all: Int, listed: Int) throws -> Range<Int>? {
        let key = all << Effect.allCases.count | listed
        if guidanceKnown[key] { return guidanceJSON[key] }
        if guidanceByEffects[all] == nil {
            guidanceByEffects[all] = try knowledgeBase.guidance(for: Self.effects(all))
        }
        let effects = Set(Self.effects(listed))
        let found = guidanceByEffects[all]!
        let kept = listsLeftOut ? found.filter { !effects.isDisjoint(with: $0.effects) } : found
        let encoded = kept.isEmpty ? nil : store(try ReportEncoding.jsonLine(kept).utf8)
        guidanceJSON[key] = encoded
        guidanceKnown[key] = true
        return encoded
    }

    private static func effects(_ mask: Int) -> [Effect] {
        Effect.allCases.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element)
    }

    /// Whether every byte is printable ASCII other than a quote or backslash: the encoder escapes
    /// nothing there (slashes being left alone), so the text is its own JSON string.
    private static func isPlain(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { isPlain(UnsafeRawBufferPointer($0)) } ?? text.utf8.allSatisfy(isPlain)
    }

    /// ``isPlain(_:)-(String)`` for bytes, eight at a time (a patient id a line): a word is plain
    /// when none of its bytes is below 0x20, above 0x7E, a quote (0x22) or a backslash (0x5C).
    /// Each test sets a byte's top bit; it may set more above a byte that fails, never one when none does.
    static func isPlain(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high = ones &* 0x80
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            let below = (word &- ones &* 0x20) & ~word
            let above = (word &+ ones &* (0x7F - 0x7E)) | word
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            let zero = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
            if (below | above | zero) & high != 0 { return false }
            offset += 8
        }
        return UnsafeRawBufferPointer(rebasing: bytes[offset...]).allSatisfy(isPlain)
    }

    @inline(__always)
    private static func isPlain(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte <= 0x7E && byte != 0x22 && byte != 0x5C
    }

    /// A JSON string: as is when the text is plain, else as the encoder writes it.
    static func string(_ text: String) throws -> [UInt8] {
        if isPlain(text) { return [0x22] + Array(text.utf8) + [0x22] }
        return Array(try ReportEncoding.jsonLine([text]).utf8.dropFirst().dropLast())
    }

    /// Appends the patient's recognised medications, or those not recognised, from `pool` (``bytes``).
    private func appendMedications(recognized: Bool, pool: UnsafeBufferPointer<UInt8>, to out: inout OutputBuffer) {
        patientMedications.withUnsafeBufferPointer { medications in
            var first = true
            for piece in medications where piece.recognized == recognized {
                if !first { out.append(0x2C) }
                first = false
                out.append(UnsafeBufferPointer(rebasing: pool[piece.json]))
            }
        }
    }

    /// ``DuplicateDrug/find(in:)``'s list, written field by field.
    private func appendDuplicates(pool: UnsafeBufferPointer<UInt8>, to out: inout OutputBuffer) {
        patientMedications.withUnsafeBufferPointer { medications in drugPool.withUnsafeBufferPointer { drugPool in
            var first = true
            for drug in patientDrugs {
                var count = 0
                for piece in medications where UnsafeBufferPointer(rebasing: drugPool[piece.drugs]).contains(drug) { count += 1 }
                guard count > 1 else { continue }
                if !first { out.append(0x2C) }
                first = false
                out.append(#"{"drug":"#)
                out.append(UnsafeBufferPointer(rebasing: pool[drugs[drug].nameJSON]))
                out.append(#","inputs":["#)
                var position = 0
                for piece in medications where UnsafeBufferPointer(rebasing: drugPool[piece.drugs]).contains(drug) {
                    if position > 0 { out.append(0x2C) }
                    position += 1
                    out.append(UnsafeBufferPointer(rebasing: pool[piece.inputJSON]))
                }
                out.append("]}")
            }
        } }
    }
}
