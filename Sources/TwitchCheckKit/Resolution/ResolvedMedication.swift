/// A typed medication name and the drugs it was recognised as.
public struct ResolvedMedication: Codable, Sendable, Equatable {
    /// The name exactly as the user gave it.
    public let input: String
    /// Generic names, lowercase, as the knowledge base spells them; several for a combination product.
    public let drugs: [String]
    public let matchedBy: MatchKind
    /// Words of the input that were neither a drug name nor a dose, form or salt
    /// ("tramadol xyz" leaves "xyz"): shown so a second drug typed into one name is not missed silently.
    public let unmatchedWords: [String]

    public init(input: String, drugs: [String], matchedBy: MatchKind, unmatchedWords: [String] = []) {
        self.input = input
        self.drugs = drugs
        self.matchedBy = matchedBy
        self.unmatchedWords = unmatchedWords
    }

    enum CodingKeys: String, CodingKey {
        case input, drugs
        case matchedBy = "matched_by"
        case unmatchedWords = "unmatched_words"
    }
}
