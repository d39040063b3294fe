import Foundation

/// Buffered output to a file descriptor: rows are gathered into 1 MiB blocks, and each full
/// block is written by a background queue while the next one fills, so writing overlaps work.
/// At most two blocks are in flight, so memory stays bounded whatever the output size. (256 KiB
/// blocks cost 3.5 times the context switches and 3-5% more CPU on 650 MB of JSON Lines; 1 MiB
/// blocks add 3 MB to the peak.)
///
/// Not `Sendable`: one thread appends and flushes. The buffer is private; appends go through
/// the methods below, and only whole blocks cross to the background writer (``BlockWriter``).
public final class OutputSink {
    /// What has not been handed to the writer yet.
    private var buffer: OutputBuffer
    private let flushThreshold = 1 << 20
    private let blocks: BlockWriter
    /// Bytes handed to the writer so far.
    private var handedOff = 0

    /// Bytes appended since the sink was made, written or still buffered.
    var count: Int { handedOff + buffer.count }

    /// A sink for a descriptor, named in error messages as `destination`. `reservesSpace`: the
    /// descriptor is a new file, written from its start, that nothing else writes to and that is
    /// cut at its end when done (``ReportFile/reservesSpace``): space is reserved ahead of the writes
    /// (``FileSpaceReservation``).
    public init(fileDescriptor: Int32, destination: String, reservesSpace: Bool = false) {
        blocks = BlockWriter(FileDescriptorWriter(fileDescriptor: fileDescriptor, destination: destination),
                             reservation: reservesSpace ? FileSpaceReservation(fileDescriptor: fileDescriptor) : nil)
        // Room for a full block and the line that crosses the threshold, so a buffer is rarely moved.
        buffer = OutputBuffer(capacity: flushThreshold * 2)
    }

    /// A sink for standard output, or for a descriptor named "the output file" in error messages.
    public convenience init(fileDescriptor: Int32) {
        self.init(fileDescriptor: fileDescriptor,
                  destination: fileDescriptor == STDOUT_FILENO ? "standard output" : "the output file")
    }

    /// Appends text and writes a block if one is full.
    public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        try flushIfFull()
    }

    /// Appends bytes; call ``flushIfFull()`` now and then.
    @inline(__always)
    func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// Appends one byte.
    @inline(__always)
    func append(byte: UInt8) {
        buffer.append(byte)
    }

    /// Appends a day number as `YYYY-MM-DD`.
    @inline(__always)
    func appendDay(_ day: Int32) {
        buffer.appendDay(day)
    }

    /// Runs `body` on the buffer itself: one access for many appends (a line of JSON is dozens
    /// of pieces, and each separate append pays an exclusivity check); call ``flushIfFull()`` after.
    @inline(__always)
    func withBuffer<Result>(_ body: (inout OutputBuffer) throws -> Result) rethrows -> Result {
        try body(&buffer)
    }

    /// Hands the buffer to the writer once it has grown past the threshold.
    @inline(__always)
    func flushIfFull() throws {
        if buffer.count >= flushThreshold { try handOff() }
    }

    /// Writes everything buffered, waits until it is written, and throws the first write error.
    public func flush() throws {
        try handOff()
        try blocks.waitUntilWritten()
    }

    private func handOff() throws {
        guard !buffer.isEmpty else { return }
        handedOff += buffer.count
        try blocks.enqueue(buffer.take(capacity: flushThreshold * 2))
    }
}

/// The background half of an ``OutputSink``: writes whole blocks in order on a serial queue,
/// at most two at a time, and keeps the first error.
///
/// Sendable by construction: the descriptor writer, queue and semaphore are themselves
/// Sendable, and `firstError`, `reservation` and `written` are only ever read or written on `queue`.
private final class BlockWriter: @unchecked Sendable {
    private let writer: FileDescriptorWriter
    private let queue = DispatchQueue(label: "twitchcheck.output")
    private let slots = DispatchSemaphore(value: 2)
    /// Accessed only on `queue`.
    private var firstError: Error?
    private var reservation: FileSpaceReservation?
    private var written = 0

    init(_ writer: FileDescriptorWriter, reservation: FileSpaceReservation?) {
        self.writer = writer
        self.reservation = reservation
    }

    /// Queues a block for writing; throws at once if an earlier block failed, so a full disk stops the run early.
    func enqueue(_ block: OutputBlock) throws {
        if let error = queue.sync(execute: { firstError }) { throw error }
        slots.wait()
        queue.async { [self] in
            defer { slots.signal() }
            guard firstError == nil else { return }
            do {
                written += block.count
                reservation?.reserve(upTo: written)
                try writer.write(block.bytes)
            } catch {
                firstError = error
            }
        }
    }

    /// Waits for every queued block and throws the first write error.
    func waitUntilWritten() throws {
        if let error = queue.sync(execute: { firstError }) { throw error }
    }
}
