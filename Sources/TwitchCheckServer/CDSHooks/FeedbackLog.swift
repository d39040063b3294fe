import Foundation

/// Appends CDS Hooks feedback to a JSON Lines file: one line per card outcome, the data an
/// alert-fatigue review needs (which cards were overridden, and why).
public actor FeedbackLog {
    private let path: String
    private let descriptor: Int32

    /// Opens (or creates, mode 0600) the log for appending.
    public init(path: String) throws {
        self.path = path
        descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey:
                "cannot open the feedback log \(path): \(String(cString: strerror(errno))); choose a writable --feedback-log path"])
        }
    }

    deinit { close(descriptor) }

    /// Appends the lines in one write, so concurrent requests never interleave within a line.
    public func append(_ lines: [String]) throws {
        let bytes = Array(lines.map { $0 + "\n" }.joined().utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress!, $0.count) }
        guard written == bytes.count else {
            throw ServerError(.internalServerError, code: "exception",
                              "could not write the feedback log \(path): \(written < 0 ? String(cString: strerror(errno)) : "short write")")
        }
    }
}
