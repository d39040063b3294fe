import Foundation

/// The folder every temporary file and folder of a test process goes in, removed when the process
/// exits: the suites build hundreds of knowledge bases (8.5 MB each) and thousands of folders, and
/// left in the system's temporary folder they filled a disk after a few runs.
public enum TestScratch {
    /// This process's folder, made on first use; its removal is registered with `atexit`.
    public static let root: URL = {
        let url = FileManager.default.temporaryDirectory.appending(path: "twitchcheck-tests-\(getpid())-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            fatalError("cannot make the tests' temporary folder \(url.path): \(error)")
        }
        atexit { try? FileManager.default.removeItem(at: TestScratch.root) }
        return url
    }()
}
