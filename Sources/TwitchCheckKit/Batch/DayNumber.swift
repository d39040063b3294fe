/// Dates in a prescription export as day numbers, so overlaps are integer comparisons.
///
/// Reads the `YYYY-MM-DD` prefix of "2019-07-08T23:38:03Z", "2146-07-21 00:00:00" or
/// "2019-07-08"; anything else is unknown (nil), which the caller treats as open-ended.
enum DayNumber {
    /// Days since 0000-03-01 in the proleptic Gregorian calendar, or nil if the text is not a date.
    @inline(__always)
    static func parse(_ bytes: UnsafeRawBufferPointer) -> Int32? {
        guard bytes.count >= 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return nil }
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
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        // Howard Hinnant's days-from-civil, shifted so the year starts in March.
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = shiftedYear / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return Int32(era * 146_097 + dayOfEra)
    }

    /// `YYYY-MM-DD` for a day number from ``parse(_:)``.
    static func format(_ dayNumber: Int32) -> String {
        let (year, month, day) = civil(dayNumber)
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Year, month and day of a day number from ``parse(_:)``.
    static func civil(_ dayNumber: Int32) -> (year: Int, month: Int, day: Int) {
        let days = Int(dayNumber)
        let era = days / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
