/// A typed name that matched no drug: reported as not checked, never guessed at.
public struct UnrecognizedMedication: Codable, Sendable, Equatable {
    /// The name exactly as the user gave it.
    public let input: String
    /// Close names from the knowledge base, closest first; suggestions only, never applied.
    public let suggestions: [String]

    public init(input: String, suggestions: [String]) {
        self.input = input
        self.suggestions = suggestions
    }
}
