import Foundation

/// The last few rows of a long-layout batch, read but not yet joined to their patient: a queue
/// that lets ``BatchIngest`` look a patient up a few rows after starting to load its place in the
/// table, so the lookups' cache misses overlap instead of following one another (issue 13: in a
/// file whose rows come in random patient order, two misses a row were a third of the reading).
///
/// Rows leave in the order they came, so what is kept does not depend on the queue. Each row
/// keeps a copy of its patient id (the reader's buffer moves on): ids of at most
/// ``maxPatientBytes`` bytes; a longer one is not queued.
struct PendingRows {
    /// What a row needs once its patient is known.
    struct Row {
        /// ``ByteStringTable/hash(_:)`` of the patient id; 0 when `repeatsPrevious` or while spilling (not worked out).
        var hash: UInt64
        /// The row's number among the rows read, its order key if it is spilled.
        var number: Int
        /// The medication id, or -1 when the row names none.
        var medication: Int32
        var start: Int32
        var stop: Int32
        var patientLength: Int32
        /// Whether the patient id is the previous row's (no lookup needed); such a row is joined at once, not queued.
        var repeatsPrevious: Bool
    }

    /// How many rows wait (a power of two), and how far behind the newest a row's key is loaded.
    static let depth = 16
    static let keyDistance = 8
    static let maxPatientBytes = 64

    private var rows: [Row]
    private var patients: [UInt8]
    /// The oldest row's position in the ring.
    private var oldest = 0
    private(set) var count = 0

    init() {
        rows = Array(repeating: Row(hash: 0, number: 0, medication: -1, start: 0, stop: 0, patientLength: 0, repeatsPrevious: false),
                     count: Self.depth)
        patients = Array(repeating: 0, count: Self.depth * Self.maxPatientBytes)
    }

    var isFull: Bool { count == Self.depth }

    /// Whether `patient` is the id of the newest row queued.
    @inline(__always)
    func newestPatientIs(_ patient: UnsafeRawBufferPointer) -> Bool {
        guard count > 0 else { return false }
        let position = (oldest + count - 1) & (Self.depth - 1)
        guard Int(rows[position].patientLength) == patient.count else { return false }
        return patients.withUnsafeBytes {
            ByteStringTable.equal($0.baseAddress! + position * Self.maxPatientBytes, patient.baseAddress, count: patient.count)
        }
    }

    /// The row `back` places behind the newest (0: the newest), if that many are queued.
    @inline(__always)
    func row(behindNewest back: Int) -> Row? {
        guard back < count else { return nil }
        return rows[(oldest + count - 1 - back) & (Self.depth - 1)]
    }

    /// Queues a row; the queue must not be full, and the id at most ``maxPatientBytes`` long.
    @inline(__always)
    mutating func push(_ row: Row, patient: UnsafeRawBufferPointer) {
        precondition(count < Self.depth && patient.count <= Self.maxPatientBytes)
        let position = (oldest + count) & (Self.depth - 1)
        rows[position] = row
        if patient.count > 0 {
            patients.withUnsafeMutableBytes {
                Self.copy(patient.count, from: patient.baseAddress!, to: $0.baseAddress! + position * Self.maxPatientBytes)
            }
        }
        count += 1
    }

    /// Copies a short id eight bytes at a time, the last eight overlapping (no call for 36 bytes).
    @inline(__always)
    private static func copy(_ count: Int, from source: UnsafeRawPointer, to destination: UnsafeMutableRawPointer) {
        guard count >= 8 else { return destination.copyMemory(from: source, byteCount: count) }
        var offset = 0
        while offset + 8 < count {
            destination.storeBytes(of: source.loadUnaligned(fromByteOffset: offset, as: UInt64.self), toByteOffset: offset, as: UInt64.self)
            offset += 8
        }
        destination.storeBytes(of: source.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self), toByteOffset: count - 8, as: UInt64.self)
    }

    /// Takes the oldest row out, its patient id copied into `patient` (``maxPatientBytes`` long);
    /// the queue must not be empty.
    @inline(__always)
    mutating func popOldest(into patient: UnsafeMutableRawBufferPointer) -> Row {
        precondition(count > 0)
        let row = rows[oldest]
        if row.patientLength > 0 {
            patients.withUnsafeBytes {
                Self.copy(Int(row.patientLength), from: $0.baseAddress! + oldest * Self.maxPatientBytes, to: patient.baseAddress!)
            }
        }
        oldest = (oldest + 1) & (Self.depth - 1)
        count -= 1
        return row
    }
}
