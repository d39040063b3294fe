import Foundation
import GRDB
import Testing
import TwitchCheckKit

/// `KnowledgeBaseAudit`: the shipped knowledge base passes every check, and each check
/// catches the fault it is for, in a deliberately broken seed bundle or database file.
@Suite struct KnowledgeBaseAuditTests {
    /// A fault to plant: extra seed files, or SQL run on the built file (for faults the build itself refuses).
    struct Fault: CustomTestStringConvertible, Sendable {
        let check: String
        var seeds: [SeedFile] = []
        var tamper: String?
        var testDescription: String { check }
    }

    static let faults: [Fault] = [
        Fault(check: "fact-without-source", tamper: "DELETE FROM rule_sources WHERE rule_id = (SELECT min(id) FROM interaction_rules)"),
        Fault(check: "name-means-two-drugs", seeds: [SeedFile(
            path: "Seeds/combination_products/zz-audit.tsv", text: "name\tingredients\tsource\nZoloft\tsertraline,tramadol\tolson\n")]),
        Fault(check: "rule-without-flags-example", seeds: rule("zz-audit-rule") + [SeedFile(
            path: "Seeds/rule_examples/zz-audit.tsv", text: "rule\texpectation\tmedications\tnote\nzz-audit-rule\tclear\tlithium\t\n")]),
        Fault(check: "rule-without-clear-example", seeds: rule("zz-audit-rule") + [SeedFile(
            path: "Seeds/rule_examples/zz-audit.tsv", text: "rule\texpectation\tmedications\tnote\nzz-audit-rule\tflags\tlithium ; sertraline\t\n")]),
        Fault(check: "rule-side-without-drugs", seeds: [emptyClass] + [SeedFile(
            path: "Seeds/interaction_rules/zz-audit.tsv",
            text: "id\tleft\tright\teffect\tseverity\tevidence\tsummary\tmechanism\tmanagement\tsources\n"
                + "zz-audit-rule\tdrug:lithium\tclass:zz_empty\ttremor\tminor\ttheoretical\tS.\tM.\tW.\tolson\n")]),
        Fault(check: "atc-class-mismatch", seeds: [
            SeedFile(path: "Seeds/classes/zz-audit.tsv",
                     text: "id\tname\tparents\tatc_prefix\tdescription\tsource\nzz_ssri\tTest SSRIs\t\tN06AB\tA test class.\tolson\n"),
            SeedFile(path: "Seeds/drugs/zz-audit.tsv", text: "id\tkind\trxcui\tatc\tsource\nzzdrug\tdrug\t\tR03AC02\tolson\n"),
            SeedFile(path: "Seeds/drug_classes/zz-audit.tsv", text: "drug\tclass\tsource\tnote\nzzdrug\tzz_ssri\tolson\t\n"),
        ]),
        Fault(check: "class-without-members", seeds: [emptyClass]),
        Fault(check: "drug-without-name", tamper: "DELETE FROM drug_names WHERE drug_id = 'lithium'"),
        Fault(check: "source-never-cited", seeds: [SeedFile(
            path: "Seeds/sources/zz-audit.tsv", text: "id\tkind\tcitation\turl\nzz-uncited\treview\tA review nothing cites.\t\n")]),
        Fault(check: "enzyme-row-without-strength", seeds: [SeedFile(
            path: "Seeds/enzyme_roles/zz-audit.tsv",
            text: "drug\tenzyme\trole\tstrength\tsource\tnote\nsertraline\tCYP1A2\tinhibitor\t\tolson\t\n")]),
        Fault(check: "generated-rule-sources-not-derivation",
              tamper: "INSERT INTO rule_sources (rule_id, source_id) VALUES ('gen-carbamazepine-clarithromycin', 'olson')"),
        // A drug's own label cited for the whole class pair (Zoloft's label for every serotonergic drug).
        Fault(check: "washout-without-fitting-source", seeds: [SeedFile(
            path: "Seeds/washout_sources/zz-audit.tsv", text: "washout\tsource\tdrug\nmaoi-after-fluoxetine\tfda-zol\t\n")]),
        // A label cited for a drug on neither side of the rule (albuterol is neither an MAOI nor serotonergic).
        Fault(check: "washout-without-fitting-source", seeds: [SeedFile(
            path: "Seeds/washout_sources/zz-audit.tsv", text: "washout\tsource\tdrug\nmaoi-after-serotonergic\tli-label-di\tlithium\n")]),
        // A class rule whose only sources are drug labels.
        Fault(check: "washout-without-fitting-source",
              tamper: "DELETE FROM washout_sources WHERE washout_id = 'serotonergic-after-maoi' AND drug_id IS NULL"),
        Fault(check: "derived-tables", tamper: "DELETE FROM drug_class_closure WHERE drug_id = 'sertraline' AND class_id = 'serotonergic'"),
        Fault(check: "derived-tables", tamper: "UPDATE class_ancestors SET depth = depth + 1 WHERE class_id = 'ssri' AND depth > 0"),
        Fault(check: "foreign-key", tamper: "INSERT INTO drug_names (key, name, drug_id, kind, source_id) VALUES ('zz', 'zz', 'no-such-drug', 'brand', 'olson')"),
    ]

