import Foundation
import GRDB

/// What a file at a build destination holds, so that building replaces only a knowledge base.
///
/// A knowledge base is recognised by its SQLite header's application id (set since builds
/// carry one), or, for files built before, by a `build_info` table with a `schema_version`.
public enum KnowledgeBaseFile: Equatable, Sendable {
    /// Nothing is there (or a symbolic link to nothing).
    case absent
    /// An empty regular file: nothing to lose.
    case empty
    /// A twitchcheck knowledge base, of this version or an older one.
    case knowledgeBase
    /// Anything else, with what it is in words ("not a SQLite database").
    case other(String)

    /// `PRAGMA application_id` of every knowledge base: "TWCH" in ASCII.
    public static let applicationID: Int32 = 0x5457_4348

    /// What is at `path`, following a symbolic link to what it points at.
    public static func identify(_ path: String) -> KnowledgeBaseFile {
        var status = stat()
        guard stat(path, &status) == 0 else {
            return errno == ENOENT ? .absent : .other("it cannot be examined: \(String(cString: strerror(errno)))")
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .other("it is a folder")
        default: return .other("it is not a regular file")
        }
        if status.st_size == 0 { return .empty }
        guard let header = readHeader(path), header.count == 100,
              header.starts(with: Array("SQLite format 3\0".utf8)) else {
            return .other("it is not a SQLite database")
        }
        let applicationID = header[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        if applicationID == UInt32(bitPattern: Self.applicationID) { return .knowledgeBase }
        if applicationID == 0, hasBuildInfo(path) { return .knowledgeBase }
        return .other("it is a SQLite database of another program")
    }

    /// The first 100 bytes (SQLite's database header), or nil when the file cannot be read.
    private static func readHeader(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var header = [UInt8](repeating: 0, count: 100)
        let count = header.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 100) }
        return count < 0 ? nil : Array(header.prefix(count))
    }

    /// Whether a SQLite file has the `build_info` table of a knowledge base built before application ids.
    private static func hasBuildInfo(_ path: String) -> Bool {
        guard let reader = try? KnowledgeBaseReader(path: path, limits: .standard, label: "twitchcheck-identify") else { return false }
        return (try? reader.read { db in
            try db.tableExists("build_info")
                && String.fetchOne(db, sql: "SELECT value FROM build_info WHERE key = 'schema_version'") != nil
        }) ?? false
    }
}
