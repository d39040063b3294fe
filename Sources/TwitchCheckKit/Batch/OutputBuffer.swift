/// A growable run of bytes in memory it owns, for the report's hot path: an append is a capacity
/// check and a copy, where an array's also checked that its storage was not shared (a JSON line is
/// dozens of appends; issue 13). It writes dates and numbers without building strings.
///
/// Not copyable, so two values can never own the same memory; ``take(capacity:)`` hands the bytes on.
struct OutputBuffer: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 64) {
        self.capacity = max(capacity, 16)
        start = .allocate(capacity: self.capacity)
    }


    deinit {
        start.deallocate()
    }

    var isEmpty: Bool { count == 0 }

    /// The bytes appended so far, valid until the next append.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }

    /// Gives the bytes to an ``OutputBlock`` and starts again, empty, with `capacity` bytes of room.
    mutating func take(capacity newCapacity: Int) -> OutputBlock {
        let block = OutputBlock(start: start, count: count)
        capacity = max(newCapacity, 16)
        start = .allocate(capacity: capacity)
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
        (start + count).initialize(from: source, count: piece.count)
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
