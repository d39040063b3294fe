import Foundation
import GRDB
import Testing
import TwitchCheckKit

/// Where the default knowledge base lives and when it is trusted: never in a shared temporary
/// folder, only in a folder and file of the user's own, built under a lock that is never followed
/// through a symbolic link, with what killed builds left behind cleaned up.
@Suite struct KnowledgeBaseLocationTests {
    static let fileName = "knowledge-base-\(EmbeddedSeeds.contentDigest).sqlite"

    /// Environments without a usable HOME: the account's home from the password database is used, never TMPDIR or /tmp.
    @Test("without HOME the account's home is used", arguments: [
        [:], ["HOME": ""], ["HOME": "relative/home"], ["TMPDIR": "/tmp/x"], ["HOME": "", "XDG_DATA_HOME": "not/absolute"],
    ] as [[String: String]])
    func withoutHomeTheAccountsHomeIsUsed(environment: [String: String]) throws {
        let path = try DatabaseLocator.defaultPath(environment: environment, accountHome: { "/home/pat" })
        #expect(path == "/home/pat/.local/share/twitchcheck/\(Self.fileName)")
        #expect(!path.hasPrefix(NSTemporaryDirectory()) && !path.hasPrefix("/tmp"))
    }

    @Test func theRealAccountHasAHomeFromThePasswordDatabase() throws {
        let home = try #require(DatabaseLocator.accountHome())
        #expect(home.hasPrefix("/"))
        #expect(try DatabaseLocator.defaultPath(environment: [:]) == home + "/.local/share/twitchcheck/\(Self.fileName)")
    }

