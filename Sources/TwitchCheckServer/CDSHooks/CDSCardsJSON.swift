/// A hook's answer, `{"cards":[...]}`, written straight to bytes: byte for byte what
/// ``TwitchCheckKit/ReportEncoding/jsonLine(_:)`` writes for `["cards": cards]` (keys sorted, slashes
/// not escaped, absent fields left out), without Codable's boxing of every field. Cards are most of
/// what the server sends, and encoding them through `JSONEncoder` cost a tenth of a request.
enum CDSCardsJSON {
    /// The answer's bytes.
    static func encode(_ cards: [CDSCard]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 + cards.reduce(0) { $0 + $1.detail.utf8.count + $1.summary.utf8.count + 512 })
        out.append(contentsOf: #"{"cards":["#.utf8)
        for (index, card) in cards.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            write(card, to: &out)
        }
        out.append(contentsOf: "]}".utf8)
        return out
    }

    private static func write(_ card: CDSCard, to out: inout [UInt8]) {
        field("detail", card.detail, to: &out, first: true)
        field("indicator", card.indicator, to: &out)
        if let reasons = card.overrideReasons {
            out.append(contentsOf: #","overrideReasons":["#.utf8)
            for (index, reason) in reasons.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                write(reason, to: &out)
                out.append(UInt8(ascii: "}"))
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(contentsOf: #","source":"#.utf8)
        field("label", card.source.label, to: &out, first: true)
        if let topic = card.source.topic {
            out.append(contentsOf: #","topic":"#.utf8)
            write(topic, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "}"))
        field("summary", card.summary, to: &out)
        field("uuid", card.uuid, to: &out)
        out.append(UInt8(ascii: "}"))
    }

    /// A coding's fields, after its opening brace; the caller closes it.
    private static func write(_ coding: CDSCard.Coding, to out: inout [UInt8]) {
        field("code", coding.code, to: &out, first: true)
        field("display", coding.display, to: &out)
        field("system", coding.system, to: &out)
    }

    /// `"key":"value"`, after `{` when `first`, else after `,`.
    private static func field(_ key: StaticString, _ value: String, to out: inout [UInt8], first: Bool = false) {
        out.append(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
        out.append(UInt8(ascii: "\""))
        out.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        out.append(contentsOf: #"":"#.utf8)
        string(value, to: &out)
    }

    /// A JSON string as Foundation's encoder writes it: `"` and `\` escaped, `\b \f \n \r \t` by
    /// name, other control characters as `\u00xx`, everything else (slashes, non-ASCII) as is.
    static func string(_ value: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            // Runs that need no escape (nearly all of a card) are copied whole.
            var runStart = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                runStart = index + 1
                switch byte {
                case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
                case 0x08: out.append(contentsOf: #"\b"#.utf8)
                case 0x0C: out.append(contentsOf: #"\f"#.utf8)
                case 0x0A: out.append(contentsOf: #"\n"#.utf8)
                case 0x0D: out.append(contentsOf: #"\r"#.utf8)
                case 0x09: out.append(contentsOf: #"\t"#.utf8)
                default:
                    out.append(contentsOf: #"\u00"#.utf8)
                    out.append(hexDigits[Int(byte >> 4)])
                    out.append(hexDigits[Int(byte & 0x0F)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
