import GRDB

/// A medication list a rule must flag, or must not (a row of `rule_examples`).
public struct RuleExample: Codable, Sendable, Equatable, FetchableRecord, TableRecord {
    public static let databaseTableName = "rule_examples"

    /// Whether the rule must fire for the list.
    public enum Expectation: String, Codable, Sendable {
        case flags
        case clear
    }

    public let ruleID: String
    public let expectation: Expectation
    /// The list as written in the seed: names separated by ';'.
    public let medications: String
    public let note: String?

    enum CodingKeys: String, CodingKey {
        case expectation, medications, note
        case ruleID = "rule_id"
    }

    /// The medication names of the list.
    public var medicationList: [String] {
        medications.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
