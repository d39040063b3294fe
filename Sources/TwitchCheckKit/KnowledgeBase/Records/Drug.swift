import GRDB

/// A drug or substance, identified by its lowercase US generic name (a row of `drugs`).
public struct Drug: Codable, Sendable, Equatable, FetchableRecord, TableRecord {
    public static let databaseTableName = "drugs"

    public let id: String
    /// RxNorm ingredient id, only where it was looked up.
    public let rxcui: String?
    /// WHO ATC code, only where it was looked up.
    public let atc: String?
    public let kind: String
    public let sourceID: String

    enum CodingKeys: String, CodingKey {
        case id, rxcui, atc, kind
        case sourceID = "source_id"
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
    }
}
