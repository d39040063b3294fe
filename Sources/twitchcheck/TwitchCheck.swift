import ArgumentParser
import Foundation
import TwitchCheckKit

/// The `twitchcheck` command: flags twitching, tremor, serotonin-syndrome and tardive-dyskinesia risks.
@main
struct TwitchCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "twitchcheck",
        abstract: "Flag twitching, tremor, serotonin-syndrome and tardive-dyskinesia risks in a medication list.",
        discussion: """
        Examples:
          twitchcheck check sertraline tramadol
          twitchcheck check "Zoloft 50mg" "Ventolin inhaler" --format json
          twitchcheck check --file meds.txt --fail-on major
          twitchcheck sql "SELECT drug, severity FROM drugs_by_effect WHERE effect = 'tremor'"

        Exit status: 0 ran (and, with --fail-on, nothing at that severity); 1 a finding at
        or above --fail-on; 2 bad usage or unreadable input.

        This is not medical advice.
        """,
        version: "0.1.0",
        subcommands: [CheckCommand.self, SQLCommand.self, DatabaseCommand.self]
    )

    /// Runs a command and exits with DESIGN.md's codes: 0 ok, 1 --fail-on hit, 2 usage or input errors.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as TwitchCheckError {
            FileHandle.standardError.write(Data("twitchcheck: error: \(error)\n".utf8))
            Foundation.exit(2)
        } catch {
            let code = exitCode(for: error)
            if code == .success || code == ExitCode(1) {
                let message = fullMessage(for: error)
                if !message.isEmpty { print(message) }
                Foundation.exit(code.rawValue)
            }
            let message = fullMessage(for: error)
            FileHandle.standardError.write(Data((message.hasPrefix("Error:") ? message : "twitchcheck: error: \(message)").utf8 + [10]))
            Foundation.exit(2)
        }
    }
}
