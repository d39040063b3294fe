/// A FHIR R4 `OperationOutcome`: what could not be done, and why.
public struct FHIROperationOutcome: Codable, Sendable, Equatable {
    /// One `issue` element.
    public struct Issue: Codable, Sendable, Equatable {
        /// `fatal`, `error`, `warning` or `information`.
        public var severity: String
        /// An IssueType code: `invalid`, `not-found`, `processing`, `too-costly`, `security`, ...
        public var code: String
        public var details: FHIRCodeableConcept?
        public var diagnostics: String?
        public var expression: [String]?

        public init(severity: String, code: String, diagnostics: String, details: FHIRCodeableConcept? = nil, expression: [String]? = nil) {
            self.severity = severity
            self.code = code
            self.diagnostics = diagnostics
            self.details = details
            self.expression = expression
        }
    }

    public var resourceType = "OperationOutcome"
    public var id: String?
    public var issue: [Issue]

    public init(id: String? = nil, issue: [Issue]) {
        self.id = id
        self.issue = issue
    }

    /// An outcome with one error issue, as servers answer a request they refuse.
    public static func error(_ code: String, _ diagnostics: String) -> FHIROperationOutcome {
        FHIROperationOutcome(issue: [Issue(severity: "error", code: code, diagnostics: diagnostics)])
    }
}
