import Foundation
import Testing
@testable import TwitchCheckKit

/// `batch --format jsonl` and `check --format json` make one report shape: for every rule example
/// list, a patient's line minus `patient` (and each finding's `overlap_start`) equals check's JSON.
/// Batch lists a patient's names in the order the file first gave them to anyone, check in the
/// order typed, so both are compared with their names sorted.
@Suite struct CheckBatchParityTests {
    @Test func everyRuleExampleListGivesTheSameReportInCheckAndBatch() throws {
        let lists = try TestKnowledgeBase.shared.ruleExamples().map(\.medicationList)
            .filter { Set($0).count == $0.count && !$0.isEmpty }
        #expect(lists.count > 20)
        var csv = "id,medications\r\n"
        for (index, list) in lists.enumerated() {
            csv += "\(index),\"\(list.joined(separator: ";").replacingOccurrences(of: "\"", with: "\"\""))\"\r\n"
        }
        var options = BatchOptions()
        options.format = .jsonl
        let batch = try BatchCheckerTests.run(text: csv, options: options)
        var byPatient: [String: NSDictionary] = [:]
        for line in batch.output.split(separator: "\n") {
            var object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let patient = try #require(object.removeValue(forKey: "patient") as? String)
            object["findings"] = (object["findings"] as? [[String: Any]])?.map { finding in
                var finding = finding
                #expect(finding.removeValue(forKey: "overlap_start") is NSNull)
                return finding
            }
            byPatient[patient] = Self.sortingNames(object) as NSDictionary
        }
        for (index, list) in lists.enumerated() {
            let json = try ReportEncoding.json(try TestKnowledgeBase.checker.check(list))
            let check = Self.sortingNames(try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])) as NSDictionary
            #expect(byPatient["\(index)"] == check, "\(list.joined(separator: "; ")): batch's line differs from check's JSON")
        }
    }

    /// The report with its medications, unrecognised names and duplicates in name order.
    static func sortingNames(_ report: [String: Any]) -> [String: Any] {
        var report = report
        for key in ["medications", "unrecognized"] {
            report[key] = (report[key] as? [[String: Any]])?.sorted { ($0["input"] as? String ?? "") < ($1["input"] as? String ?? "") }
        }
        report["duplicates"] = (report["duplicates"] as? [[String: Any]])?.map { duplicate in
            var duplicate = duplicate
            duplicate["inputs"] = (duplicate["inputs"] as? [String])?.sorted()
            return duplicate
        }.sorted { ($0["drug"] as? String ?? "") < ($1["drug"] as? String ?? "") }
        return report
    }

    @Test func minimumSeverityLeavesTheSameFindingsOutInBoth() throws {
        let list = ["sertraline", "tramadol", "albuterol"]
        var options = BatchOptions()
        options.format = .jsonl
        options.minimumSeverity = .major
        let batch = try BatchCheckerTests.run(text: "id,medications\nx,\(list.joined(separator: ";"))\n", options: options)
        let line = try #require(try JSONSerialization.jsonObject(with: Data(batch.output.utf8)) as? [String: Any])
        let check = try TestKnowledgeBase.checker.check(list).leavingOut(below: .major)
        #expect(line["findings_left_out"] as? Int == check.leftOutCount)
        #expect(check.leftOutCount > 0)
        #expect((line["findings"] as? [Any])?.count == check.findings.count)
        #expect(line["min_severity"] as? String == "major")
        let total = batch.summary.findingsBySeverity.values.reduce(0, +)
        #expect(total == check.countsBySeverity.values.reduce(0, +), "the summary counts every finding made")
        #expect(batch.summary.leftOut == check.leftOutCount)
        #expect(batch.summary.render().contains("(\(check.leftOutCount) below major not written: --min-severity major)"))
    }
}
