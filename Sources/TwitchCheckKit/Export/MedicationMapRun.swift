import Foundation

/// `twitchcheck resolve`: reads medication strings and writes the `medication_map` CSV.
///
/// Input is one string per line (a CR before the LF is dropped), or with `csv` the first column
/// of an RFC 4180 file with a header, for strings that hold line breaks. Each distinct string
/// (after trimming) is resolved and written once, in input order. A line that is not valid
/// UTF-8 has no row and is returned as a problem with its `file:line`.
public struct MedicationMapRun {
    private let mapper: MedicationMapper

    /// A longer line is reported and skipped without being held in memory (no name comes near it).
    public static let maxLineBytes = 1 << 20

    public init(resolver: MedicationResolver) {
        mapper = MedicationMapper(resolver: resolver)
    }

    /// Streams the map from `fileDescriptor` to `output`; returns the unreadable lines as `origin:line: why`.
    public func run(input fileDescriptor: Int32, origin: String, csv: Bool, output: OutputSink) throws -> [String] {
        var seen = Set<String>()
        var problems: [String] = []
        try output.write(MedicationMapRow.csvHeader + "\r\n")
        let emit: (String) throws -> Void = { text in
            let name = String(MedicationMapper.trimmed(text))
            guard !name.isEmpty, seen.insert(name).inserted else { return }
            for row in mapper.rows(for: name) { try output.write(row.csvLine) }
        }
        if csv {
            let reader = CSVRecordReader(fileDescriptor: fileDescriptor)
            var isHeader = true
            try reader.forEachRecord({ record in
                defer { isHeader = false }
                guard !isHeader, record.count > 0 else { return }
                guard let text = record.string(0) else {
                    problems.append("\(origin):\(record.line): not valid UTF-8; save the file as UTF-8")
                    return
                }
                try emit(text)
            }, problem: { problems.append("\(origin):\($0.line): \($0.message)") })
        } else {
            try forEachLine(fileDescriptor) { bytes, line in
                guard let bytes else {
                    problems.append("\(origin):\(line): the line is longer than \(Self.maxLineBytes) bytes; it was skipped")
                    return
                }
                var content = bytes
                if content.last == 0x0D { content.removeLast() }
                if line == 1, content.starts(with: [0xEF, 0xBB, 0xBF]) { content.removeFirst(3) }
                guard let text = String(validating: content, as: UTF8.self) else {
                    problems.append("\(origin):\(line): not valid UTF-8; save the file as UTF-8")
                    return
                }
                try emit(text)
            }
        }
        try output.flush()
        return problems
    }

    /// Calls `body` with each line's bytes (without the LF; nil for a line over ``maxLineBytes``)
    /// and its 1-based number.
    private func forEachLine(_ fileDescriptor: Int32, _ body: ([UInt8]?, Int) throws -> Void) throws {
        var pending: [UInt8] = []
        var tooLong = false
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var line = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ExportError.unreadableLines(["read failed: \(String(cString: strerror(errno)))"])
            }
            if count == 0 { break }
            var start = 0
            for index in 0..<count where buffer[index] == 0x0A {
                if !tooLong { pending += buffer[start..<index] }
                line += 1
                try body(tooLong || pending.count > Self.maxLineBytes ? nil : pending, line)
                pending.removeAll(keepingCapacity: true)
                tooLong = false
                start = index + 1
            }
            if !tooLong { pending += buffer[start..<count] }
            if pending.count > Self.maxLineBytes {
                tooLong = true
                pending = []
            }
        }
        if !pending.isEmpty || tooLong {
            line += 1
            try body(tooLong ? nil : pending, line)
        }
    }
}
