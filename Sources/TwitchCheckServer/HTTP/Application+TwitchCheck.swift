import Foundation
import Hummingbird
import NIOCore
import TwitchCheckKit

/// The `POST /api/check` body.
struct CheckRequest: Decodable {
    let medications: [String]
}

/// Builds the server: the CDS Hooks service, the JSON API and the page's hook, behind the
/// access log and the OperationOutcome error answers. Tests call this too. `onListening` is
/// called with the port once the server accepts connections (the real one when `port` is 0).
public func buildApplication(
    configuration: ServerConfiguration, state: ServerState, page: some PageRoutes = NoPageRoutes(),
    accessLog: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) },
    onListening: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    Application(
        router: buildRouter(state: state, page: page, accessLog: accessLog),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "twitchcheck"),
        onServerRunning: { channel in await onListening(channel.localAddress?.port ?? configuration.port) })
}

/// The router alone, for ``buildApplication(configuration:state:page:accessLog:)`` and tests.
public func buildRouter(state: ServerState, page: some PageRoutes = NoPageRoutes(),
                        accessLog: @escaping @Sendable (String) -> Void) -> Router<BasicRequestContext> {
    let router = Router()
    router.add(middleware: AccessLogMiddleware(write: accessLog))
    router.add(middleware: OperationOutcomeMiddleware())

    router.get("cds-services") { _, _ in
        try jsonResponse(["services": CDSServiceDescription.all])
    }
    router.post("cds-services/:id") { request, context in
        let service = try hookService(context)
        try await verifyCaller(request, service: service, state: state)
        let body = try await collect(request, limit: state.maxBodyBytes)
        // Cards on one line: an EHR reads them, no person, and they are most of the server's output.
        let cards = try await state.hooks.cards(for: service, body: body)
        return Response(status: .ok, headers: [.contentType: "application/json"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: CDSCardsJSON.encode(cards))))
    }
    router.post("cds-services/:id/feedback") { request, context in
        let service = try hookService(context)
        try await verifyCaller(request, service: service, state: state)
        let body = try await collect(request, limit: state.maxBodyBytes)
        let feedback: CDSFeedback
        do {
            feedback = try JSONDecoder().decode(CDSFeedback.self, from: body)
        } catch {
            throw ServerError.invalid("expected {\"feedback\": [{\"card\": UUID, \"outcome\": \"accepted\" or \"overridden\", ...}]}")
        }
        if let bad = feedback.feedback.first(where: { !["accepted", "overridden"].contains($0.outcome) }) {
            throw ServerError.invalid("outcome '\(bad.outcome)' is neither 'accepted' nor 'overridden'")
        }
        try await state.feedbackLog?.append(FeedbackRecord.lines(feedback, service: service.id, received: Date()))
        return Response(status: .ok)
    }
    router.post("api/check") { request, _ in
        let body = try await collect(request, limit: state.maxBodyBytes)
        let medications: [String]
        do {
            medications = try JSONDecoder().decode(CheckRequest.self, from: body).medications
        } catch {
            throw ServerError.invalid("expected {\"medications\": [\"name\", ...]}")
        }
        guard !medications.isEmpty, medications.count <= MedicationListReader.maxNames else {
            throw ServerError.invalid("give between 1 and \(MedicationListReader.maxNames) medications")
        }
        for (index, name) in medications.enumerated() {
            if let problem = MedicationListReader.problem(with: name) { throw ServerError.invalid("medications[\(index)]: \(problem)") }
        }
        return try jsonResponse(state.checker.check(medications))
    }
    page.addRoutes(to: router, checker: state.checker)
    return router
}

private func hookService(_ context: BasicRequestContext) throws -> CDSServiceDescription {
    let id = context.parameters.get("id") ?? ""
    guard let service = CDSServiceDescription.all.first(where: { $0.id == id }) else {
        throw ServerError(.notFound, code: "not-found", "no CDS service '\(id)'; GET /cds-services lists them")
    }
    return service
}

/// With `--trust`, the caller's JWT must be valid for this service's URL.
private func verifyCaller(_ request: Request, service: CDSServiceDescription, state: ServerState) async throws {
    guard let trust = state.trust else { return }
    let host = request.head.authority ?? ""  // HTTP/1.1's Host header
    let path = "/cds-services/\(service.id)"
    try await trust.verify(authorization: request.headers[.authorization],
                           serviceURLs: ["http://\(host)\(path)", "https://\(host)\(path)"])
}

/// The body, or 413 when it is larger than `limit`.
private func collect(_ request: Request, limit: Int) async throws -> Data {
    do {
        return Data(try await request.body.collect(upTo: limit).readableBytesView)
    } catch is NIOTooManyBytesError {
        throw ServerError(.contentTooLarge, code: "too-costly", "the request body is larger than \(limit / 1_048_576) MiB")
    }
}

private func jsonResponse(_ value: some Encodable) throws -> Response {
    let text = try ReportEncoding.json(value)
    return Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
}
