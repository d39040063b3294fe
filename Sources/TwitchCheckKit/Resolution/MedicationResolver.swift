import Synchronization

/// Turns a medication as people write it into the drugs it contains.
///
/// "Zoloft 50mg", "SERTRALINE HCL 50 MG ORAL TABLET", "buPROPion" and
/// "Acetaminophen 325 MG / Oxycodone Hydrochloride 5 MG Oral Tablet" all work: the
/// string is folded into words (``NameNormalizer``), and the longest runs of words that are
/// known names are taken, skipping doses, forms and salts. Names of any length match.
///
/// A match never starts or ends inside what was written as one word ("phe-nelzine" is not
/// phenylalanine plus "nelzine"): a word joined by a hyphen or other punctuation is matched
/// whole, as written ("5-HTP", "co-codamol") or with the joins removed ("phe-nelzine" →
/// phenelzine). A word split by a stray space ("es citalopram") is joined back only when the
/// joined word is a known name and leaves fewer words not understood. Only exact names
/// match; a misspelling is reported as unrecognised, with suggestions, and never corrected
/// into a drug. An error-prone abbreviation that means two drugs ("MS") is reported as
/// ambiguous, with both, and not checked.
///
/// Safe to share between threads: the names looked up are remembered (so a batch resolves
/// each word once) and the suggestion index is built on first need, both under a lock.
public final class MedicationResolver: Sendable {
    /// Every name whose key is one of the words or starts with it and a space, by word.
    public typealias NamesStarting = @Sendable (_ words: [String]) throws -> [String: [NameEntry]]
    /// Every name that may be suggested, with its key and kind.
    public typealias SuggestableNames = @Sendable () throws -> [(key: String, name: String, kind: MatchKind)]

    private let namesStarting: NamesStarting
    private let loadNames: SuggestableNames
    private let remembered = Mutex<[String: [NameEntry]]>([:])
    private let suggestionFinder = Mutex<SuggestionFinder?>(nil)
    /// Words remembered before the memory starts over: bounds a batch of endless distinct words.
    private static let rememberedLimit = 200_000
    /// The longest input resolved, in UTF-8 bytes. A longer one is unrecognised without
    /// suggestions: every word of it would cost lookups and a suggestion search, so a hostile
    /// megabyte-long "name" in a batch file could otherwise run for minutes. No drug name,
    /// even an RxNorm clinical-drug string with several ingredients, comes near it.
    public static let maxNameBytes = 1_000

    public init(namesStarting: @escaping NamesStarting, suggestableNames: @escaping SuggestableNames) {
        self.namesStarting = namesStarting
        self.loadNames = suggestableNames
    }

    /// A resolver over a knowledge base's names.
    public convenience init(knowledgeBase: KnowledgeBase) {
        self.init(namesStarting: { try knowledgeBase.nameEntries(startingWith: $0) },
                  suggestableNames: { try knowledgeBase.suggestableNames() })
    }

    /// Resolves one typed name.
    public func resolve(_ input: String) throws -> Resolution {
        guard input.utf8.count <= Self.maxNameBytes else {
            return .unrecognized(UnrecognizedMedication(input: input, suggestions: []))
        }
        var units = NameNormalizer.units(input)
        var result = try match(units)
        // A stray space or separator inside a word ("es citalopram", "tr/imipramine"): join a word
        // not understood with a neighbour when that makes a known name and leaves fewer words over.
        for _ in 0..<3 where !result.leftover.isEmpty {
            guard let better = try joinedBetter(units, than: result) else { break }
            (units, result) = better
        }
        if !result.ambiguous.isEmpty {
            return .unrecognized(UnrecognizedMedication(input: input, suggestions: result.ambiguous, reason: .ambiguous))
        }
        guard let firstKind = result.kinds.first else {
            return .unrecognized(UnrecognizedMedication(input: input, suggestions: try suggestions(for: input)))
        }
        let matchedBy: MatchKind =
            if result.drugs.count > 1 { .ingredient }
            else if Self.looksLikeClinicalDrugString(input) { .rxnorm }
            else { firstKind }
        let unmatched = result.leftover.filter { $0.count >= 2 }
        return .recognized(ResolvedMedication(input: input, drugs: result.drugs, matchedBy: matchedBy, unmatchedWords: unmatched))
    }

