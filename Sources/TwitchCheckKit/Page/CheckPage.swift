/// The page people use to check a list in a browser: a form, and a result page.
///
/// Plain HTML that works with no JavaScript and asks no other host for anything: the one
/// stylesheet is served by twitchcheck itself (``PageStylesheet``). Everything echoed back —
/// the typed names above all — is escaped. Severity is always written out in words, never
/// carried by colour alone.
public struct CheckPage: Sendable {
    /// The path the form posts to; its body is form-encoded with the field ``listField``.
    public static let checkPath = "/check"
    /// The form field that holds the typed list.
    public static let listField = "medications"
    /// The header every page response carries: nothing but this server's own styles and forms.
    public static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    /// Shown in the footer: which knowledge base answered (its seed digest or version).
    public let knowledgeBaseLabel: String

    public init(knowledgeBaseLabel: String) {
        self.knowledgeBaseLabel = knowledgeBaseLabel
    }

    /// The empty form, or the form again with `list` in it and a problem to fix.
    public func form(list: String = "", problem: String? = nil) -> String {
        var body = ""
        body += "<h1>Check a medication list</h1>\n"
        body += "<p class=\"lede\">Type or paste the medicines, one per line or separated by commas, as they are "
        body += "written on the box or the prescription (\u{201C}Zoloft 50mg\u{201D}, \u{201C}tramadol\u{201D}, "
        body += "\u{201C}Tylenol PM\u{201D}). twitchcheck looks for twitching, tremor, serotonin-syndrome and "
        body += "movement-disorder risks: each medicine\u{2019}s own, and those a combination adds.</p>\n"
        if let problem {
            body += "<p class=\"problem\" role=\"alert\"><strong>Please fix:</strong> \(HTMLText.escape(problem))</p>\n"
        }
        body += listForm(list: list, label: "Medications", button: "Check these medicines")
        return document(title: "Check a medication list — twitchcheck", body: body)
    }

    /// The result of checking `list`: the verdict first, then what was not checked, the findings,
    /// when to see a doctor, and the sources.
    public func result(_ report: CheckReport, list: TypedMedicationList, sources: [CitedSource]) -> String {
        let references = Dictionary(sources.enumerated().map { ($1.id, (number: $0 + 1, source: $1)) },
                                    uniquingKeysWith: { first, _ in first })
        var body = verdict(report)
        body += notChecked(report, list: list)
        body += findings(report, references: references)
        body += guidance(report, references: references)
        body += checkedMedicines(report)
        body += referenceList(sources)
        body += "<section aria-labelledby=\"again\" class=\"again\">\n<h2 id=\"again\">Change the list</h2>\n"
        body += listForm(list: list.text, label: "Medications", button: "Check again")
        body += "</section>\n"
        return document(title: "\(verdictTitle(report)) — twitchcheck", body: body)
    }

    // MARK: - Sections

    private func verdictTitle(_ report: CheckReport) -> String {
        if let highest = report.highestSeverity { return "Highest severity: \(highest.rawValue)" }
        return report.unrecognized.isEmpty ? "No risks found" : "Not everything was checked"
    }

    private func verdict(_ report: CheckReport) -> String {
        var html = "<section aria-labelledby=\"verdict\" class=\"verdict\">\n"
        if let highest = report.highestSeverity {
            html += "<h1 id=\"verdict\">\(badge(highest)) Highest severity: \(Self.word(highest))</h1>\n"
            html += "<p class=\"meaning\">\(HTMLText.escape(capitalized(highest.meaning))).</p>\n"
            let counts = Severity.allCases.reversed().compactMap { severity -> String? in
                let count = report.findings.filter { $0.severity == severity }.count
                return count == 0 ? nil : "\(count) \(severity.rawValue)"
            }
            html += "<p class=\"counts\">\(report.findings.count == 1 ? "1 finding" : "\(report.findings.count) findings"): "
            html += counts.joined(separator: ", ") + "</p>\n"
        } else if report.unrecognized.isEmpty {
            html += "<h1 id=\"verdict\">No twitching, tremor, serotonin-syndrome or movement-disorder risks found</h1>\n"
            html += "<p class=\"meaning\">Among the \(report.medications.count) medicine(s) checked, the knowledge base "
            html += "lists none of these risks.</p>\n"
        } else {
            html += "<h1 id=\"verdict\">Not everything was checked</h1>\n"
            html += "<p class=\"meaning\">No risks were found among the names recognised, but the names below were "
            html += "not recognised, so their risks are unknown.</p>\n"
        }
        if !report.unrecognized.isEmpty {
            let count = report.unrecognized.count
            html += "<p class=\"warning\"><strong>\(count) name\(count == 1 ? " was" : "s were") not checked.</strong></p>\n"
        }
        return html + "</section>\n"
    }

