import Foundation
import Hummingbird
import TwitchCheckKit

/// Answers every failure with a FHIR `OperationOutcome` and the right status: a refused request
/// with its reason, Hummingbird's own errors (404, 413, ...) with theirs, anything unexpected
/// with a plain 500 — never a stack trace or an internal message.
struct OperationOutcomeMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as ServerError {
            return Self.response(error.status, error.outcome)
        } catch let error as HTTPError {
            let code = switch error.status {
            case .contentTooLarge: "too-costly"
            case .notFound: "not-found"
            case .unauthorized, .forbidden: "security"
            default: "invalid"
            }
            let message = error.status == .contentTooLarge
                ? "the request body is larger than 1 MiB"
                : (error.body ?? error.status.reasonPhrase)
            return Self.response(error.status, .error(code, message))
        } catch {
            context.logger.error("unexpected error: \(String(reflecting: type(of: error)))")
            return Self.response(.internalServerError, .error("exception", "the server could not answer this request"))
        }
    }

    static func response(_ status: HTTPResponse.Status, _ outcome: FHIROperationOutcome) -> Response {
        let body = (try? ReportEncoding.json(outcome)) ?? #"{"resourceType":"OperationOutcome","issue":[]}"#
        return Response(status: status, headers: [.contentType: "application/fhir+json"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}
