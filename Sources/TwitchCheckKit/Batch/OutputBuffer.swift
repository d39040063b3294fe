import Foundation

/// A growable run of bytes in memory it owns, for the report's hot path: an append is a capacity
/// check and a copy, where an array's also checked that its storage was not shared (a JSON line is
/// dozens of appends; issue 13). It writes dates and numbers without building strings.
///
/// Not copyable, so two values can never own the same memory; ``take(reusing:)`` hands the bytes on.
struct OutputBuffer: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 64) {
        self.capacity = max(capacity, 16)
        start = .allocate(capacity: self.capacity)
    }

    /// A buffer of a pool's blocks, starting with one of them.
    init(blocks: OutputBlockPool) {
        capacity = blocks.capacity
        start = blocks.storage()
    }

    deinit {
        start.deallocate()
    }

    var isEmpty: Bool { count == 0 }

    /// The bytes appended so far, valid until the next append.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }

    /// Gives the bytes to an ``OutputBlock`` and starts again, empty, in a block of `pool`. A
    /// buffer that grew past the pool's blocks is freed once written, not kept.
    mutating func take(reusing pool: OutputBlockPool) -> OutputBlock {
        let block = OutputBlock(start: start, count: count, pool: capacity == pool.capacity ? pool : nil)
        capacity = pool.capacity
        start = pool.storage()
        count = 0
        return block
    }

    /// Appends one byte.
    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toHold: 1) }
        start[count] = byte
        count += 1
    }

    /// Appends a run of bytes kept elsewhere (a pool of pieces encoded once).
    @inline(__always)
    mutating func append(_ piece: UnsafeBufferPointer<UInt8>) {
        guard let source = piece.baseAddress else { return }
        if piece.count > capacity - count { grow(toHold: piece.count) }
        (start + count).update(from: source, count: piece.count)
        count += piece.count
    }

    /// Appends text fixed at compile time (a literal's bytes, without going through `String`).
    @inline(__always)
    mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends bytes from any sequence: an array's or a string's in one copy.
    mutating func append(contentsOf bytes: some Sequence<UInt8>) {
        let copied: Void? = bytes.withContiguousStorageIfAvailable { append($0) }
        if copied == nil {
            for byte in bytes { append(byte) }
        }
    }

    /// Appends a non-negative integer in decimal.
    mutating func appendDecimal(_ value: Int) {
        if value >= 10 { appendDecimal(value / 10) }
        append(UInt8(48 + value % 10))
    }

    /// Appends a day number as `YYYY-MM-DD`.
    mutating func appendDay(_ day: Int32) {
        let (year, month, dayOfMonth) = DayNumber.civil(day)
        appendDigits(year, width: 4)
        append(UInt8(0x2D))
        appendDigits(month, width: 2)
        append(UInt8(0x2D))
        appendDigits(dayOfMonth, width: 2)
    }

    private mutating func appendDigits(_ value: Int, width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            append(UInt8(48 + (rest / divisor) % 10))
            rest %= divisor
            divisor /= 10
        }
    }

    /// Moves the bytes to memory that holds at least `extra` more (doubling, so appends stay linear).
    private mutating func grow(toHold extra: Int) {
        var newCapacity = capacity * 2
        while newCapacity - count < extra { newCapacity *= 2 }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        moved.moveInitialize(from: start, count: count)
        start.deallocate()
        start = moved
        capacity = newCapacity
    }
}

/// Bytes taken from an ``OutputBuffer`` on their way to the output: owned, read-only, and given
/// back to their pool (or freed) when the last reference goes, after the background writer has
/// written them. Sendable: nothing in it changes after it is made.
final class OutputBlock: @unchecked Sendable {
    private let start: UnsafeMutablePointer<UInt8>
    let count: Int
    private let pool: OutputBlockPool?

    fileprivate init(start: UnsafeMutablePointer<UInt8>, count: Int, pool: OutputBlockPool?) {
        self.start = start
        self.count = count
        self.pool = pool
    }

    deinit {
        if let pool {
            pool.giveBack(start)
        } else {
            start.deallocate()
        }
    }

    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: start, count: count) }
}

/// The memory of an ``OutputSink``'s blocks, reused: a block written is given back and filled
/// again, where a new one each time cost a map, a page fault per 4 kB and an unmap per block
/// (650 of them for a million rows of JSON Lines), and came to the cache cold. Holds at most
/// ``maxKept`` free blocks; the rest are freed.
final class OutputBlockPool: @unchecked Sendable {
    /// Bytes a block holds.
    let capacity: Int
    private static let maxKept = 4
    /// Guarded by `lock`: the writer thread gives blocks back while the report takes them.
    private var free: [UnsafeMutablePointer<UInt8>] = []
    private let lock = NSLock()

    init(capacity: Int) {
        self.capacity = capacity
    }

    deinit {
        for block in free { block.deallocate() }
    }

    /// A free block, or a new one.
    func storage() -> UnsafeMutablePointer<UInt8> {
        lock.lock()
        let reused = free.popLast()
        lock.unlock()
        return reused ?? .allocate(capacity: capacity)
    }

    /// Takes a block back (of ``capacity`` bytes), or frees it when enough are kept.
    fileprivate func giveBack(_ block: UnsafeMutablePointer<UInt8>) {
        lock.lock()
        let kept = free.count < Self.maxKept
        if kept { free.append(block) }
        lock.unlock()
        if !kept { block.deallocate() }
    }
}
