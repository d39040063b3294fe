import Foundation

/// Writes whole byte runs to a file descriptor and turns any failure into a message that names
/// the destination ("cannot write to standard output: No space left on device").
///
/// The one place twitchcheck writes a report: commands write standard output through it and
/// ``OutputSink`` writes batch blocks through it, so every write is checked the same way.
public struct FileDescriptorWriter: Sendable {
    /// The descriptor written to.
    public let fileDescriptor: Int32
    /// What the descriptor is, in words, for messages ("standard output", a file's path).
    public let destination: String

    /// A writer to a descriptor, named in messages as `destination`.
    public init(fileDescriptor: Int32, destination: String) {
        self.fileDescriptor = fileDescriptor
        self.destination = destination
    }

    /// Standard output.
    public static let standardOutput = FileDescriptorWriter(fileDescriptor: STDOUT_FILENO, destination: "standard output")

    /// Writes all of `text` as UTF-8.
    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    /// Writes all of `bytes`, retrying after interruptions and short writes.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(fileDescriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw TwitchCheckError.outputUnwritable(destination: destination, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
    }
}
