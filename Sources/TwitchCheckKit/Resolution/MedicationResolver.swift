/// Turns a medication as people write it into the drugs it contains.
///
/// "Zoloft 50mg", "SERTRALINE HCL 50 MG ORAL TABLET", "buPROPion" and
/// "Acetaminophen 325 MG / Oxycodone Hydrochloride 5 MG Oral Tablet" all work: the
/// string is folded into words, and the longest runs of words that are known names
/// are taken, skipping doses, forms and salts. Only exact names match; a misspelling
/// is reported as unrecognised, with suggestions, and never corrected into a drug.
public final class MedicationResolver: @unchecked Sendable {
    /// Looks up a folded name; returns the drugs it means and the kind of name.
    public typealias Lookup = (String) throws -> (drugIDs: [String], kind: MatchKind)?

    private let lookup: Lookup
    private let loadNames: () throws -> [(key: String, name: String, kind: MatchKind)]
    private var suggestionFinder: SuggestionFinder?
    private static let longestName = 6
    /// The longest input resolved, in UTF-8 bytes. A longer one is unrecognised without
    /// suggestions: every word of it would cost lookups and a suggestion search, so a hostile
    /// megabyte-long "name" in a batch file could otherwise run for minutes. No drug name,
    /// even an RxNorm clinical-drug string with several ingredients, comes near it.
    public static let maxNameBytes = 1_000

    public init(lookup: @escaping Lookup, names: @escaping () throws -> [(key: String, name: String, kind: MatchKind)]) {
        self.lookup = lookup
        self.loadNames = names
    }

    /// A resolver over a knowledge base's names.
    public convenience init(knowledgeBase: KnowledgeBase) {
        self.init(lookup: knowledgeBase.drugs(forKey:), names: knowledgeBase.allNames)
    }

    /// Resolves one typed name.
    public func resolve(_ input: String) throws -> Resolution {
        guard input.utf8.count <= Self.maxNameBytes else {
            return .unrecognized(UnrecognizedMedication(input: input, suggestions: []))
        }
        let words = NameNormalizer.tokens(input)
        let hasContent = words.contains(where: Self.isContentWord)
        var drugs: [String] = []
        var kinds: [MatchKind] = []
        var unmatched: [String] = []
        var index = 0
        while index < words.count {
            var matchedLength = 0
            for length in stride(from: min(Self.longestName, words.count - index), through: 1, by: -1) {
                // A lone dose, form or salt word is not a name when the string has a real word
                // ("sertraline hcl"); a lone code with digits may be ("D5W", "5-HTP" is two words).
                if length == 1, hasContent, Self.isNonNameWord(words[index]) { continue }
                if length == 1, words[index].allSatisfy(\.isNumber) { continue }
                let candidate = words[index..<(index + length)].joined(separator: " ")
                if let match = try lookup(candidate) {
                    for drug in match.drugIDs where !drugs.contains(drug) { drugs.append(drug) }
                    kinds.append(match.kind)
                    matchedLength = length
                    break
                }
            }
            if matchedLength == 0 {
                if Self.isContentWord(words[index]), words[index].count >= 3 { unmatched.append(words[index]) }
                index += 1
            } else {
                index += matchedLength
            }
        }
        guard let firstKind = kinds.first else {
            return .unrecognized(UnrecognizedMedication(input: input, suggestions: try suggestions(for: input)))
        }
        let matchedBy: MatchKind =
            if drugs.count > 1 { .ingredient }
            else if Self.looksLikeClinicalDrugString(input) { .rxnorm }
            else { firstKind }
        return .recognized(ResolvedMedication(input: input, drugs: drugs, matchedBy: matchedBy, unmatchedWords: unmatched))
    }

    /// Close names for an unrecognised input.
    public func suggestions(for input: String) throws -> [String] {
        if suggestionFinder == nil {
            suggestionFinder = SuggestionFinder(names: try loadNames())
        }
        // One suggestion per drug: "sertralin" should not offer sertraline's INN spellings as well.
        var seen = Set<[String]>()
        var result: [String] = []
        for name in suggestionFinder?.suggestions(for: input, limit: 15) ?? [] {
            let drugs = (try lookup(NameNormalizer.key(name)))?.drugIDs ?? [name]
            guard seen.insert(drugs).inserted else { continue }
            result.append(name)
            if result.count == 5 { break }
        }
        return result
    }

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
