import Foundation

/// A medication list as a person types or pastes it into the page: one per line, or
/// separated by commas or semicolons ("Zoloft 50mg, tramadol").
public struct TypedMedicationList: Sendable, Equatable {
    /// The names, trimmed, in the order typed; blank entries dropped.
    public let names: [String]

    /// Splits typed text into names.
    public init(text: String) {
        names = text.unicodeScalars
            .split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "," || $0 == ";" })
            .map { String(String.UnicodeScalarView($0)).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// A list made of these names.
    public init(names: [String]) {
        self.names = names
    }

    /// The list with every entry equal to `name` replaced by `replacement` (a suggestion taken).
    public func replacing(_ name: String, with replacement: String) -> TypedMedicationList {
        TypedMedicationList(names: names.map { $0 == name ? replacement : $0 })
    }

    /// One name per line, as the page's text box shows it.
    public var text: String { names.joined(separator: "\n") }
}
