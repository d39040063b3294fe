import Foundation

/// Reads a medication list file: one name per line, `#` comments and blank lines skipped.
public enum MedicationListReader {
    /// The most names one list may hold (arguments and lines together); `batch` takes more.
    public static let maxNames = 1_000
    /// The largest list file or standard input read, in bytes.
    public static let maxInputBytes = 1 << 20

    /// The names in the data; fails on invalid UTF-8, a control character or an over-long
    /// name with the line it is on.
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
            if let problem = problem(with: name) {
                throw TwitchCheckError.inputUnreadable(path: "\(origin):\(lineNumber)", reason: problem)
            }
            names.append(name)
        }
        return names
    }

    /// Reads a list from a file descriptor, refusing more than ``maxInputBytes``.
    public static func read(fileDescriptor: Int32, origin: String) throws -> [String] {
        try read(readData(fileDescriptor: fileDescriptor, origin: origin), origin: origin)
    }

    /// The bytes of a list file (a plain list or FHIR JSON), refusing more than ``maxInputBytes``.
    public static func readData(fileDescriptor: Int32, origin: String) throws -> Data {
        let handle = FileHandle(fileDescriptor: fileDescriptor, closeOnDealloc: false)
        var data = Data()
        while data.count <= maxInputBytes {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: 1 << 16)
            } catch {
                throw TwitchCheckError.inputUnreadable(path: origin, reason: ErrorExplanation.reason(for: error))
            }
            guard let chunk, !chunk.isEmpty else { break }
            data.append(chunk)
        }
        if data.count > maxInputBytes {
            throw TwitchCheckError.inputUnreadable(path: origin, reason:
                "it is larger than \(maxInputBytes / 1_048_576) MiB; a medication list is at most \(maxNames) names (use 'twitchcheck batch' for more)")
        }
        return data
    }

    /// Why a name cannot be checked, or nil: empty, a control character, or longer than
    /// ``MedicationResolver/maxNameBytes``.
    public static func problem(with name: String) -> String? {
        if isBlank(name) {
            return "the name is empty"
        }
        if let control = name.unicodeScalars.first(where: { ($0.value < 0x20 && $0 != "\t") || (0x7F...0x9F).contains($0.value) }) {
            return "the name contains a control character (U+\(String(format: "%04X", control.value))); remove it"
        }
        if name.utf8.count > MedicationResolver.maxNameBytes {
            return "the name is \(name.utf8.count) bytes long; a name is at most \(MedicationResolver.maxNameBytes) bytes"
        }
        return nil
    }

    /// Whether `name` is only white space and line breaks (`CharacterSet.whitespacesAndNewlines`),
    /// deciding at the first ASCII character without consulting the set (a name starts with one).
    static func isBlank(_ name: String) -> Bool {
        for scalar in name.unicodeScalars {
            if scalar.isASCII {
                guard scalar == " " || (0x09...0x0D).contains(scalar.value) else { return false }
            } else if !CharacterSet.whitespacesAndNewlines.contains(scalar) {
                return false
            }
        }
        return true
    }
}
