// libFuzzer target: CSVRecordReader over arbitrary bytes, through a pipe, with tiny buffers.
//
// Built by Fuzz/run.sh together with the reader's own source files (no package, no GRDB).
// Invariants checked on every input:
//   - no crash, no hang, no out-of-bounds access (AddressSanitizer);
//   - every record and problem has a line >= 1, lines never go backwards, and no line is past
//     the number of line breaks in the input;
//   - every record has at least one field, and every field's bytes lie inside the input's size;
//   - for an input shorter than the record limit, the records and problems are the same whatever
//     the chunk size (1, 7, 32 or 4096 bytes): chunk boundaries never change what is read.
import Foundation

/// One event the reader reported, for comparing runs.
private enum Event: Equatable {
    case record(line: Int, fields: [[UInt8]])
    case problem(line: Int, message: String)
}

private let maxRecordBytes = 64

/// Runs the reader over `data` through a pipe and returns what it reported.
private func read(_ data: UnsafeRawBufferPointer, chunkSize: Int) -> [Event] {
    var descriptors: [Int32] = [0, 0]
    guard pipe(&descriptors) == 0 else { fatalError("pipe: \(errno)") }
    defer { close(descriptors[0]) }
    // The input is at most 60,000 bytes, well under a pipe's 64 KiB, so one write never blocks.
    var written = 0
    while written < data.count {
        let count = write(descriptors[1], data.baseAddress! + written, data.count - written)
        if count < 0 { if errno == EINTR { continue }; fatalError("write: \(errno)") }
        written += count
    }
    close(descriptors[1])

    let reader = CSVRecordReader(fileDescriptor: descriptors[0], maxRecordBytes: maxRecordBytes, chunkSize: chunkSize)
    var events: [Event] = []
    do {
        try reader.forEachRecord({ record in
            precondition(record.count >= 1, "a record with no fields")
            var fields: [[UInt8]] = []
            for index in 0..<record.count {
                let bytes = record.bytes(index)
                precondition(bytes.count >= 0 && bytes.count <= data.count, "a field larger than the input")
                fields.append(Array(bytes))
                _ = record.string(index)
            }
            _ = record.strings()
            events.append(.record(line: record.line, fields: fields))
        }, problem: { problem in
            events.append(.problem(line: problem.line, message: problem.message))
        })
    } catch {
        fatalError("the reader threw on a pipe: \(error)")
    }
    precondition(reader.bytesRead == data.count, "read \(reader.bytesRead) of \(data.count) bytes")
    return events
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let start, count <= 60_000 else { return 0 }
    let data = UnsafeRawBufferPointer(start: start, count: count)
    var lineBreaks = 0
    for byte in data where byte == 0x0A || byte == 0x0D { lineBreaks += 1 }

    let events = read(data, chunkSize: 32)
    var previous = 1
    for event in events {
        let line: Int
        switch event {
        case .record(let l, _), .problem(let l, _): line = l
        }
        precondition(line >= 1, "line \(line) < 1")
        precondition(line >= previous, "line \(line) after line \(previous)")
        precondition(line <= lineBreaks + 1, "line \(line) past the \(lineBreaks) line breaks")
        previous = line
    }
    if count < maxRecordBytes {
        for chunkSize in [1, 7, 4096] {
            let other = read(data, chunkSize: chunkSize)
            precondition(other == events, "chunk size \(chunkSize) read \(other), chunk size 32 read \(events)")
        }
    }
    return 0
}
