/// A CDS Hooks card.
public struct CDSCard: Codable, Sendable, Equatable {
    /// The card's `source`.
    public struct Source: Codable, Sendable, Equatable {
        public let label: String
        public let topic: Coding?
    }

    /// A `Coding` as CDS Hooks uses it (override reasons, topics).
    public struct Coding: Codable, Sendable, Equatable {
        public let code: String
        public let system: String
        public let display: String
    }

    public let uuid: String
    /// Under 140 characters, naming the drugs.
    public let summary: String
    public let detail: String
    /// `critical`, `warning` or `info`.
    public let indicator: String
    public let source: Source
    public let overrideReasons: [Coding]?
}
