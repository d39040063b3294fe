import Foundation

/// Ends a command with a message on stderr and exit status 2, as DESIGN.md asks of bad usage and unreadable input.
///
/// Library errors other than `TwitchCheckError` would otherwise leave with status 1, which
/// scripts read as "a finding was made".
enum CommandFailure {
    /// Writes `twitchcheck: error: MESSAGE` to stderr and exits 2.
    static func exit(_ message: String) -> Never {
        Terminal.writeError("twitchcheck: error: \(message)")
        Foundation.exit(2)
    }
}
