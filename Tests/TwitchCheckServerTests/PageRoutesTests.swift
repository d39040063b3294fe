import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import TwitchCheckKit
@testable import TwitchCheckServer

/// The page for people as the server answers it: the form, a submitted list, the stylesheet,
/// and the headers that keep the page to this server alone.
@Suite struct PageRoutesTests {
    @Test func theFormIsServedWithAStrictPolicyAndNoCaching() async throws {
        try await ServerFixture.application().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.headers[HTTPField.Name("Content-Security-Policy")!] == CheckPage.contentSecurityPolicy)
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(String(buffer: response.body).contains("<textarea id=\"medications\" name=\"medications\""))
            }
        }
    }

    @Test func aSubmittedListGetsItsResultPage() async throws {
        try await ServerFixture.application().test(.router) { client in
            let body = ByteBuffer(string: "medications=phenelzine%0D%0Ameperidine%2C+%3Cb%3Ex")
            try await client.execute(uri: "/check", method: .post,
                                     headers: [.contentType: "application/x-www-form-urlencoded"], body: body) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("Highest severity: CONTRAINDICATED</h1>"))
                #expect(html.contains("&lt;b&gt;x"), "the typed name is echoed escaped")
                #expect(!html.contains("<b>x"))
            }
            try await client.execute(uri: "/check", method: .post, body: ByteBuffer(string: "medications=")) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("type at least one medication."))
            }
        }
    }

    @Test func theStylesheetIsServedByTheServerItself() async throws {
        try await ServerFixture.application().test(.router) { client in
            try await client.execute(uri: PageStylesheet.path, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
                #expect(String(buffer: response.body) == PageStylesheet.css)
            }
        }
    }
}
