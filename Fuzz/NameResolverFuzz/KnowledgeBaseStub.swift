// MedicationResolver.swift has a convenience initializer over a KnowledgeBase; this stand-in
// lets the resolver compile without GRDB. The fuzz target never uses it.
public final class KnowledgeBase {
    public func drugs(forKey key: String) throws -> (drugIDs: [String], kind: MatchKind)? { nil }
    public func allNames() throws -> [(key: String, name: String, kind: MatchKind)] { [] }
}
