import GRDB

/// Makes the 'generated' combination rules at build time: an object drug whose raised level
/// causes one of our effects (`exposure_risks`) together with an inhibitor of the enzyme that
/// mainly clears it (`enzyme_roles`).
///
/// The severity comes from `exposure_severity_policy` (inhibitor strength x how narrow the
/// object's range is; Schema/SEVERITY_POLICY.md). Where several enzymes link the pair, the most
/// severe path speaks and every path of that severity is named. The rule's sources are exactly
/// the rows it was derived from, recorded in `rule_derivations`. A seed rule for the same pair
/// and effect overrides it: no rule is generated then.
struct GeneratedRuleDeriver {
    let db: Database

    /// One way the pair is linked: an enzyme the object depends on and the other drug inhibits.
    private struct Path {
        let object: String
        let other: String
        let enzyme: String
        let effect: String
        let effectName: String
        let movementDisorder: String?
        let range: String
        let shows: String
        let inhibitorStrength: String
        let substrateStrength: String
        let severity: String
        let rank: Int
        let evidence: String
        let sources: [String]
    }

    func derive() throws {
        let writer = try DerivedRuleWriter(db: db)
        let paths = try Row.fetchAll(db, sql: """
            SELECT s.drug_id AS object, i.drug_id AS other, s.enzyme, e.effect_id, lower(effects.name) AS effect_name,
                   e.movement_disorder, e.therapeutic_range, e.shows, i.strength AS inhibitor_strength,
                   s.strength AS substrate_strength, p.severity, severities.rank, p.evidence,
                   s.source_id AS substrate_source, i.source_id AS inhibitor_source, e.source_id AS exposure_source
            FROM enzyme_roles s
            JOIN exposure_risks e ON e.drug_id = s.drug_id
            JOIN effects ON effects.id = e.effect_id
            JOIN enzyme_roles i ON i.enzyme = s.enzyme AND i.role = 'inhibitor' AND i.drug_id <> s.drug_id
            JOIN exposure_severity_policy p ON p.inhibitor_strength = i.strength
                                           AND p.therapeutic_range = e.therapeutic_range
            JOIN severities ON severities.id = p.severity
            WHERE s.role = 'substrate' AND s.strength IN ('sensitive', 'moderate')
            ORDER BY s.drug_id, i.drug_id, severities.rank DESC, s.enzyme
            """).map { row in
            Path(object: row["object"], other: row["other"], enzyme: row["enzyme"], effect: row["effect_id"],
                 effectName: row["effect_name"], movementDisorder: row["movement_disorder"],
                 range: row["therapeutic_range"], shows: row["shows"], inhibitorStrength: row["inhibitor_strength"],
                 substrateStrength: row["substrate_strength"], severity: row["severity"], rank: row["rank"],
                 evidence: row["evidence"],
                 sources: [row["substrate_source"], row["inhibitor_source"], row["exposure_source"]])
        }
        let byPair = Dictionary(grouping: paths) { "\($0.object)|\($0.other)" }
        for key in byPair.keys.sorted() {
            guard let group = byPair[key], let top = group.first else { continue }
            if writer.isCovered(top.object, top.other, effect: top.effect) { continue }
            let strongest = group.filter { $0.rank == top.rank }
            let id = "gen-\(DerivedRuleWriter.slug(top.object))-\(DerivedRuleWriter.slug(top.other))"
            var sources: [String] = []
            for source in strongest.flatMap(\.sources) where !sources.contains(source) { sources.append(source) }
            try writer.write(DerivedRuleWriter.Rule(
                id: id, origin: "generated", first: top.object, second: top.other, effect: top.effect,
                movementDisorder: top.movementDisorder, severity: top.severity, evidence: top.evidence,
                summary: "\(top.other.capitalizedFirst) raises the \(top.object) level; too much \(top.object) "
                    + "can cause \(top.effectName.lowercased()) (\(top.shows)).",
                mechanism: mechanism(strongest),
                management: management(top),
                sources: sources))
            for path in strongest {
                try db.execute(sql: """
                    INSERT INTO rule_derivations (rule_id, object_drug_id, other_drug_id, enzyme) VALUES (?, ?, ?, ?)
                    """, arguments: [id, path.object, path.other, path.enzyme])
            }
        }
    }

    private func mechanism(_ paths: [Path]) -> String {
        guard let top = paths.first else { return "" }
        let routes = paths.map { path in
            "\(path.other) is a \(path.inhibitorStrength) \(path.enzyme) inhibitor and \(path.object) is a "
                + (path.substrateStrength == "sensitive" ? "sensitive" : "moderate sensitive") + " \(path.enzyme) substrate"
        }
        let range = top.range == "narrow"
            ? "\(top.object) has a narrow range between the usual and the toxic level"
            : "\(top.object)'s side effects rise with its dose"
        return "The \(top.object.uppercased()) level rises: " + routes.joined(separator: "; ")
            + " (FDA table of substrates and inhibitors; \(top.object)'s label); \(range)."
    }

    private func management(_ top: Path) -> String {
        let watch = "watch for \(top.shows)"
        switch (top.severity, top.range) {
        case ("major", _):
            return "Avoid if possible: choose a drug that does not inhibit \(top.enzyme). If both are needed, "
                + "the prescriber lowers the \(top.object) dose, checks its level within days of starting, changing or "
                + "stopping \(top.other), and the patient should \(watch)."
        case (_, "narrow"):
            return "Check the \(top.object) level after starting, changing or stopping \(top.other) and adjust the dose; \(watch)."
        default:
            return "A lower \(top.object) dose may be needed (see its label); \(watch) after starting \(top.other)."
        }
    }
}

extension String {
    /// The string with its first letter in upper case ("clarithromycin" to "Clarithromycin").
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
