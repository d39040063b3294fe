/// A source id with its full citation, as printed beside a fact.
public struct CitedSource: Codable, Sendable, Equatable {
    public let id: String
    public let citation: String
    public let url: String?

    /// A source as the knowledge base holds it.
    public init(id: String, citation: String, url: String?) {
        self.id = id
        self.citation = citation
        self.url = url
    }

    /// The citation of `id`, or a placeholder that says the source is missing.
    init(_ id: String, from sources: [String: Source]) {
        self.id = id
        citation = sources[id]?.citation ?? "(no such source; run 'twitchcheck db check')"
        url = sources[id]?.url
    }
}
