import Foundation

/// Reads a range of a file front to back in chunks, handing out pieces of a given length.
struct ChunkReader {
    private let descriptor: Int32
    private var position: Int
    private let end: Int
    private var buffer: [UInt8] = []
    private var consumed = 0
    static let chunkSize = 64 << 10

    init(_ descriptor: Int32, range: Range<Int>) {
        self.descriptor = descriptor
        position = range.lowerBound
        end = range.upperBound
    }

    /// Calls `body` with the next `count` bytes.
    mutating func take(_ count: Int, _ body: (ArraySlice<UInt8>) throws -> Void) throws {
        if buffer.count - consumed < count {
            let kept = buffer[consumed...]
            let wanted = min(max(count, Self.chunkSize), kept.count + end - position)
            var refilled = [UInt8](kept)
            refilled.reserveCapacity(wanted)
            let toRead = wanted - refilled.count
            refilled += [UInt8](repeating: 0, count: toRead)
            let base = refilled.count - toRead
            try refilled.withUnsafeMutableBytes { bytes in
                var offset = 0
                while offset < toRead {
                    let read = pread(descriptor, bytes.baseAddress! + base + offset, toRead - offset, off_t(position + offset))
                    if read < 0, errno == EINTR { continue }
                    guard read > 0 else {
                        throw TwitchCheckError.inputUnreadable(path: "a temporary file of batch",
                                                               reason: read < 0 ? String(cString: strerror(errno)) : "it ended early")
                    }
                    offset += read
                }
            }
            position += toRead
            buffer = refilled
            consumed = 0
            guard buffer.count >= count else {
                throw TwitchCheckError.inputUnreadable(path: "a temporary file of batch", reason: "it ended early")
            }
        }
        try body(buffer[consumed..<consumed + count])
        consumed += count
    }
}
