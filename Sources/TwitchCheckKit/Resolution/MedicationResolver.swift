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
        var (units, breaks) = NameNormalizer.writtenUnits(input)
        var result = try match(units)
        // A stray space or separator inside a word ("es citalopram", "tr/imipramine"): join two
        // neighbouring words when that makes a known name and the whole reads better. Tried even
        // when one piece was read, since the other half may be a word skipped as a dose or form
        // ("dr oleptan" is Droleptan, droperidol — not fominoben's Oleptan).
        for _ in 0..<3 where units.joined().count > 1 {
            guard let better = try joinedBetter(units, than: result, notAcross: breaks) else { break }
            (units, breaks, result) = better
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
        let unmatched = result.leftover.filter { $0.count >= 3 }
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
        /// Names matched.
        var matches = 0

        /// Names matched plus words left over.
        var pieces: Int { matches + leftover.count }

        /// Units holding a leftover word, and units a match cut between two content words.
        var leftoverUnits: Set<Int> = []
        var cutUnits: Set<Int> = []
        /// Letters of the input that names consumed.
        var covered = 0

        /// A reading explains the input better when names consume more of its letters, then when
        /// it takes fewer names to do so ("theophylline ethylenediamine" as one name, not two).
        func isBetter(than other: Match) -> Bool {
            (covered, -matches) > (other.covered, -other.matches)
        }
    }

    /// Takes the longest known name at each word, left to right. A unit joined by hyphens or other
    /// punctuation may be read as written ("5-HTP" → "5 htp") or with its joins removed
    /// ("phe-nelzine" → "phenelzine"), and a match never cuts a unit between two content words.
    private func match(_ units: [[String]]) throws -> Match {
        // Cut a joined unit between two names ("Oxycodone-Acetaminophen") only when names then
        // consume all of it: "phe-nelzine" is not phenylalanine and a leftover "nelzine".
        var whole: Set<Int> = []
        while true {
            let attempt = try match(units, keepingWhole: whole)
            let broken = attempt.cutUnits.intersection(attempt.leftoverUnits)
            guard !broken.isEmpty else { return attempt }
            whole.formUnion(broken)
        }
    }

    private func match(_ units: [[String]], keepingWhole whole: Set<Int>) throws -> Match {
        let compacts = units.map { $0.count > 1 ? $0.joined() : nil }
        let table = try entries(for: Set(units.joined()).union(compacts.compactMap { $0 }))
        let content = units.map { $0.map(Self.isContentWord) }
        let hasContent = content.joined().contains(true)

        /// Where a match may begin or end: at a unit's edge, or inside it where one side holds no content word.
        func splitsContent(_ unit: Int, _ offset: Int) -> Bool {
            offset > 0 && unit < units.count && content[unit][..<offset].contains(true) && content[unit][offset...].contains(true)
        }
        func mayCut(_ unit: Int, _ offset: Int) -> Bool {
            !whole.contains(unit) || !splitsContent(unit, offset)
        }
        /// The position after `words` read from (unit, offset), or nil when they do not follow there.
        func consume(_ words: [String], from start: (unit: Int, offset: Int)) -> (unit: Int, offset: Int, read: Int, letters: Int)? {
            var (unit, offset, read, letters) = (start.unit, start.offset, 0, 0)
            for word in words {
                guard unit < units.count else { return nil }
                if offset == 0, let compact = compacts[unit], word == compact {
                    (unit, read, letters) = (unit + 1, read + units[unit].count, letters + word.count)
                    continue
                }
                guard units[unit][offset] == word else { return nil }
                (offset, read, letters) = (offset + 1, read + 1, letters + word.count)
                if offset == units[unit].count { (unit, offset) = (unit + 1, 0) }
            }
            return (unit, offset, read, letters)
        }

        var result = Match()
        var position = (unit: 0, offset: 0)
        while position.unit < units.count {
            let word = units[position.unit][position.offset]
            var best: (end: (unit: Int, offset: Int), read: Int, letters: Int, entry: NameEntry)?
            if mayCut(position.unit, position.offset) {
                let compact = position.offset == 0 ? compacts[position.unit] : nil
                for entry in (table[word] ?? []) + (compact.flatMap { table[$0] } ?? []) {
                    guard let end = consume(entry.words, from: position), end.read > (best?.read ?? 0),
                          mayCut(end.unit, end.offset) else { continue }
                    // A lone dose, form or salt word is not a name when the string has a real word
                    // ("sertraline hcl"); a lone number never is ("5-HTP" is two words).
                    if end.read == 1, hasContent, Self.isNonNameWord(word) { continue }
                    if end.read == 1, word.allSatisfy(\.isNumber) { continue }
                    best = ((end.unit, end.offset), end.read, end.letters, entry)
                }
            }
            guard let best else {
                if content[position.unit][position.offset] {
                    result.leftover.append(word)
                    // A letter or two beside a name is a qualifier ("Humulin-R", "HYDROmorphone-HP"), not half a word.
                    if word.count > 2 { result.leftoverUnits.insert(position.unit) }
                }
                position.offset += 1
                if position.offset == units[position.unit].count { position = (position.unit + 1, 0) }
                continue
            }
            result.matches += 1
            result.covered += best.letters
            if splitsContent(position.unit, position.offset) { result.cutUnits.insert(position.unit) }
            if splitsContent(best.end.unit, best.end.offset) { result.cutUnits.insert(best.end.unit) }
            switch best.entry.meaning {
            case .drugs(let ids, let kind):
                for drug in ids where !result.drugs.contains(drug) { result.drugs.append(drug) }
                result.kinds.append(kind)
            case .ambiguous(let ids):
                for drug in ids where !result.ambiguous.contains(drug) { result.ambiguous.append(drug) }
            }
            position = best.end
        }
        return result
    }

    /// The reading with two neighbouring words joined where a word was split ("es citalopram",
    /// "methyl phenylethylamine", "b-eta-methasone"), when the best such join reads the input
    /// better (``Match/isBetter(than:)``).
    private func joinedBetter(_ units: [[String]], than current: Match, notAcross breaks: Set<Int>)
        throws -> ([[String]], Set<Int>, Match)? {
        var candidates: [([[String]], Set<Int>)] = []
        var joinedWords: Set<String> = []
        for unit in units.indices {
            // Two words of one unit ("b-eta" → "beta"), or the last of a unit and the first of the next.
            for offset in units[unit].indices {
                let next = offset + 1 < units[unit].count ? (unit, offset + 1) : (unit + 1, 0)
                guard next.0 < units.count, next.0 == unit || !breaks.contains(next.0) else { continue }
                let (left, right) = (units[unit][offset], units[next.0][next.1])
                // A join never hides a word as a dose: "fluoro" + "16alpha" is not "fluoro16alpha".
                if [left, right].contains(where: { $0.count > 2 && Self.isContentWord($0) }), (left + right).contains(where: \.isNumber) {
                    continue
                }
                var joined = units
                var joinedBreaks = breaks
                if next.0 == unit {
                    joined[unit].replaceSubrange(offset...(offset + 1), with: [left + right])
                } else {
                    joined.replaceSubrange(unit...(unit + 1), with: [units[unit].dropLast() + [left + right] + units[unit + 1].dropFirst()])
                    joinedBreaks = Set(breaks.map { $0 > unit ? $0 - 1 : $0 })
                }
                candidates.append((joined, joinedBreaks))
                joinedWords.insert(left + right)
            }
        }
        _ = try entries(for: joinedWords)  // one read for every candidate
        var best: ([[String]], Set<Int>, Match)?
        for (joined, joinedBreaks) in candidates {
            let attempt = try match(joined)
            if attempt.isBetter(than: best?.2 ?? current) { best = (joined, joinedBreaks, attempt) }
        }
        return best
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
