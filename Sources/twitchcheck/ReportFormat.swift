import ArgumentParser

/// `--format` of the report commands.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
    /// A FHIR R4 Bundle of DetectedIssue (`check` only).
    case fhir
}
