/// Renders a ``SerotoninAssessment`` for people: the Hunter outcome first, then the list's check.
public struct AssessmentTextRenderer: Sendable {
    public let style: TerminalStyle
    /// Citations by source id, for the "Source:" lines.
    public let citations: [String: String]
    /// Columns per line, as for `check`.
    public let width: Int

    public init(style: TerminalStyle, citations: [String: String], width: Int = TextWrapper.defaultWidth) {
        self.style = style
        self.citations = citations
        self.width = width
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
        let wrapper = TextWrapper(width: width)
        let wrapped = lines.flatMap { line in
            let indent = String(line.prefix { $0 == " " })
            return line.isEmpty ? [line] : wrapper.wrap(String(line.dropFirst(indent.count)), indent: indent, hanging: indent + "  ")
        }
        let check = TextReportRenderer(style: style, citations: citations, width: width).render(assessment.check)
        return wrapped.joined(separator: "\n") + "\n" + check
    }
}
