import Foundation
import Hummingbird

/// One line per request on standard error: method, path, status and milliseconds. Never the
/// body, the query string or any header (they can carry patient data and tokens).
struct AccessLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let write: @Sendable (String) -> Void

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        var status = 500
        defer {
            let elapsed = ContinuousClock.now - started
            let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            write("\(request.method.rawValue) \(request.uri.path) \(status) \(String(format: "%.1f", milliseconds))ms")
        }
        do {
            let response = try await next(request, context)
            status = response.status.code
            return response
        } catch let error as any HTTPResponseError {
            status = error.status.code
            throw error
        }
    }
}
