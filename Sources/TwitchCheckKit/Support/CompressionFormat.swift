/// A compressed file format, recognised by its first bytes, so a compressed input gets a clear
/// error that says how to decompress it instead of a CSV error full of binary bytes.
public enum CompressionFormat: String, CaseIterable, Sendable {
    case gzip, bzip2, xz, zstd, zip

    /// The most bytes ``detect(_:)`` looks at.
    public static let prefixLength = 10

    /// The format whose magic bytes begin `prefix`, or nil for anything else (such as CSV text).
    public static func detect(_ prefix: some Collection<UInt8>) -> CompressionFormat? {
        let bytes = Array(prefix.prefix(prefixLength))
        func starts(_ magic: [UInt8]) -> Bool { bytes.starts(with: magic) }
        if starts([0x1F, 0x8B]) { return .gzip }
        // "BZh", a block size digit, then the block magic 0x314159265359.
        if bytes.count >= 10, starts([0x42, 0x5A, 0x68]), (0x31...0x39).contains(bytes[3]),
           Array(bytes[4..<10]) == [0x31, 0x41, 0x59, 0x26, 0x53, 0x59] { return .bzip2 }
        if starts([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return .xz }
        if starts([0x28, 0xB5, 0x2F, 0xFD]) { return .zstd }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return .zip }
        return nil
    }

    /// The command that writes the decompressed file to standard output.
    public var decompressCommand: String {
        switch self {
        case .gzip: "zcat"
        case .bzip2: "bzcat"
        case .xz: "xzcat"
        case .zstd: "zstdcat"
        case .zip: "unzip -p"
        }
    }

    /// Why the input cannot be read and what to run instead, for `file` read by `command` ("twitchcheck batch").
    public func advice(file: String, command: String) -> String {
        let name = file == "<stdin>" || file == "-" ? "FILE" : file
        return "this is \(rawValue)-compressed; use: \(decompressCommand) \(name) | \(command) -"
    }
}
