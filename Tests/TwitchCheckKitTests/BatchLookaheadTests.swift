import Foundation
import Testing
@testable import TwitchCheckKit

/// Joining rows to their patients a few rows late (``PendingRows``, with prefetches into the
/// patient table) changes nothing a user sees, and the table stays exact when hashes collide (issue 13).
@Suite struct BatchLookaheadTests {
    typealias SplitMix = BatchFastPathParityTests.SplitMix

    /// Ids longer than ``PendingRows/maxPatientBytes`` are joined at once, the queue emptied first:
    /// a file where some patients' ids are that long (so rows switch between the two ways, in
    /// memory and spilled, on every read path) reports, id for id, what the file with short ids reports.
    @Test(arguments: [11, 12])
    func rowsJoinedLateReportWhatRowsJoinedAtOnceReport(seed: Int) throws {
        let short = BatchSpillParityTests.scatteredFile(seed: UInt64(seed), rows: 1_200)
        let prefix = String(repeating: "q", count: PendingRows.maxPatientBytes + 6)
        // Every third distinct patient (by its id's bytes) gets the long id; bytes, not text, so
        // the row with invalid UTF-8 stays invalid.
        var lengthened: [UInt8] = []
        for (index, line) in short.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            if index > 0 { lengthened.append(0x0A) }
            if index > 0, let comma = line.firstIndex(of: 0x2C), comma > line.startIndex,
               line[..<comma].reduce(0, { $0 &+ Int($1) }) % 3 == 0 {
                lengthened += Array(prefix.utf8)
            }
            lengthened += line
        }
        #expect(lengthened.count > short.count + 100 * prefix.utf8.count)
        for format in BatchOptions.OutputFormat.allCases {
            for heldBytes in [Int.max, 0, 3_000] {
                var options = BatchOptions()
                options.format = format
                let directory = try TestKnowledgeBase.temporaryDirectory()
                options.spill = SpillPolicy(heldBytes: heldBytes, partitions: 4, directory: directory.path)
                for path in ReadPath.allCases {
                    let expected = try path.run(short, options: options)
                    let run = try path.run(lengthened, options: options)
                    #expect(!expected.output.isEmpty)
                    #expect(run.output.replacingOccurrences(of: prefix, with: "") == expected.output,
                            "\(format) \(path) held \(heldBytes)")
                    #expect(run.summary.render().replacingOccurrences(of: prefix, with: "") == expected.summary.render(),
                            "\(format) \(path) held \(heldBytes)")
                }
            }
        }
    }

    /// The queue hands rows back in the order they came, each with its own patient id, through wrap-arounds.
    @Test func pendingRowsComeOutInOrder() {
        var queue = PendingRows()
        var random = SplitMix(state: 3)
        var expected: [(number: Int, patient: [UInt8])] = []
        var popped = 0
        var buffer = [UInt8](repeating: 0, count: PendingRows.maxPatientBytes)
        for number in 0..<500 {
            let patient = (0..<Int(random.next() % UInt64(PendingRows.maxPatientBytes + 1))).map { _ in UInt8(random.next() % 256) }
            if queue.isFull || random.next() % 3 == 0 {
                while queue.count > (random.next() % 2 == 0 ? 0 : PendingRows.depth / 2) {
                    let row = buffer.withUnsafeMutableBytes { queue.popOldest(into: $0) }
                    #expect(row.number == expected[popped].number)
                    #expect(Array(buffer[0..<Int(row.patientLength)]) == expected[popped].patient)
                    popped += 1
                }
            }
            #expect(patient.withUnsafeBytes { queue.newestPatientIs($0) } == (queue.count > 0 && expected.last?.patient == patient))
            let row = PendingRows.Row(hash: 0, number: number, medication: -1, start: 0, stop: 0,
                                      patientLength: Int32(patient.count), repeatsPrevious: false)
            patient.withUnsafeBytes { queue.push(row, patient: $0) }
            expected.append((number, patient))
            #expect(queue.row(behindNewest: 0)?.number == number)
            #expect(queue.row(behindNewest: queue.count) == nil)
        }
    }

    /// Keys whose hashes are forced equal (one long probe chain, every slot's hash bits matching)
    /// still get one id each: only whole keys are compared, and prefetching decides nothing. (The
    /// table is made big enough never to grow: growing works the real hashes out again.)
    @Test func collidingHashesKeepKeysApart() {
        var table = ByteStringTable(expectedCount: 1_024)
        var ids: [[UInt8]: Int] = [:]
        var keys: [[UInt8]] = []
        for round in 0..<3 {
            for index in 0..<300 {
                // Same length, differing only in the last byte or in one byte in the middle.
                var key = Array("f3739498-9ff2-526e-1e61-7e6c1bcc87e5".utf8)
                key[key.count - 1] = UInt8(0x30 + index % 10)
                key[10] = UInt8(0x41 + index / 10)
                let hash: UInt64 = index % 2 == 0 ? 0xDEAD_BEEF_0000_0001 : ByteStringTable.hash(key.withUnsafeBytes { $0 })
                table.prefetchSlot(hash: hash)
                table.prefetchKey(hash: hash)
                let (id, isNew) = key.withUnsafeBytes { table.intern($0, hash: hash) }
                if let known = ids[key] {
                    #expect(id == known && !isNew && round > 0)
                } else {
                    #expect(isNew && id == keys.count && round == 0)
                    ids[key] = id
                    keys.append(key)
                }
                #expect(key.withUnsafeBytes { table.isLatest($0) })
            }
        }
        #expect(table.count == keys.count)
        for (id, key) in keys.enumerated() { #expect(table.withBytes(id) { Array($0) } == key) }
    }
}
