import Foundation

/// Why a report file cannot be written.
public enum ReportFileError: Error, Equatable, CustomStringConvertible {
    /// The output names the input file: writing it would destroy the data before it is read.
    case sameAsInput(path: String)
    case unwritable(path: String, reason: String)

    public var description: String {
        switch self {
        case .sameAsInput(let path):
            "the output \(path) is the input file (the same file, perhaps through a link); nothing was written. "
                + "Write the report to another file with --output"
        case .unwritable(let path, let reason):
            "cannot write \(path): \(reason)"
        }
    }
}
