import Foundation
import TwitchCheckKit

/// The one way commands print: straight to descriptor 1, every write checked, so a full disk
/// or a closed standard output ends the command with exit 2 and "cannot write to standard output".
enum StandardOutput {
    /// Writes `text` and a newline.
    static func print(_ text: String) throws {
        try write(text + "\n")
    }

    /// Writes `text` as it is.
    static func write(_ text: String) throws {
        try FileDescriptorWriter.standardOutput.write(text)
    }

    /// Flushes what anything may have printed through the C library's buffer, and reports its failure.
    static func flushLibraryBuffer() throws {
        errno = 0
        // fflush(NULL) flushes every stream, `stdout` (where Swift's `print` writes) among them.
        if fflush(nil) != 0 {
            let reason = errno == 0 ? "the output could not be written" : String(cString: strerror(errno))
            throw TwitchCheckError.outputUnwritable(destination: "standard output", reason: reason)
        }
    }
}
