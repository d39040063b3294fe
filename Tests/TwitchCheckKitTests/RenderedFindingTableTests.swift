import Foundation
import Testing
@testable import TwitchCheckKit

/// `batch`'s table of findings rendered once: its pieces are exactly what the CSV writer and the
/// encoder make of each finding, hostile text included, and a finding made for one patient's
/// dates is stored once however many patients have it.
@Suite struct RenderedFindingTableTests {
    static func finding(summary: String, drugs: [String] = ["sertraline", "phenelzine"], rule: String? = "r1") -> Finding {
        Finding(kind: .combination, effect: .serotoninSyndrome, severity: .contraindicated, evidence: .established,
                drugs: drugs, summary: summary, mechanism: "m \"quoted\"", management: "call, now", sources: ["s1", "s 2"], rule: rule)
    }

    static let hostile = ["plain", "a, comma", "a \"quote\"", "line\nbreak", "back\\slash", "tab\there", "é accent",
                          "slash / here", "\u{1}control", "ends with \r"]

    @Test func piecesAreWhatTheWritersMake() throws {
        var table = RenderedFindingTable(rendersJSON: true)
        for text in Self.hostile {
            let finding = Self.finding(summary: text, drugs: [text, "b"], rule: text)
            let index = table.add(finding)
            let entry = table.entries[Int(index)]
            let piece = { (range: Range<Int>) in String(decoding: table.bytes[range], as: UTF8.self) }
            let csv = "p" + piece(entry.csvMiddle) + "2024-01-02" + piece(entry.csvEnd)
            let expected = CSVFormatter.fields([
                "p", "combination", "serotonin_syndrome", "contraindicated", finding.drugs.joined(separator: "+"), "2024-01-02", text, "established", text, "s1 s 2",
            ]) + "\r\n"
            #expect(csv == expected)
            for overlap in [nil, "2024-01-02"] {
                let value = overlap.map { "\"\($0)\"" } ?? "null"
                let json = piece(entry.jsonHead) + value + piece(entry.jsonTail)
                #expect(json == (try ReportEncoding.jsonLine(BatchFinding(finding: finding, overlapStart: overlap))))
            }
        }
    }

    @Test func aFindingForOnePatientsDatesIsStoredOnce() {
        var table = RenderedFindingTable(rendersJSON: true)
        let first = table.index(ofAdHoc: Self.finding(summary: "started 3 days after"))
        let again = table.index(ofAdHoc: Self.finding(summary: "started 3 days after"))
        let other = table.index(ofAdHoc: Self.finding(summary: "started 4 days after"))
        let otherRule = table.index(ofAdHoc: Self.finding(summary: "started 3 days after", rule: "r2"))
        #expect(first == again)
        #expect(Set([first, other, otherRule]).count == 3)
        #expect(table.entries.count == 3)
        #expect(table.findings[Int(other)].summary == "started 4 days after")
    }
}
