/// Why `twitchcheck export` (or `resolve`) could not write or read what it was asked to.
public enum ExportError: Error, Equatable, CustomStringConvertible {
    /// Files that exist already and were not to be replaced.
    case exists([String])
    /// A file that could not be written.
    case cannotWrite(path: String, reason: String)
    /// Input lines that could not be read, with `file:line` each.
    case unreadableLines([String])

    public var description: String {
        switch self {
        case .exists(let paths):
            "\(paths.joined(separator: ", ")) already exist\(paths.count == 1 ? "s" : ""); remove, choose another folder, or pass --force to replace"
        case .cannotWrite(let path, let reason):
            "cannot write \(path): \(reason); check the folder's space and permissions"
        case .unreadableLines(let lines):
            "\(lines.count) line(s) could not be read and have no row: \(lines.prefix(5).joined(separator: "; "))"
        }
    }
}
