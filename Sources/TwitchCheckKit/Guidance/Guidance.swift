/// Advice a source gives for when an effect appears ("see a doctor if the twitches are continuous…").
public struct Guidance: Codable, Sendable, Equatable {
    /// The effects among the findings that this advice goes with.
    public let effects: [Effect]
    /// The advice, in words a patient can read.
    public let text: String
    /// Ids in the knowledge base's `sources` table.
    public let sources: [String]

    public init(effects: [Effect], text: String, sources: [String]) {
        self.effects = effects
        self.text = text
        self.sources = sources
    }
}