    private func notChecked(_ report: CheckReport, list: TypedMedicationList) -> String {
        let leftovers = report.medications.filter { !$0.unmatchedWords.isEmpty }
        guard !report.unrecognized.isEmpty || !leftovers.isEmpty else { return "" }
        var html = "<section aria-labelledby=\"not-checked\" class=\"not-checked\">\n"
        html += "<h2 id=\"not-checked\">Not checked</h2>\n"
        if !report.unrecognized.isEmpty {
            html += "<p>These names were not recognised, so their risks are unknown. Check the spelling, or use the "
            html += "generic name from the box.</p>\n<ul>\n"
            for name in report.unrecognized {
                html += "<li><strong class=\"typed\">\(HTMLText.escape(name.input))</strong>"
                if name.suggestions.isEmpty {
                    html += " — no close names found.</li>\n"
                    continue
                }
                html += " — did you mean:\n"
                for suggestion in name.suggestions {
                    let corrected = list.replacing(name.input, with: suggestion)
                    html += "<form method=\"post\" action=\"\(Self.checkPath)\" class=\"suggestion\">"
                    html += "<input type=\"hidden\" name=\"\(Self.listField)\" value=\"\(HTMLText.escape(corrected.text))\">"
                    html += "<button type=\"submit\">\(HTMLText.escape(suggestion))</button></form>\n"
                }
                html += "</li>\n"
            }
            html += "</ul>\n"
        }
        if !leftovers.isEmpty {
            html += "<p>Some words beside a recognised medicine were not understood; if one of them is another "
            html += "medicine, put it on a line of its own.</p>\n<ul>\n"
            for medication in leftovers {
                html += "<li><strong class=\"typed\">\(HTMLText.escape(medication.input))</strong>: "
                html += HTMLText.escape(medication.unmatchedWords.joined(separator: ", ")) + "</li>\n"
            }
            html += "</ul>\n"
        }
        return html + "</section>\n"
    }

    private func findings(_ report: CheckReport, references: [String: (number: Int, source: CitedSource)]) -> String {
        guard !report.findings.isEmpty else { return "" }
        var html = "<section aria-labelledby=\"findings\">\n<h2 id=\"findings\">Findings, most serious first</h2>\n"
        for finding in report.findings {
            let kind = finding.kind == .combination ? "taken together" : "this medicine on its own"
            html += "<article class=\"finding \(finding.severity.rawValue)\">\n"
            html += "<h3>\(badge(finding.severity)) \(HTMLText.escape(capitalized(finding.effectDisplayName))) — "
            html += "\(HTMLText.escape(finding.drugs.joined(separator: " + ")))</h3>\n"
            html += "<p class=\"kind\">\(kind); evidence: \(HTMLText.escape(finding.evidence.rawValue))</p>\n"
            html += "<p>\(HTMLText.escape(finding.summary))</p>\n<dl>\n"
            if let mechanism = finding.mechanism {
                html += "<dt>Why</dt><dd>\(HTMLText.escape(mechanism))</dd>\n"
            }
            html += "<dt>What to do</dt><dd>\(HTMLText.escape(finding.management))</dd>\n"
            html += "<dt>Sources</dt><dd>\(citations(finding.sources, references: references))</dd>\n</dl>\n"
            html += "</article>\n"
        }
        return html + "</section>\n"
    }

