import GRDB

/// Makes the 'additive' combination rules at build time: two drugs that each cause the same
/// effect on their own (`drug_effects`, the worst stated severity of each;
/// only risks stated for the drug itself, not inherited from a class, and not theoretical).
///
/// Policy (Schema/SEVERITY_POLICY.md, "Additive rules"): a pair is made only when at least one
/// of the two own risks is `moderate` or worse; its severity is the lower of the two, capped at
/// `moderate`, and `minor` when either risk is stated as rare (lidocaine's tremor is a sign of
/// toxicity, rare at usual doses); so a minor drug never lifts a pair above minor and two minor drugs make no pair
/// (their own findings and the burden line speak for them). A seed or generated rule for the same
/// pair and effect overrides it. The sources are the sources of the two own risks.
struct AdditiveRuleDeriver {
    let db: Database

    /// The effects additive rules are made for: tremor and twitching. Serotonin syndrome has its
    /// own class rules, and two dopamine blockers are the class rule `two-antipsychotics`.
    static let effects = ["tremor", "twitching"]

    private struct OwnRisk {
        let drug: String
        let rank: Int
        /// The highest frequency any source states (0 unknown, 1 rare).
        let frequency: Int
        let sources: [String]
    }

    func derive() throws {
        let writer = try DerivedRuleWriter(db: db)
        for effect in Self.effects {
            let name = try String.fetchOne(db, sql: "SELECT lower(name) FROM effects WHERE id = ?", arguments: [effect]) ?? effect
            let risks = try Row.fetchAll(db, sql: """
                SELECT drug_id, max(severity_rank) AS rank, max(frequencies.rank) AS frequency,
                       group_concat(DISTINCT source_id) AS sources
                FROM drug_effects JOIN frequencies ON frequencies.id = drug_effects.frequency WHERE effect_id = ? AND evidence <> 'theoretical' AND via_class_id IS NULL
                GROUP BY drug_id ORDER BY drug_id
                """, arguments: [effect]).map { row in
                OwnRisk(drug: row["drug_id"], rank: row["rank"], frequency: row["frequency"],
                        sources: (row["sources"] as String? ?? "").split(separator: ",").map(String.init).sorted())
            }
            let severities = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT rank, id FROM severities")
                .map { ($0["rank"] as Int, $0["id"] as String) })
            for (index, a) in risks.enumerated() {
                for b in risks[(index + 1)...] where max(a.rank, b.rank) >= 2 {
                    if writer.isCovered(a.drug, b.drug, effect: effect) { continue }
                    let rare = a.frequency == 1 || b.frequency == 1
                    let severity = severities[rare ? 1 : min(a.rank, b.rank, 2)] ?? "minor"
                    let own = "\(a.drug) (\(severities[a.rank] ?? "?") on its own) and \(b.drug) (\(severities[b.rank] ?? "?") on its own)"
                    try writer.write(DerivedRuleWriter.Rule(
                        id: "add-\(effect)-\(DerivedRuleWriter.slug(a.drug))-\(DerivedRuleWriter.slug(b.drug))",
                        origin: "additive", first: a.drug, second: b.drug, effect: effect,
                        movementDisorder: ["twitching": "myoclonus", "tremor": "tremor"][effect] ?? nil,
                        severity: severity, evidence: "theoretical",
                        summary: "\(a.drug.capitalizedFirst) and \(b.drug) can each cause \(name); taken together the risk adds up.",
                        mechanism: "Additive: \(own) each cause \(name); neither raises the other's level.",
                        management: "Watch for new or worse \(name) after starting either drug; if it appears, "
                            + "the prescriber may lower a dose or change one of them.",
                        sources: (a.sources + b.sources).reduce(into: []) { if !$0.contains($1) { $0.append($1) } }))
                }
            }
        }
    }
}
