/// Dates in a prescription export as day numbers, so overlaps are integer comparisons.
///
/// Reads an ISO 8601 calendar date, `YYYY-MM-DD`, alone or followed by a time after `T` or a
/// space ("2019-07-08T23:38:03Z", "2146-07-21 00:00:00"). Anything else — another order
/// ("01/02/2020"), an impossible date ("2020-13-45", "2021-02-29"), a date with more digits —
/// is not a date (nil); the caller reports it rather than guessing.
enum DayNumber {
    /// Days since 0000-03-01 in the proleptic Gregorian calendar, or nil if the text is not a valid ISO date.
    ///
    /// Read eight bytes at a time (two dates a row in batch's hot path): "YYYY-MM-" as one word,
    /// each byte XORed with "0" so that a digit becomes 0...9 and nothing else does, all six digits
    /// checked at once, then "DD".
    @inline(__always)
    static func parse(_ bytes: UnsafeRawBufferPointer) -> Int32? {
        guard bytes.count >= 10 else { return nil }
        if bytes.count > 10, bytes[10] != 0x54, bytes[10] != 0x20 { return nil }
        let word = UInt64(littleEndian: bytes.loadUnaligned(as: UInt64.self)) ^ 0x3030_3030_3030_3030
        // The dashes (bytes 4 and 7) XORed with "0" are 0x1D.
        guard word & 0xFF00_00FF_0000_0000 == 0x1D00_001D_0000_0000 else { return nil }
        // A byte above 9 gets its high bit set here, without carrying into the next byte.
        let aboveNine = (((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7676_7676_7676_7676) | word) & 0x0080_8000_8080_8080
        let tens = Int(bytes[8] ^ 0x30)
        let units = Int(bytes[9] ^ 0x30)
        guard aboveNine == 0, tens <= 9, units <= 9 else { return nil }
        func digit(_ index: Int) -> Int { Int(truncatingIfNeeded: word >> (8 * index)) & 0xFF }
        let year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3)
        let month = digit(5) * 10 + digit(6)
        let day = tens * 10 + units
        guard month >= 1, month <= 12, day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        return dayNumber(year: year, month: month, day: day)
    }

    /// The number of days in a month of the proleptic Gregorian calendar.
    @inline(__always)
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Howard Hinnant's days-from-civil, shifted so the year starts in March; floor division,
    /// so January and February of year 0 (in shifted year -1) are numbered correctly.
    @inline(__always)
    static func dayNumber(year: Int, month: Int, day: Int) -> Int32 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return Int32(era * 146_097 + dayOfEra)
    }

    /// `YYYY-MM-DD` for a day number from ``parse(_:)``.
    static func format(_ dayNumber: Int32) -> String {
        var buffer = OutputBuffer()
        buffer.appendDay(dayNumber)
        return String(decoding: buffer.bytes, as: UTF8.self)
    }

    /// Year, month and day of a day number from ``parse(_:)`` (floor division, so days before 0000-03-01 work too).
    static func civil(_ dayNumber: Int32) -> (year: Int, month: Int, day: Int) {
        let days = Int(dayNumber)
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
