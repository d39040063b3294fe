import Hummingbird
import NIOCore
import TwitchCheckKit

/// The page for people (issue 15): `GET /` the form, `POST /check` the result, and the one
/// stylesheet. Every page answer carries a strict Content-Security-Policy and is never cached,
/// since it holds a person's medication list.
public struct CheckPageRoutes: PageRoutes {
    /// The largest form body accepted, in bytes (the same bound as the JSON API's).
    public let maxBodyBytes: Int

    public init(maxBodyBytes: Int = 1 << 20) {
        self.maxBodyBytes = maxBodyBytes
    }

    public func addRoutes(to router: Router<BasicRequestContext>, checker: MedicationChecker) {
        let responder = CheckPageResponder(checker: checker)
        let limit = maxBodyBytes
        router.get("/") { _, _ in
            Self.html(responder.form())
        }
        router.post(RouterPath(CheckPage.checkPath)) { request, _ in
            let body: ByteBuffer
            do {
                body = try await request.body.collect(upTo: limit)
            } catch is NIOTooManyBytesError {
                throw ServerError(.contentTooLarge, code: "too-costly", "the list is larger than \(limit / 1_048_576) MiB")
            }
            return Self.html(try responder.result(formBody: body.readableBytesView))
        }
        router.get(RouterPath(PageStylesheet.path)) { _, _ in
            Response(status: .ok,
                     headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600",
                               .init("X-Content-Type-Options")!: "nosniff"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: PageStylesheet.css)))
        }
    }

    private static func html(_ page: PageResponse) -> Response {
        Response(status: HTTPResponse.Status(code: page.status),
                 headers: [.contentType: "text/html; charset=utf-8",
                           .init("Content-Security-Policy")!: CheckPage.contentSecurityPolicy,
                           .init("X-Content-Type-Options")!: "nosniff",
                           .init("Referrer-Policy")!: "no-referrer",
                           .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: page.html)))
    }
}
