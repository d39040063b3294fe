/// Answers the page's requests with a medication checker: the form, and the result of a
/// submitted form. Knows nothing of HTTP libraries, so the server only routes to it.
public struct CheckPageResponder: Sendable {
    private let checker: MedicationChecker
    private let page: CheckPage

    /// A responder over a checker; the footer names the knowledge base's seed digest.
    public init(checker: MedicationChecker) {
        self.checker = checker
        let digest = (try? checker.knowledgeBase.buildInfo("seed_digest")).flatMap { $0 } ?? "unknown"
        page = CheckPage(knowledgeBaseLabel: "seeds \(digest.prefix(12))")
    }

    /// The empty form (`GET /`).
    public func form() -> PageResponse {
        PageResponse(status: 200, html: page.form())
    }

    /// The result for a submitted form body (`POST /check`), or the form again saying what to fix.
    public func result(formBody body: some Collection<UInt8>) throws -> PageResponse {
        let typed = FormBody(body).value(of: CheckPage.listField) ?? ""
        let list = TypedMedicationList(text: typed)
        if list.names.isEmpty {
            return PageResponse(status: 400, html: page.form(list: typed, problem: "type at least one medication."))
        }
        if list.names.count > MedicationListReader.maxNames {
            return PageResponse(status: 400, html: page.form(list: typed, problem:
                "the list has \(list.names.count) names; one check takes at most \(MedicationListReader.maxNames)."))
        }
        for name in list.names {
            if let problem = MedicationListReader.problem(with: name) {
                let shown = name.count > 60 ? name.prefix(60) + "…" : Substring(name)
                return PageResponse(status: 400, html: page.form(list: typed, problem: "\u{201C}\(shown)\u{201D}: \(problem)."))
            }
        }
        let report = try checker.check(list.names)
        let sources = try checker.knowledgeBase.sources(report.citedSourceIDs)
            .map { CitedSource(id: $0.id, citation: $0.citation, url: $0.url) }
        return PageResponse(status: 200, html: page.result(report, list: list, sources: sources))
    }
}
