/// A map from an unordered pair of drug ids to a number, by open addressing with one multiply for
/// a hash: the report looks up every pair of every patient's drugs, and `Dictionary`'s hashing
/// was most of that lookup's time (issue 13).
struct DrugPairTable {
    /// 0 for an empty slot; else the pair (smaller id high) with the top bit set.
    private var keys = [UInt64](repeating: 0, count: 1024)
    private var values = [Int32](repeating: 0, count: 1024)
    private var count = 0

    @inline(__always)
    private static func key(_ a: Int32, _ b: Int32) -> UInt64 {
        let (low, high) = a < b ? (a, b) : (b, a)
        return 1 << 63 | UInt64(UInt32(bitPattern: low)) << 32 | UInt64(UInt32(bitPattern: high))
    }

    @inline(__always)
    private func slot(of key: UInt64) -> Int {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while keys[slot] != 0, keys[slot] != key { slot = (slot + 1) & mask }
        return slot
    }

    /// The value stored for the pair, in either order.
    @inline(__always)
    subscript(_ a: Int32, _ b: Int32) -> Int32? {
        let key = Self.key(a, b)
        let slot = slot(of: key)
        return keys[slot] == key ? values[slot] : nil
    }

    /// Stores a value for the pair, replacing any.
    mutating func set(_ a: Int32, _ b: Int32, to value: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        let key = Self.key(a, b)
        let slot = slot(of: key)
        if keys[slot] == 0 { count += 1 }
        keys[slot] = key
        values[slot] = value
    }

    private mutating func grow() {
        let (oldKeys, oldValues) = (keys, values)
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: 0, count: oldKeys.count * 2)
        for (key, value) in zip(oldKeys, oldValues) where key != 0 {
            let slot = slot(of: key)
            keys[slot] = key
            values[slot] = value
        }
    }
}
