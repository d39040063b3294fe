import Foundation

/// Reads a medication list file: one name per line, `#` comments and blank lines skipped.
public enum MedicationListReader {
    /// The names in the data; fails on invalid UTF-8 with the line it is on.
    public static func read(_ data: Data, origin: String) throws -> [String] {
        var names: [String] = []
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            guard let text = String(validating: line, as: UTF8.self) else {
                throw TwitchCheckError.inputUnreadable(path: "\(origin):\(lineNumber)", reason: "the line is not valid UTF-8; save the file as UTF-8")
            }
            let unmarked = lineNumber == 1 && text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
            let name = unmarked.trimmingCharacters(in: .whitespacesAndNewlines)
            if name.isEmpty || name.hasPrefix("#") { continue }
            names.append(name)
        }
        return names
    }
}
