import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TwitchCheckKit
@testable import TwitchCheckServer

/// The cards' hand-written JSON is byte for byte what `JSONEncoder` writes (sorted keys, slashes as
/// they are), so an EHR sees the same answer however the server encodes it.
@Suite struct CDSCardsJSONTests {
    private func encoderBytes(_ cards: [CDSCard]) throws -> String {
        try ReportEncoding.jsonLine(["cards": cards])
    }

    private func handWritten(_ cards: [CDSCard]) -> String {
        String(decoding: CDSCardsJSON.encode(cards), as: UTF8.self)
    }

    @Test func everyCharacterIsEscapedAsTheEncoderEscapesIt() throws {
        // Every ASCII character, and non-ASCII ones of 2, 3 and 4 bytes (line separator, BOM, emoji).
        let ascii = String(decoding: (0..<128).map(UInt8.init), as: UTF8.self)
        for text in [ascii, "é — ü\u{2028}\u{FEFF}😀 http://x/y", "", "\"\\/"] {
            let card = CDSCard(uuid: text, summary: text, detail: text, indicator: text,
                               source: .init(label: text, topic: .init(code: text, system: text, display: text)),
                               overrideReasons: [.init(code: text, system: text, display: text)])
            #expect(handWritten([card]) == (try encoderBytes([card])))
        }
    }

    @Test func absentFieldsAndEmptyListsAreWrittenAsTheEncoderWritesThem() throws {
        let bare = CDSCard(uuid: "u", summary: "s", detail: "d", indicator: "info",
                           source: .init(label: "l", topic: nil), overrideReasons: nil)
        let noReasons = CDSCard(uuid: "u", summary: "s", detail: "d", indicator: "info",
                                source: .init(label: "l", topic: nil), overrideReasons: [])
        for cards in [[], [bare], [bare, noReasons], [noReasons, bare, bare]] {
            #expect(handWritten(cards) == (try encoderBytes(cards)))
        }
    }

    @Test func aHookAnswerIsTheEncodersBytesOfItsCards() async throws {
        try await ServerFixture.application().test(.router) { client in
            let body = ServerFixture.hookRequest(hook: "order-select", drafts: [("d1", "tramadol"), ("d2", "sertralin")],
                                                 current: [("c1", "Zoloft 50 mg"), ("c2", "lithium"), ("c3", "xyzzy")])
            try await client.execute(uri: "/cds-services/twitchcheck-order-select", method: .post, body: body) { response in
                let text = String(buffer: response.body)
                let cards = try JSONDecoder().decode([String: [CDSCard]].self, from: Data(text.utf8))["cards"] ?? []
                #expect(cards.count >= 4)
                #expect(text == (try encoderBytes(cards)))
            }
        }
    }
}
