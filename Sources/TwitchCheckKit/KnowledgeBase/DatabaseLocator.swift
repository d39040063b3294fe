import Foundation

/// Decides which knowledge base file a command uses, and builds the default one on first use.
///
/// Order: `--db PATH`, else `$TWITCHCHECK_DB`, else a per-user file named after the
/// embedded seeds' digest, so a new binary with new seeds never reads an old database.
/// The default lives in a folder only the user can write (see ``PrivateFolder``): never in a
/// shared temporary folder, where another user could plant a knowledge base without its rules.
public struct DatabaseLocator: Sendable {
    /// Where the path came from; an explicit path must already exist.
    public enum Origin: Sendable, Equatable {
        case option, environment, userDefault
    }

    public let path: String
    public let origin: Origin

    /// The path chosen from the option, the environment, or the account's home folder
    /// (`accountHome` looks it up in the password database when HOME is unset or empty).
    public init(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                accountHome: () -> String? = DatabaseLocator.accountHome) throws {
        if let option, !option.isEmpty {
            (path, origin) = (option, .option)
        } else if let variable = environment["TWITCHCHECK_DB"], !variable.isEmpty {
            (path, origin) = (variable, .environment)
        } else {
            (path, origin) = (try Self.defaultPath(environment: environment, accountHome: accountHome), .userDefault)
        }
    }

    /// `$XDG_DATA_HOME/twitchcheck/` (or `HOME/.local/share/twitchcheck/`), one file per seed digest.
    /// HOME is `$HOME` when set and absolute, else the account's home from the password database.
    public static func defaultPath(environment: [String: String],
                                   accountHome: () -> String? = DatabaseLocator.accountHome) throws -> String {
        let base: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            base = home + "/.local/share"
        } else if let home = accountHome(), home.hasPrefix("/") {
            base = home + "/.local/share"
        } else {
            throw TwitchCheckError.noHomeFolder
        }
        return "\(base)/twitchcheck/knowledge-base-\(EmbeddedSeeds.contentDigest).sqlite"
    }

    /// The current account's home folder from the password database, or nil when it has none.
    public static func accountHome() -> String? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        guard getpwuid_r(getuid(), &entry, &buffer, buffer.count, &result) == 0, result != nil, let directory = entry.pw_dir else {
            return nil
        }
        let home = String(cString: directory)
        return home.isEmpty ? nil : home
    }

    /// The folder the default knowledge base lives in.
    var folder: String { (path as NSString).deletingLastPathComponent }

    /// Opens the knowledge base, building the default one from the embedded seeds if it is missing.
    /// The default's folder and file are checked first (``PrivateFolder``); an explicit path is the user's choice.
    /// `holdingInMemory` is for a server: see ``KnowledgeMemory``.
    public func open(limits: ReadLimits = .standard, holdingInMemory: Bool = false) throws -> KnowledgeBase {
        if origin == .userDefault {
            try PrivateFolder.prepare(folder)
            if !FileManager.default.fileExists(atPath: path) {
                try withBuildLock { if !FileManager.default.fileExists(atPath: path) { try build(EmbeddedSeeds.bundle()) } }
            }
            try PrivateFolder.verify(path, kind: "knowledge base file")
        }
        return try KnowledgeBase(path: path, limits: limits, holdingInMemory: holdingInMemory)
    }

    /// Builds the knowledge base at this path from `bundle`, replacing an older one.
    /// The default is built under the lock, in its checked folder.
    public func rebuild(from bundle: SeedBundle) throws {
        if origin == .userDefault {
            try PrivateFolder.prepare(folder)
            try withBuildLock { try build(bundle) }
        } else {
            try build(bundle)
        }
    }

    private func build(_ bundle: SeedBundle) throws {
        try KnowledgeBaseBuilder(bundle: bundle).build(at: URL(fileURLWithPath: path))
    }

    /// Runs `body` holding an exclusive lock beside the default file, so that one process builds
    /// and the others wait, then find it built. The lock file is never followed through a symbolic link.
    private func withBuildLock(_ body: () throws -> Void) throws {
        let lockPath = path + ".lock"
        let lock = Foundation.open(lockPath, O_CREAT | O_RDWR | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard lock >= 0 else {
            let reason = errno == ELOOP ? "it is a symbolic link" : String(cString: strerror(errno))
            throw TwitchCheckError.untrustedLocation(path: lockPath, reason: "the lock file cannot be opened (\(reason)); remove it")
        }
        defer { close(lock) }
        try PrivateFolder.verify(lockPath, kind: "lock file")
        while flock(lock, LOCK_EX) != 0, errno == EINTR {}
        defer { flock(lock, LOCK_UN) }
        try body()
    }
}
