import Foundation

/// Interns byte strings (medication names, patient ids) as dense integer ids, without
/// allocating for a string it has seen before: the hot path of `batch`.
///
/// A value type, so the batch path mutates it in place with no runtime exclusivity checks.
/// Open addressing over a power-of-two slot array, at most three quarters full; keys live back
/// to back in one arena. A slot holds the id and 32 bits of the key's hash, so a lookup in a big
/// table of patients read in random order touches three places (the slot, the key's offset,
/// the key's bytes) and a miss is rejected at the slot; a string costs its bytes plus about
/// 8 + 8 × 1.3–2.7 bytes (issue 13: memory per patient, and cache misses on scattered files).
struct ByteStringTable {
    private var arena: [UInt8] = []
    /// Where each key starts in the arena, and one more entry where the next would start.
    private var offsets: [Int] = [0]
    /// 0 for an empty slot, else the high 32 bits of the hash and id + 1.
    private var slots: [UInt64]
    private var slotMask: Int

    /// How many distinct strings have been interned.
    var count: Int { offsets.count - 1 }

    init(expectedCount: Int = 1024) {
        let slotCount = max(16, (expectedCount * 2).nextPowerOfTwo)
        slots = Array(repeating: 0, count: slotCount)
        slotMask = slotCount - 1
        arena.reserveCapacity(expectedCount * 32)
    }

    /// The id of `key`, adding it if it is new.
    @inline(__always)
    mutating func intern(_ key: UnsafeRawBufferPointer) -> (id: Int, isNew: Bool) {
        let hash = Self.hash(key)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash) & slotMask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let existing = Int(entry & 0xFFFF_FFFF) - 1
                if offsets[existing + 1] - offsets[existing] == key.count, equals(existing, key) {
                    return (existing, false)
                }
            }
            slot = (slot + 1) & slotMask
        }
        let id = count
        arena.append(contentsOf: key)
        offsets.append(arena.count)
        slots[slot] = tag | UInt64(id + 1)
        if count * 4 > (slotMask + 1) * 3 { growSlots() }
        return (id, true)
    }

    @inline(__always)
    private func equals(_ id: Int, _ key: UnsafeRawBufferPointer) -> Bool {
        guard key.count > 0 else { return true }
        return arena.withUnsafeBytes { memcmp($0.baseAddress! + offsets[id], key.baseAddress!, key.count) == 0 }
    }

    /// The bytes of an interned string.
    func withBytes<Result>(_ id: Int, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try arena.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[offsets[id]..<offsets[id + 1]])) }
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

    /// Doubles the slots; the hashes are worked out again from the keys (no array of them is kept).
    private mutating func growSlots() {
        let slotCount = (slotMask + 1) * 2
        slots = Array(repeating: 0, count: slotCount)
        slotMask = slotCount - 1
        for id in 0..<count {
            let hash = withBytes(id) { Self.hash($0) }
            var slot = Int(truncatingIfNeeded: hash) & slotMask
            while slots[slot] != 0 { slot = (slot + 1) & slotMask }
            slots[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(id + 1)
        }
    }
}

extension Int {
    /// The smallest power of two at least this large.
    var nextPowerOfTwo: Int {
        self <= 1 ? 1 : 1 << (Int.bitWidth - (self - 1).leadingZeroBitCount)
    }
}
