/// A map from an unordered pair of drug ids to a value: a ``PackedKeyTable`` keyed by the pair
/// packed into one number, smaller id first.
struct DrugPairTable<Value> {
    private var table: PackedKeyTable<Value>

    /// An empty table; see ``PackedKeyTable/init(filler:)``.
    init(filler: Value) {
        table = PackedKeyTable(filler: filler)
    }

    /// The pair (smaller id high) with the top bit set, so never 0.
    @inline(__always)
    private static func key(_ a: Int32, _ b: Int32) -> UInt64 {
        let (low, high) = a < b ? (a, b) : (b, a)
        return 1 << 63 | UInt64(UInt32(bitPattern: low)) << 32 | UInt64(UInt32(bitPattern: high))
    }

    /// The value stored for the pair, in either order.
    @inline(__always)
    subscript(_ a: Int32, _ b: Int32) -> Value? {
        table[Self.key(a, b)]
    }

    /// Stores a value for the pair, replacing any.
    mutating func set(_ a: Int32, _ b: Int32, to value: Value) {
        table.set(Self.key(a, b), to: value)
    }
}
