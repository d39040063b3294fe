import Foundation

/// Writes the files of `twitchcheck export` into a folder, each atomically, refusing to replace
/// an existing file unless asked.
///
/// Each file is written in full to a temporary file beside it, synced, then moved into place:
/// with `link(2)` (which fails if the name exists, so a file that appeared meanwhile is never
/// overwritten) or, with `force`, `rename(2)`. A reader never sees half a file.
public struct ExportWriter {
    /// The folder written into; created if missing.
    public let directory: URL
    /// Whether existing files may be replaced.
    public let force: Bool

    public init(directory: URL, force: Bool) {
        self.directory = directory
        self.force = force
    }

    /// The names and contents of the files `twitchcheck export` writes.
    public static func files(for export: KnowledgeExport) -> [(name: String, contents: String)] {
        [("drug_findings.csv", export.drugFindingsCSV()),
         ("pair_findings.csv", export.pairFindingsCSV()),
         ("washout_intervals.csv", export.washoutIntervalsCSV()),
         ("findings.sql", FindingsQuery.sql)]
    }

    /// Writes every file, or none if one exists already (without `force`); returns the paths written.
    @discardableResult
    public func write(_ files: [(name: String, contents: String)]) throws -> [URL] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let targets = files.map { directory.appending(path: $0.name) }
        if !force {
            let existing = targets.filter { FileManager.default.fileExists(atPath: $0.path) || isSymlink($0) }
            if !existing.isEmpty {
                throw ExportError.exists(existing.map(\.path))
            }
        }
        for (file, target) in zip(files, targets) {
            try place(Data(file.contents.utf8), at: target)
        }
        return targets
    }

    private func isSymlink(_ url: URL) -> Bool {
        var status = stat()
        return lstat(url.path, &status) == 0
    }

    private func place(_ data: Data, at target: URL) throws {
        let temporary = directory.appending(path: ".\(target.lastPathComponent).\(getpid()).\(UUID().uuidString).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw writeError(target, errno) }
        var written = 0
        let failure: Int32? = data.withUnsafeBytes { bytes in
            while written < bytes.count {
                let count = Foundation.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += count
            }
            return fsync(descriptor) == 0 ? nil : errno
        }
        let closed = close(descriptor) == 0 ? nil : errno
        if let code = failure ?? closed {
            unlink(temporary.path)
            throw writeError(target, code)
        }
        let moved = force ? rename(temporary.path, target.path) : link(temporary.path, target.path)
        let moveError = errno
        if !force || moved != 0 { unlink(temporary.path) }
        guard moved == 0 else {
            if moveError == EEXIST {
                throw ExportError.exists([target.path])
            }
            throw writeError(target, moveError)
        }
    }

    private func writeError(_ target: URL, _ code: Int32) -> ExportError {
        .cannotWrite(path: target.path, reason: String(cString: strerror(code)))
    }
}
