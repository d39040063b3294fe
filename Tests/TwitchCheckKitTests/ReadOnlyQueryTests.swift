import Foundation
import Testing
import TwitchCheckKit

/// `ReadOnlyQuery`: reads work; writes, ATTACH, setting PRAGMAs and extensions are refused; long queries stop.
@Suite struct ReadOnlyQueryTests {
    let query = ReadOnlyQuery(knowledgeBase: TestKnowledgeBase.shared)

    @Test func aSelectWithAParameterReturnsRows() throws {
        let result = try query.run("SELECT drug, kind FROM drug_name_list WHERE drug = :d ORDER BY name", parameters: ["d": "albuterol"])
        #expect(result.columns == ["drug", "kind"])
        #expect(result.rows.contains { $0 == [.text("albuterol"), .text("brand")] })
    }

    @Test("refused", arguments: [
        ("INSERT INTO sources (id, kind, citation) VALUES ('x', 'review', 'x')", "INSERT into sources"),
        ("UPDATE drugs SET atc = NULL", "UPDATE of drugs"),
        ("DELETE FROM drugs", "DELETE from drugs"),
        ("DROP TABLE drugs", "DROP TABLE drugs"),
        ("CREATE TEMP TABLE scratch (x)", "CREATE TEMP TABLE scratch"),
        ("ATTACH DATABASE '/tmp/other.sqlite' AS other", "ATTACH"),
        ("PRAGMA writable_schema = 1", "PRAGMA writable_schema = 1"),
        ("PRAGMA journal_mode = WAL", "PRAGMA journal_mode = WAL"),
        ("SELECT load_extension('x')", "the function load_extension()"),
        ("BEGIN", "a transaction statement"),
    ])
    func refused(_ sql: String, _ what: String) throws {
        #expect(throws: QueryError.refused(what)) { try query.run(sql) }
    }

    @Test func reportingPragmasAreAllowed() throws {
        #expect(try query.run("PRAGMA table_info(drugs)").rows.count >= 4)
        #expect(try query.run("SELECT name FROM pragma_table_info('drugs')").rows.count >= 4)
        #expect(try query.run("PRAGMA user_version").rows.count == 1)
    }

    @Test func invalidSQLCarriesSQLitesMessage() {
        #expect(throws: QueryError.sqlite("near \"SELEC\": syntax error")) { try query.run("SELEC 1") }
        #expect { try query.run("SELECT * FROM no_such_table") } throws: { "\($0)".contains("no such table: no_such_table") }
    }

    @Test func parametersMustMatchTheQuery() {
        #expect { try query.run("SELECT :d") } throws: { "\($0)".contains("uses :d but no value was given") }
        #expect { try query.run("SELECT 1", parameters: ["d": "x"]) } throws: { "\($0)".contains("the query has no :d") }
    }

    @Test func aQueryPastItsTimeoutIsStopped() {
        let slow = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n"
        #expect(throws: QueryError.timedOut(seconds: 0.3)) {
            try ReadOnlyQuery(knowledgeBase: TestKnowledgeBase.shared, timeout: 0.3).run(slow)
        }
    }
}
