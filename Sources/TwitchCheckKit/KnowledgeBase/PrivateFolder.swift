import Foundation

/// The checks that make the default knowledge base trustworthy: its folder and file belong to
/// the current user and nobody else can write to them.
///
/// Another local user who could write there could plant a knowledge base with the rules
/// removed, and `check` would then report no risks. Missing folders are created `0700`.
public enum PrivateFolder {
    /// Creates `path` (and missing parents) readable only by the current user, then checks it.
    public static func prepare(_ path: String) throws {
        try create(path)
        try verify(path, kind: "folder")
    }

    /// Checks that an existing file or folder is owned by the current user and not writable by group or others.
    public static func verify(_ path: String, kind: String) throws {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw TwitchCheckError.untrustedLocation(path: path, reason: "it cannot be examined (\(String(cString: strerror(errno)))); check it")
        }
        if status.st_uid != geteuid() {
            throw TwitchCheckError.untrustedLocation(
                path: path, reason: "the \(kind) belongs to another user (uid \(status.st_uid); you are \(geteuid())), "
                    + "who could replace the knowledge base; set XDG_DATA_HOME to a folder of your own")
        }
        if status.st_mode & 0o022 != 0 {
            throw TwitchCheckError.untrustedLocation(
                path: path, reason: "other users can write to the \(kind) (mode \(String(status.st_mode & 0o7777, radix: 8))) "
                    + "and could replace the knowledge base; run 'chmod go-w \(path)'")
        }
    }

    /// `mkdir -p` with mode 0700 for each folder it makes.
    private static func create(_ path: String) throws {
        var missing: [String] = []
        var current = path
        var status = stat()
        while !current.isEmpty, current != "/", stat(current, &status) != 0 {
            missing.append(current)
            current = (current as NSString).deletingLastPathComponent
        }
        for folder in missing.reversed() where mkdir(folder, 0o700) != 0 && errno != EEXIST {
            throw TwitchCheckError.untrustedLocation(
                path: folder, reason: "the folder cannot be created (\(String(cString: strerror(errno)))); "
                    + "set XDG_DATA_HOME to a folder you can write")
        }
    }
}
