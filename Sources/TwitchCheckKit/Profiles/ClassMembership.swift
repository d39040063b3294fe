import GRDB

/// A class a drug belongs to, directly or through a parent class (a row of `drug_class_closure`).
public struct ClassMembership: Codable, Sendable, Equatable, FetchableRecord {
    /// The class id (`ssri`, `serotonergic`).
    public let classID: String
    /// The class's display name.
    public let name: String
    /// The direct class the membership comes through (the class itself when direct).
    public let viaClassID: String
    /// Whether the drug is listed in the class itself, not only in a subclass.
    public let direct: Bool
    /// The source of a direct membership.
    public let sourceID: String?

    enum CodingKeys: String, CodingKey {
        case name, direct
        case classID = "class_id"
        case viaClassID = "via_class_id"
        case sourceID = "source_id"
    }
}
