import Foundation
import GRDB

/// Writes one rule made at build time into the tables every consumer reads: `interaction_rules`
/// (with its origin), `rule_sources`, and a 'flags' and a 'clear' example in `rule_examples`.
///
/// The examples run in the rule-example test like every seed rule's: the pair must fire the
/// rule, and the first drug with a drug that takes part in no rule of ours must not.
final class DerivedRuleWriter {
    /// A drug the clear example pairs with: in no rule, no enzyme table row and no own risk.
    static let bystander = "acetaminophen"

    let db: Database
    /// "drug|drug|effect" for every pair a rule covered when the writer was made, both ways round.
    private var covered: Set<String> = []

    /// A writer that knows every pair the rules so far cover (read once).
    init(db: Database) throws {
        self.db = db
        for row in try Row.fetchAll(db, sql: """
            SELECT DISTINCT l.drug_id AS a, r.drug_id AS b, interaction_rules.effect_id AS effect
            FROM interaction_rules
            JOIN rule_side_drugs l ON l.rule_id = interaction_rules.id AND l.side = 'left'
            JOIN rule_side_drugs r ON r.rule_id = interaction_rules.id AND r.side = 'right'
            """) {
            markCovered(row["a"], row["b"], effect: row["effect"])
        }
    }

    private func markCovered(_ a: String, _ b: String, effect: String) {
        covered.insert("\(a)|\(b)|\(effect)")
        covered.insert("\(b)|\(a)|\(effect)")
    }

    /// One drug-pair rule.
    struct Rule {
        let id: String
        let origin: String
        let first: String
        let second: String
        let effect: String
        let movementDisorder: String?
        let severity: String
        let evidence: String
        let summary: String
        let mechanism: String
        let management: String
        let sources: [String]
    }

    func write(_ rule: Rule) throws {
        try db.execute(sql: """
            INSERT INTO interaction_rules (id, left_drug_id, right_drug_id, effect_id, severity, evidence, summary,
                                           mechanism, management, origin, movement_disorder)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [rule.id, rule.first, rule.second, rule.effect, rule.severity, rule.evidence, rule.summary,
                             rule.mechanism, rule.management, rule.origin, rule.movementDisorder])
        for source in rule.sources {
            try db.execute(sql: "INSERT OR IGNORE INTO rule_sources (rule_id, source_id) VALUES (?, ?)",
                           arguments: [rule.id, source])
        }
        let note = "made at build time (\(rule.origin))"
        try db.execute(sql: "INSERT INTO rule_examples (rule_id, expectation, medications, note) VALUES (?, 'flags', ?, ?)",
                       arguments: [rule.id, "\(rule.first) ; \(rule.second)", note])
        try db.execute(sql: "INSERT INTO rule_examples (rule_id, expectation, medications, note) VALUES (?, 'clear', ?, ?)",
                       arguments: [rule.id, "\(rule.first) ; \(Self.bystander)", note])
    }

    /// Whether a rule that existed when this writer was made covers this pair for this effect:
    /// a seed (label) rule overrides anything derived for the same pair and effect, and generated
    /// rules override additive ones. Rules the writer itself writes do not block each other, so
    /// A raising B and B raising A are two rules (the checker reports the more severe).
    func isCovered(_ a: String, _ b: String, effect: String) -> Bool {
        covered.contains("\(a)|\(b)|\(effect)")
    }

    /// A rule id part made from a drug id: lowercase letters, digits and hyphens.
    static func slug(_ drugID: String) -> String {
        var result = ""
        for character in drugID.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                result.append(character)
            } else if !result.hasSuffix("-") {
                result.append("-")
            }
        }
        return result.trimmingCharacters(in: ["-"])
    }
}
