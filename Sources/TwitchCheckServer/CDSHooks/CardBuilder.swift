import Foundation
import TwitchCheckKit

/// Turns findings into CDS Hooks cards: one per finding, markdown detail with mechanism,
/// management and citations, the knowledge base's version in `source.label`.
public struct CardBuilder: Sendable {
    /// `source.label` on every card, naming the knowledge base version.
    public let sourceLabel: String
    /// Each source's line in a card's "Sources" list, by source id: written once, not per card.
    let citationLines: [String: String]

    /// The longest summary CDS Hooks allows is under 140 characters.
    public static let maxSummaryLength = 139

    /// The reasons a clinician can give for going ahead anyway ("not taking the other
    /// medication" only on a combination's card).
    public static let overrideReasons: [CDSCard.Coding] = [
        .init(code: "benefit-outweighs-risk", system: system, display: "Benefit outweighs the risk"),
        .init(code: "will-monitor", system: system, display: "Will monitor the patient"),
        .init(code: "already-tolerated", system: system, display: "Patient already tolerates the combination"),
        .init(code: "not-taking", system: system, display: "Patient is not taking the other medication"),
    ]
    static let system = "urn:twitchcheck:override-reason"
    /// The reasons on a card about one drug's own risk.
    static let ownRiskOverrideReasons = overrideReasons.filter { $0.code != "not-taking" }

    /// A builder citing `sources` (every source of the knowledge base, for a service).
    public init(sourceLabel: String, sources: [Source]) {
        self.sourceLabel = sourceLabel
        var lines: [String: String] = [:]
        for source in sources where lines[source.id] == nil { lines[source.id] = Self.citationLine(source) }
        citationLines = lines
    }

    /// `critical` for contraindicated and major, `warning` for moderate, `info` for minor.
    public static func indicator(_ severity: Severity) -> String {
        switch severity {
        case .contraindicated, .major: "critical"
        case .moderate: "warning"
        case .minor: "info"
        }
    }

    /// The card for one finding.
    public func card(for finding: Finding) -> CDSCard {
        let what = finding.kind == .combination ? "\(finding.effect.displayName) risk" : finding.effect.displayName
        let summary = Self.clipped("\(finding.severity.rawValue.capitalized): \(what) — \(finding.drugs.joined(separator: " + "))")
        var detail = "**\(finding.severity.rawValue.capitalized)** (\(finding.severity.meaning)); evidence: \(finding.evidence.rawValue).\n\n"
        detail += finding.summary + "\n\n"
        if let mechanism = finding.mechanism { detail += "**Why:** \(mechanism)\n\n" }
        detail += "**What to do:** \(finding.management)\n\n**Sources:**\n"
        for id in finding.sources {
            detail += citationLines[id] ?? "- \(Self.markdownEscaped(id))\n"
        }
        return CDSCard(uuid: UUID().uuidString.lowercased(), summary: summary, detail: detail,
                       indicator: Self.indicator(finding.severity), source: .init(label: sourceLabel, topic: nil),
                       overrideReasons: finding.kind == .combination ? Self.overrideReasons : Self.ownRiskOverrideReasons)
    }

    /// `- citation ([link](url))`, the link only for an http(s) address.
    static func citationLine(_ source: Source) -> String {
        let citation = markdownEscaped(source.citation)
        if let url = source.url, !url.isEmpty, let parsed = URL(string: url), parsed.scheme?.hasPrefix("http") == true {
            return "- \(citation) ([link](\(url)))\n"
        }
        return "- \(citation)\n"
    }

    /// The info card for medications that could not be checked; never silence.
    public func notCheckedCard(_ names: [String], drafted: Bool) -> CDSCard {
        let quoted = names.map { "'\($0)'" }.joined(separator: ", ")
        let summary = Self.clipped(drafted ? "Not checked by twitchcheck: \(quoted)" : "Current medications not checked against this order: \(quoted)")
        let detail = (drafted
            ? "twitchcheck did not recognise \(names.count == 1 ? "this medication" : "these medications"), so its serotonin-syndrome, tremor, twitching and tardive-dyskinesia risks were **not checked**:\n\n"
            : "These current medications were not recognised, so their interactions with the order were **not checked**:\n\n")
            + names.map { "- \(Self.markdownEscaped($0))" }.joined(separator: "\n")
            + "\n\nCheck them by hand, or record them by generic name."
        return CDSCard(uuid: UUID().uuidString.lowercased(), summary: summary, detail: detail, indicator: "info",
                       source: .init(label: sourceLabel, topic: nil), overrideReasons: nil)
    }

    static func clipped(_ text: String) -> String {
        text.count <= maxSummaryLength ? text : String(text.prefix(maxSummaryLength - 1)) + "…"
    }

    /// Text from an EHR or the knowledge base, with markdown's active characters escaped.
    static func markdownEscaped(_ text: String) -> String {
        // Byte by byte: the active characters are ASCII, and no byte of a multi-byte UTF-8
        // sequence is ASCII, so escaping bytes escapes exactly those characters.
        guard text.utf8.contains(where: isActive) else { return text }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            if isActive(byte) { escaped.append(UInt8(ascii: "\\")) }
            escaped.append(byte)
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    /// Markdown's active characters: \\ ` * _ [ ] < > # |
    private static func isActive(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "#"), UInt8(ascii: "|"): true
        default: false
        }
    }
}
