/// One CSV record, as a view into the reader's buffer; valid only while the reader's callback runs.
public struct CSVRecord: ~Copyable {
    let base: UnsafeMutablePointer<UInt8>
    let fields: FieldTable
    /// The line the record starts on (1 is the first line of the input).
    public let line: Int

    /// How many fields the record has.
    public var count: Int { fields.count }

    /// The bytes of a field without its quotes. Doubled quotes are undoubled in place,
    /// once, inside the field's own bytes (the record is never read again).
    @inline(__always)
    public func bytes(_ index: Int) -> UnsafeRawBufferPointer {
        let start = fields.starts[index]
        if fields.flags[index] == 2 {
            var read = start
            var write = start
            let end = fields.ends[index]
            while read < end {
                base[write] = base[read]
                read += base[read] == 0x22 ? 2 : 1
                write += 1
            }
            fields.ends[index] = write
            fields.flags[index] = 1
        }
        return UnsafeRawBufferPointer(start: base + start, count: fields.ends[index] - start)
    }

    /// The field as text, or nil when it is not valid UTF-8.
    public func string(_ index: Int) -> String? {
        String(validating: bytes(index), as: UTF8.self)
    }

    /// Every field as text (invalid UTF-8 replaced), for headers and messages.
    public func strings() -> [String] {
        (0..<count).map { String(decoding: bytes($0), as: UTF8.self) }
    }
}
