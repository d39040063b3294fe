import GRDB

/// Loads the seed tables of a ``SeedBundle`` into an open database, in dependency order.
///
/// Most folders map one-to-one onto a table, column for column. A few carry a
/// convenience column that expands into a link table; those are handled here:
/// `classes.parents`, `interaction_rules.left`/`right`/`sources`, and
/// `combination_products.ingredients` and `ambiguous_names.drugs`. Every generic name becomes a `drug_names` row.
struct SeedImporter {
    let db: Database
    let bundle: SeedBundle

    func importAll() throws {
        try plain("sources", columns: ["id", "kind", "citation", "url"])
        try each("classes") { row in
            try insert("classes", row, ["id": row["id"], "name": row["name"], "description": row["description"],
                                        "atc_prefix": row["atc_prefix"], "source_id": row["source"]])
        }
        try each("classes") { row in
            for parent in list(row["parents"]) {
                try insert("class_parents", row, ["class_id": row["id"], "parent_id": parent])
            }
        }
        try each("drugs") { row in
            try insert("drugs", row, ["id": row["id"], "rxcui": row["rxcui"], "atc": row["atc"],
                                      "kind": row["kind"] ?? "drug", "source_id": row["source"]])
            try insertName(row["id"], drug: row["id"], kind: "generic", source: row["source"], row: row)
        }
        try each("drug_names") { row in
            try insertName(row["name"], drug: row["drug"], kind: row["kind"], source: row["source"], row: row)
        }
        try each("combination_products") { row in
            let key = NameNormalizer.key(row["name"] ?? "")
            try insert("combination_products", row, ["key": key, "name": row["name"], "source_id": row["source"]])
            for drug in list(row["ingredients"]) {
                try insert("combination_ingredients", row, ["product_key": key, "drug_id": drug])
            }
        }
        try each("ambiguous_names") { row in
            for drug in list(row["drugs"]) {
                try insert("ambiguous_names", row, ["key": NameNormalizer.key(row["name"] ?? ""), "name": row["name"],
                                                    "drug_id": drug, "source_id": row["source"]])
            }
        }
        try each("drug_classes") { row in
            try insert("drug_classes", row, ["drug_id": row["drug"], "class_id": row["class"],
                                             "source_id": row["source"], "note": row["note"]])
        }
        // The class closures, as soon as the classes are in: the rule derivers below read them.
        try DerivedTables.fill(db)
        for (table, subject) in [("drug_risks", "drug"), ("class_risks", "class")] {
            try each(table) { row in
                try insert(table, row, ["\(subject)_id": row[subject], "effect_id": row["effect"],
                                        "severity": row["severity"], "frequency": row["frequency"] ?? "unknown",
                                        "evidence": row["evidence"], "summary": row["summary"],
                                        "management": row["management"], "note": row["note"],
                                        "source_id": row["source"]])
            }
        }
        try each("interaction_rules") { row in
            let left = try side(row["left"], row: row)
            let right = try side(row["right"], row: row)
            try insert("interaction_rules", row, [
                "id": row["id"], "left_class_id": left.classID, "left_drug_id": left.drugID,
                "right_class_id": right.classID, "right_drug_id": right.drugID,
                "effect_id": row["effect"], "severity": row["severity"], "evidence": row["evidence"],
                "summary": row["summary"], "mechanism": row["mechanism"], "management": row["management"],
                "movement_disorder": row["movement_disorder"],
            ])
            let sources = list(row["sources"])
            if sources.isEmpty { throw failure(row, "a rule needs at least one source in the 'sources' column") }
            for source in sources {
                try insert("rule_sources", row, ["rule_id": row["id"], "source_id": source])
            }
        }
        try importMechanisms()
        try each("rule_examples") { row in
            try insert("rule_examples", row, ["rule_id": row["rule"], "expectation": row["expectation"],
                                              "medications": row["medications"], "note": row["note"]])
        }
        try each("source_claims") { row in
            try insert("source_claims", row, ["source_id": row["source"], "subject": row["subject"],
                                              "claim": row["claim"], "resolution": row["resolution"],
                                              "resolution_source_id": row["resolution_source"]])
        }
        try each("guidance") { row in
            try insert("guidance", row, ["effect_id": row["effect"], "text": row["text"],
                                         "note": row["note"], "source_id": row["source"]])
        }
        try each("hunter_rules") { row in
            try insert("hunter_rules", row, ["rule": row["rule"], "statement": row["statement"], "source_id": row["source"]])
        }
        // Rules made from the data above; seed rules are all in, so they override.
        try GeneratedRuleDeriver(db: db).derive()
        try AdditiveRuleDeriver(db: db).derive()
    }