    /// Close names for an unrecognised input; never the input itself.
    public func suggestions(for input: String) throws -> [String] {
        let finder = try suggestionFinder.withLock { finder in
            if finder == nil { finder = SuggestionFinder(names: try loadNames()) }
            return finder!
        }
        let inputKey = NameNormalizer.key(input)
        let candidates = finder.suggestions(for: input, limit: 15).filter { NameNormalizer.key($0) != inputKey }
        let keys = candidates.map(NameNormalizer.key)
        let table = try entries(for: Set(keys.compactMap { $0.split(separator: " ").first.map(String.init) }))
        // One suggestion per drug: "sertralin" should not offer sertraline's INN spellings as well.
        var seen = Set<[String]>()
        var result: [String] = []
        for (name, key) in zip(candidates, keys) {
            let entry = table[String(key.prefix { $0 != " " })]?.first { $0.words.joined(separator: " ") == key }
            let drugs: [String] = switch entry?.meaning {
            case .drugs(let ids, _)?: ids
            default: [name]
            }
            guard seen.insert(drugs).inserted else { continue }
            result.append(name)
            if result.count == 5 { break }
        }
        return result
    }

    // MARK: - Matching

    /// What one reading of the words gave.
    private struct Match {
        var drugs: [String] = []
        var kinds: [MatchKind] = []
        var ambiguous: [String] = []
        /// Content words no name consumed.
        var leftover: [String] = []
        /// The unit of each leftover word.
        var leftoverUnits: [Int] = []
    }

    /// Takes the longest known name at each word, left to right, never cutting a unit's content words apart.
    private func match(_ units: [[String]]) throws -> Match {
        var words: [String] = []
        var unitOf: [Int] = []
        var unitStart: [Int] = []
        for (index, unit) in units.enumerated() {
            unitStart.append(words.count)
            words += unit
            unitOf += Array(repeating: index, count: unit.count)
        }
        unitStart.append(words.count)
        let content = words.map(Self.isContentWord)
        let hasContent = content.contains(true)
        let compacts = units.map { $0.count > 1 ? $0.joined() : nil }
        let table = try entries(for: Set(words).union(compacts.compactMap { $0 }))

        // A match may start at `index` (end before `index`) only where no content word of the same unit lies on both sides.
        func mayCut(at index: Int) -> Bool {
            guard index > 0, index < words.count, unitOf[index - 1] == unitOf[index] else { return true }
            let unit = unitOf[index]
            return !content[unitStart[unit]..<index].contains(true) || !content[index..<unitStart[unit + 1]].contains(true)
        }
        func follows(_ tail: ArraySlice<String>, at index: Int) -> Bool {
            index + tail.count <= words.count && words[index..<(index + tail.count)].elementsEqual(tail)
        }

        var result = Match()
        var index = 0
        while index < words.count {
            var best: (length: Int, entry: NameEntry)?
            if mayCut(at: index) {
                for entry in table[words[index]] ?? [] {
                    let length = entry.words.count
                    guard length > (best?.length ?? 0), follows(entry.words[1...], at: index + 1),
                          mayCut(at: index + length) else { continue }
                    // A lone dose, form or salt word is not a name when the string has a real word
                    // ("sertraline hcl"); a lone number never is ("5-HTP" is two words).
                    if length == 1, hasContent, Self.isNonNameWord(words[index]) { continue }
                    if length == 1, words[index].allSatisfy(\.isNumber) { continue }
                    best = (length, entry)
                }
                // The whole unit with its joins removed: "phe-nelzine" → "phenelzine".
                if index == unitStart[unitOf[index]], let compact = compacts[unitOf[index]] {
                    let unitEnd = unitStart[unitOf[index] + 1]
                    for entry in table[compact] ?? [] {
                        let length = unitEnd - index + entry.words.count - 1
                        guard length > (best?.length ?? 0), follows(entry.words[1...], at: unitEnd),
                              mayCut(at: index + length) else { continue }
                        best = (length, entry)
                    }
                }
            }
            guard let best else {
                if content[index] {
                    result.leftover.append(words[index])
                    result.leftoverUnits.append(unitOf[index])
                }
                index += 1
                continue
            }
            switch best.entry.meaning {
            case .drugs(let ids, let kind):
                for drug in ids where !result.drugs.contains(drug) { result.drugs.append(drug) }
                result.kinds.append(kind)
            case .ambiguous(let ids):
                for drug in ids where !result.ambiguous.contains(drug) { result.ambiguous.append(drug) }
            }
            index += best.length
        }
        return result
    }

