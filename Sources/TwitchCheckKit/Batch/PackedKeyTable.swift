/// A map from a non-zero 64-bit key to a value, by open addressing with one multiply for a hash:
/// the report looks a key up for every pair of a patient's drugs and for each of its two burden
/// scores, and `Dictionary`'s hashing was most of such a lookup's time (issue 13). A key and its
/// value share a slot, so a lookup in a table too big for the cache misses once, not once for
/// the key and again for the value.
struct PackedKeyTable<Value> {
    /// A key and its value, side by side.
    private struct Slot {
        /// 0 for an empty slot.
        var key: UInt64
        var value: Value
    }

    private var slots: [Slot]
    private var count = 0
    /// What an empty slot holds as its value (never read).
    private let filler: Value

    /// An empty table; `filler` fills the empty slots' values.
    init(filler: Value) {
        self.filler = filler
        slots = Array(repeating: Slot(key: 0, value: filler), count: 1024)
    }

    @inline(__always)
    private func slot(of key: UInt64) -> Int {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while slots[slot].key != 0, slots[slot].key != key { slot = (slot + 1) & mask }
        return slot
    }

    /// The value stored for `key` (never 0).
    @inline(__always)
    subscript(_ key: UInt64) -> Value? {
        let slot = slot(of: key)
        return slots[slot].key == key ? slots[slot].value : nil
    }

    /// Stores a value for `key` (never 0), replacing any.
    mutating func set(_ key: UInt64, to value: Value) {
        precondition(key != 0, "0 marks an empty slot")
        if (count + 1) * 2 > slots.count { grow() }
        let slot = slot(of: key)
        if slots[slot].key == 0 { count += 1 }
        slots[slot] = Slot(key: key, value: value)
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(key: 0, value: filler), count: old.count * 2)
        for entry in old where entry.key != 0 {
            slots[slot(of: entry.key)] = entry
        }
    }
}
