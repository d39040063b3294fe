import Foundation
import Testing
@testable import TwitchCheckKit

/// Compressed input is recognised by its first bytes, on a file or a pipe, and CSV text never is.
@Suite struct CompressionFormatTests {
    static let samples: [(bytes: [UInt8], format: CompressionFormat)] = [
        ([0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03], .gzip),
        (Array("BZh91AY&SY".utf8), .bzip2),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00, 0x00, 0x04], .xz),
        ([0x28, 0xB5, 0x2F, 0xFD, 0x24, 0x00], .zstd),
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], .zip),
    ]

    @Test func everyFormatIsRecognisedAndTextIsNot() {
        #expect(Set(Self.samples.map(\.format)) == Set(CompressionFormat.allCases))
        for sample in Self.samples { #expect(CompressionFormat.detect(sample.bytes) == sample.format) }
        for text in ["patient,medication\n", "BZh,drug\n", "PK,drug\n", "(x),y\n", "\u{FEFF}id,meds\n", ""] {
            #expect(CompressionFormat.detect(Array(text.utf8)) == nil, "\(text)")
        }
    }

    @Test func aCompressedPipeIsRefusedBeforeAnyRowIsRead() throws {
        for sample in Self.samples {
            var ends: [Int32] = [0, 0]
            #expect(pipe(&ends) == 0)
            let bytes = sample.bytes + Array(repeating: 0x9C, count: 100) + [0x0A]
            #expect(bytes.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) } == bytes.count)
            close(ends[1])
            defer { close(ends[0]) }
            #expect {
                _ = try BatchCheckerTests.run(descriptor: ends[0], name: "<stdin>", options: BatchOptions())
            } throws: { error in
                "\(error)".contains("this is \(sample.format.rawValue)-compressed; use: \(sample.format.decompressCommand) FILE")
            }
        }
    }
}
