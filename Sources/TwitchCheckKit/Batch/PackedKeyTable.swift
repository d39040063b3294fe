/// A map from a non-zero 64-bit key to an `Int32`, by open addressing with one multiply for a
/// hash: the report looks a key up for every pair of a patient's drugs and for each of its two
/// burden scores, and `Dictionary`'s hashing was most of such a lookup's time (issue 13).
struct PackedKeyTable {
    /// 0 for an empty slot, else a key.
    private var keys = [UInt64](repeating: 0, count: 1024)
    private var values = [Int32](repeating: 0, count: 1024)
    private var count = 0

    @inline(__always)
    private func slot(of key: UInt64) -> Int {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while keys[slot] != 0, keys[slot] != key { slot = (slot + 1) & mask }
        return slot
    }

    /// The value stored for `key` (never 0).
    @inline(__always)
    subscript(_ key: UInt64) -> Int32? {
        let slot = slot(of: key)
        return keys[slot] == key ? values[slot] : nil
    }

    /// Stores a value for `key` (never 0), replacing any.
    mutating func set(_ key: UInt64, to value: Int32) {
        precondition(key != 0, "0 marks an empty slot")
        if (count + 1) * 2 > keys.count { grow() }
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
