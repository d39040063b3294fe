import Foundation
import SeedDigest

/// The complete input of a knowledge-base build: the schema files and the seed files.
public struct SeedBundle: Sendable {
    public let files: [SeedFile]
    /// A fingerprint of the files, recorded in the built database.
    public let digest: String

    public init(files: [SeedFile], digest: String) {
        self.files = files.sorted { $0.path < $1.path }
        self.digest = digest
    }

    /// Reads `Schema/*.sql` and `Seeds/*/*.tsv` from a checkout on disk.
    public static func load(fromPackageRoot root: URL) throws -> SeedBundle {
        var files: [SeedFile] = []
        for folder in ["Schema", "Seeds"] {
            let base = root.appending(path: folder)
            guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else {
                throw TwitchCheckError.seedFolderMissing(base.path)
            }
            for case let url as URL in walker where ["sql", "tsv"].contains(url.pathExtension) {
                let relative = folder + "/" + url.standardizedFileURL.path
                    .dropFirst(base.standardizedFileURL.path.count + 1)
                do {
                    files.append(SeedFile(path: relative, text: try String(contentsOf: url, encoding: .utf8)))
                } catch let error as CocoaError {
                    throw TwitchCheckError.inputUnreadable(path: url.path, reason: ErrorExplanation.problem(error))
                }
            }
        }
        guard files.contains(where: \.isSchema) else {
            throw TwitchCheckError.seedFolderMissing(root.appending(path: "Schema").path)
        }
        return SeedBundle(files: files, digest: "local-" + Self.fingerprint(files))
    }

    /// The schema files in the order they must run.
    public var schemaFiles: [SeedFile] { files.filter(\.isSchema) }

    /// The seed files that fill one table, in path order.
    public func seedFiles(for table: String) -> [SeedFile] {
        files.filter { $0.seedTable == table }
    }

    /// The ``SeedDigest`` of the files in path order: the embedded seeds' digest when the files are the same.
    static func fingerprint(_ files: [SeedFile]) -> String {
        var digest = SeedDigest()
        for file in files.sorted(by: { $0.path < $1.path }) {
            digest.add(path: file.path, contents: file.text.utf8)
        }
        return digest.hex
    }
}
