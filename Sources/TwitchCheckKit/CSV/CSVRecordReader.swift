import Foundation

/// Streams RFC 4180 records from a file descriptor through a fixed-size buffer.
///
/// Quoted fields, doubled quotes, newlines inside quotes, CRLF and a UTF-8 byte-order mark
/// are handled. Memory stays flat: the buffer holds the current chunk and never more than
/// one record beyond it, up to `maxRecordBytes`. A record that is longer than that, or a
/// quote that is never closed, is reported as a ``CSVProblem`` with its line, and reading
/// resumes on the next line, so one bad row loses only itself.
public final class CSVRecordReader {
    private let fileDescriptor: Int32
    /// With a byte range, the reader uses pread(2) from `offset` up to `limit`; without, read(2) to the end.
    private var offset: Int?
    private var limit: Int?
    private let maxRecordBytes: Int
    private let chunkSize: Int
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var start = 0
    private var end = 0
    private var atEndOfInput = false
    private var line = 1
    private let fields: FieldTable
    /// Bytes read from the input so far, for a progress display.
    public private(set) var bytesRead = 0
    /// False when a byte range ended inside a quoted field: the range did not end on a record boundary.
    public private(set) var endedOnRecordBoundary = true
    /// The line the next record starts on.
    public var currentLine: Int { line }
    /// The absolute offset of the next unread record, for a reader over a range.
    public var nextRecordOffset: Int { (offset ?? bytesRead) - (end - start) }

    /// Reads from an open descriptor (a file or standard input); the caller closes it.
    /// With `range`, reads only those bytes of a file, numbering lines from `firstLine`.
    public init(fileDescriptor: Int32, range: Range<Int>? = nil, firstLine: Int = 1,
                maxRecordBytes: Int = 1 << 20, chunkSize: Int = 1 << 20) {
        self.fileDescriptor = fileDescriptor
        offset = range?.lowerBound
        limit = range?.upperBound
        line = firstLine
        self.maxRecordBytes = maxRecordBytes
        self.chunkSize = chunkSize
        capacity = chunkSize + maxRecordBytes
        buffer = .allocate(capacity: capacity)
        fields = FieldTable()
    }

    deinit {
        buffer.deallocate()
    }

    /// The size of the file behind the descriptor (for a range reader), or Int.max.
    private var fileSize: Int {
        var status = stat()
        return fstat(fileDescriptor, &status) == 0 ? Int(status.st_size) : Int.max
    }

    private enum Outcome {
        case complete(next: Int, newlines: Int)
        case incomplete(inQuotes: Bool)
        case malformed(message: String)
    }

    /// Lets a reader over a range go on to `newLimit`, after its range turned out not to end on a record boundary.
    public func extend(to newLimit: Int) {
        limit = newLimit
        atEndOfInput = false
        endedOnRecordBoundary = true
    }

    /// Calls `body` with every record in order, and `problem` for every record that cannot be read.
    /// Blank lines are skipped. The record is valid only during the call.
    public func forEachRecord(_ body: (borrowing CSVRecord) throws -> Void, problem: (CSVProblem) -> Void) throws {
        try forEachRecord(while: { record in try body(record); return true }, problem: problem)
    }

    /// As ``forEachRecord(_:problem:)``, stopping when `body` returns false.
    public func forEachRecord(while body: (borrowing CSVRecord) throws -> Bool, problem: (CSVProblem) -> Void) throws {
        if bytesRead == 0 {
            // A byte-order mark is dropped wherever the input starts: a file read whole, a range
            // from offset 0, or standard input (which may deliver fewer than three bytes at first).
            let atInputStart = (offset ?? 0) == 0
            repeat { try fill() } while end - start < 3 && !atEndOfInput
            if atInputStart, end - start >= 3,
               buffer[start] == 0xEF, buffer[start + 1] == 0xBB, buffer[start + 2] == 0xBF {
                start += 3
            }
        }
        while true {
            if start == end {
                if atEndOfInput { return }
                try fill()
                continue
            }
            switch parse(from: start) {
            case .complete(let next, let newlines) where next - start > maxRecordBytes:
                problem(CSVProblem(line: line, message: "the row is longer than \(maxRecordBytes) bytes; it was skipped"))
                line += newlines
                start = next
            case .complete(let next, let newlines):
                let keepGoing: Bool
                if !(fields.count == 1 && fields.ends[0] == fields.starts[0] && fields.flags[0] == 0) {
                    keepGoing = try body(CSVRecord(base: buffer, fields: fields, line: line))
                } else {
                    keepGoing = true
                }
                line += newlines
                start = next
                if !keepGoing { return }
            case .malformed(let message):
                problem(CSVProblem(line: line, message: message))
                try skipLine()
            case .incomplete(let inQuotes):
                if atEndOfInput, inQuotes, let limit, limit < fileSize {
                    // A range that ends inside a quoted field: the caller reads on past it.
                    endedOnRecordBoundary = false
                    return
                }
                if atEndOfInput {
                    problem(CSVProblem(line: line, message: "a quoted field is never closed; the row was skipped"))
                    try skipLine()
                } else if end - start >= maxRecordBytes {
                    problem(CSVProblem(line: line, message: inQuotes
                        ? "a quoted field runs past \(maxRecordBytes) bytes (an unclosed quote?); the row was skipped"
                        : "the row is longer than \(maxRecordBytes) bytes; it was skipped"))
                    try skipLine()
                } else {
                    try fill()
                }
            }
        }
    }