    private func guidance(_ report: CheckReport, references: [String: (number: Int, source: CitedSource)]) -> String {
        guard let guidance = report.guidance, !guidance.isEmpty else { return "" }
        var html = "<section aria-labelledby=\"doctor\">\n<h2 id=\"doctor\">When to see a doctor</h2>\n"
        for advice in guidance {
            html += "<p>\(HTMLText.escape(advice.text)) \(citations(advice.sources, references: references))</p>\n"
        }
        return html + "</section>\n"
    }

    private func checkedMedicines(_ report: CheckReport) -> String {
        guard !report.medications.isEmpty else { return "" }
        var html = "<section aria-labelledby=\"checked\">\n<h2 id=\"checked\">Medicines checked</h2>\n<ul class=\"checked\">\n"
        for medication in report.medications {
            html += "<li>\(HTMLText.escape(medication.input)) → <strong>"
            html += HTMLText.escape(medication.drugs.joined(separator: " + "))
            html += "</strong> <span class=\"how\">(\(HTMLText.escape(medication.matchedBy.rawValue)))</span></li>\n"
        }
        return html + "</ul>\n</section>\n"
    }

    private func referenceList(_ sources: [CitedSource]) -> String {
        guard !sources.isEmpty else { return "" }
        var html = "<section aria-labelledby=\"sources\">\n<h2 id=\"sources\">Sources</h2>\n<ol class=\"sources\">\n"
        for source in sources {
            html += "<li id=\"source-\(HTMLText.escape(source.id))\">\(HTMLText.escape(source.citation))"
            if let url = source.url, url.hasPrefix("https://") || url.hasPrefix("http://") {
                html += " <a href=\"\(HTMLText.escape(url))\" rel=\"noreferrer\">\(HTMLText.escape(url))</a>"
            }
            html += "</li>\n"
        }
        return html + "</ol>\n</section>\n"
    }

    // MARK: - Pieces

    private func citations(_ ids: [String], references: [String: (number: Int, source: CitedSource)]) -> String {
        ids.map { id in
            guard let reference = references[id] else { return "[\(HTMLText.escape(id))]" }
            return "<a href=\"#source-\(HTMLText.escape(id))\">[\(reference.number)]</a>"
        }.joined(separator: " ")
    }

    private func badge(_ severity: Severity) -> String {
        "<span class=\"badge \(severity.rawValue)\">\(Self.word(severity))</span>"
    }

    /// The severity as the page writes it, in capitals so it reads as a label in any colour scheme.
    static func word(_ severity: Severity) -> String { severity.rawValue.uppercased() }

    private func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    private func listForm(list: String, label: String, button: String) -> String {
        var html = "<form method=\"post\" action=\"\(Self.checkPath)\" class=\"list\">\n"
        html += "<label for=\"\(Self.listField)\">\(label)</label>\n"
        html += "<p class=\"hint\" id=\"\(Self.listField)-hint\">One per line, or separated by commas. Doses and forms are fine.</p>\n"
        html += "<textarea id=\"\(Self.listField)\" name=\"\(Self.listField)\" rows=\"8\" required "
        html += "aria-describedby=\"\(Self.listField)-hint\" autocapitalize=\"none\" spellcheck=\"false\">"
        html += HTMLText.escape(list) + "</textarea>\n"
        html += "<button type=\"submit\">\(button)</button>\n</form>\n"
        return html
    }

    private func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLText.escape(title))</title>
        <link rel="stylesheet" href="\(PageStylesheet.path)">
        </head>
        <body>
        <a class="skip" href="#main">Skip to the result</a>
        <header><p class="brand"><a href="/">twitchcheck</a></p><p class="tagline">medication risk check</p></header>
        <main id="main">
        \(body)</main>
        <footer>
        <p><strong>This is not medical advice.</strong> Do not stop or change a medicine without talking to your doctor or pharmacist.</p>
        <p class="version">Knowledge base \(HTMLText.escape(knowledgeBaseLabel)). Nothing you type leaves this server.</p>
        </footer>
        </body>
        </html>

        """
    }
}
