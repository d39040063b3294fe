import Foundation

/// Temporary files that one reader of a batch spills its rows into, one file per partition of the
/// patients (by a hash of the patient id), so that each partition can later be checked on its own.
///
/// The files live in a private directory made with `mkdtemp` (mode 0700) and are unlinked as soon
/// as they are open, and the directory removed at once: nothing is left behind however the run
/// ends, even when the process is killed. Records are gathered in a fixed buffer per partition;
/// every write is checked, and the first failure is kept (``failure``) and stops all further
/// writing, so a full disk ends the run with an error rather than a truncated report.
final class PartitionFiles {
    /// What a record stands for; see ``BatchIngest/replay(_:)``.
    enum Kind: UInt8 {
        /// A row: its medication id (or -1 for none), start and stop.
        case row = 0
        /// A span of a relevant drug, from a state spilled after it was read.
        case span = 1
        /// A (patient, medication) pair, from a state spilled after it was read.
        case pair = 2
    }

    /// One spilled record, as read back.
    struct Record {
        /// The patient's order: records are read back in this order within a partition.
        let key: Int64
        let kind: Kind
        let value: Int32
        let start: Int32
        let stop: Int32
        let patient: UnsafeRawBufferPointer
    }

    /// key (8), kind (1), patient length (4), value, start, stop (4 each).
    static let headerSize = 25

    let count: Int
    /// The private directory the files were made in (gone already; named in messages).
    let directory: String
    private let writers: [FileDescriptorWriter]
    private var sizes: [Int]
    private let bufferSize: Int
    private let buffers: UnsafeMutableRawPointer
    private var fills: [Int]
    /// The first write that failed; nothing more is written after it.
    private(set) var failure: Error?

    /// `count` files (a power of two) in a new private directory under `parent` (nil: `$TMPDIR` or /tmp).
    init(count: Int, under parent: String?, bufferSize: Int = 32 << 10) throws {
        precondition(count > 0 && count & (count - 1) == 0, "a power of two")
        self.count = count
        self.bufferSize = bufferSize
        let (directory, descriptors) = try Self.openUnlinkedFiles(count: count, under: parent)
        self.directory = directory
        let made = descriptors.map { FileDescriptorWriter(fileDescriptor: $0, destination: Self.destination(directory)) }
        writers = made
        sizes = Array(repeating: 0, count: count)
        fills = Array(repeating: 0, count: count)
        buffers = UnsafeMutableRawPointer.allocate(byteCount: count * bufferSize, alignment: 8)
    }

    deinit {
        for writer in writers { close(writer.fileDescriptor) }
        buffers.deallocate()
    }

    /// Lets `files` go on another thread: the kernel frees a closed file's pages on the thread
    /// that closes it (0.13 s for the partitions of 10 million rows), and the report, which comes
    /// next, keeps only one core busy. The caller must hold no other reference to them.
    static func release(_ files: [PartitionFiles]) {
        let released = Released(files)
        DispatchQueue.global(qos: .utility).async { released.files.removeAll() }
    }

    /// Files on their way to being closed; only the releasing thread touches them.
    private final class Released: @unchecked Sendable {
        var files: [PartitionFiles]
        init(_ files: [PartitionFiles]) { self.files = files }
    }

    /// The partition of a patient id: bits of its hash that ``ByteStringTable`` does not use to
    /// pick a slot, so each partition's own table of patients stays evenly spread.
    @inline(__always)
    func partition(of patient: UnsafeRawBufferPointer) -> Int {
        Int(truncatingIfNeeded: ByteStringTable.hash(patient) >> 40) & (count - 1)
    }

    /// Appends a record to the patient's partition.
    @inline(__always)
    func append(key: Int64, kind: Kind, value: Int32, start: Int32 = 0, stop: Int32 = 0, patient: UnsafeRawBufferPointer) {
        let partition = partition(of: patient)
        let size = Self.headerSize + patient.count
        if fills[partition] + size > bufferSize {
            flush(partition)
            guard size <= bufferSize else {
                // A patient id longer than the buffer: written straight through.
                var header = [UInt8](repeating: 0, count: Self.headerSize)
                header.withUnsafeMutableBytes { Self.store(key, kind, value, start, stop, patient.count, at: $0.baseAddress!) }
                header.withUnsafeBytes { write(partition, $0) }
                write(partition, patient)
                return
            }
        }
        let base = buffers + partition * bufferSize + fills[partition]
        Self.store(key, kind, value, start, stop, patient.count, at: base)
        if patient.count > 0 { (base + Self.headerSize).copyMemory(from: patient.baseAddress!, byteCount: patient.count) }
        fills[partition] += size
    }

