/// The words people use for an effect or a class ("serotonin syndrome", "Serotonin-Syndrome",
/// "SSRIs", "tricyclic antidepressants"), matched to the knowledge base's ids.
///
/// Case, spaces, hyphens and a plural "s" do not matter; a class is found by its id, its name
/// or the abbreviation its name gives in parentheses.
public enum LookupName {
    /// Other words for the effects, by the effect they mean (DESIGN.md: twitching covers myoclonus,
    /// fasciculation and muscle twitching).
    static let effectSynonyms: [String: Effect] = [
        "serotonin": .serotoninSyndrome, "serotonin_toxicity": .serotoninSyndrome,
        "shaking": .tremor, "shakes": .tremor, "shaky_hands": .tremor,
        "td": .tardiveDyskinesia, "dyskinesia": .tardiveDyskinesia, "tardive": .tardiveDyskinesia,
        "movement_disorder": .tardiveDyskinesia,
        "twitch": .twitching, "twitches": .twitching, "myoclonus": .twitching, "muscle_twitching": .twitching,
        "muscle_twitch": .twitching, "fasciculation": .twitching, "jerks": .twitching, "jerking": .twitching,
    ]

    /// Lower case, with every run of other characters than letters and digits made one "_".
    static func key(_ text: String) -> String {
        var key = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                key.append(character)
            } else if !key.isEmpty && key.last != "_" {
                key.append("_")
            }
        }
        while key.last == "_" { key.removeLast() }
        return key
    }

    /// The same key with a final plural "s" taken off ("tremors", "ssris").
    private static func singular(_ key: String) -> String {
        key.count > 3 && key.hasSuffix("s") ? String(key.dropLast()) : key
    }

    /// The effect these words name, or nil.
    public static func effect(_ text: String) -> Effect? {
        let key = key(text)
        for candidate in [key, singular(key)] {
            if let effect = Effect(rawValue: candidate) ?? effectSynonyms[candidate] { return effect }
            if let effect = Effect.allCases.first(where: { Self.key($0.displayName) == candidate || singular(Self.key($0.displayName)) == candidate }) {
                return effect
            }
        }
        return nil
    }

    /// The ids of the classes these words name: the one whose id they are, else every class whose
    /// name or abbreviation they are. Empty when none; several when the words are ambiguous.
    public static func classIDs(_ text: String, classNames: [String: String]) -> [String] {
        let wanted = Set([key(text), singular(key(text))])
        if let exact = classNames.keys.sorted().first(where: { wanted.contains($0) }) { return [exact] }
        return classNames.keys.sorted().filter { id in
            guard let name = classNames[id] else { return false }
            var names = [name]
            if let open = name.firstIndex(of: "(") {
                names.append(String(name[..<open]))
                let inside = name[name.index(after: open)...].prefix { $0 != ")" }
                names += inside.split(separator: ",").map(String.init)
            }
            return names.contains { !wanted.isDisjoint(with: [key($0), singular(key($0))]) }
        }
    }
}
