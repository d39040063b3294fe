/// Finds names close to an unrecognised input, for "did you mean" — never to replace it.
///
/// Closeness is the Damerau–Levenshtein distance (a swap of two letters counts once),
/// allowed to grow with the length of the word, plus names that start with the input.
public struct SuggestionFinder: Sendable {
    private let names: [(key: String, name: String)]

    public init(names: [(key: String, name: String)]) {
        self.names = names
    }

    /// Up to `limit` names closest to the input, closest first.
    public func suggestions(for input: String, limit: Int = 5) -> [String] {
        let queries = Set([NameNormalizer.key(input)] + NameNormalizer.tokens(input).filter { word in
            word.count >= 4 && !NameVocabulary.nonNameWords.contains(word) && !word.contains(where: \.isNumber)
        }).filter { !$0.isEmpty }
        var best: [String: (distance: Int, name: String)] = [:]
        for query in queries {
            let queryBytes = Array(query.utf8)
            let allowed = queryBytes.count <= 4 ? 1 : (queryBytes.count <= 8 ? 2 : 3)
            for candidate in names {
                let candidateBytes = Array(candidate.key.utf8)
                var distance: Int?
                if abs(candidateBytes.count - queryBytes.count) <= allowed {
                    let d = Self.distance(queryBytes, candidateBytes, limit: allowed)
                    if d <= allowed { distance = d }
                }
                if distance == nil, queryBytes.count >= 4, candidateBytes.starts(with: queryBytes) {
                    distance = allowed + 1
                }
                guard let distance else { continue }
                if let existing = best[candidate.key], existing.distance <= distance { continue }
                best[candidate.key] = (distance, candidate.name)
            }
        }
        return best.values
            .sorted { ($0.distance, $0.name.count, $0.name) < ($1.distance, $1.name.count, $1.name) }
            .prefix(limit)
            .map(\.name)
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