    static let emptyClass = SeedFile(
        path: "Seeds/classes/zz-empty.tsv", text: "id\tname\tparents\tatc_prefix\tdescription\tsource\nzz_empty\tNothing\t\t\tA class with no drugs.\tolson\n")

    static func rule(_ id: String) -> [SeedFile] {
        [SeedFile(path: "Seeds/interaction_rules/zz-audit.tsv",
                  text: "id\tleft\tright\teffect\tseverity\tevidence\tsummary\tmechanism\tmanagement\tsources\n"
                      + "\(id)\tdrug:lithium\tdrug:sertraline\ttremor\tminor\ttheoretical\tS.\tM.\tW.\tolson\n")]
    }

    @Test func theShippedKnowledgeBasePassesEveryCheck() throws {
        let errors = try KnowledgeBaseAudit(knowledgeBase: TestKnowledgeBase.shared).run().filter { $0.level == .error }
        #expect(errors.isEmpty, "\(errors.map { "\($0.check) \($0.table) \($0.key): \($0.message)" }.joined(separator: "\n"))")
    }

    @Test func everyCheckHasAFaultTest() {
        let tested = Set(Self.faults.map(\.check))
        // integrity_check needs a damaged file, which cannot be made portably; the others are planted below.
        let untested = KnowledgeBaseAudit.checks.map(\.id).filter { !tested.contains($0) && $0 != "sqlite-integrity" }
        #expect(untested.isEmpty, "checks with no fault test: \(untested)")
    }

    @Test("a planted fault is caught", arguments: faults)
    func aPlantedFaultIsCaught(_ fault: Fault) throws {
        let bundle = EmbeddedSeeds.bundle()
        let url = try TestKnowledgeBase.temporaryDirectory().appending(path: "kb.sqlite")
        try KnowledgeBaseBuilder(bundle: SeedBundle(files: bundle.files + fault.seeds, digest: bundle.digest)).build(at: url)
        if let tamper = fault.tamper {
            var configuration = Configuration()
            configuration.foreignKeysEnabled = false
            let queue = try DatabaseQueue(path: url.path, configuration: configuration)
            try queue.writeWithoutTransaction { db in try db.execute(sql: tamper) }
            try queue.close()
        }
        let problems = try KnowledgeBaseAudit(knowledgeBase: KnowledgeBase(path: url.path)).run()
        let caught = problems.filter { $0.check == fault.check }
        #expect(!caught.isEmpty, "\(fault.check) found nothing; problems: \(problems.map(\.check))")
        for problem in caught {
            #expect(!problem.table.isEmpty && !problem.key.isEmpty && problem.message.contains(";"), "\(problem)")
        }
    }
}
