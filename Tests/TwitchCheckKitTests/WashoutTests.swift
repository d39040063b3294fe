import Foundation
import Testing
@testable import TwitchCheckKit

/// Washout intervals (`washout_rules`, issue 11): `batch` flags a drug started too soon after
/// another was stopped, with the gap in days; a drug started after the interval is clear.
@Suite struct WashoutTests {
    static let header = "START,STOP,PATIENT,DESCRIPTION\n"

    private func washoutRows(_ csv: String) throws -> [String] {
        let run = try BatchCheckerTests.run(text: Self.header + csv)
        return run.output.split(separator: "\r\n").map(String.init).filter { $0.contains("maoi-after") || $0.contains("serotonergic-after") }
    }

    @Test func anMAOIStartedTenDaysAfterSertralineIsFlaggedWithTheGap() throws {
        let rows = try washoutRows("2024-01-01,2024-03-01,p1,sertraline 50 MG\n2024-03-11,,p1,phenelzine 15 MG\n")
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row.hasPrefix("p1,combination,serotonin_syndrome,contraindicated,phenelzine+sertraline,2024-03-11,"))
        #expect(row.contains("Phenelzine was started 10 days after sertraline was stopped; at least 14 days must pass."))
        #expect(row.contains("maoi-after-serotonergic"))
    }

    @Test func fluoxetineNeedsFiveWeeks() throws {
        let rows = try washoutRows("2024-01-01,2024-03-01,p1,fluoxetine 20 MG\n2024-03-21,,p1,tranylcypromine 10 MG\n")
        #expect(rows.count == 1)
        #expect(rows.first?.contains("20 days after fluoxetine was stopped; at least 35 days must pass") == true)
        #expect(rows.first?.contains("maoi-after-fluoxetine") == true)
    }

    @Test func aSerotonergicDrugStartedSoonAfterAnMAOIIsFlagged() throws {
        let rows = try washoutRows("2024-01-01,2024-03-01,p1,phenelzine 15 MG\n2024-03-05,,p1,sertraline 50 MG\n")
        #expect(rows.first?.contains("serotonergic-after-maoi") == true)
    }

    @Test func aStartAfterTheIntervalIsClear() throws {
        #expect(try washoutRows("2024-01-01,2024-03-01,p1,sertraline 50 MG\n2024-03-20,,p1,phenelzine 15 MG\n").isEmpty)
        #expect(try washoutRows("2024-01-01,2024-03-01,p1,fluoxetine 20 MG\n2024-04-10,,p1,phenelzine 15 MG\n").isEmpty)
    }
}