    /// The units with one leftover word's unit joined to a neighbour, when that reads better.
    private func joinedBetter(_ units: [[String]], than current: Match) throws -> ([[String]], Match)? {
        var pairs: [(first: Int, joined: String)] = []
        for unit in Set(current.leftoverUnits).sorted() {
            for first in [unit - 1, unit] where first >= 0 && first + 1 < units.count {
                pairs.append((first, (units[first] + units[first + 1]).joined()))
            }
        }
        let table = try entries(for: Set(pairs.map(\.joined)))
        for pair in pairs where !(table[pair.joined] ?? []).isEmpty {
            var joined = units
            joined.replaceSubrange(pair.first...(pair.first + 1), with: [[pair.joined]])
            let attempt = try match(joined)
            if attempt.leftover.count < current.leftover.count { return (joined, attempt) }
        }
        return nil
    }

    /// The names starting with each word, from memory or one read of the knowledge base.
    private func entries(for words: Set<String>) throws -> [String: [NameEntry]] {
        var found: [String: [NameEntry]] = [:]
        let missing: [String] = remembered.withLock { remembered in
            var missing: [String] = []
            for word in words {
                if let entries = remembered[word] { found[word] = entries } else { missing.append(word) }
            }
            return missing
        }
        guard !missing.isEmpty else { return found }
        let fetched = try namesStarting(missing)
        remembered.withLock { remembered in
            if remembered.count > Self.rememberedLimit { remembered.removeAll() }
            for word in missing { remembered[word] = fetched[word] ?? [] }
        }
        for word in missing { found[word] = fetched[word] ?? [] }
        return found
    }

    // MARK: - Words

    /// A word that could be part of a drug name: not a dose, form, salt or joining word.
    static func isContentWord(_ word: String) -> Bool {
        !word.contains(where: \.isNumber)
            && !NameVocabulary.nonNameWords.contains(word)
            && !NameVocabulary.connectorWords.contains(word)
    }

    /// A unit, form, salt or joining word.
    static func isNonNameWord(_ word: String) -> Bool {
        NameVocabulary.nonNameWords.contains(word) || NameVocabulary.connectorWords.contains(word)
    }

    /// RxNorm writes strengths with upper-case units: "50 MG", "0.09 MG/ACTUAT", "10 MEQ".
    static func looksLikeClinicalDrugString(_ input: String) -> Bool {
        let units: Set<Substring> = ["MG", "MCG", "ML", "UNT", "MEQ", "ACTUAT", "MG/ML", "MG/ACTUAT"]
        let parts = input.split(separator: " ")
        for (number, unit) in zip(parts, parts.dropFirst())
        where number.first?.isNumber == true && number.allSatisfy({ $0.isNumber || $0 == "." }) {
            if units.contains(unit) || units.contains(unit.prefix(while: { $0 != "/" })) { return true }
        }
        return false
    }
}
