import ArgumentParser
import TwitchCheckKit

/// `--strict` and `--fail-on`, the one exit policy of `check` and `batch`: exit 2 with a message
/// when `--strict` is given and something was not checked; else exit 1 when a finding reached
/// `--fail-on`; else 0.
struct ExitPolicy {
    let strict: Bool
    let failOn: Severity?

    /// Ends the command by that policy, given the highest severity found and, when something was not
    /// checked, the message that says what (nil when everything was checked).
    func finish(highestSeverity: Severity?, notChecked: @autoclosure () -> String?) throws {
        if strict, let message = notChecked() {
            throw CommandFailure(message)
        }
        if let failOn, let highestSeverity, highestSeverity >= failOn {
            throw ExitCode(1)
        }
    }
}
