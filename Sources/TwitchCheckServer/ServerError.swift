import Hummingbird
import TwitchCheckKit

/// A request the server refuses, with the HTTP status and the FHIR `OperationOutcome` it answers with.
public struct ServerError: Error, Sendable {
    public let status: HTTPResponse.Status
    public let outcome: FHIROperationOutcome

    public init(_ status: HTTPResponse.Status, code: String, _ diagnostics: String) {
        self.status = status
        self.outcome = .error(code, diagnostics)
    }

    /// A body that is not the JSON (or FHIR) the endpoint expects.
    public static func invalid(_ diagnostics: String) -> ServerError {
        ServerError(.badRequest, code: "invalid", diagnostics)
    }
}
