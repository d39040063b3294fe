/// The fingerprint of a set of schema and seed files: FNV-1a, 64-bit, over each file's path, a
/// zero byte, its contents and a zero byte, in path order. It names the cached knowledge base
/// built from them; it is not a security hash.
///
/// Its own module so that the one definition serves both the `SeedEmbedder` build tool (which
/// cannot import TwitchCheckKit, being built before it) and ``SeedBundle`` in the library.
public struct SeedDigest: Sendable {
    private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    /// Adds one file; call in path order.
    public mutating func add(path: String, contents: some Sequence<UInt8>) {
        mix(path.utf8)
        mix(CollectionOfOne(0))
        mix(contents)
        mix(CollectionOfOne(0))
    }

    /// The digest so far, in lowercase hexadecimal.
    public var hex: String { String(hash, radix: 16) }

    private mutating func mix(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
    }
}
