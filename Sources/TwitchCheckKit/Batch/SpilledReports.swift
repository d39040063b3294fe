import Foundation

/// The reports of a spilled batch, written partition by partition into a temporary file, then
/// merged into the output in the order of each patient's first row: the order an in-memory run
/// writes them in.
///
/// Each partition's reports are appended to one file and indexed in another as (key, length)
/// for every patient whose report is not empty; each partition's index is in key order. The
/// merge keeps one cursor per partition and always copies the smallest key next, so it holds a
/// buffer per partition and never a whole report. The files are unlinked at once (see
/// ``PartitionFiles/openUnlinkedFiles(count:under:)``).
final class SpilledReports {
    /// Where the partitions' reports are written.
    let reports: OutputSink
    private let index: OutputSink
    private let descriptors: [Int32]
    /// Each finished partition's range of index entries and where its reports start.
    private var partitions: [(entries: Range<Int>, reportsStart: Int)] = []
    private var entryCount = 0
    private var partitionStart: (entries: Int, reports: Int) = (0, 0)

    static let entrySize = 16

    init(under parent: String?) throws {
        let (directory, descriptors) = try PartitionFiles.openUnlinkedFiles(count: 2, under: parent)
        self.descriptors = descriptors
        reports = OutputSink(fileDescriptor: descriptors[0], destination: PartitionFiles.destination(directory))
        index = OutputSink(fileDescriptor: descriptors[1], destination: PartitionFiles.destination(directory))
    }

    deinit {
        for descriptor in descriptors { close(descriptor) }
    }

    /// Notes that the patient with `key` has just been written to ``reports`` with `length` bytes.
    func add(key: Int64, length: Int) throws {
        guard length > 0 else { return }
        withUnsafeBytes(of: (key, Int64(length))) { index.append($0) }
        entryCount += 1
        try index.flushIfFull()
    }

    /// Closes the current partition: the next patients belong to the next one.
    func endPartition() {
        partitions.append((partitionStart.entries..<entryCount, partitionStart.reports))
        partitionStart = (entryCount, reports.count)
    }

    /// Copies every report into `output`, smallest key first.
    func merge(into output: OutputSink) throws {
        try reports.flush()
        try index.flush()
        var cursors: [(entries: ChunkReader, reports: ChunkReader, left: Int)] = partitions.enumerated().map { number, partition in
            let reportsEnd = number + 1 < partitions.count ? partitions[number + 1].reportsStart : reports.count
            return (ChunkReader(descriptors[1], range: partition.entries.lowerBound * Self.entrySize..<partition.entries.upperBound * Self.entrySize),
                    ChunkReader(descriptors[0], range: partition.reportsStart..<reportsEnd), partition.entries.count)
        }
        // A binary heap of (key, length, cursor) by key.
        var heap: [(key: Int64, length: Int, cursor: Int)] = []
        func next(_ cursor: Int) throws -> (key: Int64, length: Int, cursor: Int)? {
            guard cursors[cursor].left > 0 else { return nil }
            cursors[cursor].left -= 1
            var entry: (Int64, Int64) = (0, 0)
            try cursors[cursor].entries.take(Self.entrySize) { bytes in
                withUnsafeMutableBytes(of: &entry) { _ = bytes.copyBytes(to: $0) }
            }
            return (entry.0, Int(entry.1), cursor)
        }
        for cursor in cursors.indices {
            if let entry = try next(cursor) { heap.append(entry) }
        }
        heap.sort { $0.key < $1.key }  // a sorted array is a heap
        while let top = heap.first {
            try cursors[top.cursor].reports.take(top.length) { output.append($0) }
            try output.flushIfFull()
            if let entry = try next(top.cursor) {
                heap[0] = entry
            } else {
                heap[0] = heap[heap.count - 1]
                heap.removeLast()
            }
            Self.siftDown(&heap)
        }
    }

    private static func siftDown(_ heap: inout [(key: Int64, length: Int, cursor: Int)]) {
        var parent = 0
        while true {
            let left = 2 * parent + 1
            guard left < heap.count else { return }
            let right = left + 1
            let child = right < heap.count && heap[right].key < heap[left].key ? right : left
            guard heap[child].key < heap[parent].key else { return }
            heap.swapAt(child, parent)
            parent = child
        }
    }
}

/// Reads a range of a file front to back in chunks, handing out pieces of a given length.
struct ChunkReader {
    private let descriptor: Int32
    private var position: Int
    private let end: Int
    private var buffer: [UInt8] = []
    private var consumed = 0
    static let chunkSize = 64 << 10

    init(_ descriptor: Int32, range: Range<Int>) {
        self.descriptor = descriptor
        position = range.lowerBound
        end = range.upperBound
    }

    /// Calls `body` with the next `count` bytes.
    mutating func take(_ count: Int, _ body: (ArraySlice<UInt8>) throws -> Void) throws {
        if buffer.count - consumed < count {
            let kept = buffer[consumed...]
            let wanted = min(max(count, Self.chunkSize), kept.count + end - position)
            var refilled = [UInt8](kept)
            refilled.reserveCapacity(wanted)
            let toRead = wanted - refilled.count
            refilled += [UInt8](repeating: 0, count: toRead)
            let base = refilled.count - toRead
            try refilled.withUnsafeMutableBytes { bytes in
                var offset = 0
                while offset < toRead {
                    let read = pread(descriptor, bytes.baseAddress! + base + offset, toRead - offset, off_t(position + offset))
                    if read < 0, errno == EINTR { continue }
                    guard read > 0 else {
                        throw TwitchCheckError.inputUnreadable(path: "a temporary file of batch",
                                                               reason: read < 0 ? String(cString: strerror(errno)) : "it ended early")
                    }
                    offset += read
                }
            }
            position += toRead
            buffer = refilled
            consumed = 0
            guard buffer.count >= count else {
                throw TwitchCheckError.inputUnreadable(path: "a temporary file of batch", reason: "it ended early")
            }
        }
        try body(buffer[consumed..<consumed + count])
        consumed += count
    }
}
