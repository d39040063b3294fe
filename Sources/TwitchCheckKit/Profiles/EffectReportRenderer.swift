import Foundation

/// Renders an ``EffectReport`` for people: one block per class, each drug with severity, frequency and evidence.
public struct EffectReportRenderer: Sendable {
    public let style: TerminalStyle

    /// A renderer that styles severity words with `style`.
    public init(style: TerminalStyle) {
        self.style = style
    }

    private func render(_ groups: [EffectReport.Group]) -> [String] {
        var lines: [String] = []
        for group in groups {
            lines.append("")
            lines.append(style.bold(group.class.map { "\(group.name) (\($0))" } ?? group.name))
            let width = group.drugs.map(\.drug.count).max() ?? 0
            for cause in group.drugs {
                let severity = style.severity(cause.severity)
                let padding = String(repeating: " ", count: max(1, 16 - cause.severity.rawValue.count))
                var line = "  \(cause.drug.padding(toLength: width, withPad: " ", startingAt: 0))  \(severity)\(padding)"
                line += "frequency: \(cause.frequency.rawValue), evidence: \(cause.evidence.rawValue)"
                if !cause.viaClasses.isEmpty { line += ", as a member of \(cause.viaClasses.joined(separator: ", "))" }
                lines.append(line)
            }
        }
        return lines
    }

    /// The report as text, ending with a newline.
    public func render(_ report: EffectReport) -> String {
        var lines: [String] = []
        var heading = "Drugs that can cause \(report.effect.displayName) on their own: \(report.drugs.count)"
        var filters: [String] = []
        if let minimum = report.minSeverity { filters.append("severity \(minimum.rawValue) or above") }
        if let classID = report.classFilter { filters.append("class \(classID)") }
        if !filters.isEmpty { heading += " (\(filters.joined(separator: ", ")))" }
        lines.append(style.bold(heading))
        if report.groups.isEmpty && report.inCombination.isEmpty {
            lines.append("")
            lines.append("No drug in the knowledge base matches. A drug not listed is not known to be safe: it may simply not be recorded.")
        }
        lines += render(report.groups)
        if !report.inCombination.isEmpty {
            lines.append("")
            lines.append(style.bold("Only together with another drug: \(report.combinationDrugs.count)"))
            lines.append("These drugs add the risk in combination (severity: the worst such combination); "
                + "'twitchcheck drug NAME' lists the partners.")
            lines += render(report.inCombination)
        }
        lines.append("")
        lines.append("Sources and summaries: twitchcheck drug NAME, or twitchcheck sql \"SELECT * FROM drug_effects WHERE effect_id = '\(report.effect.rawValue)'\"")
        lines.append(TextReportRenderer.disclaimer)
        return lines.joined(separator: "\n") + "\n"
    }
}
