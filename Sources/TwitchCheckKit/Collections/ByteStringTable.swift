import CPrefetch
import Foundation

/// Interns byte strings (medication names, patient ids) as dense integer ids, without
/// allocating for a string it has seen before: the hot path of `batch`.
///
/// A value type, so the batch path mutates it in place with no runtime exclusivity checks.
/// Open addressing over a power-of-two slot array, at most three quarters full; keys live back
/// to back in one arena, each after an 8-byte header of its id and length. A slot holds 24 bits
/// of the key's hash and where the key's header is in the arena, so a lookup touches two places
/// in memory: the slot, then the header with the key's bytes right after it (a miss is rejected at
/// the slot, almost always). In a big table of patients read in random order each of those is a
/// cache miss; a third place, an array of offsets by id, is read only to hand a key back by id.
/// A string costs its bytes plus 16 + 8 × 1.3–2.7 bytes (issue 13: cache misses on scattered files).
struct ByteStringTable {
    /// Each key as its id (UInt32), its length (UInt32), then its bytes; no padding.
    private var arena: [UInt8] = []
    /// Where each key's header starts in the arena, by id.
    private var offsets: [Int] = []
    /// 0 for an empty slot, else ``tagMask`` bits of the hash and the key's arena offset + 1.
    private var slots: [UInt64]
    private var slotMask: Int
    /// Where the header of the string the latest ``intern(_:)`` returned is, or -1.
    private var latestHeader = -1

    private static let headerSize = 8
    /// The slot bits that hold the hash (the top 24); the other 40 hold the arena offset + 1.
    private static let tagMask: UInt64 = 0xFFFF_FF00_0000_0000

    /// How many distinct strings have been interned.
    var count: Int { offsets.count }

    init(expectedCount: Int = 1024) {
        let slotCount = max(16, (expectedCount * 2).nextPowerOfTwo)
        slots = Array(repeating: 0, count: slotCount)
        slotMask = slotCount - 1
        arena.reserveCapacity(expectedCount * 32)
    }

    /// The id of `key`, adding it if it is new.
    @inline(__always)
    mutating func intern(_ key: UnsafeRawBufferPointer) -> (id: Int, isNew: Bool) {
        intern(key, hash: Self.hash(key))
    }

    /// The id of `key`, whose ``hash(_:)`` is `hash` (worked out earlier, to prefetch), adding it if it is new.
    @inline(__always)
    mutating func intern(_ key: UnsafeRawBufferPointer, hash: UInt64) -> (id: Int, isNew: Bool) {
        let tag = hash & Self.tagMask
        var slot = Int(truncatingIfNeeded: hash) & slotMask
        let found: Int = arena.withUnsafeBytes { arena in
            while true {
                let entry = slots[slot]
                if entry == 0 { return -1 }
                if entry & Self.tagMask == tag {
                    let header = Int(entry & ~Self.tagMask) - 1
                    let length = Int(arena.loadUnaligned(fromByteOffset: header + 4, as: UInt32.self))
                    if length == key.count,
                       Self.equal(arena.baseAddress! + header + Self.headerSize, key.baseAddress, count: length) {
                        return header
                    }
                }
                slot = (slot + 1) & slotMask
            }
        }
        if found >= 0 {
            latestHeader = found
            return (arena.withUnsafeBytes { Int($0.loadUnaligned(fromByteOffset: found, as: UInt32.self)) }, false)
        }
        return (add(key, tag: tag, slot: slot), true)
    }

    // MARK: Looking ahead

    /// Starts loading the slot where a lookup of a key with this hash begins, so that a lookup
    /// a few rows later finds it in cache (issue 13: a table of patients read in random order).
    @inline(__always)
    func prefetchSlot(hash: UInt64) {
        slots.withUnsafeBufferPointer { cprefetch_read($0.baseAddress! + (Int(truncatingIfNeeded: hash) & slotMask)) }
    }

    /// Once ``prefetchSlot(hash:)`` has brought the slot in: starts loading the first key along the
    /// probe sequence whose hash bits match, the second place a lookup reads. Only a hint: nothing
    /// is decided here, and it gives up after a few slots.
    @inline(__always)
    func prefetchKey(hash: UInt64) {
        let tag = hash & Self.tagMask
        var slot = Int(truncatingIfNeeded: hash) & slotMask
        for _ in 0..<8 {
            let entry = slots[slot]
            if entry == 0 { return }
            if entry & Self.tagMask == tag {
                arena.withUnsafeBytes {
                    let header = $0.baseAddress! + Int(entry & ~Self.tagMask) - 1
                    cprefetch_read(header)
                    // A 36-byte id after its header may run into the next cache line.
                    cprefetch_read(header + 40)
                }
                return
            }
            slot = (slot + 1) & slotMask
        }
    }

