import Foundation
import Testing
@testable import TwitchCheckServer

/// The fast JSON path never accepts what `JSONSerialization` refuses, and reads what it accepts
/// to the same values; whatever it is unsure of it leaves to `JSONSerialization`.
@Suite struct PlainJSONParserTests {
    /// The same text for equal values (numbers and booleans as JSON writes them, keys sorted).
    private func canonical(_ value: Any) -> String? {
        (try? JSONSerialization.data(withJSONObject: [value], options: [.sortedKeys])).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Checks one document: when the fast path answers, JSONSerialization must accept the same
    /// text and read the same values. Returns whether the fast path answered.
    @discardableResult
    private func agrees(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let data = Data(bytes)
        guard let fast = PlainJSONParser.parse(data) else { return false }
        let foundation = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        #expect(foundation != nil, "accepted what JSONSerialization refuses: \(String(decoding: bytes, as: UTF8.self))", sourceLocation: sourceLocation)
        if let foundation {
            #expect(canonical(fast) == canonical(foundation), "\(String(decoding: bytes, as: UTF8.self))", sourceLocation: sourceLocation)
        }
        return true
    }

    static let hookBody: [UInt8] = {
        let body = ServerFixture.hookRequest(hook: "order-select", drafts: [("d1", "Ultram 50 mg"), ("d2", "é \"quoted\" \\ / \u{1F600}")],
                                             current: [("c1", "Zoloft 50 mg"), ("c2", "lithium\ttab")])
        return Array(String(buffer: body).utf8)
    }()

    @Test func aHookRequestIsReadAsJSONSerializationReadsIt() {
        #expect(agrees(Self.hookBody))
        for text in [#"{"a":[1,-2,0,true,false,null,{}],"b":"\u00e9\n\t\"\/\\\b\f\r\u0000","c":[]}"#, "  {\"x\" : { \"y\" : [ ] } }\n"] {
            #expect(agrees(Array(text.utf8)), "\(text)")
        }
    }

    @Test func malformedOrUnusualTextIsLeftToJSONSerialization() {
        let refused = [
            "", " ", "{", "}", "{\"a\":1,}", "[1,]", "[01]", "[1.]", "[.5]", "[-]", "[+1]", "[1e5]", "[1.5]", "[tru]", "[nul]",
            "{\"a\" 1}", "{'a':1}", "{a:1}", "[\"\\x\"]", "[\"\u{01}\"]", "[\"\\ud800\"]", "[\"\\ud83d\\ude00\"]", "[\"\\u12\"]",
            "{\"a\":1}x", "{\"a\":1}{}", "{\"a\":1,\"a\":2}", "[1 2]", "[\"a\" \"b\"]", "[1234567890123456]", "\u{FEFF}{}", "[NaN]",
            String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
        ]
        for text in refused {
            #expect(PlainJSONParser.parse(Data(text.utf8)) == nil, "\(text)")
        }
        #expect(PlainJSONParser.parse(Data([0x5B, 0x22, 0xC3, 0x28, 0x22, 0x5D])) == nil, "invalid UTF-8")
        #expect(PlainJSONParser.parse(Data("{}".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })) == nil, "UTF-16")
    }

    /// Every cut, every deleted byte and every byte replaced by a JSON-significant one in a real
    /// hook request: the fast path either leaves the text alone or agrees with JSONSerialization.
    @Test func everyMutationOfAHookRequestIsRefusedOrReadAlike() {
        let body = Self.hookBody
        let replacements = Array(#"{}[]",:"\0a-1.eE "#.utf8) + [0x00, 0x1F, 0x80, 0xFF]
        for index in body.indices {
            agrees(Array(body[..<index]))
            var deleted = body
            deleted.remove(at: index)
            agrees(deleted)
            for byte in replacements where byte != body[index] {
                var replaced = body
                replaced[index] = byte
                agrees(replaced)
            }
        }
    }
}
