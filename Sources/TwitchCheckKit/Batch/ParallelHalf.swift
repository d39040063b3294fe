import Foundation

/// The second half of a file, read on its own thread while the first half is read on the caller's.
///
/// Its state is touched by one thread at a time: the worker until it signals `finished`,
/// then the caller. That hand-over is what makes the unchecked Sendable conformance sound.
final class ParallelHalf: @unchecked Sendable {
    let reader: CSVRecordReader
    let columns: BatchIngest.Columns
    var ingest: BatchIngest
    private(set) var error: Error?
    let finished = DispatchSemaphore(value: 0)

    init(reader: CSVRecordReader, ingest: BatchIngest, columns: BatchIngest.Columns) {
        self.reader = reader
        self.ingest = ingest
        self.columns = columns
    }

    func run() {
        defer { finished.signal() }
        do {
            var problems = ProblemCollector()
            // A local copy (of an empty pass): a class's stored property would cost an exclusivity check per row.
            var local = ingest
            defer { ingest = local }
            let columns = columns
            try reader.forEachRecord({ record in
                local.ingest(record, columns: columns)
            }, problem: { problems.add($0) })
            local.finishQueuedRows()
            local.absorbHeaderProblems(problems.kept, total: problems.total)
        } catch {
            self.error = error
        }
    }
}
