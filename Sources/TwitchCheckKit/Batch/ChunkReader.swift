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
            try refilled.withUnsafeMutableBytes {
                try PartitionFiles.read(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: $0[base...]), at: position)
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
