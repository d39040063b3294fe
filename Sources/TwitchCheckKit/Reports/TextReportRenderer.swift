/// Renders a ``CheckReport`` for a pharmacist reading at a glance.
///
/// Most important first: the verdict (highest severity, counts by severity, names not
/// checked), the names not checked, drugs that come in twice, then the findings from most
/// to least severe, grouped where they say the same thing; minor findings last and brief.
/// Each source is listed once, numbered, at the end and cited by number. Every line is
/// wrapped to the width at spaces with a hanging indent; severity is always written as a
/// word, so colour is never its only carrier.
public struct TextReportRenderer: Sendable {
    public let style: TerminalStyle
    /// Citations by source id, for the references.
    public let citations: [String: String]
    /// How lines are wrapped.
    public let wrapper: TextWrapper

    public init(style: TerminalStyle, citations: [String: String], width: Int = TextWrapper.defaultWidth) {
        self.style = style
        self.citations = citations
        self.wrapper = TextWrapper(width: width)
    }

    public static let disclaimer =
        "This is not medical advice. Do not stop or change a medicine without talking to your doctor or pharmacist."

    /// The report as text, ending with a newline.
    public func render(_ report: CheckReport) -> String {
        let groups = FindingGroup.grouping(report.findings)
        let serious = groups.filter { $0.lead.severity > .minor }
        let minor = groups.filter { $0.lead.severity == .minor }
        let references = ReferenceNumbers(serious.flatMap(\.sources) + minor.flatMap(\.sources)
            + (report.guidance ?? []).flatMap(\.sources))
        var lines = verdict(report)
        lines += notChecked(report)
        lines += duplicates(report)
        for group in serious {
            lines.append("")
            lines += detailed(group, references: references)
        }
        if !minor.isEmpty {
            lines.append("")
            lines += wrapper.wrap(style.bold("Minor (usually no action beyond awareness):"), hanging: "  ")
            for group in minor {
                let text = "\(style.severity(.minor)) \(title(group)): \(group.lead.summary) \(references.cite(group.sources))"
                lines += wrapper.wrap(text, indent: "  ", hanging: "    ")
            }
        }
        lines += burden(report, serious: serious)
        if let guidance = report.guidance, !guidance.isEmpty {
            lines += ["", style.bold("When to see a doctor:")]
            for advice in guidance {
                lines += wrapper.wrap("- \(advice.text) \(references.cite(advice.sources))", indent: "  ", hanging: "    ")
            }
        }
        lines += recognised(report)
        lines += stoppedLines(report)
        if !references.ids.isEmpty {
            lines.append("")
            lines += wrapper.wrap(style.bold("Sources") + " (each in full: twitchcheck sql "
                + "\"SELECT citation, url FROM sources WHERE id = '\(references.ids[0])'\"):", hanging: "  ")
            for (index, id) in references.ids.enumerated() {
                let head = "[\(index + 1)] \(id)"
                lines.append(citations[id].map { wrapper.fit(head + " — " + Self.shortCitation($0), indent: "  ") } ?? "  " + head)
            }
        }
        lines.append("")
        lines += wrapper.wrap(style.dim(Self.disclaimer))
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Sections

    /// The first lines: the highest severity, the counts, and what was not checked.
    private func verdict(_ report: CheckReport) -> [String] {
        var lines: [String] = []
        let partly = report.medications.filter { !$0.unmatchedWords.isEmpty }.count
        if let highest = report.highestSeverity {
            lines += wrapper.wrap(style.bold("Highest severity:") + " \(style.severity(highest)) (\(highest.meaning))", hanging: "  ")
        } else if report.allRecognized {
            lines += wrapper.wrap(style.bold("No twitching, tremor, serotonin-syndrome or tardive-dyskinesia risks found."))
        } else {
            lines += wrapper.wrap(style.bold("No risks found among the recognised names,")
                + " but the list is not cleared: some of it was not checked (below).")
        }
        var parts: [String] = []
        let counts = report.countsBySeverity
        let total = counts.values.reduce(0, +)
        if total > 0 {
            let bySeverity = Severity.allCases.reversed().compactMap { severity in
                counts[severity].map { "\($0) \(severity.rawValue)" }
            }
            var text = "\(Self.count(total, "finding")): \(bySeverity.joined(separator: ", "))"
            if let minimum = report.minSeverity, report.leftOutCount > 0 {
                text += " (\(report.leftOutCount) below \(minimum.rawValue) not shown: --min-severity \(minimum.rawValue))"
            }
            parts.append(text)
        }
        let names = report.medications.count + report.unrecognized.count + report.stopped.count
        if !report.unrecognized.isEmpty {
            parts.append(style.warning("\(report.unrecognized.count) of \(names) names NOT CHECKED"))
        } else if partly == 0 {
            parts.append(names == 1 ? "the name was recognised" : "all \(names) names recognised")
        }
        if partly > 0 {
            parts.append(style.warning("\(partly) of \(names) names with words not understood"))
        }
        if !report.duplicates.isEmpty {
            parts.append("\(Self.count(report.duplicates.count, "drug")) given twice")
        }
        let sentence = parts.joined(separator: "; ")
        lines += wrapper.wrap(sentence.prefix(1).uppercased() + sentence.dropFirst() + ".", hanging: "  ")
        return lines
    }

    private func notChecked(_ report: CheckReport) -> [String] {
        guard !report.unrecognized.isEmpty else { return [] }
        var lines = [""]
        lines += wrapper.wrap(style.warning("NOT CHECKED — these names were not recognised, so their risks are unknown:"))
        for name in report.unrecognized {
            let hint = name.reason == .unreadableDate
                ? "the stop date could not be read; write it as YYYY-MM-DD (\"fluoxetine stopped 2026-11-01\")"
                : name.reason == .ambiguous
                ? "ambiguous: may mean \(name.suggestions.joined(separator: " or ")); write the drug's name"
                : name.suggestions.isEmpty
                ? "no close names found; check the spelling or use the generic name"
                : "did you mean: \(name.suggestions.joined(separator: ", "))?"
            lines += wrapper.wrap("? \(name.input) — \(hint)", indent: "  ", hanging: "    ")
        }
        return lines
    }

    private func duplicates(_ report: CheckReport) -> [String] {
        guard !report.duplicates.isEmpty else { return [] }
        var lines = [""]
        lines += wrapper.wrap(style.warning("SAME DRUG MORE THAN ONCE — check for a double dose:"))
        for duplicate in report.duplicates {
            lines += wrapper.wrap("= \(duplicate.drug) — in \(duplicate.inputs.joined(separator: ", "))", indent: "  ", hanging: "    ")
        }
        return lines
    }

    private func title(_ group: FindingGroup) -> String {
        let separator = group.lead.kind == .combination && group.findings.count == 1 ? " + " : ", "
        return "\(group.lead.effectDisplayName) — \(group.drugs.joined(separator: separator))"
    }

    private func detailed(_ group: FindingGroup, references: ReferenceNumbers) -> [String] {
        let finding = group.lead
        let kind = finding.kind == .combination
            ? (group.findings.count == 1 ? "combination" : "\(group.findings.count) combinations")
            : "this drug"
        var lines = wrapper.wrap("\(style.severity(finding.severity))  \(style.bold(title(group)))  "
            + style.dim("[\(kind), evidence: \(finding.evidence.rawValue)]"), hanging: "  ")
        if finding.kind == .combination && group.findings.count > 1 {
            lines += wrapper.wrap("Pairs: " + group.findings.map { $0.drugs.joined(separator: " + ") }.joined(separator: "; "),
                                  indent: "  ", hanging: "    ")
        }
        lines += wrapper.wrap("\(finding.summary) \(references.cite(group.sources))", indent: "  ", hanging: "    ")
        if let mechanism = finding.mechanism {
            lines += wrapper.wrap("Why: \(mechanism)", indent: "  ", hanging: "    ")
        }
        lines += wrapper.wrap("What to do: \(finding.management)", indent: "  ", hanging: "    ")
        return lines
    }

    /// A burden line adds to the report only where no combination finding already says it.
    private func burden(_ report: CheckReport, serious: [FindingGroup]) -> [String] {
        let scores = [(report.burden?.serotonergic, Effect.serotoninSyndrome), (report.burden?.tremor, Effect.tremor)]
            .compactMap { score, effect in
                score?.notable == true && !serious.contains { $0.lead.kind == .combination && $0.lead.effect == effect }
                    ? score : nil
            }
        return scores.flatMap { score in [""] + wrapper.wrap(style.bold("Burden:") + " " + (score.note ?? ""), hanging: "  ") }
    }

    /// The recognised names in one paragraph; a name shows what it was read as when that differs.
    private func recognised(_ report: CheckReport) -> [String] {
        guard !report.medications.isEmpty else { return [] }
        let names = report.medications.count + report.unrecognized.count + report.stopped.count
        let items = report.medications.map { medication in
            let drugs = medication.drugs.joined(separator: " + ")
            var item = medication.input.lowercased() == drugs ? medication.input : "\(medication.input) → \(drugs)"
            if !medication.unmatchedWords.isEmpty {
                item += style.warning(" (words not understood: \(medication.unmatchedWords.joined(separator: ", ")))")
            }
            return item
        }
        return [""] + wrapper.wrap(style.bold("Recognised (\(report.medications.count) of \(names)):") + " "
            + items.joined(separator: "; ") + ".", hanging: "  ")
    }

    /// The stopped items, each with its drugs and how long ago it was stopped.
    private func stoppedLines(_ report: CheckReport) -> [String] {
        guard !report.stopped.isEmpty else { return [] }
        let items = report.stopped.map { item in
            let when = item.daysSinceStop < 0 ? "still taken until then"
                : "\(Self.count(item.daysSinceStop, "day")) ago; checked for washout intervals only"
            return "\(item.medication.drugs.joined(separator: " + ")) stopped \(item.stopped) (\(when))"
        }
        return wrapper.wrap(style.bold("Stopped:") + " " + items.joined(separator: "; ") + ".", hanging: "  ")
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// The first part of a citation, up to its first address or second reference, for one line of text.
    /// The full citation stays in the knowledge base and the JSON's source ids.
    static func shortCitation(_ citation: String) -> String {
        // A byte search: Foundation's range(of:), or the generic firstRange(of:), costs a `check` a millisecond on first use.
        let bytes = Array(citation.utf8)
        var end = bytes.count
        for separator in [" ; ", " | ", " http"].map({ Array($0.utf8) }) {
            if let start = (0..<max(0, end - separator.count + 1)).first(where: { bytes[$0..<$0 + separator.count].elementsEqual(separator) }) {
                end = start
            }
        }
        let text = String(decoding: bytes[..<end], as: UTF8.self)
        guard text.count > 120 else { return text }
        let cut = text.prefix(119)
        return String(cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut) + " …"
    }
}
