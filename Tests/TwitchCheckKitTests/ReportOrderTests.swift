import Testing
@testable import TwitchCheckKit

/// One report order: `batch`'s cached sort key (`RenderedFindingTable`) is derived from `Finding.reportOrder`,
/// and both follow the order the README promises, over every severity, kind, evidence and effect.
@Suite struct ReportOrderTests {
    /// Most severe first; then combinations before a drug's own risk, better evidence, effect order,
    /// and the drug names as a list (so "insulin human" + x sorts after "insulin" + y).
    static func promised(_ a: Finding, _ b: Finding) -> Bool {
        if a.severity != b.severity { return a.severity > b.severity }
        if a.kind != b.kind { return a.kind == .combination }
        if a.evidence != b.evidence { return a.evidence > b.evidence }
        if a.effect != b.effect { return Effect.allCases.firstIndex(of: a.effect)! < Effect.allCases.firstIndex(of: b.effect)! }
        return a.drugs.lexicographicallyPrecedes(b.drugs)
    }

    static let findings: [Finding] = {
        let drugLists = [["insulin human", "zz"], ["insulin", "aa"], ["insulinx"], ["a", "b"], ["ab"], ["amitriptyline", "tramadol"],
                         ["amitriptyline", "tramadol hydrochloride"], ["\u{E9}", "b"], ["e\u{301}", "a"], ["f"], ["e"]]
        var all: [Finding] = []
        for severity in Severity.allCases {
            for kind in [FindingKind.drug, .combination] {
                for evidence in Evidence.allCases {
                    for effect in Effect.allCases {
                        for drugs in drugLists {
                            all.append(Finding(kind: kind, effect: effect, severity: severity, evidence: evidence, drugs: drugs,
                                               summary: "s", mechanism: nil, management: "m", sources: []))
                        }
                    }
                }
            }
        }
        return all
    }()

    @Test func checkAndBatchSortAsPromised() {
        var generator = SystemRandomNumberGenerator()
        let shuffled = Self.findings.shuffled(using: &generator)
        let promised = shuffled.sorted(by: Self.promised)
        #expect(shuffled.sorted(by: Finding.reportOrder) == promised)
        var table = RenderedFindingTable(rendersJSON: false)
        let indexes = shuffled.map { table.add($0) }
        #expect(indexes.sorted(by: table.precedes).map { table.findings[Int($0)] } == promised)
    }

    /// A patient's findings sorted by the table (an insertion sort for a few, the library's sort for
    /// many) come out as `check` orders them, ties between equal findings kept in their first order.
    @Test func batchSortsAPatientsFindingsAsPromised() {
        var generator = SystemRandomNumberGenerator()
        var table = RenderedFindingTable(rendersJSON: false)
        let indexes = Self.findings.map { table.add($0) }
        for count in [0, 1, 2, 5, 31, 32, 33, 200] {
            // Drawn with repeats, so that equal findings meet and stability shows.
            var items: [(finding: Int32, overlap: Int32?)] = (0..<count).map { position in
                (indexes.randomElement(using: &generator)!, Int32(position))
            }
            let expected = items.sorted { Self.promised(table.findings[Int($0.finding)], table.findings[Int($1.finding)]) }
            table.sort(&items)
            #expect(items.map(\.finding) == expected.map(\.finding), "\(count) findings")
            #expect(items.map(\.overlap) == expected.map(\.overlap), "\(count) findings keep ties in order")
        }
    }
}
