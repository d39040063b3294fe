/// Renders a ``CheckReport`` for people: what was recognised, what was not, then each finding.
///
/// Layout, most important first: names not checked, then findings from most to least
/// severe with the drugs, a one-line summary, what to do and the sources; minor findings
/// last and brief, so they inform without burying the serious ones.
public struct TextReportRenderer: Sendable {
    public let style: TerminalStyle
    /// Citations by source id, for the "Source:" lines.
    public let citations: [String: String]

    public init(style: TerminalStyle, citations: [String: String]) {
        self.style = style
        self.citations = citations
    }

    public static let disclaimer =
        "This is not medical advice. Do not stop or change a medicine without talking to your doctor or pharmacist."

    public func render(_ report: CheckReport) -> String {
        var lines: [String] = []
        let checked = report.medications.count
        lines.append(style.bold("Medications checked: \(checked) of \(checked + report.unrecognized.count)"))
        for medication in report.medications {
            var line = "  ✓ \(medication.input) → \(medication.drugs.joined(separator: " + ")) (\(medication.matchedBy.rawValue))"
            if !medication.unmatchedWords.isEmpty {
                line += style.warning(" — words not understood: \(medication.unmatchedWords.joined(separator: ", "))")
            }
            lines.append(line)
        }
        if !report.unrecognized.isEmpty {
            lines.append("")
            lines.append(style.warning("NOT CHECKED — these names were not recognised, so their risks are unknown:"))
            for name in report.unrecognized {
                let hint = name.suggestions.isEmpty
                    ? "no close names found; check the spelling or use the generic name"
                    : "did you mean: \(name.suggestions.joined(separator: ", "))?"
                lines.append("  ? \(name.input) — \(hint)")
            }
        }
        lines.append("")
        let serious = report.findings.filter { $0.severity > .minor }
        let minor = report.findings.filter { $0.severity == .minor }
        if report.findings.isEmpty {
            lines.append(report.unrecognized.isEmpty
                ? "No twitching, tremor, serotonin-syndrome or tardive-dyskinesia risks found."
                : "No risks found among the recognised names; the names above were not checked.")
        }
        for finding in serious {
            lines.append(contentsOf: detailed(finding))
            lines.append("")
        }
        if !minor.isEmpty {
            lines.append(style.bold("Minor (usually no action beyond awareness):"))
            for finding in minor {
                lines.append("  \(style.severity(.minor)) \(title(finding)): \(finding.summary) [\(finding.sources.joined(separator: ", "))]")
            }
            lines.append("")
        }
        // A burden line adds to the report only where no combination finding already says it.
        let burdens = [(report.burden?.serotonergic, Effect.serotoninSyndrome), (report.burden?.tremor, Effect.tremor)]
            .compactMap { score, effect in
                score?.notable == true && !serious.contains { $0.kind == .combination && $0.effect == effect } ? score : nil
            }
        for score in burdens {
            lines.append(style.bold("Burden: ") + (score.note ?? ""))
        }
        if !burdens.isEmpty { lines.append("") }
        for guidance in report.guidance ?? [] {
            lines.append(style.bold("When to see a doctor: ") + guidance.text)
            for source in guidance.sources {
                lines.append(sourceLine(source))
            }
            lines.append("")
        }
        if let highest = report.highestSeverity {
            lines.append("Highest severity: \(style.severity(highest)) (\(highest.meaning))")
        }
        lines.append(style.dim(Self.disclaimer))
        return lines.joined(separator: "\n") + "\n"
    }

    private func title(_ finding: Finding) -> String {
        "\(finding.effectDisplayName) — \(finding.drugs.joined(separator: " + "))"
    }

    private func detailed(_ finding: Finding) -> [String] {
        var lines = ["\(style.severity(finding.severity))  \(style.bold(title(finding)))  "
            + style.dim("[\(finding.kind == .combination ? "combination" : "this drug"), evidence: \(finding.evidence.rawValue)]")]
        lines.append("  \(finding.summary)")
        if let mechanism = finding.mechanism { lines.append("  Why: \(mechanism)") }
        lines.append("  What to do: \(finding.management)")
        for source in finding.sources {
            lines.append(sourceLine(source))
        }
        return lines
    }

    /// "Source: <short citation> [id]", dimmed.
    private func sourceLine(_ source: String) -> String {
        style.dim("  Source: \(citations[source].map { "\(Self.shortCitation($0)) [\(source)]" } ?? source)")
    }

    /// The first part of a citation, up to its first address or second reference, for one line of text.
    /// The full citation stays in the knowledge base and the JSON's source ids.
    static func shortCitation(_ citation: String) -> String {
        var text = citation
        for separator in [" ; ", " | ", " http"] {
            if let range = text.range(of: separator) { text = String(text[..<range.lowerBound]) }
        }
        return text.count > 160 ? String(text.prefix(159)) + "…" : text
    }
}
