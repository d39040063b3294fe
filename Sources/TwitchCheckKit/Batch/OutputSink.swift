import Foundation

/// Buffered output to a file descriptor: one write call per 64 KiB instead of per row.
public final class OutputSink {
    private let fileDescriptor: Int32
    private var buffer: [UInt8] = []
    private let flushThreshold = 1 << 16

    public init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
        buffer.reserveCapacity(flushThreshold * 2)
    }

    public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= flushThreshold { try flush() }
    }

    public func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { Foundation.write(fileDescriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw TwitchCheckError.inputUnreadable(path: "output", reason: String(cString: strerror(errno)))
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
