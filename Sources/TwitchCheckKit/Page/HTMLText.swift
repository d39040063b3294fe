/// Escapes text for HTML, so that anything a person typed is shown as text and never runs.
///
/// Every character that can end a text node or an attribute value (`& < > " '`) is replaced
/// by its entity; so are the other ASCII control characters, which a pasted list may carry.
enum HTMLText {
    /// The text, safe inside an element or a quoted attribute value.
    static func escape(_ text: some StringProtocol) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            case "\n", "\t": escaped.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    escaped += "&#xFFFD;"
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return escaped
    }
}