    @Test func withNoHomeAtAllTheMessageSaysWhatToSet() throws {
        #expect(throws: TwitchCheckError.noHomeFolder) {
            try DatabaseLocator(option: nil, environment: ["HOME": ""], accountHome: { nil })
        }
        let message = TwitchCheckError.noHomeFolder.description
        #expect(message.contains("--db PATH") && message.contains("TWITCHCHECK_DB") && message.contains("XDG_DATA_HOME"))
        // An explicit path needs no home.
        #expect(try DatabaseLocator(option: nil, environment: ["TWITCHCHECK_DB": "/x/kb.sqlite"], accountHome: { nil }).path == "/x/kb.sqlite")
    }

    /// The example: with HOME empty, main used `/tmp//.local/share/...`, where another user
    /// could plant a knowledge base without its rules, and `check phenelzine meperidine` said "no risks".
    @Test func aKnowledgeBasePlantedInTheTemporaryFolderIsNotUsed() throws {
        let temporary = try TestKnowledgeBase.temporaryDirectory()
        let planted = temporary.appending(path: ".local/share/twitchcheck/\(Self.fileName)")
        try KnowledgeBaseBuilder(bundle: EmbeddedSeeds.bundle()).build(at: planted)
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        try DatabaseQueue(path: planted.path, configuration: configuration).write { db in
            try db.execute(sql: "DELETE FROM interaction_rules")
        }
        let home = try TestKnowledgeBase.temporaryDirectory()
        let locator = try DatabaseLocator(option: nil, environment: ["HOME": "", "TMPDIR": temporary.path + "/"],
                                          accountHome: { home.path })
        #expect(locator.path.hasPrefix(home.path + "/"))
        let report = try MedicationChecker(knowledgeBase: locator.open()).check(["phenelzine", "meperidine"])
        #expect(report.highestSeverity == .contraindicated)
    }

    // MARK: - Trust

    /// A locator whose default lives under `data`.
    static func locator(_ data: URL) throws -> DatabaseLocator {
        try DatabaseLocator(option: nil, environment: ["XDG_DATA_HOME": data.path])
    }

    @Test("a folder others can write is refused", arguments: [0o777, 0o775, 0o757, 0o1777] as [mode_t])
    func aFolderOthersCanWriteIsRefused(mode: mode_t) throws {
        let data = try TestKnowledgeBase.temporaryDirectory()
        let folder = data.appending(path: "twitchcheck")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        chmod(folder.path, mode)
        #expect {
            try Self.locator(data).open()
        } throws: { error in
            guard case TwitchCheckError.untrustedLocation(let path, let reason) = error else { return false }
            return path == folder.path && reason.contains("other users can write to the folder")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appending(path: Self.fileName).path), "nothing was built there")
    }

    @Test("a knowledge base file others can write is refused", arguments: [0o666, 0o664, 0o646] as [mode_t])
    func aFileOthersCanWriteIsRefused(mode: mode_t) throws {
        let data = try TestKnowledgeBase.temporaryDirectory()
        let locator = try Self.locator(data)
        _ = try locator.open()
        chmod(locator.path, mode)
        #expect {
            try locator.open()
        } throws: { error in
            guard case TwitchCheckError.untrustedLocation(let path, let reason) = error else { return false }
            return path == locator.path && reason.contains("other users can write to the knowledge base file")
        }
    }

    @Test func aFolderOrFileOfAnotherUserIsRefused() throws {
        guard geteuid() == 0 else { return }  // only root can give a file away
        let data = try TestKnowledgeBase.temporaryDirectory()
        let locator = try Self.locator(data)
        _ = try locator.open()
        chown(locator.path, 65534, 65534)
        #expect { try locator.open() } throws: { "\($0)".contains("belongs to another user (uid 65534") }
        chown(locator.path, 0, 0)
        chown((locator.path as NSString).deletingLastPathComponent, 65534, 65534)
        #expect { try locator.open() } throws: { "\($0)".contains("the folder belongs to another user (uid 65534") }
    }

    @Test func theLockFileIsNeverFollowedThroughASymbolicLink() throws {
        let data = try TestKnowledgeBase.temporaryDirectory()
        let locator = try Self.locator(data)
        let folder = (locator.path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let target = data.appending(path: "elsewhere").path
        try FileManager.default.createSymbolicLink(atPath: locator.path + ".lock", withDestinationPath: target)
        #expect { try locator.open() } throws: { "\($0)".contains("the lock file cannot be opened (it is a symbolic link)") }
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test func theDefaultIsBuiltPrivate() throws {
        let data = try TestKnowledgeBase.temporaryDirectory()
        let locator = try Self.locator(data)
        _ = try locator.open()
        var status = stat()
        stat((locator.path as NSString).deletingLastPathComponent, &status)
        #expect(status.st_mode & 0o777 == 0o700)
        stat(locator.path + ".lock", &status)
        #expect(status.st_mode & 0o077 == 0)
    }

    // MARK: - Temporary files

    /// A build killed by SIGKILL leaves `.NAME.PID-UUID.tmp` behind; the next build removes those
    /// whose process is gone or that are old, and keeps a running build's.
    @Test func staleTemporaryFilesOfKilledBuildsAreRemoved() throws {
        let folder = try TestKnowledgeBase.temporaryDirectory()
        let destination = folder.appending(path: "kb.sqlite")
        var dead: pid_t = 4_000_000
        while kill(dead, 0) == 0 || errno != ESRCH { dead -= 1 }
        let running = getppid()
        let names = [
            "gone": ".kb.sqlite.\(dead)-\(UUID().uuidString).tmp",
            "old": ".kb.sqlite.\(running)-\(UUID().uuidString).tmp",
            "fresh": ".kb.sqlite.\(running)-\(UUID().uuidString).tmp",
            "other": ".other.sqlite.\(dead)-\(UUID().uuidString).tmp",
        ]
        for name in names.values {
            try Data(repeating: 0, count: 4096).write(to: folder.appending(path: name))
        }
        let twoHoursAgo = Date().addingTimeInterval(-7200)
        try FileManager.default.setAttributes([.modificationDate: twoHoursAgo], ofItemAtPath: folder.appending(path: names["old"]!).path)
        try KnowledgeBaseBuilder(bundle: EmbeddedSeeds.bundle()).build(at: destination)
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(left == ["kb.sqlite", names["fresh"]!, names["other"]!])
    }

    @Test func theDefaultBuildCleansUpUnderTheLock() throws {
        let data = try TestKnowledgeBase.temporaryDirectory()
        let locator = try Self.locator(data)
        let folder = (locator.path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        chmod(folder, 0o700)
        var dead: pid_t = 4_000_000
        while kill(dead, 0) == 0 || errno != ESRCH { dead -= 1 }
        let stale = ".\(Self.fileName).\(dead)-\(UUID().uuidString).tmp"
        try Data(repeating: 0, count: 4096).write(to: URL(fileURLWithPath: folder).appending(path: stale))
        _ = try locator.open()
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder)) == [Self.fileName, Self.fileName + ".lock"])
    }
}
