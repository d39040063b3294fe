import Foundation

/// The schema and seed files compiled into the library by the EmbedSeeds build plugin.
///
/// The generated half of this type (`digest`, `base64Files`) lives in the plugin's
/// output; this half turns it into a ``SeedBundle``.
public enum EmbeddedSeeds {
    /// The embedded files as a bundle, decoded on demand (only a build needs them).
    public static func bundle() -> SeedBundle {
        let files = base64Files.map { entry in
            SeedFile(path: entry.path, text: String(decoding: Data(base64Encoded: entry.base64) ?? Data(), as: UTF8.self))
        }
        return SeedBundle(files: files, digest: digest)
    }

    /// A fingerprint of the embedded files; a database built from them records it.
    public static var contentDigest: String { digest }
}
