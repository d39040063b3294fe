/// Resolves medication strings into the `medication_map` table that `findings.sql` joins.
///
/// It resolves exactly as `batch` does (the same resolver; the string without surrounding
/// spaces and tabs), so a warehouse that runs the exported query sees the same drugs.
public struct MedicationMapper {
    private let resolver: MedicationResolver

    /// A mapper over this resolver (one per thread: a resolver caches its suggestion index).
    public init(resolver: MedicationResolver) {
        self.resolver = resolver
    }

    /// `text` without the spaces and tabs around it, as `batch` trims a medication field.
    public static func trimmed(_ text: String) -> Substring {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = text.firstIndex(where: { !blank($0) }) else { return "" }
        let last = text.lastIndex(where: { !blank($0) })!
        return text[first...last]
    }

    /// The rows for one medication string: a row per ingredient, or one row with an empty drug.
    /// An empty string (after trimming) has no rows: `batch` skips such a prescription.
    public func rows(for text: String) -> [MedicationMapRow] {
        let name = String(Self.trimmed(text))
        guard !name.isEmpty else { return [] }
        // The same fallback as batch: a resolver failure is "not recognised", never "no risk".
        let resolution = (try? resolver.resolve(name)) ?? .unrecognized(UnrecognizedMedication(input: name, suggestions: []))
        switch resolution {
        case .recognized(let medication):
            // Leftover words are carried as batch prints them in its `unrecognized_words` row.
            let leftover = medication.unmatchedWords.joined(separator: ", ")
            let recognised = leftover.isEmpty ? "" : medication.drugs.joined(separator: "+")
            return medication.drugs.map {
                MedicationMapRow(medication: name, drug: $0, matchedBy: medication.matchedBy.rawValue, suggestions: "",
                                 unmatchedWords: leftover, recognised: recognised)
            }
        case .unrecognized(let unrecognized):
            return [MedicationMapRow(medication: name, drug: "", matchedBy: "",
                                     suggestions: unrecognized.suggestions.joined(separator: ", "))]
        }
    }
}
