import Foundation

/// The patients of a spilled batch, written partition by partition into a temporary file once
/// their spans are sorted, then read back merged in the order of each patient's first row, the
/// order an in-memory run reports them in.
///
/// A patient's entry is its key, id, spans and listed medications (what ``PatientReportWriter``
/// needs), about 60 bytes and 12 a span: far less than its report (a JSON line is a few
/// kilobytes), so the disk holds little more than the spilled rows and the report is written
/// once, straight to the output. Each partition's entries are in key order; the merge keeps one
/// cursor per partition and always takes the smallest key next, so it holds a buffer per
/// partition and one patient. The file is unlinked at once (``PartitionFiles/openUnlinkedFiles(count:under:)``).
final class SpilledPatients {
    private let file: OutputSink
    private let descriptor: Int32
    /// Each finished partition's byte range and number of patients.
    private var partitions: [(bytes: Range<Int>, patients: Int)] = []

    /// key (8), id length, span count, medication count (4 each).
    static let headerSize = 20

    init(under parent: String?) throws {
        let (directory, descriptors) = try PartitionFiles.openUnlinkedFiles(count: 1, under: parent)
        descriptor = descriptors[0]
        file = OutputSink(fileDescriptor: descriptor, destination: PartitionFiles.destination(directory))
    }

    deinit {
        close(descriptor)
    }

    /// Appends one patient's entry to `entries` (a partition's, on any thread); keys must rise
    /// within a partition.
    static func encode(key: Int64, patient: UnsafeRawBufferPointer, spans: [PrescriptionInterval], medications: [Int],
                       into entries: inout [UInt8]) {
        withUnsafeBytes(of: (key, UInt32(patient.count), UInt32(spans.count), UInt32(medications.count))) {
            entries.append(contentsOf: $0)
        }
        entries.append(contentsOf: patient)
        for span in spans {
            withUnsafeBytes(of: (span.drug, span.start, span.stop)) { entries.append(contentsOf: $0) }
        }
        for medication in medications {
            withUnsafeBytes(of: Int32(medication)) { entries.append(contentsOf: $0) }
        }
    }

    /// Adds the next partition: `entries` holds its `patients` entries, made by ``encode(key:patient:spans:medications:into:)``.
    func addPartition(_ entries: [UInt8], patients: Int) throws {
        let start = file.count
        file.append(entries)
        partitions.append((start..<file.count, patients))
        try file.flushIfFull()
    }

    /// Calls `body` with every patient (id's bytes, spans sorted by drug and start, medications), smallest key first.
    func merge(_ body: (UnsafeRawBufferPointer, [PrescriptionInterval], [Int]) throws -> Void) throws {
        try file.flush()
        var cursors = partitions.map { (reader: ChunkReader(descriptor, range: $0.bytes), left: $0.patients) }
        /// The next patient's key and sizes from a cursor, if it has one.
        func next(_ cursor: Int) throws -> (key: Int64, sizes: (id: Int, spans: Int, medications: Int), cursor: Int)? {
            guard cursors[cursor].left > 0 else { return nil }
            cursors[cursor].left -= 1
            var header: (Int64, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
            try cursors[cursor].reader.take(Self.headerSize) { bytes in
                withUnsafeMutableBytes(of: &header) { $0.copyBytes(from: bytes) }
            }
            return (header.0, (Int(header.1), Int(header.2), Int(header.3)), cursor)
        }
        var heap: [(key: Int64, sizes: (id: Int, spans: Int, medications: Int), cursor: Int)] = []
        for cursor in cursors.indices {
            if let head = try next(cursor) { heap.append(head) }
        }
        heap.sort { $0.key < $1.key }  // a sorted array is a heap
        var spans: [PrescriptionInterval] = []
        var medications: [Int] = []
        var patient: [UInt8] = []
        while let top = heap.first {
            patient.removeAll(keepingCapacity: true)
            spans.removeAll(keepingCapacity: true)
            medications.removeAll(keepingCapacity: true)
            let size = top.sizes.id + top.sizes.spans * 12 + top.sizes.medications * 4
            try cursors[top.cursor].reader.take(size) { bytes in
                bytes.withUnsafeBytes { raw in
                    patient.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[0..<top.sizes.id]))
                    var offset = top.sizes.id
                    for _ in 0..<top.sizes.spans {
                        spans.append(PrescriptionInterval(patient: 0, drug: raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                                                          start: raw.loadUnaligned(fromByteOffset: offset + 4, as: Int32.self),
                                                          stop: raw.loadUnaligned(fromByteOffset: offset + 8, as: Int32.self)))
                        offset += 12
                    }
                    for _ in 0..<top.sizes.medications {
                        medications.append(Int(raw.loadUnaligned(fromByteOffset: offset, as: Int32.self)))
                        offset += 4
                    }
                }
            }
            try patient.withUnsafeBytes { try body($0, spans, medications) }
            if let head = try next(top.cursor) {
                heap[0] = head
            } else {
                heap[0] = heap[heap.count - 1]
                heap.removeLast()
            }
            Self.siftDown(&heap)
        }
    }

    private static func siftDown(_ heap: inout [(key: Int64, sizes: (id: Int, spans: Int, medications: Int), cursor: Int)]) {
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
