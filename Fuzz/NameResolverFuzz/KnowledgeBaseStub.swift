// MedicationResolver.swift has a convenience initializer over a KnowledgeBase; this stand-in
// lets the resolver compile without GRDB. The fuzz target never uses it.
public final class KnowledgeBase: Sendable {
    public func nameEntries(startingWith words: [String]) throws -> [String: [NameEntry]] { [:] }
    public func suggestableNames() throws -> [(key: String, name: String, kind: MatchKind)] { [] }
}
