import Foundation

/// The file a batch report goes to with `--output`: written under a temporary name in the same
/// directory and renamed into place only when the run succeeds, so a failed run leaves an existing
/// file as it was. An output that is the input (the same device and inode, whether named directly,
/// through a symbolic link or a hard link, or given as standard input) is refused before anything
/// is opened for writing. A device or pipe (`/dev/null`, a FIFO) is written directly.
public final class ReportFile {
    /// The path as the user gave it, for messages.
    public let path: String
    /// Where the report is written while the run lasts.
    public let fileDescriptor: Int32
    /// The temporary file and the file it replaces; nil when writing straight to a device or pipe.
    private let replacement: (temporary: String, destination: String)?
    private var isOpen = true

    /// Opens the output for a run that reads `inputDescriptor`; throws ``ReportFileError``.
    public init(path: String, input inputDescriptor: Int32) throws {
        self.path = path
        var input = stat()
        var target = stat()
        let targetExists = stat(path, &target) == 0
        if targetExists, fstat(inputDescriptor, &input) == 0, input.st_dev == target.st_dev, input.st_ino == target.st_ino {
            throw ReportFileError.sameAsInput(path: path)
        }
        if targetExists, (target.st_mode & S_IFMT) != S_IFREG {
            let descriptor = open(path, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw ReportFileError.unwritable(path: path, reason: Self.lastError) }
            fileDescriptor = descriptor
            replacement = nil
            return
        }
        // Through a symbolic link, the file it points to is replaced, not the link.
        let destination = targetExists ? (Self.resolved(path) ?? path) : path
        let url = URL(fileURLWithPath: destination)
        var template = Array(url.deletingLastPathComponent().appending(path: ".\(url.lastPathComponent).twitchcheck-XXXXXX")
            .path.utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw ReportFileError.unwritable(path: path, reason: Self.lastError) }
        let temporary = String(cString: template)
        let mask = umask(0)
        umask(mask)
        fchmod(descriptor, targetExists ? target.st_mode & 0o7777 : 0o644 & ~mask)
        fileDescriptor = descriptor
        replacement = (temporary, destination)
    }

    deinit {
        if isOpen { close(fileDescriptor) }
        if let replacement, isOpen { unlink(replacement.temporary) }
    }

    /// Closes the report and puts it in place; throws ``ReportFileError/unwritable(path:reason:)``.
    public func commit() throws {
        guard isOpen else { return }
        isOpen = false
        guard let replacement else {
            if close(fileDescriptor) != 0 { throw ReportFileError.unwritable(path: path, reason: Self.lastError) }
            return
        }
        // Space reserved past the end and not written is given back (a file system keeps it
        // otherwise: up to 64 MiB more than the report; see ``reservesSpace``).
        let end = lseek(fileDescriptor, 0, SEEK_CUR)
        var failure = end < 0 || ftruncate(fileDescriptor, end) != 0 ? Self.lastError : nil
        if close(fileDescriptor) != 0, failure == nil { failure = Self.lastError }
        if failure == nil, rename(replacement.temporary, replacement.destination) != 0 { failure = Self.lastError }
        if let failure {
            unlink(replacement.temporary)
            throw ReportFileError.unwritable(path: path, reason: failure)
        }
    }

    /// Whether the report goes to a new file of its own (not a device or pipe), so that space
    /// can be reserved ahead of its writes (``OutputSink/init(fileDescriptor:destination:reservesSpace:)``):
    /// ``commit()`` cuts it at its end, and a failed run deletes it.
    public var reservesSpace: Bool { replacement != nil }

    private static var lastError: String { String(cString: strerror(errno)) }

    private static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