    @inline(__always)
    private static func store(_ key: Int64, _ kind: Kind, _ value: Int32, _ start: Int32, _ stop: Int32, _ length: Int,
                              at base: UnsafeMutableRawPointer) {
        base.storeBytes(of: key, as: Int64.self)
        base.storeBytes(of: kind.rawValue, toByteOffset: 8, as: UInt8.self)
        base.storeBytes(of: UInt32(length), toByteOffset: 9, as: UInt32.self)
        base.storeBytes(of: value, toByteOffset: 13, as: Int32.self)
        base.storeBytes(of: start, toByteOffset: 17, as: Int32.self)
        base.storeBytes(of: stop, toByteOffset: 21, as: Int32.self)
    }

    private func flush(_ partition: Int) {
        write(partition, UnsafeRawBufferPointer(start: buffers + partition * bufferSize, count: fills[partition]))
        fills[partition] = 0
    }

    private func write(_ partition: Int, _ bytes: UnsafeRawBufferPointer) {
        guard failure == nil, bytes.count > 0 else { return }
        do {
            try writers[partition].write(bytes)
            sizes[partition] += bytes.count
        } catch TwitchCheckError.outputUnwritable(_, let reason) {
            failure = Self.unwritable(directory, reason)
        } catch {
            failure = error
        }
    }

    /// Writes what is buffered; throws the first write that failed.
    func finishWriting() throws {
        for partition in 0..<count where fills[partition] > 0 { flush(partition) }
        if let failure { throw failure }
    }

    /// Calls `body` with every record of a partition, in the order written (after ``finishWriting()``).
    /// The partition's file is read whole: its share of the spilled rows.
    func forEachRecord(in partition: Int, _ body: (Record) throws -> Void) throws {
        var bytes = [UInt8](repeating: 0, count: sizes[partition])
        try bytes.withUnsafeMutableBytes { try Self.read(writers[partition].fileDescriptor, into: $0, at: 0) }
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let base = buffer.baseAddress! + offset
                let length = Int(base.loadUnaligned(fromByteOffset: 9, as: UInt32.self))
                try body(Record(key: base.loadUnaligned(as: Int64.self),
                                kind: Kind(rawValue: base.load(fromByteOffset: 8, as: UInt8.self)) ?? .row,
                                value: base.loadUnaligned(fromByteOffset: 13, as: Int32.self),
                                start: base.loadUnaligned(fromByteOffset: 17, as: Int32.self),
                                stop: base.loadUnaligned(fromByteOffset: 21, as: Int32.self),
                                patient: UnsafeRawBufferPointer(start: base + Self.headerSize, count: length)))
                offset += Self.headerSize + length
            }
        }
    }

    /// Fills `buffer` from a temporary file at `offset`, retrying after interruptions and short reads.
    static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws {
        var done = 0
        while done < buffer.count {
            let count = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                throw TwitchCheckError.inputUnreadable(path: "a temporary file of batch",
                                                       reason: count < 0 ? String(cString: strerror(errno)) : "it ended early")
            }
            done += count
        }
    }

    // MARK: - The private directory

    /// `$TMPDIR`, or /tmp when it is not set.
    static func defaultParent() -> String {
        if let value = ProcessInfo.processInfo.environment["TMPDIR"], !value.isEmpty { return value }
        return "/tmp"
    }

    /// `count` new files, open for reading and writing, in a new private directory under `parent`
    /// (nil: `$TMPDIR` or /tmp); the files are unlinked and the directory removed before this returns.
    static func openUnlinkedFiles(count: Int, under parent: String?) throws -> (directory: String, descriptors: [Int32]) {
        let directory = try makePrivateDirectory(under: parent ?? defaultParent())
        defer { rmdir(directory) }
        var descriptors: [Int32] = []
        for index in 0..<count {
            let path = "\(directory)/\(index)"
            let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else {
                let reason = String(cString: strerror(errno))
                for made in descriptors { close(made) }
                throw unwritable(directory, reason)
            }
            unlink(path)
            descriptors.append(descriptor)
        }
        return (directory, descriptors)
    }

    /// A new directory only this user can enter (`mkdtemp` makes it 0700).
    static func makePrivateDirectory(under parent: String) throws -> String {
        var template = Array("\(parent)/twitchcheck-batch-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard let made else { throw unwritable(parent, String(cString: strerror(errno))) }
        return String(cString: made)
    }

    static func destination(_ directory: String) -> String {
        "a temporary file in \(directory)"
    }

    static func unwritable(_ directory: String, _ reason: String) -> TwitchCheckError {
        .outputUnwritable(destination: destination(directory),
                          reason: "\(reason) (batch spills rows of large files there; set TMPDIR to a folder on a disk with room)")
    }
}
