import Foundation

/// Interns byte strings (medication names, patient ids) as dense integer ids, without
/// allocating for a string it has seen before: the hot path of `batch`.
///
/// A value type, so the batch path mutates it in place with no runtime exclusivity checks.
/// Open addressing over a power-of-two slot array; keys live back to back in one arena.
struct ByteStringTable {
    private var arena: [UInt8] = []
    private var offsets: [Int] = []
    private var lengths: [Int] = []
    private var hashes: [UInt64] = []
    private var slots: [Int32]
    private var slotMask: Int

    /// How many distinct strings have been interned.
    var count: Int { offsets.count }

    init(expectedCount: Int = 1024) {
        let slotCount = max(16, (expectedCount * 2).nextPowerOfTwo)
        slots = Array(repeating: -1, count: slotCount)
        slotMask = slotCount - 1
        arena.reserveCapacity(expectedCount * 32)
    }

    /// The id of `key`, adding it if it is new.
    @inline(__always)
    mutating func intern(_ key: UnsafeRawBufferPointer) -> (id: Int, isNew: Bool) {
        let hash = Self.hash(key)
        var slot = Int(truncatingIfNeeded: hash) & slotMask
        while true {
            let existing = Int(slots[slot])
            if existing < 0 { break }
            if hashes[existing] == hash, lengths[existing] == key.count, equals(existing, key) {
                return (existing, false)
            }
            slot = (slot + 1) & slotMask
        }
        let id = offsets.count
        offsets.append(arena.count)
        lengths.append(key.count)
        hashes.append(hash)
        arena.append(contentsOf: key)
        slots[slot] = Int32(id)
        if offsets.count * 2 > slotMask { growSlots() }
        return (id, true)
    }

    @inline(__always)
    private func equals(_ id: Int, _ key: UnsafeRawBufferPointer) -> Bool {
        guard key.count > 0 else { return true }
        return arena.withUnsafeBytes { memcmp($0.baseAddress! + offsets[id], key.baseAddress!, key.count) == 0 }
    }

    /// The bytes of an interned string.
    func withBytes<Result>(_ id: Int, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try arena.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[offsets[id]..<(offsets[id] + lengths[id])])) }
    }

    /// The interned string as text (invalid UTF-8 replaced).
    func string(_ id: Int) -> String {
        withBytes(id) { String(decoding: $0, as: UTF8.self) }
    }

    /// A fast non-cryptographic hash, eight bytes at a time.
    @inline(__always)
    static func hash(_ key: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(key.count)
        var offset = 0
        while offset + 8 <= key.count {
            let word = key.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 32
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < key.count {
            tail |= UInt64(key[offset]) << shift
            shift += 8
            offset += 1
        }
        hash = (hash ^ tail) &* 0x9E37_79B9_7F4A_7C15
        return hash ^ (hash >> 29)
    }

    private mutating func growSlots() {
        let slotCount = (slotMask + 1) * 2
        slots = Array(repeating: -1, count: slotCount)
        slotMask = slotCount - 1
        for id in 0..<offsets.count {
            var slot = Int(truncatingIfNeeded: hashes[id]) & slotMask
            while slots[slot] >= 0 { slot = (slot + 1) & slotMask }
            slots[slot] = Int32(id)
        }
    }
}

extension Int {
    /// The smallest power of two at least this large.
    var nextPowerOfTwo: Int {
        self <= 1 ? 1 : 1 << (Int.bitWidth - (self - 1).leadingZeroBitCount)
    }
}
