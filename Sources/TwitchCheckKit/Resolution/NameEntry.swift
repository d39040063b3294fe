/// One name the knowledge base knows, as the resolver matches it: its key's words and what it means.
public struct NameEntry: Sendable, Equatable {
    /// What a name stands for.
    public enum Meaning: Sendable, Equatable {
        /// One drug, or every ingredient of a combination product.
        case drugs([String], MatchKind)
        /// An error-prone abbreviation that stands for more than one drug ("MS": morphine or magnesium sulfate).
        case ambiguous([String])
    }

    /// The folded key split into words ("st johns wort" → ["st", "johns", "wort"]).
    public let words: [String]
    public let meaning: Meaning

    public init(key: String, meaning: Meaning) {
        self.words = key.split(separator: " ").map(String.init)
        self.meaning = meaning
    }
}
