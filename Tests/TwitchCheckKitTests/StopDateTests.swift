import Foundation
import Testing
@testable import TwitchCheckKit

/// `check` with a stop date ("fluoxetine stopped 2026-11-01"): a stopped drug is not current, but
/// washout intervals are checked against the current drugs, counted to an injected today.
@Suite struct StopDateTests {
    /// 2026-11-30, noon UTC.
    static let today = Date(timeIntervalSince1970: 1_796_040_000)

    private func check(_ names: [String]) throws -> CheckReport {
        try TestKnowledgeBase.checker.check(names, today: Self.today)
    }

    @Test func theInjectedTodayIsTheThirtiethOfNovember() {
        #expect(DayNumber.format(StopClause.dayNumber(of: Self.today)) == "2026-11-30")
    }

    @Test func theDayNumberOfAMomentIsItsUTCCalendarDay() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        // Every 27 hours and a little (so every time of day comes up) from 1968 to 2100, and the
        // last and first moments of a day.
        var moments = stride(from: -86_400.0 * 400, to: 4_102_444_800, by: 97_213).map(Date.init(timeIntervalSince1970:))
        moments += [Date(timeIntervalSince1970: 1_796_083_199.999), Date(timeIntervalSince1970: 1_796_083_200)]
        for moment in moments {
            let parts = calendar.dateComponents([.year, .month, .day], from: moment)
            #expect(StopClause.dayNumber(of: moment) == DayNumber.dayNumber(year: parts.year!, month: parts.month!, day: parts.day!))
        }
    }

    @Test("stop clauses", arguments: [
        ("fluoxetine stopped 2026-11-01", StopClause.stopped(name: "fluoxetine", date: "2026-11-01", day: 0)),
        ("Zoloft 50 mg STOPPED ON 2026-11-20", .stopped(name: "Zoloft 50 mg", date: "2026-11-20", day: 0)),
        ("sertraline stopped yesterday", .unreadableDate(name: "sertraline")),
        ("sertraline stopped 20/11/2026", .unreadableDate(name: "sertraline")),
        ("sertraline stopped 2026-02-30", .unreadableDate(name: "sertraline")),
        ("sertraline stopped", .unreadableDate(name: "sertraline")),
        ("sertraline 50 mg", .current),
        ("sertraline sTopPed 2026-11-01", .stopped(name: "sertraline", date: "2026-11-01", day: 0)),
        ("sertraline\tstopped\u{00A0}2026-11-01", .stopped(name: "sertraline", date: "2026-11-01", day: 0)),
        ("ssstopped stopped", .unreadableDate(name: "ssstopped")),
        ("stoppedx 2026-11-01", .current),
        ("stopp ed 2026-11-01", .current),
        ("sertraline stoppéd 2026-11-01", .current),
    ])
    func stopClauses(_ input: String, _ expected: StopClause) {
        switch (StopClause.parse(input), expected) {
        case let (.stopped(name, date, _), .stopped(expectedName, expectedDate, _)):
            #expect(name == expectedName && date == expectedDate)
        case (let got, let want):
            #expect(got == want)
        }
    }

    @Test func anMAOITenDaysAfterSertralineIsContraindicatedWithTheGapAndSertralinesOwnLabel() throws {
        let report = try check(["phenelzine", "sertraline stopped 2026-11-20"])
        let finding = try #require(report.findings.first)
        #expect(finding.rule == "maoi-after-serotonergic")
        #expect(finding.severity == .contraindicated)
        #expect(finding.summary.hasPrefix("Phenelzine is taken 10 days after sertraline was stopped; at least 14 days must pass."))
        #expect(finding.sources == ["fda-zol", "alpf-maoi-switch"])
        #expect(report.stopped.map(\.daysSinceStop) == [10])
        // Sertraline is not current: no own-risk findings for it, no ongoing combination.
        #expect(!report.findings.contains { $0.drugs == ["sertraline"] })
    }

    @Test func anotherDrugsLabelIsNeverCited() throws {
        // Citalopram has no label row for the interval: only the class-level source speaks.
        let finding = try #require(try check(["phenelzine", "citalopram stopped on 2026-11-25"]).findings.first)
        #expect(finding.rule == "maoi-after-serotonergic")
        #expect(finding.sources == ["alpf-maoi-switch"])
    }

    @Test func fluoxetineNeedsFiveWeeksAndTheReverseIsFlaggedToo() throws {
        let fluoxetine = try check(["tranylcypromine", "fluoxetine stopped 2026-11-01"]).findings.first
        #expect(fluoxetine?.rule == "maoi-after-fluoxetine")
        #expect(fluoxetine?.summary.contains("29 days after fluoxetine was stopped; at least 35 days must pass") == true)
        #expect(fluoxetine?.sources == ["flx-fdb", "prozac-maoi"])
        let reverse = try check(["sertraline", "phenelzine stopped 2026-11-23"]).findings.first
        #expect(reverse?.rule == "serotonergic-after-maoi")
    }

    @Test func aStopLongerAgoThanTheIntervalIsClear() throws {
        let report = try check(["phenelzine", "sertraline stopped 2026-10-01"])
        #expect(report.findings.allSatisfy { $0.kind == .drug && $0.drugs == ["phenelzine"] })
        #expect(report.allRecognized)
    }

    @Test func anUnreadableDateIsNotCheckedNeverDropped() throws {
        let report = try check(["phenelzine", "sertraline stopped last week"])
        #expect(report.unrecognized.map(\.input) == ["sertraline stopped last week"])
        #expect(report.unrecognized.first?.reason == .unreadableDate)
        #expect(!report.allRecognized)
    }

    @Test func aStopStillToComeIsCurrent() throws {
        let report = try check(["phenelzine", "sertraline stopped 2026-12-15"])
        let first = try #require(report.findings.first)
        #expect(first.severity == .contraindicated && first.kind == .combination)
        #expect(first.rule?.hasPrefix("maoi-after") == false, "taken together, not a washout")
        #expect(report.findings.contains { $0.drugs == ["sertraline"] })
    }

    @Test func theJSONCarriesTheStopDate() throws {
        let data = try JSONEncoder().encode(try check(["phenelzine", "sertraline stopped 2026-11-20"]))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let stopped = try #require(json["stopped_medications"] as? [[String: Any]])
        #expect(stopped.first?["stopped"] as? String == "2026-11-20")
        #expect(stopped.first?["days_since_stop"] as? Int == 10)
        #expect(stopped.first?["input"] as? String == "sertraline stopped 2026-11-20")
        let plain = try JSONEncoder().encode(try check(["phenelzine"]))
        #expect(!String(decoding: plain, as: UTF8.self).contains("stopped_medications"))
    }
}
