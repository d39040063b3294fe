import Foundation

/// A list item's stop date: "fluoxetine stopped 2026-11-01" or "fluoxetine stopped on 2026-11-01".
///
/// Only ISO calendar dates (`YYYY-MM-DD`) are read. An item that says "stopped" but whose date
/// cannot be read ("stopped last week", "stopped 01/11/2026", "stopped 2026-02-30") is reported
/// as not checked, never taken as current and never dropped.
enum StopClause: Equatable {
    /// No stop clause: the item is a current medication.
    case current
    /// The name before "stopped", the date as written, and its day number.
    case stopped(name: String, date: String, day: Int32)
    /// "stopped" was there, but no readable ISO date after it.
    case unreadableDate(name: String)

    /// Splits an item at its last whole word "stopped" (any case).
    static func parse(_ input: String) -> StopClause {
        // Most items say nothing of stopping: skip splitting them into words. Only ASCII letters
        // lower-case to the letters of "stopped", so a byte search cannot miss the word.
        guard mentionsStopped(input) else { return .current }
        let words = input.split(whereSeparator: \.isWhitespace)
        guard let index = words.lastIndex(where: { $0.lowercased() == "stopped" }) else { return .current }
        let name = words[..<index].joined(separator: " ")
        var rest = words[(index + 1)...]
        if rest.first?.lowercased() == "on" { rest = rest.dropFirst() }
        guard rest.count == 1, let date = rest.first, date.utf8.count == 10,
              let day = Array(date.utf8).withUnsafeBytes({ DayNumber.parse($0) }) else {
            return .unreadableDate(name: name)
        }
        return .stopped(name: name, date: String(date), day: day)
    }

    /// Whether "stopped" occurs in `input` in any case (as a word or inside one).
    static func mentionsStopped(_ input: String) -> Bool {
        let word = Array("stopped".utf8)
        var utf8 = input.utf8[...]
        while let start = utf8.firstIndex(where: { $0 | 0x20 == word[0] }) {
            if utf8[start...].starts(with: word, by: { $0 | 0x20 == $1 }) { return true }
            utf8 = utf8[utf8.index(after: start)...]
        }
        return false
    }

    /// The day number of a moment's calendar date in UTC, as ``DayNumber`` counts days: a UTC
    /// day is 86,400 seconds (POSIX time has no leap seconds).
    static func dayNumber(of date: Date) -> Int32 {
        let days = (date.timeIntervalSince1970 / 86_400).rounded(.down)
        return DayNumber.dayNumber(year: 1970, month: 1, day: 1) + Int32(days)
    }
}
