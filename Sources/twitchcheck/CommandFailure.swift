/// A command's failure with a message for the user: `TwitchCheck.main` writes
/// `twitchcheck: error: MESSAGE` to stderr and exits 2, as DESIGN.md asks of bad usage and unreadable input.
///
/// Thrown, never exiting from inside `run()`, so that main flushes and checks standard output
/// first and every failure leaves the same way.
struct CommandFailure: Error, CustomStringConvertible {
    let message: String

    init(_ message: String) {
        self.message = message
    }

    var description: String { message }
}
