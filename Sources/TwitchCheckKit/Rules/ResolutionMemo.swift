import Synchronization

/// Remembers how each typed name resolved, so a checker that sees the same names again (a
/// server answering an EHR, whose lists repeat) skips the matching. A name always resolves the
/// same way against one read-only knowledge base, so the memory never changes an answer.
///
/// Bounded: once ``limit`` names are held it starts over, and a name longer than
/// ``longestName`` bytes is resolved without being held, so endless distinct or huge names
/// (a server takes bodies up to 1 MiB) cannot grow it without end. Safe to share between threads.
final class ResolutionMemo: Sendable {
    /// Names held before the memory starts over.
    static let limit = 10_000
    /// The longest name, in UTF-8 bytes, that is held (medication names as people type them are far shorter).
    static let longestName = 256
    private let resolved = Mutex<[String: Resolution]>([:])

    /// The resolution of `input`, from memory or from `resolver`.
    func resolve(_ input: String, with resolver: MedicationResolver) throws -> Resolution {
        guard input.utf8.count <= Self.longestName else { return try resolver.resolve(input) }
        if let known = resolved.withLock({ $0[input] }) { return known }
        let resolution = try resolver.resolve(input)
        resolved.withLock { resolved in
            if resolved.count >= Self.limit { resolved.removeAll() }
            resolved[input] = resolution
        }
        return resolution
    }

    /// How many names are held now.
    var count: Int { resolved.withLock { $0.count } }
}
