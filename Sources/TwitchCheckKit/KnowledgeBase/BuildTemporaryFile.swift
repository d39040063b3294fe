import Foundation

/// The temporary file a build writes beside its destination before renaming it into place:
/// `.NAME.PID-UUID.tmp`, created exclusively, never through a symbolic link.
///
/// The process id in the name lets a later build remove what a killed build left behind.
public enum BuildTemporaryFile {
    /// A temporary file older than this is stale even if a process with its id is running (ids are reused).
    public static let staleAge: TimeInterval = 30 * 60

    /// Creates a new empty temporary file beside `destination`, mode 0644 less the umask.
    public static func create(beside destination: URL) throws -> URL {
        let url = destination.deletingLastPathComponent().appending(
            path: "\(prefix(for: destination))\(getpid())-\(UUID().uuidString).tmp")
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw TwitchCheckError.outputUnwritable(destination: url.path, reason: String(cString: strerror(errno)))
        }
        close(descriptor)
        return url
    }

    /// Removes the temporary files of earlier builds of `destination` whose process is gone or
    /// which are older than ``staleAge``; returns the names removed.
    @discardableResult
    public static func removeStale(beside destination: URL, now: Date = Date()) -> [String] {
        let folder = destination.deletingLastPathComponent()
        let prefix = prefix(for: destination)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        var removed: [String] = []
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            let rest = name.dropFirst(prefix.count)
            guard let pid = rest.split(separator: "-").first.flatMap({ pid_t($0) }), pid != getpid() else { continue }
            let path = folder.appending(path: name).path
            var status = stat()
            guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_uid == geteuid() else { continue }
            #if os(Linux)
            let modified = status.st_mtim.tv_sec
            #else
            let modified = status.st_mtimespec.tv_sec
            #endif
            let age = now.timeIntervalSince1970 - TimeInterval(modified)
            let processGone = kill(pid, 0) != 0 && errno == ESRCH
            if processGone || age > staleAge, unlink(path) == 0 {
                removed.append(name)
            }
        }
        return removed
    }

    private static func prefix(for destination: URL) -> String {
        ".\(destination.lastPathComponent)."
    }
}
