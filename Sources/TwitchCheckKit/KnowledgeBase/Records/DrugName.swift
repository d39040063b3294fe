import GRDB

/// A name a drug is known by (a row of `drug_names`); the key is unique across all drugs.
public struct DrugName: Codable, Sendable, Equatable, FetchableRecord, TableRecord {
    public static let databaseTableName = "drug_names"

    public let key: String
    public let name: String
    public let drugID: String
    public let kind: MatchKind
    public let sourceID: String

    enum CodingKeys: String, CodingKey {
        case key, name, kind
        case drugID = "drug_id"
        case sourceID = "source_id"
    }

    public enum Columns {
        public static let key = Column(CodingKeys.key)
        public static let drugID = Column(CodingKeys.drugID)
    }
}
