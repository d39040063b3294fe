/// Renders a ``DrugProfile`` for people: names, classes, own risks, then combination rules, most severe first.
public struct DrugProfileRenderer: Sendable {
    public let style: TerminalStyle

    /// A renderer that styles severity words with `style`.
    public init(style: TerminalStyle) {
        self.style = style
    }

    /// The profile as text, ending with a newline.
    public func render(_ profile: DrugProfile) -> String {
        var lines: [String] = []
        var identity = profile.drug
        if profile.kind != "drug" { identity += " (\(profile.kind))" }
        lines.append(style.bold(identity))
        let codes = [profile.rxcui.map { "RxCUI \($0)" }, profile.atc.map { "ATC \($0)" }].compactMap { $0 }
        if !codes.isEmpty { lines.append("  " + codes.joined(separator: ", ")) }

        lines.append("")
        lines.append(style.bold("Names"))
        for kind in [MatchKind.generic, .brand, .synonym] {
            let names = profile.names.filter { $0.kind == kind }.map(\.name)
            if !names.isEmpty { lines.append("  \(kind.rawValue): \(names.joined(separator: ", "))") }
        }

        lines.append("")
        lines.append(style.bold("Classes"))
        if profile.classes.isEmpty { lines.append("  (none recorded)") }
        for membership in profile.classes {
            let how = membership.direct
                ? "listed directly" + (membership.sourceID.map { ", source \($0)" } ?? "")
                : "through \(membership.viaClassID)"
            lines.append("  \(membership.classID) — \(membership.name) (\(how))")
        }

        lines.append("")
        lines.append(style.bold("Own risks"))
        if profile.risks.isEmpty { lines.append("  (none recorded: no source in the knowledge base states one)") }
        for risk in profile.risks {
            var heading = "  \(style.severity(risk.severity))  \(risk.effect.displayName) — frequency: \(risk.frequency.rawValue), evidence: \(risk.evidence.rawValue)"
            if let via = risk.viaClass { heading += ", stated for the class \(via)" }
            lines.append(heading)
            lines.append("    \(risk.summary)")
            lines.append("    Source: \(risk.source.id) — \(risk.source.citation)")
        }

        lines.append("")
        lines.append(style.bold("Combination rules"))
        if profile.interactions.isEmpty { lines.append("  (none)") }
        for interaction in profile.interactions {
            let other = interaction.with
            let with = other.kind == "class" ? "with any \(other.name) (class \(other.id))" : "with \(other.id)"
            lines.append("  \(style.severity(interaction.severity))  \(interaction.effect.displayName) — \(with)  [rule \(interaction.rule), evidence: \(interaction.evidence.rawValue)]")
            if other.kind == "class" {
                lines.append("    Drugs: \(other.drugs.isEmpty ? "(none listed yet)" : other.drugs.joined(separator: ", "))")
            }
            lines.append("    \(interaction.summary)")
            lines.append("    What to do: \(interaction.management)")
            for source in interaction.sources {
                lines.append("    Source: \(source.id) — \(source.citation)")
            }
        }
        lines.append("")
        lines.append(TextReportRenderer.disclaimer)
        return lines.joined(separator: "\n") + "\n"
    }
}
