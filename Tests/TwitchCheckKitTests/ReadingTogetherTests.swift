import GRDB
import Testing
@testable import TwitchCheckKit

/// `check` runs all its queries in one read transaction (``KnowledgeBaseReader/readingTogether(_:)``):
/// the reads inside share it, and the report is the one separate reads give.
@Suite struct ReadingTogetherTests {
    @Test func readsInsideShareOneTransactionAndReadsOutsideHaveTheirOwn() throws {
        let knowledgeBase = try TestKnowledgeBase.fresh()
        let reader = knowledgeBase.reader
        let outside = try reader.read { db in db.isInsideTransaction }
        #expect(outside, "a read is a transaction of its own")
        var connections: [ObjectIdentifier] = []
        try reader.readingTogether {
            for _ in 0..<3 {
                try reader.read { db in
                    #expect(db.isInsideTransaction)
                    connections.append(ObjectIdentifier(db))
                }
            }
            // Nested again: still the same transaction.
            try reader.readingTogether { try reader.read { db in connections.append(ObjectIdentifier(db)) } }
        }
        #expect(connections.count == 4 && Set(connections).count == 1)
        // Another knowledge base's reads are not drawn in.
        let other = try TestKnowledgeBase.fresh()
        try reader.readingTogether {
            let otherConnection = try other.reader.read { db in ObjectIdentifier(db) }
            #expect(otherConnection != connections[0])
        }
    }

    @Test func aCheckReadTogetherReportsWhatSeparateReadsReport() throws {
        let knowledgeBase = try TestKnowledgeBase.fresh()
        let checker = try MedicationChecker(knowledgeBase: knowledgeBase, rules: .perList)
        for list in [["sertraline", "tramadol", "Zoloft 50mg", "sertralin"], ["phenelzine", "fluoxetine stopped 2026-11-20"],
                     ["lithium", "HCTZ 25mg", "ibuprofen", "quetiapine", "haloperidol", "metoclopramide"]] {
            let apart = try ReportEncoding.json(checker.check(list))
            let together = try knowledgeBase.reader.readingTogether { try ReportEncoding.json(checker.check(list)) }
            #expect(together == apart, "\(list)")
        }
    }

    @Test func anErrorInsideLeavesTheReaderUsable() throws {
        let knowledgeBase = try TestKnowledgeBase.fresh()
        #expect(throws: TwitchCheckError.self) {
            try knowledgeBase.reader.readingTogether {
                try knowledgeBase.reader.read { db in try db.execute(sql: "SELECT * FROM no_such_table") }
            }
        }
        #expect(try knowledgeBase.reader.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM drugs") ?? 0 } > 100)
    }
}
