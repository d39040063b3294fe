import Foundation
import TestScratch
import Testing

/// `twitchcheck sql` as people paste queries into it: leading comments, standard input, files,
/// two statements, and tables of any size.
@Suite(.serialized) struct SQLCommandTests {
    static let query = "-- expect: albuterol\nSELECT drug FROM drugs_by_effect WHERE effect = 'tremor' AND drug = 'albuterol'"

    @Test("a query runs however it is given", arguments: [
        (["sql", query], nil as String?),
        (["sql", "--format", "csv", query], nil),
        (["sql", "-"], query),
        (["sql", "-", "--format", "csv"], "  \n" + query + ";\n-- trailing comment\n"),
    ])
    func aQueryStartingWithACommentRuns(_ arguments: [String], _ input: String?) throws {
        let result = try CommandRunner.run(arguments, input: input)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("albuterol"))
    }

    @Test func aQueryFileRuns() throws {
        let file = TestScratch.root.appending(path: "query-\(UUID().uuidString).sql")
        try Self.query.write(to: file, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["sql", "--file", file.path, "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.stdout == "drug\r\nalbuterol\r\n")
        let missing = try CommandRunner.run(["sql", "--file", file.path + ".none"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains(".none"))
    }

    @Test("problems in the product's words", arguments: [
        (["sql", "SELECT 1; SELECT 2"], "run one statement at a time"),
        (["sql", "-- only a comment"], "holds no statement"),
        (["sql", "--formt", "csv", "SELECT 1"], "unknown option '--formt'"),
        (["sql"], "give the query as one argument"),
        (["sql", "SELECT 1", "SELECT 2"], "give the query as one quoted argument"),
    ])
    func problemsAreSaidPlainly(_ arguments: [String], _ message: String) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!result.stderr.contains("Database.execute"))
    }

    @Test func aWholeTableStreamsWithCappedColumns() throws {
        let table = try CommandRunner.run(["sql", "SELECT * FROM drug_names"], timeout: 60)
        #expect(table.status == 0)
        let lines = table.stdout.split(separator: "\n")
        let count = try CommandRunner.run(["sql", "SELECT count(*) FROM drug_names", "--format", "csv"]).stdout
        #expect(lines.count == 2 + (Int(count.split(separator: "\r\n")[1]) ?? -1), "header, rule, a line per row")
        let widest = try #require(lines.map(\.count).max())
        let lastColumn = try CommandRunner.run(["sql", "SELECT max(length(source_id)) FROM drug_names", "--format", "csv"]).stdout
        let lastWidth: Int = Int(lastColumn.split(separator: "\r\n")[1]) ?? 0
        let limit: Int = 4 * 40 + 4 * 2 + lastWidth
        #expect(widest <= limit, "four columns of at most 40 characters, and the last one unpadded")
        #expect(table.stdout.contains("…"), "long values are cut in a table")
        let csv = try CommandRunner.run(["sql", "SELECT * FROM drug_names", "--format", "csv"], timeout: 60)
        #expect(!csv.stdout.contains("…") || csv.stdout.count > table.stdout.count, "csv keeps values whole")
        let longest = try CommandRunner.run(["sql", "SELECT max(length(name)) FROM drug_names", "--format", "csv"]).stdout
        #expect((Int(longest.split(separator: "\r\n")[1]) ?? 0) > 40, "the data has a value to cut")
    }

    @Test func theTimeoutHoldsWhileRowsAreWritten() throws {
        let result = try CommandRunner.run(["sql", "SELECT * FROM drug_names, drugs", "--timeout", "0.2"], timeout: 30)
        #expect(result.status == 2)
        #expect(result.stderr.contains("ran longer than 0.2 seconds"))
    }
}

/// `twitchcheck effect` takes the words people use for effects and classes.
@Suite(.serialized) struct EffectWordsTests {
    @Test("effect synonyms", arguments: [
        ("serotonin syndrome", "serotonin_syndrome"), ("Serotonin-Syndrome", "serotonin_syndrome"),
        ("SEROTONIN_SYNDROME", "serotonin_syndrome"), ("Tremors", "tremor"), ("myoclonus", "twitching"),
        ("tardive dyskinesia", "tardive_dyskinesia"), ("TD", "tardive_dyskinesia"),
    ])
    func anEffectIsFoundByTheWordsPeopleUse(_ words: String, _ id: String) throws {
        let given = try CommandRunner.run(["effect", words, "--format", "json"])
        let canonical = try CommandRunner.run(["effect", id, "--format", "json"])
        #expect(given.status == 0, "\(given.stderr)")
        #expect(given.stdout == canonical.stdout)
    }

    @Test("class synonyms", arguments: [("SSRI", "ssri"), ("SSRIs", "ssri"), ("tricyclic antidepressants", "tca"),
                                        ("Serotonin-norepinephrine reuptake inhibitors", "snri"), ("MAOI", "maoi")])
    func aClassIsFoundByItsNameOrAbbreviation(_ words: String, _ id: String) throws {
        let given = try CommandRunner.run(["effect", "serotonin syndrome", "--class", words, "--format", "json"])
        let canonical = try CommandRunner.run(["effect", "serotonin_syndrome", "--class", id, "--format", "json"])
        #expect(given.status == 0, "\(given.stderr)")
        #expect(given.stdout == canonical.stdout)
    }

    @Test func unknownWordsListTheValidValues() throws {
        let effect = try CommandRunner.run(["effect", "shivers"])
        #expect(effect.status == 2)
        #expect(effect.stderr.contains("serotonin_syndrome, tremor, tardive_dyskinesia, twitching"))
        let drugClass = try CommandRunner.run(["effect", "tremor", "--class", "no_such_class"])
        #expect(drugClass.status == 2)
        #expect(drugClass.stderr.contains("the classes are: ") && drugClass.stderr.contains("ssri"))
    }
}
