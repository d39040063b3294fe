import Foundation

/// Buffered output to a file descriptor: one write call per 64 KiB instead of per row.
public final class OutputSink {
    private let fileDescriptor: Int32
    /// What has not been written yet.
    var buffer = OutputBuffer()
    private let flushThreshold = 1 << 16

    public init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
        buffer.bytes.reserveCapacity(flushThreshold * 2)
    }

    public func write(_ text: String) throws {
        buffer.bytes.append(contentsOf: text.utf8)
        if buffer.bytes.count >= flushThreshold { try flush() }
    }

    /// Writes the buffer out once it has grown past the threshold.
    @inline(__always)
    func flushIfFull() throws {
        if buffer.bytes.count >= flushThreshold { try flush() }
    }

    public func flush() throws {
        var offset = 0
        while offset < buffer.bytes.count {
            let written = buffer.bytes.withUnsafeBytes { Foundation.write(fileDescriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw TwitchCheckError.inputUnreadable(path: "output", reason: String(cString: strerror(errno)))
            }
            offset += written
        }
        buffer.bytes.removeAll(keepingCapacity: true)
    }
}