    /// Enzyme roles, exposure risks and washout intervals (Schema/006_mechanisms.sql).
    private func importMechanisms() throws {
        try each("enzyme_roles") { row in
            try insert("enzyme_roles", row, ["drug_id": row["drug"], "enzyme": row["enzyme"], "role": row["role"],
                                             "strength": row["strength"], "source_id": row["source"], "note": row["note"]])
        }
        try each("exposure_risks") { row in
            try insert("exposure_risks", row, ["drug_id": row["drug"], "effect_id": row["effect"],
                                               "movement_disorder": row["movement_disorder"],
                                               "therapeutic_range": row["range"], "shows": row["shows"],
                                               "source_id": row["source"]])
        }
        try each("washout_rules") { row in
            let stopped = try side(row["stopped"], row: row)
            try insert("washout_rules", row, ["id": row["id"], "stopped_class_id": stopped.classID,
                                              "stopped_drug_id": stopped.drugID, "start_class_id": row["start_class"],
                                              "days": row["days"], "effect_id": row["effect"],
                                              "severity": row["severity"], "summary": row["summary"]])
        }
        try each("washout_sources") { row in
            try insert("washout_sources", row, ["washout_id": row["washout"], "source_id": row["source"],
                                                "drug_id": row["drug"]])
        }
    }

    // MARK: - Helpers

    private func each(_ table: String, _ body: (SeedTable.Row) throws -> Void) throws {
        for file in bundle.seedFiles(for: table) {
            let seedTable = try SeedTable(file)
            for row in seedTable.rows {
                try body(row)
            }
        }
    }

    private func plain(_ table: String, columns: [String]) throws {
        try each(table) { row in
            try insert(table, row, Dictionary(uniqueKeysWithValues: columns.map { ($0, row[$0]) }))
        }
    }

    private func insertName(_ name: String?, drug: String?, kind: String?, source: String?, row: SeedTable.Row) throws {
        let key = NameNormalizer.key(name ?? "")
        // INSERT OR IGNORE, then ask who owns the key only when nothing was inserted: one
        // statement per name in the common case.
        let insert = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO drug_names (key, name, drug_id, kind, source_id) VALUES (?, ?, ?, ?, ?)")
        do {
            try insert.execute(arguments: [key, name, drug, kind, source])
        } catch let error as DatabaseError {
            throw failure(row, "drug_names: \(error.message ?? "\(error)")")
        }
        guard db.changesCount == 0 else { return }
        let owner = try String.fetchOne(db, sql: "SELECT drug_id FROM drug_names WHERE key = ?", arguments: [key])
        if owner == drug { return }  // the same name listed twice for the same drug
        guard let owner else {
            throw failure(row, "drug_names: the row was not stored; the name, drug, kind and source must all be filled in")
        }
        throw failure(row, "the name '\(name ?? "")' already belongs to \(owner); a name may mean only one drug")
    }

    private func side(_ value: String?, row: SeedTable.Row) throws -> (classID: String?, drugID: String?) {
        let parts = (value ?? "").split(separator: ":", maxSplits: 1).map(String.init)
        switch (parts.first, parts.count) {
        case ("class", 2): return (parts[1], nil)
        case ("drug", 2): return (nil, parts[1])
        default: throw failure(row, "a rule side is written 'class:ID' or 'drug:ID', not '\(value ?? "")'")
        }
    }

    private func list(_ value: String?) -> [String] {
        (value ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private func insert(_ table: String, _ row: SeedTable.Row, _ values: [String: String?]) throws {
        let columns = values.keys.sorted()
        let sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
        do {
            try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(columns.map { values[$0] ?? nil } as [String?]))
        } catch let error as DatabaseError {
            throw failure(row, "\(table): \(error.message ?? "\(error)")")
        }
    }

    private func failure(_ row: SeedTable.Row, _ message: String) -> TwitchCheckError {
        TwitchCheckError.seedRow(path: row.path, line: row.line, message: message)
    }
}