    /// This table's id of every string of `other`, in `other`'s id order, adding those that are
    /// new: joining two readers' patients, with each lookup's two places loaded a few strings ahead.
    mutating func intern(allOf other: ByteStringTable) -> [Int32] {
        let distance = 8
        var hashes = [UInt64](repeating: 0, count: 2 * distance)
        var ids: [Int32] = []
        ids.reserveCapacity(other.count)
        for ahead in 0..<other.count + distance {
            if ahead < other.count {
                hashes[ahead % hashes.count] = other.withBytes(ahead) { Self.hash($0) }
                prefetchSlot(hash: hashes[ahead % hashes.count])
            }
            if ahead >= distance / 2, ahead - distance / 2 < other.count {
                prefetchKey(hash: hashes[(ahead - distance / 2) % hashes.count])
            }
            let id = ahead - distance
            guard id >= 0 else { continue }
            let hash = hashes[id % hashes.count]
            ids.append(Int32(other.withBytes(id) { intern($0, hash: hash).id }))
        }
        return ids
    }

    /// Whether `key` is the string the latest ``intern(_:)`` returned, byte for byte (false before
    /// any): exports list one patient's rows together, and this touches no memory but that string's.
    @inline(__always)
    func isLatest(_ key: UnsafeRawBufferPointer) -> Bool {
        let header = latestHeader
        guard header >= 0 else { return false }
        return arena.withUnsafeBytes { arena in
            Int(arena.loadUnaligned(fromByteOffset: header + 4, as: UInt32.self)) == key.count
                && Self.equal(arena.baseAddress! + header + Self.headerSize, key.baseAddress, count: key.count)
        }
    }

    private mutating func add(_ key: UnsafeRawBufferPointer, tag: UInt64, slot: Int) -> Int {
        let id = count
        let header = arena.count
        precondition(header + Self.headerSize + key.count < 1 << 40 && id < Int(UInt32.max) && key.count < Int(UInt32.max),
                     "more than a terabyte of distinct strings")
        withUnsafeBytes(of: (UInt32(id).littleEndian, UInt32(key.count).littleEndian)) { arena.append(contentsOf: $0) }
        arena.append(contentsOf: key)
        offsets.append(header)
        latestHeader = header
        slots[slot] = tag | UInt64(header + 1)
        if count * 4 > (slotMask + 1) * 3 { growSlots() }
        return id
    }

    /// Whether `count` bytes at `stored` equal those at `key`: eight bytes at a time, the last
    /// eight overlapping, so a 36-byte patient id is five loads from each side and no call.
    @inline(__always)
    static func equal(_ stored: UnsafeRawPointer, _ key: UnsafeRawPointer?, count: Int) -> Bool {
        guard count > 0, let key else { return true }
        if count < 8 { return memcmp(stored, key, count) == 0 }
        var offset = 0
        while offset + 8 < count {
            if stored.loadUnaligned(fromByteOffset: offset, as: UInt64.self) != key.loadUnaligned(fromByteOffset: offset, as: UInt64.self) {
                return false
            }
            offset += 8
        }
        return stored.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) == key.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
    }

    /// The bytes of an interned string.
    func withBytes<Result>(_ id: Int, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try arena.withUnsafeBytes {
            let start = offsets[id] + Self.headerSize
            let length = Int($0.loadUnaligned(fromByteOffset: offsets[id] + 4, as: UInt32.self))
            return try body(UnsafeRawBufferPointer(rebasing: $0[start..<start + length]))
        }
    }

    /// The interned string as text (invalid UTF-8 replaced).
    func string(_ id: Int) -> String {
        withBytes(id) { String(decoding: $0, as: UTF8.self) }
    }

    /// A fast non-cryptographic hash, eight bytes at a time (the last eight overlapping the ones
    /// before when the length is not a multiple of eight).
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
        if offset < key.count {
            if key.count >= 8 {
                tail = key.loadUnaligned(fromByteOffset: key.count - 8, as: UInt64.self)
            } else {
                var shift: UInt64 = 0
                while offset < key.count {
                    tail |= UInt64(key[offset]) << shift
                    shift += 8
                    offset += 1
                }
            }
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
            slots[slot] = hash & Self.tagMask | UInt64(offsets[id] + 1)
        }
    }
}

extension Int {
    /// The smallest power of two at least this large.
    var nextPowerOfTwo: Int {
        self <= 1 ? 1 : 1 << (Int.bitWidth - (self - 1).leadingZeroBitCount)
    }
}
