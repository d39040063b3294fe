import Foundation

/// A fast path for the JSON objects EHRs send: parses plain, well-formed UTF-8 JSON into the
/// values `JSONSerialization` gives (`[String: Any]`, `[Any]`, `String`, a number, `Bool`,
/// `NSNull`), and answers nil for anything else — malformed text, but also a byte-order mark,
/// UTF-16, a duplicated key, a lone surrogate, a number it would have to round, nesting deeper
/// than 512 — so that the caller hands it to `JSONSerialization`, which decides and explains.
/// It never accepts what `JSONSerialization` refuses (RFC 8259's grammar, strictly), and skips
/// building Foundation objects it would only convert again (an eighth of a hook call's time).
struct PlainJSONParser {
    /// The parsed document, or nil when it is not plain, well-formed JSON (see the type's notes).
    static func parse(_ data: Data) -> Any? {
        data.withUnsafeBytes { raw in
            var parser = PlainJSONParser(bytes: raw.bindMemory(to: UInt8.self))
            guard let value = parser.value(depth: 0) else { return nil }
            parser.skipSpace()
            return parser.position == parser.bytes.count ? value : nil
        }
    }

    private static let maxDepth = 512
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipSpace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
    }

    private mutating func value(depth: Int) -> Any? {
        skipSpace()
        guard let byte = current, depth < Self.maxDepth else { return nil }
        switch byte {
        case UInt8(ascii: "{"): return object(depth: depth + 1)
        case UInt8(ascii: "["): return array(depth: depth + 1)
        case UInt8(ascii: "\""): return string()
        case UInt8(ascii: "t"): return literal("true", true)
        case UInt8(ascii: "f"): return literal("false", false)
        case UInt8(ascii: "n"): return literal("null", NSNull())
        default: return number()
        }
    }

    private mutating func object(depth: Int) -> [String: Any]? {
        position += 1
        var result: [String: Any] = [:]
        skipSpace()
        if current == UInt8(ascii: "}") { position += 1; return result }
        while true {
            skipSpace()
            guard current == UInt8(ascii: "\""), let key = string() else { return nil }
            skipSpace()
            guard current == UInt8(ascii: ":") else { return nil }
            position += 1
            guard let value = value(depth: depth), result.updateValue(value, forKey: key) == nil else { return nil }
            skipSpace()
            switch current {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"): position += 1; return result
            default: return nil
            }
        }
    }

    private mutating func array(depth: Int) -> [Any]? {
        position += 1
        var result: [Any] = []
        skipSpace()
        if current == UInt8(ascii: "]") { position += 1; return result }
        while true {
            guard let value = value(depth: depth) else { return nil }
            result.append(value)
            skipSpace()
            switch current {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"): position += 1; return result
            default: return nil
            }
        }
    }

    /// A string whose bytes are valid UTF-8 with the escapes RFC 8259 allows; nil otherwise.
    private mutating func string() -> String? {
        position += 1
        let start = position
        // The common case: no escape, so the string is the bytes themselves.
        while let byte = current, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
            guard byte >= 0x20 else { return nil }
            position += 1
        }
        guard let stop = current else { return nil }
        if stop == UInt8(ascii: "\"") {
            position += 1
            return String(validating: UnsafeBufferPointer(rebasing: bytes[start..<position - 1]), as: UTF8.self)
        }
        var unescaped = Array(bytes[start..<position])
        while let byte = current {
            position += 1
            switch byte {
            case UInt8(ascii: "\""): return String(validating: unescaped, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard let escape = current else { return nil }
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): unescaped.append(escape)
                case UInt8(ascii: "b"): unescaped.append(0x08)
                case UInt8(ascii: "f"): unescaped.append(0x0C)
                case UInt8(ascii: "n"): unescaped.append(0x0A)
                case UInt8(ascii: "r"): unescaped.append(0x0D)
                case UInt8(ascii: "t"): unescaped.append(0x09)
                case UInt8(ascii: "u"):
                    // Only scalars outside the surrogate range: a pair, or a lone half, goes to JSONSerialization.
                    guard let code = hex4(), let scalar = Unicode.Scalar(code) else { return nil }
                    unescaped.append(contentsOf: String(scalar).utf8)
                default: return nil
                }
            case 0..<0x20: return nil
            default: unescaped.append(byte)
            }
        }
        return nil
    }

    private mutating func hex4() -> UInt32? {
        guard position + 4 <= bytes.count else { return nil }
        var code: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            code = code << 4 | UInt32(digit)
            position += 1
        }
        return code
    }

    private mutating func literal(_ word: StaticString, _ value: Any) -> Any? {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count,
              UnsafeBufferPointer(rebasing: bytes[position..<position + count]).elementsEqual(
                  UnsafeBufferPointer(start: word.utf8Start, count: count)) else { return nil }
        position += count
        return value
    }

    /// An integer of at most 15 digits (exact as an Int); any other number goes to JSONSerialization.
    private mutating func number() -> Any? {
        let negative = current == UInt8(ascii: "-")
        if negative { position += 1 }
        let start = position
        var value = 0
        while let byte = current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            position += 1
            if position - start > 15 { return nil }
        }
        let digits = position - start
        guard digits > 0, digits == 1 || bytes[start] != UInt8(ascii: "0") else { return nil }
        if let next = current, next == UInt8(ascii: ".") || next == UInt8(ascii: "e") || next == UInt8(ascii: "E") { return nil }
        return negative ? -value : value
    }
}
