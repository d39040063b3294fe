import GRDB

// MARK: - Names, as the resolver asks for them

extension KnowledgeBase {
    /// Every name whose key is one of `words` or starts with it and a space, by word, in one
    /// read: "st" gives "st johns wort". An error-prone abbreviation that means several drugs
    /// comes as ``NameEntry/Meaning/ambiguous(_:)`` and shadows any other meaning of its key;
    /// a drug's own name shadows a combination product of the same key.
    public func nameEntries(startingWith words: [String]) throws -> [String: [NameEntry]] {
        try reader.read { db in
            // Keys hold no character below "!" but the space, so [word, word + "!") is exactly
            // the word and the keys that continue it with a space: one index range per word.
            let statement = try db.cachedStatement(sql: """
                SELECT key, drug_id, NULL AS kind, 0 AS rank FROM ambiguous_names WHERE key >= ?1 AND key < ?2
                UNION ALL SELECT key, drug_id, kind, 1 FROM drug_names WHERE key >= ?1 AND key < ?2
                UNION ALL SELECT product_key, drug_id, 'brand', 2 FROM combination_ingredients WHERE product_key >= ?1 AND product_key < ?2
                ORDER BY 1, 4, 2
                """)
            var result: [String: [NameEntry]] = [:]
            for word in words where !word.isEmpty {
                var entries: [NameEntry] = []
                var current: (key: String, rank: Int, drugs: [String], kind: String?)?
                func flush() {
                    guard let current else { return }
                    entries.append(NameEntry(key: current.key, meaning: current.rank == 0
                        ? .ambiguous(current.drugs)
                        : .drugs(current.drugs, current.rank == 2 ? .brand : MatchKind(rawValue: current.kind ?? "") ?? .synonym)))
                }
                let rows = try Row.fetchCursor(statement, arguments: [word, word + "!"])
                while let row = try rows.next() {
                    let key: String = row[0], drug: String = row[1], rank: Int = row[3]
                    if let existing = current, existing.key == key {
                        if existing.rank == rank { current?.drugs.append(drug) }  // more drugs of the same meaning
                        continue  // a weaker meaning of a key already read
                    }
                    flush()
                    current = (key, rank, [drug], row[2])
                }
                flush()
                result[word] = entries
            }
            return result
        }
    }

    /// Every name that may be offered as "did you mean", with its key and kind: every name but
    /// those of drugs whose kind is `substance` (foods, allergen extracts and other things that
    /// are not medicines people list). The kind ranks suggestions at equal distance; brands
    /// imported in bulk from the FDA's UNII list rank as synonyms, below curated brands, so an
    /// obscure one never outranks the name people mean ("neurotin" → Neurontin, not NEUROSIN)
    /// yet is still offered when nothing closer exists ("Lustrall" → Lustral).
    public func suggestableNames() throws -> [(key: String, name: String, kind: MatchKind)] {
        try reader.read { db in
            try Row.fetchAll(db, sql: """
                SELECT n.key, n.name, CASE WHEN n.source_id = 'fda-unii-names' THEN 'synonym' ELSE n.kind END
                FROM drug_names n JOIN drugs d ON d.id = n.drug_id WHERE d.kind <> 'substance'
                UNION ALL SELECT key, name, 'brand' FROM combination_products
                """)
                .map { ($0[0], $0[1], MatchKind(rawValue: $0[2]) ?? .synonym) }
        }
    }
}
