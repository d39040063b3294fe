import Foundation

/// Decides which knowledge base file a command uses, and builds the default one on first use.
///
/// Order: `--db PATH`, else `$TWITCHCHECK_DB`, else a per-user file named after the
/// embedded seeds' digest, so a new binary with new seeds never reads an old database.
public struct DatabaseLocator: Sendable {
    /// Where the path came from; an explicit path must already exist.
    public enum Origin: Sendable, Equatable {
        case option, environment, userDefault
    }

    public let path: String
    public let origin: Origin

    public init(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let option, !option.isEmpty {
            (path, origin) = (option, .option)
        } else if let variable = environment["TWITCHCHECK_DB"], !variable.isEmpty {
            (path, origin) = (variable, .environment)
        } else {
            (path, origin) = (Self.defaultPath(environment: environment), .userDefault)
        }
    }

    /// `$XDG_DATA_HOME/twitchcheck/` (or `~/.local/share/twitchcheck/`), one file per seed digest.
    public static func defaultPath(environment: [String: String]) -> String {
        let base: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSTemporaryDirectory()
            base = home + "/.local/share"
        }
        return "\(base)/twitchcheck/knowledge-base-\(EmbeddedSeeds.contentDigest).sqlite"
    }

    /// Opens the knowledge base, building the default one from the embedded seeds if it is missing.
    public func open() throws -> KnowledgeBase {
        if origin == .userDefault, !FileManager.default.fileExists(atPath: path) {
            try buildDefaultOnce()
        }
        return try KnowledgeBase(path: path)
    }

    /// Builds the default database unless another process already has: the first process
    /// takes an exclusive lock beside the file and builds; the others wait, then find it built.
    private func buildDefaultOnce() throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let lock = Foundation.open(path + ".lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard lock >= 0 else {
            throw TwitchCheckError.databaseUnreadable(path: path, reason: "cannot create \(path).lock: \(String(cString: strerror(errno)))")
        }
        defer { close(lock) }
        while flock(lock, LOCK_EX) != 0, errno == EINTR {}
        defer { flock(lock, LOCK_UN) }
        if !FileManager.default.fileExists(atPath: path) {
            try KnowledgeBaseBuilder(bundle: EmbeddedSeeds.bundle()).build(at: url)
        }
    }
}
