/// Renders a ``SerotoninAssessment`` for people: the Hunter outcome first, then the list's check.
public struct AssessmentTextRenderer: Sendable {
    public let style: TerminalStyle
    /// Citations by source id, for the "Source:" lines.
    public let citations: [String: String]

    public init(style: TerminalStyle, citations: [String: String]) {
        self.style = style
        self.citations = citations
    }

    public func render(_ assessment: SerotoninAssessment) -> String {
        var lines: [String] = []
        let hunter = assessment.hunter
        let outcome = hunter.met
            ? style.warning("MET") + " — rule \(hunter.rule.map { String($0.rawValue) } ?? "?")"
            : "NOT MET"
        lines.append(style.bold("Serotonin toxicity by the Hunter criteria: ") + outcome)
        let signs = assessment.signs.isEmpty ? "none given" : assessment.signs.map(\.displayName).joined(separator: ", ")
        let temperature = assessment.temperatureCelsius.map { "\(HunterCriteria.format($0)) °C" } ?? "not given"
        lines.append("  Signs: \(signs); temperature: \(temperature)")
        let serotonergic = assessment.serotonergicDrugs.isEmpty ? "none" : assessment.serotonergicDrugs.joined(separator: ", ")
        lines.append("  Serotonergic drugs in the list: \(serotonergic)")
        lines.append("  \(hunter.explanation)")
        let source = citations[HunterCriteria.sourceID].map { "\($0) [\(HunterCriteria.sourceID)]" } ?? HunterCriteria.sourceID
        lines.append(style.dim("  Source: \(source)"))
        lines.append("  " + style.bold("Caveat: ") + HunterCriteria.caveat)
        lines.append("")
        let check = TextReportRenderer(style: style, citations: citations).render(assessment.check)
        return lines.joined(separator: "\n") + "\n" + check
    }
}
