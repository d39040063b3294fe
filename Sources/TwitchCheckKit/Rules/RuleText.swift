import Foundation

/// Fills a rule text's placeholders with the drugs of the pair it matched: `{left}` and
/// `{right}` become the drug from each side, so that a class rule's text names the drugs it
/// means ("oxycodone is only weakly serotonergic", not "the second drug").
struct RuleText {
    let left: String
    let right: String

    /// The text with `{left}` and `{right}` replaced; a placeholder at the start of a sentence
    /// is capitalised.
    func fill(_ text: String) -> String {
        guard text.contains("{") else { return text }
        var result = text
        for (placeholder, drug) in [("{left}", left), ("{right}", right)] {
            result = result.replacingOccurrences(of: ". " + placeholder, with: ". " + drug.capitalizedFirst)
            if result.hasPrefix(placeholder) { result = drug.capitalizedFirst + result.dropFirst(placeholder.count) }
            result = result.replacingOccurrences(of: placeholder, with: drug)
        }
        return result
    }
}
