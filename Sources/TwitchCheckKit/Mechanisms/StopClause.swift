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

    /// The day number of a moment's calendar date in UTC, as ``DayNumber`` counts days.
    /// Whole days since 1970-01-01 (a UTC day is 86,400 seconds): arithmetic, because a
    /// `Calendar` with a time zone costs a `check` over a millisecond to set up.
    static func dayNumber(of date: Date) -> Int32 {
        let daysSince1970 = (date.timeIntervalSince1970 / 86_400).rounded(.down)
        return DayNumber.dayNumber(year: 1970, month: 1, day: 1) + Int32(daysSince1970)
    }
}
