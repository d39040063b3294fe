import Foundation
import Testing
@testable import TwitchCheckKit

/// `batch --format jsonl` writes hostile patient ids and medication names as valid JSON that reads
/// back as the text the file held (issue 13: the spliced writer escapes strings itself only when
/// they are plain, and must never let a quote, backslash, control character or invalid UTF-8 through).
@Suite struct BatchJSONEscapingTests {
    /// Raw bytes of a patient id or name, each case a way to break a hand-written JSON string.
    static let hostile: [(label: String, bytes: [UInt8])] = [
        ("quote", Array("a\"b".utf8)),
        ("backslash", Array("a\\b".utf8)),
        ("backslash before quote", Array("a\\\"b".utf8)),
        ("trailing backslash", Array("ab\\".utf8)),
        ("slash", Array("a/b".utf8)),
        ("tab", Array("a\tb".utf8)),
        ("line feed", Array("a\nb".utf8)),
        ("carriage return", Array("a\rb".utf8)),
        ("low controls", [0x61, 0x01, 0x08, 0x0C, 0x1F, 0x62]),
        ("delete", [0x61, 0x7F, 0x62]),
        ("accents", Array("pé-ü".utf8)),
        ("line separator", Array("a\u{2028}b\u{2029}c".utf8)),
        ("emoji", Array("p😀".utf8)),
        ("quote with a combining accent", [0x61, 0x22, 0xCC, 0x81, 0x62]),
        ("invalid byte", [0x70, 0xFF, 0x71]),
        ("lone continuation byte", [0x70, 0x80, 0x71]),
        ("truncated sequence", [0x70, 0xC3]),
        ("overlong encoding", [0x70, 0xC0, 0xAF]),
        ("comma", Array("a,b".utf8)),
    ]

    /// A file where each hostile id is a patient with an interacting pair and a hostile name the
    /// resolver does not know, every field quoted as CSV wants.
    static func file() -> [UInt8] {
        func field(_ bytes: [UInt8]) -> [UInt8] { [0x22] + bytes.flatMap { $0 == 0x22 ? [0x22, 0x22] : [$0] } + [0x22] }
        var file = Array("PATIENT,DESCRIPTION,START,STOP\n".utf8)
        for (_, id) in hostile {
            for name in [Array("sertraline 50 MG Oral Tablet".utf8), Array("tramadol 50 MG Oral Tablet".utf8), Array("zq".utf8) + id] {
                file += field(id) + [0x2C] + field(name) + Array(",2020-01-01,2020-03-01\n".utf8)
            }
        }
        return file
    }

    @Test(arguments: [Severity.minor, .major])
    func hostileStringsReadBackAsTheFileHeldThem(minimum: Severity) throws {
        var options = BatchOptions()
        options.format = .jsonl
        options.minimumSeverity = minimum
        var reference = options
        reference.encodesEveryPatient = true
        let fast = try ReadPath.whole.run(Self.file(), options: options)
        #expect(fast.output == (try ReadPath.whole.run(Self.file(), options: reference)).output)
        // Invalid UTF-8 is never guessed at: the row is skipped and said so (three rows a patient).
        let valid = Self.hostile.filter { String(validating: $0.bytes, as: UTF8.self) != nil }
        #expect(valid.count == Self.hostile.count - 4)
        #expect(fast.summary.skippedRows == 3 * (Self.hostile.count - valid.count))
        #expect(fast.summary.problems.allSatisfy { $0.message.contains("invalid UTF-8") })
        let lines = fast.output.split(separator: "\n")
        #expect(lines.count == valid.count)
        var patients: [String: [String: Any]] = [:]
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            let patient = try #require(object?["patient"] as? String, "\(line)")
            patients[patient] = object
        }
        for (label, bytes) in valid {
            let id = String(decoding: bytes, as: UTF8.self)
            let report = try #require(patients[id], "\(label): no line for the patient")
            let unrecognized = (report["unrecognized"] as? [[String: Any]])?.compactMap { $0["input"] as? String }
            #expect(unrecognized == ["zq" + id], "\(label)")
            #expect((report["findings"] as? [Any])?.isEmpty == false, "\(label)")
            #expect(report["all_recognized"] as? Bool == false, "\(label)")
        }
    }

    /// The writer's own strings decode as the text, for every hostile case.
    @Test func stringsDecodeAsTheirText() throws {
        for (label, bytes) in Self.hostile {
            let text = String(decoding: bytes, as: UTF8.self)
            let json = try PatientJSONLineWriter.string(text)
            #expect(try JSONDecoder().decode(String.self, from: Data(json)) == text, "\(label)")
        }
    }
}
