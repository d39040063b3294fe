/// The findings of a batch, each rendered once for the many patients who share it, kept flat: every
/// finding's CSV text around the patient and overlap columns, and its JSON around the overlap
/// value, are ranges of one byte pool, and its sort key, severity and effect are plain values in
/// an ``Entry``. A patient's findings are then `Int32` indexes: reading an entry or a range of the
/// pool retains nothing (a class per finding holding its own arrays cost a retain and a release
/// per piece written: 16% of a grouped file's CSV run, more of its JSON Lines).
///
/// A finding that depends on a patient's dates (a washout violation, whose text says how many days
/// apart the two drugs were) is added with ``index(ofAdHoc:)``: made once per distinct finding, so the
/// table stays bounded by the rules' washout intervals rather than growing with the patients.
struct RenderedFindingTable {
    /// One finding's keys and where its text is in ``bytes``: plain values only.
    struct Entry {
        /// ``Finding/reportRank``; ``precedes(_:_:)`` orders by it, then by drug names.
        let order: Int
        /// ``Severity/rank``, and the effect as one bit over `Effect.allCases`.
        let severityRank: Int
        let effectBit: Int
        /// `,kind,effect,severity,drugs,` (between the patient and the overlap date) and
        /// `,summary,evidence,rule,sources\r\n` (after it).
        let csvMiddle: Range<Int>
        let csvEnd: Range<Int>
        /// The finding's JSON object up to `"overlap_start":`, and after its value; empty unless the
        /// table renders JSON (encoding every finding would cost CSV runs time).
        let jsonHead: Range<Int>
        let jsonTail: Range<Int>
        /// The whole object when the overlap is null: the head, `null` and the tail, stored one
        /// after another, so that most findings are one copy rather than three.
        var jsonWithoutOverlap: Range<Int> { jsonHead.lowerBound..<jsonTail.upperBound }
        /// The drug names joined by NUL bytes, which order as the list of names does when every
        /// byte is printable ASCII (`plainDrugs`); otherwise ties are broken on the names themselves.
        let drugsKey: Range<Int>
        let plainDrugs: Bool
    }

    /// Whether findings are rendered for JSON Lines too.
    let rendersJSON: Bool
    private(set) var entries: [Entry] = []
    /// Every rendered piece, one after another.
    private(set) var bytes: [UInt8] = []
    /// The findings themselves, by index (for the sort's tie-break and the encoder path).
    private(set) var findings: [Finding] = []
    /// Date-dependent findings already added, by their content.
    private var adHoc: [AdHocKey: Int32] = [:]

    private struct AdHocKey: Hashable {
        let drugs: [String]
        let summary: String
        let rule: String?
        let severity: Severity
    }

    init(rendersJSON: Bool) {
        self.rendersJSON = rendersJSON
    }

    /// Renders `finding` and returns its index.
    mutating func add(_ finding: Finding) -> Int32 {
        let csvMiddle = store(("," + CSVFormatter.fields([
            finding.kind.rawValue, finding.effect.rawValue, finding.severity.rawValue, finding.drugs.joined(separator: "+"),
        ]) + ",").utf8)
        let csvEnd = store(("," + CSVFormatter.fields([
            finding.summary, finding.evidence.rawValue, finding.rule ?? "", finding.sources.joined(separator: " "),
        ]) + "\r\n").utf8)
        var (head, tail): ([UInt8], [UInt8]) = ([], [])
        if rendersJSON {
            // The encoder fails only on numbers that are not finite; a finding's JSON is all text.
            guard let parts = try? Self.jsonParts(finding) else { preconditionFailure("the encoder could not write a finding's text") }
            (head, tail) = parts
        }
        let jsonHead = store(head)
        if rendersJSON { _ = store("null".utf8) }  // see Entry.jsonWithoutOverlap
        let jsonTail = store(tail)
        let drugsKey = store(finding.drugs.joined(separator: "\u{0}").utf8)
        let plainDrugs = finding.drugs.allSatisfy { $0.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }
        entries.append(Entry(order: finding.reportRank, severityRank: finding.severity.rank,
                             effectBit: 1 << Effect.allCases.firstIndex(of: finding.effect)!,
                             csvMiddle: csvMiddle, csvEnd: csvEnd, jsonHead: jsonHead, jsonTail: jsonTail,
                             drugsKey: drugsKey, plainDrugs: plainDrugs))
        findings.append(finding)
        return Int32(entries.count - 1)
    }