    /// Drops the current record's first physical line and resumes after it.
    private func skipLine() throws {
        while true {
            if let newline = memchr(buffer + start, 0x0A, end - start) {
                start = buffer.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
                line += 1
                return
            }
            start = end
            if atEndOfInput { return }
            try fill()
        }
    }

    /// Moves the unconsumed bytes to the front and reads another chunk after them.
    private func fill() throws {
        if start > 0 {
            let remaining = end - start
            if remaining > 0 { memmove(buffer, buffer + start, remaining) }
            start = 0
            end = remaining
        }
        let room = min(chunkSize, capacity - end)
        guard room > 0, !atEndOfInput else { return }
        var count: Int
        if let position = offset, let limit {
            let wanted = min(room, limit - position)
            repeat {
                count = wanted > 0 ? pread(fileDescriptor, buffer + end, wanted, off_t(position)) : 0
            } while count < 0 && errno == EINTR
            if count > 0 { offset = position + count }
        } else {
            repeat {
                count = read(fileDescriptor, buffer + end, room)
            } while count < 0 && errno == EINTR
        }
        if count < 0 {
            throw TwitchCheckError.inputUnreadable(path: "input", reason: String(cString: strerror(errno)))
        }
        if count == 0 { atEndOfInput = true }
        end += count
        bytesRead += count
    }

    // MARK: - Parsing one record

    private static let quote: UInt8 = 0x22
    private static let comma: UInt8 = 0x2C
    private static let newline: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D
    private static let commas: UInt64 = 0x2C2C_2C2C_2C2C_2C2C
    private static let newlines: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
    private static let returns: UInt64 = 0x0D0D_0D0D_0D0D_0D0D

    /// The high bit of each byte of `word` that may equal the byte repeated in `pattern`: the
    /// lowest one set is always a true match (a false one can only follow a true one, by the borrow).
    @inline(__always)
    private static func matches(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
        let x = word ^ pattern
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
    }

    /// Splits the record that starts at `position` into fields, or says why it cannot yet.
    private func parse(from position: Int) -> Outcome {
        let bytes = buffer
        let limit = end
        var index = position
        var newlines = 0
        // A local reference: calls through it need no retain and release per field.
        let fields = self.fields
        fields.count = 0
        while true {
            if index < limit, bytes[index] == Self.quote {
                index += 1
                let contentStart = index
                var escaped = false
                while true {
                    if index >= limit { return .incomplete(inQuotes: true) }
                    let byte = bytes[index]
                    if byte == Self.quote {
                        if index + 1 >= limit, !atEndOfInput { return .incomplete(inQuotes: true) }
                        if index + 1 < limit, bytes[index + 1] == Self.quote {
                            escaped = true
                            index += 2
                            continue
                        }
                        break
                    }
                    if byte == Self.newline { newlines += 1 }
                    index += 1
                }
                fields.append(start: contentStart, end: index, flag: escaped ? 2 : 1)
                index += 1
            } else {
                let fieldStart = index
                // Eight bytes at a time: the SWAR "has zero byte" test on the word XORed with each
                // delimiter; the lowest flagged byte of the three is the first comma or line end.
                var found = false
                while index + 8 <= limit {
                    let word = UInt64(littleEndian: UnsafeRawPointer(bytes + index).loadUnaligned(as: UInt64.self))
                    let flagged = Self.matches(word, Self.commas) | Self.matches(word, Self.newlines) | Self.matches(word, Self.returns)
                    if flagged != 0 {
                        index += flagged.trailingZeroBitCount >> 3
                        found = true
                        break
                    }
                    index += 8
                }
                while !found, index < limit {
                    let byte = bytes[index]
                    if byte == Self.comma || byte == Self.newline || byte == Self.carriageReturn { break }
                    index += 1
                }
                if index >= limit, !atEndOfInput { return .incomplete(inQuotes: false) }
                fields.append(start: fieldStart, end: index, flag: 0)
            }
            // After a field: the end of the input, a comma, a line end, or (after a quote) a mistake.
            if index >= limit {
                return atEndOfInput ? .complete(next: index, newlines: newlines) : .incomplete(inQuotes: false)
            }
            switch bytes[index] {
            case Self.comma:
                index += 1
                if index >= limit {
                    guard atEndOfInput else { return .incomplete(inQuotes: false) }
                    fields.append(start: index, end: index, flag: 0)
                    return .complete(next: index, newlines: newlines)
                }
            case Self.newline:
                return .complete(next: index + 1, newlines: newlines + 1)
            case Self.carriageReturn:
                if index + 1 >= limit, !atEndOfInput { return .incomplete(inQuotes: false) }
                let next = index + 1 < limit && bytes[index + 1] == Self.newline ? index + 2 : index + 1
                return .complete(next: next, newlines: newlines + 1)
            default:
                return .malformed(message: "text follows a closing quote in field \(fields.count); quote the whole field and double any quote inside it")
            }
        }
    }
}
