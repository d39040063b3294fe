import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import TestScratch
import TwitchCheckKit
import TwitchCheckServer

/// A knowledge base built once per test process, and servers over it.
enum ServerFixture {
    static let databasePath: String = {
        let directory = TestScratch.root.appending(path: "twitchcheck-server-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appending(path: "kb.sqlite")
        try! KnowledgeBaseBuilder(bundle: EmbeddedSeeds.bundle()).build(at: url)
        return url.path
    }()

    /// A new empty temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = TestScratch.root.appending(path: "twitchcheck-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The application the real executable runs, over the test knowledge base.
    static func application(feedbackLog: String? = nil, trust: String? = nil,
                            accessLog: @escaping @Sendable (String) -> Void = { _ in }) async throws -> some ApplicationProtocol {
        var configuration = ServerConfiguration()
        configuration.databasePath = databasePath
        configuration.feedbackLogPath = feedbackLog
        configuration.trustPath = trust
        configuration.port = 0
        let state = try await ServerState(configuration: configuration)
        return buildApplication(configuration: configuration, state: state, page: CheckPageRoutes(), accessLog: accessLog)
    }

    /// A MedicationRequest resource with a text name.
    static func order(_ id: String, _ name: String) -> [String: Any] {
        ["resourceType": "MedicationRequest", "id": id, "status": "draft", "intent": "order",
         "subject": ["reference": "Patient/p1"], "medicationCodeableConcept": ["text": name]]
    }

    /// A searchset/collection Bundle of resources.
    static func bundle(_ resources: [[String: Any]]) -> [String: Any] {
        ["resourceType": "Bundle", "type": "collection", "entry": resources.map { ["resource": $0] }]
    }

    /// A CDS Hooks request body.
    static func hookRequest(hook: String, drafts: [(String, String)], current: [(String, String)]?,
                            selections: [String]? = nil, extra: [String: Any] = [:]) -> ByteBuffer {
        var context: [String: Any] = ["userId": "Practitioner/1", "patientId": "p1",
                                      "draftOrders": bundle(drafts.map { order($0.0, $0.1) })]
        if let selections { context["selections"] = selections }
        var body: [String: Any] = ["hook": hook, "hookInstance": UUID().uuidString, "context": context]
        if let current { body["prefetch"] = ["medications": bundle(current.map { order($0.0, $0.1) })] }
        for (key, value) in extra { body[key] = value }
        return ByteBuffer(data: try! JSONSerialization.data(withJSONObject: body))
    }

    static func json(_ buffer: ByteBuffer) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any] ?? [:]
    }

    static func cards(_ buffer: ByteBuffer) throws -> [[String: Any]] {
        try json(buffer)["cards"] as? [[String: Any]] ?? []
    }
}
