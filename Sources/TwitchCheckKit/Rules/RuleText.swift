/// Fills a rule text's placeholders with the drugs of the pair it matched: `{left}` and
/// `{right}` become the drug from each side, so that a class rule's text names the drugs it
/// means ("oxycodone is only weakly serotonergic", not "the second drug").
struct RuleText {
    let left: String
    let right: String

    /// The text with `{left}` and `{right}` replaced; a placeholder at the start of the text or
    /// of a sentence (after ". ") is capitalised. One pass over the UTF-8 bytes: a check fills
    /// three texts for every pair of drugs a rule matches.
    func fill(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: "{")) else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 32)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "{"), let (drug, length) = placeholder(at: index, in: bytes) {
                let startsSentence = result.isEmpty || result.suffix(2).elementsEqual(". ".utf8)
                result += (startsSentence ? drug.capitalizedFirst : drug).utf8
                index += length
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The drug a placeholder at `index` stands for, and the placeholder's length in bytes.
    private func placeholder(at index: Int, in bytes: [UInt8]) -> (String, Int)? {
        for (name, drug) in [("{left}", left), ("{right}", right)] where bytes[index...].starts(with: name.utf8) {
            return (drug, name.utf8.count)
        }
        return nil
    }
}
