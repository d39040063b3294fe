import Foundation

/// A file named on the command line, open for reading: the one opener of `check --file` and
/// `batch`. A missing file or a folder is refused with what is wrong, before anything is read.
public final class InputFile {
    /// The path as given, or `-` for standard input.
    public let path: String
    /// The open descriptor; closed when this is released, unless it is standard input.
    public let fileDescriptor: Int32
    /// The file's size in bytes, from `stat`; nil for standard input.
    public let size: Int?

    /// Opens `path` read-only; throws ``TwitchCheckError/inputUnreadable(path:reason:)`` saying
    /// "no such file", "it is a directory" or the system's reason.
    public init(path: String) throws {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw TwitchCheckError.inputUnreadable(path: path, reason: "no such file")
        }
        guard (status.st_mode & S_IFMT) != S_IFDIR else {
            throw TwitchCheckError.inputUnreadable(path: path, reason: "it is a directory")
        }
        let descriptor = Foundation.open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw TwitchCheckError.inputUnreadable(path: path, reason: String(cString: strerror(errno)))
        }
        self.path = path
        fileDescriptor = descriptor
        size = Int(status.st_size)
    }

    private init(standardInput: Void) {
        path = "-"
        fileDescriptor = STDIN_FILENO
        size = nil
    }

    /// Standard input, which is never closed.
    public static func standardInput() -> InputFile { InputFile(standardInput: ()) }

    /// Standard input for `-`, else the file at `path`.
    public static func open(_ path: String) throws -> InputFile {
        path == "-" ? standardInput() : try InputFile(path: path)
    }

    /// Whether this is standard input.
    public var isStandardInput: Bool { fileDescriptor == STDIN_FILENO && path == "-" }

    /// How messages name it: the path, or `<stdin>`.
    public var displayName: String { isStandardInput ? "<stdin>" : path }

    deinit {
        if !isStandardInput { close(fileDescriptor) }
    }
}
