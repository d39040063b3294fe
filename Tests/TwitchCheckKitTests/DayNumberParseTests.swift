import Testing
@testable import TwitchCheckKit

/// The word-at-a-time date reader reads every text as the byte-at-a-time reader it replaced does:
/// the same day for every valid date and nil for everything else (issue 13).
@Suite struct DayNumberParseTests {
    typealias SplitMix = BatchFastPathParityTests.SplitMix

    /// The reader before issue 13, kept as the reference.
    static func reference(_ bytes: [UInt8]) -> Int32? {
        guard bytes.count >= 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return nil }
        if bytes.count > 10, bytes[10] != 0x54, bytes[10] != 0x20 { return nil }
        func digits(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = Int(bytes[index]) - 48
                guard digit >= 0, digit <= 9 else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10),
              (1...12).contains(month), day >= 1, day <= DayNumber.daysIn(month: month, year: year) else { return nil }
        return DayNumber.dayNumber(year: year, month: month, day: day)
    }

    @Test func readsEveryTextAsTheByteReaderDid() {
        var random = SplitMix(state: 17)
        // Bytes next to the digits and the dash, and ones with the high bit set.
        let odd: [UInt8] = [0x2F, 0x3A, 0x2D, 0x2C, 0x20, 0x54, 0x00, 0x80, 0xB0, 0xFF, 0x39, 0x30, 0x61, 0x1D, 0x0A]
        var valid = 0
        for step in 0..<200_000 {
            var text: [UInt8]
            if step % 2 == 0 {
                // A well-formed date, months and days just outside their ranges included.
                let year = Int(random.next() % 10_000), month = Int(random.next() % 14), day = Int(random.next() % 33)
                let formatted = String(year).leftPadded(4) + "-" + String(month).leftPadded(2) + "-" + String(day).leftPadded(2)
                text = Array(formatted.utf8) + [[], Array("T08:00:00Z".utf8), Array(" 00:00".utf8), [0x5A], [0x2D]][Int(random.next() % 5)]
            } else {
                text = Array("2020-02-29T00:00:00Z".utf8.prefix(Int(random.next() % 21)))
            }
            // Then one to three bytes changed.
            for _ in 0..<Int(random.next() % 4) where !text.isEmpty && step % 3 != 0 {
                text[Int(random.next() % UInt64(text.count))] = odd[Int(random.next() % UInt64(odd.count))]
            }
            let parsed = text.withUnsafeBytes { DayNumber.parse($0) }
            #expect(parsed == Self.reference(text), "\(text)")
            if parsed != nil { valid += 1 }
        }
        #expect(valid > 20_000)
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
