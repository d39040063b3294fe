import Foundation

/// Interns byte strings (medication names, patient ids) as dense integer ids, without
/// allocating for a string it has seen before: the hot path of `batch`.
///
/// Open addressing over a power-of-two slot array; keys live back to back in one arena.
final class ByteStringTable {
    private var arena: UnsafeMutablePointer<UInt8>
    private var arenaCapacity: Int
    private var arenaCount = 0
    private var offsets: [Int] = []
    private var lengths: [Int] = []
    private var hashes: [UInt64] = []
    private var slots: UnsafeMutablePointer<Int32>
    private var slotMask: Int

    /// How many distinct strings have been interned.
    var count: Int { offsets.count }

    init(expectedCount: Int = 1024) {
        let slotCount = max(16, (expectedCount * 2).nextPowerOfTwo)
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: -1, count: slotCount)
        slotMask = slotCount - 1
        arenaCapacity = max(4096, expectedCount * 32)
        arena = .allocate(capacity: arenaCapacity)
    }

    deinit {
        slots.deallocate()
        arena.deallocate()
    }

    /// The id of `key`, adding it if it is new.
    @inline(__always)
    func intern(_ key: UnsafeRawBufferPointer) -> (id: Int, isNew: Bool) {
        let hash = Self.hash(key)
        var slot = Int(truncatingIfNeeded: hash) & slotMask
        while true {
            let existing = Int(slots[slot])
            if existing < 0 { break }
            if hashes[existing] == hash, lengths[existing] == key.count,
               key.count == 0 || memcmp(arena + offsets[existing], key.baseAddress!, key.count) == 0 {
                return (existing, false)
            }
            slot = (slot + 1) & slotMask
        }
        let id = offsets.count
        if arenaCount + key.count > arenaCapacity { growArena(toFit: key.count) }
        if key.count > 0 { (arena + arenaCount).update(from: key.baseAddress!.assumingMemoryBound(to: UInt8.self), count: key.count) }
        offsets.append(arenaCount)
        lengths.append(key.count)
        hashes.append(hash)
        arenaCount += key.count
        slots[slot] = Int32(id)
        if offsets.count * 2 > slotMask { growSlots() }
        return (id, true)
    }

    /// The bytes of an interned string as text (invalid UTF-8 replaced).
    func string(_ id: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: arena + offsets[id], count: lengths[id]), as: UTF8.self)
    }

    @inline(__always)
    static func hash(_ key: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash ^ (hash >> 29)
    }

    private func growArena(toFit extra: Int) {
        let newCapacity = max(arenaCapacity * 2, arenaCount + extra)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        larger.update(from: arena, count: arenaCount)
        arena.deallocate()
        arena = larger
        arenaCapacity = newCapacity
    }

    private func growSlots() {
        let slotCount = (slotMask + 1) * 2
        slots.deallocate()
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: -1, count: slotCount)
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
