import Foundation
import Hummingbird
import HummingbirdTesting
import JWTKit
import NIOCore
import Testing
import TwitchCheckKit
@testable import TwitchCheckServer

/// The JSON API, bad and oversized bodies, the access log, and JWT trust.
@Suite struct APIAndSecurityTests {
    @Test func apiCheckAnswersExactlyWhatCheckFormatJSONPrints() async throws {
        let checker = try MedicationChecker(knowledgeBase: KnowledgeBase(path: ServerFixture.databasePath))
        let expected = try ReportEncoding.json(checker.check(["Zoloft 50mg", "tramadol", "sertralin"]))
        try await ServerFixture.application().test(.live) { client in
            let body = ByteBuffer(string: #"{"medications": ["Zoloft 50mg", "tramadol", "sertralin"]}"#)
            try await client.execute(uri: "/api/check", method: .post, headers: [.contentType: "application/json"], body: body) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                #expect(String(buffer: response.body) == expected)
            }
        }
    }

    /// Bodies a hostile or broken client sends: each a 4xx with an OperationOutcome, and the server keeps serving.
    @Test(arguments: [
        ("/api/check", "{not json", 400),
        ("/api/check", #"{"medications": "sertraline"}"#, 400),
        ("/api/check", #"{"medications": []}"#, 400),
        ("/api/check", #"{"medications": ["a\u0007b"]}"#, 400),
        ("/cds-services/twitchcheck-order-select", "[1,2]", 400),
        ("/cds-services/twitchcheck-order-select", #"{"hook":"order-sign","context":{}}"#, 400),
        ("/cds-services/twitchcheck-order-select", #"{"hook":"order-select","context":{"patientId":"p"}}"#, 400),
        ("/cds-services/twitchcheck-order-select", #"{"hook":"order-select","context":{"draftOrders":{"resourceType":"Patient"}},"prefetch":{"medications":null}}"#, 400),
    ])
    func malformedBodiesGetAnOperationOutcomeAndTheServerKeepsServing(path: String, body: String, status: Int) async throws {
        // In process: eight cases at once over sockets can outlast the test client's fixed 20 s
        // read timeout on a loaded 2-core machine; the other suites cover the real socket.
        try await ServerFixture.application().test(.router) { client in
            try await client.execute(uri: path, method: .post, body: ByteBuffer(string: body)) { response in
                #expect(response.status.code == status)
                let outcome = try ServerFixture.json(response.body)
                        #expect(outcome["resourceType"] as? String == "OperationOutcome")
                let text = String(buffer: response.body)
                #expect(!text.contains("Swift") && !text.contains(".swift:"), "no internals in an answer")
            }
            try await client.execute(uri: "/cds-services", method: .get) { #expect($0.status == .ok) }
        }
    }

    @Test func aBodyOverOneMebibyteIs413() async throws {
        try await ServerFixture.application().test(.live) { client in
            let name = String(repeating: "a", count: 1 << 20)
            try await client.execute(uri: "/api/check", method: .post, body: ByteBuffer(string: #"{"medications":[""# + name + #""]}"#)) { response in
                #expect(response.status == .contentTooLarge)
                let outcome = try ServerFixture.json(response.body)
                        #expect(outcome["resourceType"] as? String == "OperationOutcome")
            }
            try await client.execute(uri: "/api/check", method: .post, body: ByteBuffer(string: #"{"medications":["lithium"]}"#)) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func eachRequestLogsMethodPathStatusAndTimeButNeverTheBody() async throws {
        let lines = LogLines()
        try await ServerFixture.application(accessLog: { lines.append($0) }).test(.router) { client in
            _ = try await client.execute(uri: "/api/check", method: .post, body: ByteBuffer(string: #"{"medications":["secret-patient-drug"]}"#))
            _ = try await client.execute(uri: "/nowhere", method: .get)
        }
        let logged = lines.all
        #expect(logged.count == 2)
        #expect(logged[0].hasPrefix("POST /api/check 200 ") && logged[0].hasSuffix("ms"))
        #expect(logged[1].hasPrefix("GET /nowhere 404 "))
        #expect(!logged.joined().contains("secret-patient-drug"))
    }

    // MARK: - JWT

    struct Claims: JWTPayload {
        let iss: IssuerClaim
        let aud: AudienceClaim
        let exp: ExpirationClaim
        let iat: IssuedAtClaim
        let jti: IDClaim
        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    /// A signing key and a trust file naming its public half for `https://ehr.example`.
    static func trustedIssuer() async throws -> (keys: JWTKeyCollection, trustPath: String) {
        let key = ES384PrivateKey()
        let parameters = try #require(key.publicKey.parameters)
        let trust: [String: Any] = ["issuers": [["iss": "https://ehr.example", "jwks": ["keys": [
            ["kty": "EC", "crv": "P-384", "x": parameters.x, "y": parameters.y, "kid": "ehr-1", "alg": "ES384", "use": "sig"],
        ]]]]]
        let path = try ServerFixture.temporaryDirectory().appending(path: "trust.json").path
        try JSONSerialization.data(withJSONObject: trust).write(to: URL(fileURLWithPath: path))
        let keys = JWTKeyCollection()
        await keys.add(ecdsa: key, kid: "ehr-1")
        return (keys, path)
    }

    static func token(_ keys: JWTKeyCollection, iss: String = "https://ehr.example",
                      aud: String = "http://localhost/cds-services/twitchcheck-order-select",
                      // An hour: every case is signed before the first is sent, and a loaded machine can take minutes.
                      expiresIn: TimeInterval = 3600, jti: String = UUID().uuidString) async throws -> String {
        let claims = Claims(iss: .init(value: iss), aud: .init(value: [aud]), exp: .init(value: Date().addingTimeInterval(expiresIn)),
                            iat: .init(value: Date()), jti: .init(value: jti))
        return try await keys.sign(claims, kid: "ehr-1")
    }

    @Test func withATrustFileOnlyAValidUnusedJWTForThisServiceIsAccepted() async throws {
        let (keys, trustPath) = try await Self.trustedIssuer()
        let (otherKeys, _) = try await Self.trustedIssuer()
        let body = ServerFixture.hookRequest(hook: "order-select", drafts: [("d1", "tramadol")], current: [])
        try await ServerFixture.application(trust: trustPath).test(.router) { client in
            // Tokens are signed once the server is up: under load, starting it can take longer than a token lives.
            let replayed = try await Self.token(keys)
            let cases: [(String?, HTTPResponse.Status)] = [
                (try await Self.token(keys), .ok),
                (replayed, .ok),
                (replayed, .unauthorized),  // the same jti twice
                (nil, .unauthorized),
                (try await Self.token(otherKeys), .unauthorized),  // signed by a key the trust file does not hold
                (try await Self.token(keys, iss: "https://other.example"), .unauthorized),
                (try await Self.token(keys, aud: "http://localhost/cds-services/twitchcheck-order-sign"), .unauthorized),
                (try await Self.token(keys, expiresIn: -60), .unauthorized),
            ]
            for (index, (token, status)) in cases.enumerated() {
                var headers: HTTPFields = [:]
                if let token { headers[.authorization] = "Bearer \(token)" }
                try await client.execute(uri: "http://localhost/cds-services/twitchcheck-order-select", method: .post, headers: headers, body: body) { response in
                    #expect(response.status == status, "case \(index): \(String(buffer: response.body))")
                    if status == .unauthorized {
                        let outcome = try ServerFixture.json(response.body)
                        #expect(outcome["resourceType"] as? String == "OperationOutcome")
                    }
                }
            }
            try await client.execute(uri: "/cds-services", method: .get) { #expect($0.status == .ok, "discovery stays open") }
        }
    }
}

/// Lines collected from the access log across tasks.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
