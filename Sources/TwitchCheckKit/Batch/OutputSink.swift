import Foundation

/// Buffered output to a file descriptor: rows are gathered into 256 KiB blocks, and each full
/// block is written by a background queue while the next one fills, so writing overlaps work.
/// At most two blocks are in flight, so memory stays bounded whatever the output size.
public final class OutputSink: @unchecked Sendable {
    private let fileDescriptor: Int32
    /// What has not been handed to the writer yet.
    var buffer = OutputBuffer()
    private let flushThreshold = 1 << 18
    private let writer = DispatchQueue(label: "twitchcheck.output")
    private let slots = DispatchSemaphore(value: 2)
    /// The first write error, set on the writer queue and read after waiting for it.
    private var writeError: Error?

    public init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
        buffer.bytes.reserveCapacity(flushThreshold * 2)
    }

    public func write(_ text: String) throws {
        buffer.bytes.append(contentsOf: text.utf8)
        try flushIfFull()
    }

    /// Hands the buffer to the writer once it has grown past the threshold.
    @inline(__always)
    func flushIfFull() throws {
        if buffer.bytes.count >= flushThreshold { try handOff() }
    }

    /// Writes everything buffered and waits until it is written.
    public func flush() throws {
        try handOff()
        writer.sync {}
        if let writeError { throw writeError }
    }

    private func handOff() throws {
        guard !buffer.bytes.isEmpty else { return }
        var block = OutputBuffer()
        block.bytes.reserveCapacity(flushThreshold * 2)
        swap(&block, &buffer)
        let bytes = block.bytes
        slots.wait()
        writer.async { [self] in
            defer { slots.signal() }
            guard writeError == nil else { return }
            do {
                try bytes.withUnsafeBytes { try writeAll($0) }
            } catch {
                writeError = error
            }
        }
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(fileDescriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw TwitchCheckError.inputUnreadable(path: "output", reason: String(cString: strerror(errno)))
            }
            offset += written
        }
    }
}