    /// The index of a finding made for one patient's dates: the same finding made before is reused.
    mutating func index(ofAdHoc finding: Finding) -> Int32 {
        let key = AdHocKey(drugs: finding.drugs, summary: finding.summary, rule: finding.rule, severity: finding.severity)
        if let known = adHoc[key], findings[Int(known)] == finding { return known }
        let index = add(finding)
        adHoc[key] = index
        return index
    }

    /// The report order (``Finding/reportOrder(_:_:)``), from the ranks and keys computed once.
    func precedes(_ a: Int32, _ b: Int32) -> Bool {
        entries.withUnsafeBufferPointer { entries in
            bytes.withUnsafeBufferPointer { pool in precedes(a, b, entries: entries, pool: pool) }
        }
    }

    /// Sorts one patient's findings (indexes of this table) into the report order. A patient has a
    /// handful, so an insertion sort over the entries' plain values does it without a closure
    /// context or a retain per comparison (the library's sort spent a third of a CSV run's
    /// evaluation there); both sorts are stable, so the order is the same either way.
    func sort(_ items: inout [(finding: Int32, overlap: Int32?)]) {
        entries.withUnsafeBufferPointer { entries in
            bytes.withUnsafeBufferPointer { pool in
                guard items.count <= 32 else {
                    return items.sort { precedes($0.finding, $1.finding, entries: entries, pool: pool) }
                }
                items.withUnsafeMutableBufferPointer { items in
                    for index in items.indices.dropFirst() {
                        let item = items[index]
                        var position = index
                        while position > 0, precedes(item.finding, items[position - 1].finding, entries: entries, pool: pool) {
                            items[position] = items[position - 1]
                            position -= 1
                        }
                        items[position] = item
                    }
                }
            }
        }
    }

    @inline(__always)
    private func precedes(_ a: Int32, _ b: Int32, entries: UnsafeBufferPointer<Entry>, pool: UnsafeBufferPointer<UInt8>) -> Bool {
        let (first, second) = (entries[Int(a)], entries[Int(b)])
        if first.order != second.order { return first.order < second.order }
        guard first.plainDrugs, second.plainDrugs else {
            return findings[Int(a)].drugs.lexicographicallyPrecedes(findings[Int(b)].drugs)
        }
        return UnsafeBufferPointer(rebasing: pool[first.drugsKey])
            .lexicographicallyPrecedes(UnsafeBufferPointer(rebasing: pool[second.drugsKey]))
    }

    private mutating func store(_ piece: some Sequence<UInt8>) -> Range<Int> {
        let start = bytes.count
        bytes.append(contentsOf: piece)
        return start..<bytes.count
    }

    /// The finding's JSON around the overlap value, as the encoder writes a ``BatchFinding`` (keys
    /// sorted), written field by field: the encoder took about 150,000 instructions a finding, a
    /// tenth of the report's time on a million grouped rows for JSON Lines, most of it before the
    /// first lines could be written. Texts go through ``PatientJSONLineWriter/string(_:)``, so
    /// any that is not plain printable ASCII is escaped by the encoder itself. A test compares the
    /// result with the encoder's for every finding the knowledge base makes.
    static func jsonParts(_ finding: Finding) throws -> (head: [UInt8], tail: [UInt8]) {
        func string(_ text: String) throws -> [UInt8] { try PatientJSONLineWriter.string(text) }
        func optional(_ text: String?) throws -> [UInt8] { try text.map(string) ?? Array("null".utf8) }
        func list(_ texts: [String]) throws -> [UInt8] {
            var encoded: [UInt8] = [0x5B]
            for (position, text) in texts.enumerated() {
                if position > 0 { encoded.append(0x2C) }
                encoded += try string(text)
            }
            encoded.append(0x5D)
            return encoded
        }
        var head = Array(#"{"drugs":"#.utf8) + (try list(finding.drugs))
        head += #","effect":"#.utf8 + (try string(finding.effect.rawValue))
        head += #","evidence":"#.utf8 + (try string(finding.evidence.rawValue))
        head += #","frequency":"#.utf8 + (try optional(finding.frequency?.rawValue))
        head += #","kind":"#.utf8 + (try string(finding.kind.rawValue))
        head += #","management":"#.utf8 + (try string(finding.management))
        head += #","mechanism":"#.utf8 + (try optional(finding.mechanism))
        head += #","movement_disorder":"#.utf8 + (try optional(finding.movementDisorder))
        head += #","overlap_start":"#.utf8
        var tail = Array(#","rule":"#.utf8) + (try optional(finding.rule))
        tail += #","severity":"#.utf8 + (try string(finding.severity.rawValue))
        tail += #","sources":"#.utf8 + (try list(finding.sources))
        tail += #","summary":"#.utf8 + (try string(finding.summary))
        tail.append(0x7D)
        return (head, tail)
    }
}
