import Foundation

/// The test fixtures in Tests/Fixtures, and the shared sample data beside the repository when present.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Fixtures")

    static func batch(_ name: String) -> URL { root.appending(path: "batch").appending(path: name) }

    /// `../shared/data/<path>` next to the checkout, or nil when the shared folder is absent.
    static func sharedData(_ path: String) -> URL? {
        let url = root.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appending(path: "shared/data").appending(path: path)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
}
