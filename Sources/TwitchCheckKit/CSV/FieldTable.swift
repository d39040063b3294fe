import Foundation

/// A record's field boundaries, reused from record to record so the per-row path allocates nothing.
final class FieldTable {
    var starts: UnsafeMutablePointer<Int>
    var ends: UnsafeMutablePointer<Int>
    /// 0 plain, 1 quoted, 2 quoted with doubled quotes inside.
    var flags: UnsafeMutablePointer<UInt8>
    var count = 0
    private var capacity = 64

    init() {
        starts = .allocate(capacity: capacity)
        ends = .allocate(capacity: capacity)
        flags = .allocate(capacity: capacity)
    }

    deinit {
        starts.deallocate()
        ends.deallocate()
        flags.deallocate()
    }

    @inline(__always)
    func append(start: Int, end: Int, flag: UInt8) {
        if count == capacity { grow() }
        starts[count] = start
        ends[count] = end
        flags[count] = flag
        count += 1
    }

    private func grow() {
        let newCapacity = capacity * 2
        for (pointer, keyPath) in [(starts, \FieldTable.starts), (ends, \FieldTable.ends)] {
            let larger = UnsafeMutablePointer<Int>.allocate(capacity: newCapacity)
            larger.update(from: pointer, count: capacity)
            pointer.deallocate()
            self[keyPath: keyPath] = larger
        }
        let largerFlags = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        largerFlags.update(from: flags, count: capacity)
        flags.deallocate()
        flags = largerFlags
        capacity = newCapacity
    }
}
