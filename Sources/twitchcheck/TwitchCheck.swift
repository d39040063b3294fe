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
          twitchcheck batch medications.csv > findings.csv
          twitchcheck drug sertraline
          twitchcheck effect tremor
          twitchcheck assess sertraline tramadol --sign inducible-clonus
          twitchcheck sql "SELECT * FROM drugs_by_effect WHERE effect = 'tremor'"

        Exit status: 0 the command ran (and, with --fail-on, nothing reached that severity); 1 a finding reached --fail-on; 2 bad usage or unreadable input, with a message on stderr.

        Names that are not recognised are reported as not checked, never as safe. This is not medical advice.
        """,
        version: "0.1.0",
        subcommands: [CheckCommand.self, BatchCommand.self, AssessCommand.self, SQLCommand.self, DrugCommand.self, EffectCommand.self, DatabaseCommand.self, ServeCommand.self]
    )

    /// Runs a command and exits with DESIGN.md's codes: 0 ok, 1 --fail-on hit, 2 usage or input errors.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch let error as TwitchCheckError {
            fail("\(error)")
        } catch {
            if exitCode(for: error) == .success {
                // --help, --version: the text goes to standard output.
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            let message = fullMessage(for: error)
            fail(message.isEmpty ? "\(error)" : message)
        }
    }

    /// Prints an error in one consistent form and exits 2; no other failure is allowed to look like exit 1.
    private static func fail(_ message: String) -> Never {
        let text = message.hasPrefix("Error:") ? String(message.dropFirst(6)).trimmingCharacters(in: .whitespaces) : message
        FileHandle.standardError.write(Data("twitchcheck: error: \(text)\n".utf8))
        Foundation.exit(2)
    }
}
