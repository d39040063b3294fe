import GRDB

/// The knowledge a check reads besides names, answered from memory: every drug's classes, own
/// risks, serotonergic strength and tremor risk, the guidance for every set of effects, and every
/// source.
///
/// A long-running server opens its knowledge base with this (``KnowledgeBase/init(path:limits:holdingInMemory:)``)
/// so that a request asks SQLite nothing once its names are known. Each answer is computed once, at
/// startup, by the knowledge base's own queries, so memory and database can never disagree; the
/// tables are small (hundreds of rows), and the knowledge base is read-only and never changes
/// while open. A one-shot command does not pay for this: it reads only the drugs it checks.
public struct KnowledgeMemory: Sendable {
    private let classesByDrug: [String: Set<String>]
    private let effectsByDrug: [String: [DrugEffect]]
    private let strengths: [String: SerotonergicStrength]
    private let tremor: [String: TremorRisk]
    private let guidanceByEffects: [Set<Effect>: [Guidance]]
    private let sourcesByID: [String: Source]

    /// Reads everything from `knowledgeBase` (one that does not itself hold a memory).
    init(loadingFrom knowledgeBase: KnowledgeBase) throws {
        let (classDrugs, effectDrugs, sources) = try knowledgeBase.reader.read { db in
            (try String.fetchAll(db, sql: "SELECT DISTINCT drug_id FROM drug_class_closure"),
             try String.fetchAll(db, sql: "SELECT DISTINCT drug_id FROM drug_effects"),
             try Source.fetchAll(db))
        }
        classesByDrug = try knowledgeBase.classes(of: classDrugs)
        effectsByDrug = Dictionary(grouping: try knowledgeBase.effects(of: effectDrugs), by: \.drugID)
        strengths = try knowledgeBase.serotonergicStrengths(of: classDrugs)
        tremor = try knowledgeBase.tremorRisks(of: effectDrugs)
        var guidance: [Set<Effect>: [Guidance]] = [:]
        for effects in Self.subsets(of: Effect.allCases) where !effects.isEmpty {
            guidance[effects] = try knowledgeBase.guidance(for: effects)
        }
        guidanceByEffects = guidance
        sourcesByID = Dictionary(sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Every class each drug belongs to, as ``KnowledgeBase/classes(of:)`` answers.
    func classes(of drugIDs: some Collection<String>) -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for drug in drugIDs { result[drug] = classesByDrug[drug] }
        return result
    }

    /// Each drug's own risks, as ``KnowledgeBase/effects(of:)`` answers.
    func effects(of drugIDs: some Collection<String>) -> [DrugEffect] {
        Set(drugIDs).sorted().flatMap { effectsByDrug[$0] ?? [] }
    }

    /// Every drug with an own-risk statement.
    var drugsWithOwnRisks: [String] { effectsByDrug.keys.sorted() }

    /// As ``KnowledgeBase/serotonergicStrengths(of:)`` answers.
    func serotonergicStrengths(of drugIDs: some Collection<String>) -> [String: SerotonergicStrength] {
        var result: [String: SerotonergicStrength] = [:]
        for drug in drugIDs { result[drug] = strengths[drug] }
        return result
    }

    /// As ``KnowledgeBase/tremorRisks(of:)`` answers.
    func tremorRisks(of drugIDs: some Collection<String>) -> [String: TremorRisk] {
        var result: [String: TremorRisk] = [:]
        for drug in drugIDs { result[drug] = tremor[drug] }
        return result
    }

    /// As ``KnowledgeBase/guidance(for:)`` answers.
    func guidance(for effects: some Collection<Effect>) -> [Guidance] {
        guidanceByEffects[Set(effects)] ?? []
    }

    /// As ``KnowledgeBase/sources(_:)`` answers: the sources with these ids, in the order asked.
    func sources(_ ids: [String]) -> [Source] {
        ids.compactMap { sourcesByID[$0] }
    }

    private static func subsets(of effects: [Effect]) -> [Set<Effect>] {
        (0..<(1 << effects.count)).map { mask in
            Set(effects.indices.filter { mask & (1 << $0) != 0 }.map { effects[$0] })
        }
    }
}
