import Testing
@testable import TwitchCheckKit

/// One report order: `batch`'s cached sort key (`RenderedFinding`) is derived from `Finding.reportOrder`,
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
                         ["amitriptyline", "tramadol hydrochloride"]]
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
        #expect(shuffled.map(RenderedFinding.init).sorted(by: RenderedFinding.precedes).map(\.finding) == promised)
    }
}
