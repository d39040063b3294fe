import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import TwitchCheckKit
@testable import TwitchCheckServer

/// The CDS Hooks service, driven in-process (`.router`) and over a real socket (`.live`).
@Suite struct CDSHooksTests {
    @Test func discoveryListsOrderSelectAndOrderSignWithAMedicationsPrefetch() async throws {
        try await ServerFixture.application().test(.router) { client in
            try await client.execute(uri: "/cds-services", method: .get) { response in
                #expect(response.status == .ok)
                let services = try ServerFixture.json(response.body)["services"] as? [[String: Any]] ?? []
                #expect(services.compactMap { $0["hook"] as? String } == ["order-select", "order-sign"])
                #expect(services.compactMap { $0["id"] as? String } == ["twitchcheck-order-select", "twitchcheck-order-sign"])
                for service in services {
                    #expect((service["prefetch"] as? [String: String])?["medications"]
                        == "MedicationRequest?patient={{context.patientId}}&status=active")
                }
            }
        }
    }

    @Test(arguments: ["order-select", "order-sign"])
    func aDraftOrderThatCombinesWithACurrentMedicationGetsACriticalCard(hook: String) async throws {
        try await ServerFixture.application().test(.live) { client in
            let body = ServerFixture.hookRequest(hook: hook, drafts: [("d1", "Ultram 50 mg")],
                                                 current: [("c1", "Zoloft 50 mg"), ("c2", "lithium")])
            try await client.execute(uri: "/cds-services/twitchcheck-\(hook)", method: .post,
                                     headers: [.contentType: "application/json"], body: body) { response in
                #expect(response.status == .ok)
                let cards = try ServerFixture.cards(response.body)
                let first = try #require(cards.first)
                #expect(first["summary"] as? String == "Major: serotonin syndrome risk — sertraline + tramadol")
                #expect(first["indicator"] as? String == "critical")
                let detail = first["detail"] as? String ?? ""
                #expect(detail.contains("**Why:**") && detail.contains("**What to do:**") && detail.contains("**Sources:**"))
                #expect(((first["source"] as? [String: Any])?["label"] as? String)?.hasPrefix("twitchcheck knowledge base ") == true)
                #expect(UUID(uuidString: first["uuid"] as? String ?? "") != nil)
                #expect(!((first["overrideReasons"] as? [Any]) ?? []).isEmpty)
                for card in cards {
                    #expect((card["summary"] as? String ?? "").count < 140)
                    // lithium + sertraline are both current: that finding is not repeated on the new order.
                    #expect(!(card["summary"] as? String ?? "").contains("lithium + sertraline"))
                }
                #expect(cards.contains { $0["summary"] as? String == "Moderate: serotonin syndrome risk — lithium + tramadol" && $0["indicator"] as? String == "warning" })
                #expect(cards.contains { $0["summary"] as? String == "Minor: twitching (myoclonus) — tramadol" && $0["indicator"] as? String == "info" })
                #expect(!cards.contains { ($0["summary"] as? String ?? "").hasSuffix("— lithium") }, "a current drug's own risk is not the order's")
            }
        }
    }

    @Test func onlySelectedDraftsGetCardsAndAnUnrecognisedDraftIsReportedNotChecked() async throws {
        try await ServerFixture.application().test(.router) { client in
            let body = ServerFixture.hookRequest(hook: "order-select", drafts: [("d1", "tramadol"), ("d2", "sertralin")],
                                                 current: [], selections: ["MedicationRequest/d2"])
            try await client.execute(uri: "/cds-services/twitchcheck-order-select", method: .post, body: body) { response in
                let cards = try ServerFixture.cards(response.body)
                #expect(cards.count == 1)
                #expect(cards.first?["summary"] as? String == "Not checked by twitchcheck: 'sertralin'")
                #expect(cards.first?["indicator"] as? String == "info")
            }
        }
    }

    @Test func noPrefetchAndNoFHIRServerIs412WithAnOperationOutcome() async throws {
        try await ServerFixture.application().test(.router) { client in
            let body = ServerFixture.hookRequest(hook: "order-sign", drafts: [("d1", "tramadol")], current: nil)
            try await client.execute(uri: "/cds-services/twitchcheck-order-sign", method: .post, body: body) { response in
                #expect(response.status == .preconditionFailed)
                let outcome = try ServerFixture.json(response.body)
                #expect(outcome["resourceType"] as? String == "OperationOutcome")
                #expect(((outcome["issue"] as? [[String: Any]])?.first?["diagnostics"] as? String)?.contains("prefetch") == true)
            }
        }
    }

    @Test func withoutPrefetchTheMedicationsAreFetchedFromTheFHIRServerWithTheBearerToken() async throws {
        let stub = Router()
        stub.get("fhir/MedicationRequest") { request, _ -> Response in
            guard request.headers[.authorization] == "Bearer secret-token",
                  request.uri.queryParameters["patient"] == "p1", request.uri.queryParameters["status"] == "active" else {
                return Response(status: .unauthorized)
            }
            let bundle = ServerFixture.bundle([ServerFixture.order("c1", "sertraline")])
            return Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(data: try JSONSerialization.data(withJSONObject: bundle))))
        }
        try await Application(router: stub, configuration: .init(address: .hostname("127.0.0.1", port: 0))).test(.live) { stubClient in
            let port = try #require(stubClient.port)
            try await ServerFixture.application().test(.router) { client in
                let body = ServerFixture.hookRequest(hook: "order-select", drafts: [("d1", "tramadol")], current: nil, extra: [
                    "fhirServer": "http://127.0.0.1:\(port)/fhir",
                    "fhirAuthorization": ["access_token": "secret-token", "token_type": "Bearer", "expires_in": 300,
                                          "scope": "patient/MedicationRequest.read", "subject": "twitchcheck"],
                ])
                try await client.execute(uri: "/cds-services/twitchcheck-order-select", method: .post, body: body) { response in
                    #expect(response.status == .ok)
                    let cards = try ServerFixture.cards(response.body)
                    #expect(cards.first?["summary"] as? String == "Major: serotonin syndrome risk — sertraline + tramadol")
                }
            }
        }
    }

    @Test func feedbackIsAppendedToTheLogAsJSONLines() async throws {
        let log = try ServerFixture.temporaryDirectory().appending(path: "feedback.jsonl").path
        try await ServerFixture.application(feedbackLog: log).test(.router) { client in
            let feedback: [String: Any] = ["feedback": [
                ["card": "9f1a0c1e-0000-4000-8000-000000000001", "outcome": "overridden", "outcomeTimestamp": "2026-11-29T20:00:00Z",
                 "overrideReason": ["reason": ["code": "will-monitor", "system": "urn:twitchcheck:override-reason", "display": "Will monitor the patient"],
                                    "userComment": "low dose"]],
                ["card": "9f1a0c1e-0000-4000-8000-000000000002", "outcome": "accepted", "outcomeTimestamp": "2026-11-29T20:00:01Z"],
            ]]
            let body = ByteBuffer(data: try JSONSerialization.data(withJSONObject: feedback))
            for _ in 0..<2 {
                try await client.execute(uri: "/cds-services/twitchcheck-order-select/feedback", method: .post, body: body) { response in
                    #expect(response.status == .ok)
                }
            }
            let bad = ByteBuffer(string: #"{"feedback":[{"card":"x","outcome":"ignored"}]}"#)
            try await client.execute(uri: "/cds-services/twitchcheck-order-select/feedback", method: .post, body: bad) { response in
                #expect(response.status == .badRequest)
            }
        }
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 4)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["service"] as? String == "twitchcheck-order-select")
        #expect(first["outcome"] as? String == "overridden")
        #expect(((first["overrideReason"] as? [String: Any])?["reason"] as? [String: Any])?["code"] as? String == "will-monitor")
        #expect((first["overrideReason"] as? [String: Any])?["userComment"] as? String == "low dose")
        #expect(lines[1].contains(#""outcome":"accepted""#))
    }

    @Test func anUnknownServiceIs404WithAnOperationOutcome() async throws {
        try await ServerFixture.application().test(.router) { client in
            try await client.execute(uri: "/cds-services/nope", method: .post, body: ByteBuffer(string: "{}")) { response in
                #expect(response.status == .notFound)
                let outcome = try ServerFixture.json(response.body)
                #expect(outcome["resourceType"] as? String == "OperationOutcome")
            }
            try await client.execute(uri: "/cds-services/nope/elsewhere", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
