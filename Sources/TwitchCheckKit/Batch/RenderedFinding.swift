/// A finding prepared once for the many patients who share it: its CSV text around the
/// patient and overlap columns, and an integer sort key, so writing a row is a few appends.
final class RenderedFinding {
    let finding: Finding
    /// ``Finding/reportRank``, computed once; ``precedes(_:_:)`` orders by it, then drug names.
    let order: Int
    /// The finding's severity and its effect as one bit over `Effect.allCases`, read without copying the finding.
    let severity: Severity
    let effectBit: Int
    /// `,kind,effect,severity,drugs,` — between the patient and the overlap date.
    let csvMiddle: [UInt8]
    /// `,summary,evidence,rule,sources\r\n` — after the overlap date.
    let csvEnd: [UInt8]

    /// The finding's JSON object in `batch --format jsonl` up to `"overlap_start":`, and after its
    /// value; empty unless made for JSON Lines (encoding every finding would cost CSV runs time).
    let jsonHead: [UInt8]
    let jsonTail: [UInt8]

    /// The finding rendered for CSV only.
    convenience init(_ finding: Finding) {
        self.init(finding, json: false)
    }

    /// The finding rendered for CSV and, when `json`, for JSON Lines.
    init(_ finding: Finding, json: Bool) {
        self.finding = finding
        order = finding.reportRank
        severity = finding.severity
        effectBit = 1 << Effect.allCases.firstIndex(of: finding.effect)!
        csvMiddle = Array(("," + CSVFormatter.fields([
            finding.kind.rawValue, finding.effect.rawValue, finding.severity.rawValue, finding.drugs.joined(separator: "+"),
        ]) + ",").utf8)
        csvEnd = Array(("," + CSVFormatter.fields([
            finding.summary, finding.evidence.rawValue, finding.rule ?? "", finding.sources.joined(separator: " "),
        ]) + "\r\n").utf8)
        (jsonHead, jsonTail) = json ? Self.jsonParts(finding) : ([], [])
    }

    /// The finding's JSON around the overlap value: encoded once with the encoder itself; no string
    /// value can hold `,"overlap_start":null` unescaped (a quote inside a string is always
    /// escaped), so the first one is the key.
    private static func jsonParts(_ finding: Finding) -> (head: [UInt8], tail: [UInt8]) {
        let encoded = Array(((try? ReportEncoding.jsonLine(BatchFinding(finding: finding, overlapStart: nil))) ?? "").utf8)
        let marker = Array(#","overlap_start":null"#.utf8)
        guard let start = encoded.indices.first(where: { encoded[$0...].starts(with: marker) }) else {
            preconditionFailure("a finding's JSON always has overlap_start")
        }
        let valueStart = start + marker.count - 4
        return (Array(encoded[..<valueStart]), Array(encoded[(valueStart + 4)...]))
    }

    /// The report order (``Finding/reportOrder(_:_:)``), from the rank computed once.
    static func precedes(_ a: RenderedFinding, _ b: RenderedFinding) -> Bool {
        Finding.reportOrder(a.finding, rank: a.order, b.finding, rank: b.order)
    }
}
