/// Finds names close to an unrecognised input, for "did you mean" — never to replace it.
///
/// Closeness is the Damerau–Levenshtein distance (a swap of two letters counts once):
/// at most 1 for words of up to 5 letters, 2 up to 9, 3 beyond; names that start with the
/// input count too, and those whose first words are the whole input ("insulin" → "insulin
/// glargine") come before any near miss. Closer names come first, and among equals a generic or brand name
/// before a synonym. Candidates are pruned by length and by a letter-count bound before
/// the distance is computed, so a miss costs milliseconds even against tens of thousands of names.
public struct SuggestionFinder: Sendable {
    /// A candidate name, prepared for pruning.
    private struct Candidate: Sendable {
        let key: [UInt8]
        let name: String
        let kindRank: Int
        let letters: [UInt8]
    }

    private let candidatesByLength: [Int: [Candidate]]
    private let longest: Int

    /// `names`: every name key with the name as written and its kind (generic, brand, synonym).
    public init(names: [(key: String, name: String, kind: MatchKind)]) {
        var buckets: [Int: [Candidate]] = [:]
        for entry in names where !entry.key.isEmpty {
            let key = Array(entry.key.utf8)
            let rank = switch entry.kind { case .generic: 0; case .brand: 1; default: 2 }
            buckets[key.count, default: []].append(Candidate(key: key, name: entry.name, kindRank: rank, letters: Self.letterCounts(key)))
        }
        candidatesByLength = buckets
        longest = buckets.keys.max() ?? 0
    }

    /// Up to `limit` names closest to the input, closest first.
    public func suggestions(for input: String, limit: Int = 5) -> [String] {
        let words = NameNormalizer.tokens(input).filter { word in
            word.count >= 4 && !NameVocabulary.nonNameWords.contains(word) && !word.contains(where: \.isNumber)
        }
        let queries = Set([NameNormalizer.key(input)] + words).filter { !$0.isEmpty }
        var best: [String: (distance: Int, kindRank: Int, name: String)] = [:]
        for query in queries {
            let queryBytes = Array(query.utf8)
            let allowed = Self.allowedDistance(queryBytes.count)
            let queryLetters = Self.letterCounts(queryBytes)
            // Near misses: lengths within the allowed distance.
            let shortest = max(1, queryBytes.count - allowed)
            for length in shortest...max(shortest, min(longest, queryBytes.count + allowed)) {
                for candidate in candidatesByLength[length] ?? [] {
                    if Self.isWholeWordPrefix(queryBytes, of: candidate.key) { keep(candidate, 0, in: &best); continue }
                    guard Self.letterBound(queryLetters, candidate.letters) <= allowed else { continue }
                    let distance = Self.distance(queryBytes, candidate.key, limit: allowed)
                    if distance <= allowed { keep(candidate, distance, in: &best) }
                }
            }
            // Prefixes: "sertra" suggests "sertraline".
            if queryBytes.count >= 4 {
                for length in (queryBytes.count + allowed + 1)...max(queryBytes.count + allowed + 1, longest) {
                    for candidate in candidatesByLength[length] ?? [] where candidate.key.starts(with: queryBytes) {
                        keep(candidate, Self.isWholeWordPrefix(queryBytes, of: candidate.key) ? 0 : allowed + 1, in: &best)
                    }
                }
            }
        }
        return best.values
            .sorted { ($0.distance, $0.kindRank, $0.name.count, $0.name) < ($1.distance, $1.kindRank, $1.name.count, $1.name) }
            .prefix(limit)
            .map(\.name)
    }

    private func keep(_ candidate: Candidate, _ distance: Int, in best: inout [String: (distance: Int, kindRank: Int, name: String)]) {
        let key = String(decoding: candidate.key, as: UTF8.self)
        if let existing = best[key], existing.distance <= distance { return }
        best[key] = (distance, candidate.kindRank, candidate.name)
    }

    /// "insulin" before "insulin glargine": the input is the name's whole first word(s), which ranks
    /// the name before any near miss ("inulin").
    private static func isWholeWordPrefix(_ query: [UInt8], of key: [UInt8]) -> Bool {
        key.count > query.count && key[query.count] == 0x20 && key.starts(with: query)
    }

    static func allowedDistance(_ length: Int) -> Int {
        length <= 5 ? 1 : (length <= 9 ? 2 : 3)
    }

    /// Counts of a–z, 0–9 and everything else: half their difference bounds the edit distance from below.
    private static func letterCounts(_ bytes: [UInt8]) -> [UInt8] {
        var counts = [UInt8](repeating: 0, count: 37)
        for byte in bytes {
            let slot = switch byte {
            case 0x61...0x7A: Int(byte - 0x61)
            case 0x30...0x39: 26 + Int(byte - 0x30)
            default: 36
            }
            counts[slot] &+= 1
        }
        return counts
    }

    private static func letterBound(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var difference = 0
        for index in 0..<37 { difference += abs(Int(a[index]) - Int(b[index])) }
        return (difference + 1) / 2
    }

    /// Optimal-string-alignment distance, giving up early once every cell exceeds `limit`.
    static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
