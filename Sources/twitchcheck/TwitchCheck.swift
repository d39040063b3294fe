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
          twitchcheck export export/ && twitchcheck resolve names.txt > medication_map.csv
          twitchcheck drug sertraline
          twitchcheck effect tremor
          twitchcheck assess sertraline tramadol --sign inducible-clonus
          twitchcheck sql "SELECT * FROM drugs_by_effect WHERE effect = 'tremor'"

        Exit status: 0 the command ran (and, with --fail-on, nothing reached that severity); 1 a finding reached --fail-on; 2 bad usage or unreadable input, with a message on stderr.

        Names that are not recognised are reported as not checked, never as safe. This is not medical advice.
        """,
        version: "0.1.0",
        subcommands: [CheckCommand.self, BatchCommand.self, ResolveCommand.self, ExportCommand.self, AssessCommand.self, SQLCommand.self,
                      DrugCommand.self, EffectCommand.self, DatabaseCommand.self, ServeCommand.self]
    )

    /// Runs a command and exits with DESIGN.md's codes: 0 ok, 1 --fail-on hit, 2 usage or input errors.
    /// Whatever the outcome, standard output is flushed and checked first: a report that could not
    /// be written is exit 2, never 0 or 1.
    static func main() {
        StandardDescriptors.ensureOpen()
        let arguments = Array(CommandLine.arguments.dropFirst())
        // A plain `check` line skips ArgumentParser's start-up (CheckArgumentScanner); every other
        // line, help and errors included, is ArgumentParser's.
        let scanned = CheckArgumentScanner.request(from: arguments)
        if scanned == nil { suggestCheckForBareNames(arguments) }
        do {
            if let scanned {
                let stillOpen = try scanned.run()
                withExtendedLifetime(stillOpen) { finish(0) }
            } else {
                var command = try parseAsRoot(arguments)
                try command.run()
            }
            finish(0)
        } catch let exit as ExitCode {
            finish(exit.rawValue)
        } catch let failure as CommandFailure {
            // Like every exit: the message, then standard output flushed and checked.
            Terminal.writeError("twitchcheck: error: \(failure.message)")
            finish(2)
        } catch {
            if let message = ErrorExplanation.message(for: error) {
                fail(message)
            }
            if exitCode(for: error) == .success {
                // --help, --version: the text goes to standard output.
                do {
                    try StandardOutput.print(fullMessage(for: error))
                } catch {
                    fail(ErrorExplanation.message(for: error) ?? "\(error)")
                }
                finish(0)
            }
            // Argument parsing's own errors are written for users; anything else is not shown as it is.
            let isParserError = String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
            let message = isParserError ? fullMessage(for: error) : ""
            fail(message.isEmpty ? ErrorExplanation.unexpected(error) : message)
        }
    }

    /// `twitchcheck sertraline tramadol` means `twitchcheck check sertraline tramadol`: say so rather
    /// than "unexpected arguments". Only when the first word is no command and no option.
    private static func suggestCheckForBareNames(_ arguments: [String]) {
        guard let first = arguments.first, !first.hasPrefix("-"), first != "help" else { return }
        // Lazily: a command's name costs its whole configuration (help texts included).
        guard !configuration.subcommands.lazy.map({ $0._commandName }).contains(first) else { return }
        let commands = configuration.subcommands.map { $0._commandName } + ["help"]
        let quoted = arguments.map { $0.contains(where: { $0.isWhitespace || "'\"$`\\".contains($0) })
            ? "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" : $0 }
        fail("'\(first)' is not a twitchcheck command (\(commands.dropLast().joined(separator: ", "))); "
            + "to check these medications, run: twitchcheck check \(quoted.joined(separator: " "))")
    }

    /// Exits with `status` once whatever went through the C library's buffer is written.
    private static func finish(_ status: Int32) -> Never {
        do {
            try StandardOutput.flushLibraryBuffer()
        } catch {
            fail(ErrorExplanation.message(for: error) ?? "\(error)")
        }
        Foundation.exit(status)
    }

    /// Prints an error in one consistent form and exits 2; no other failure is allowed to look like exit 1.
    private static func fail(_ message: String) -> Never {
        let text = message.hasPrefix("Error:") ? String(message.dropFirst(6)).trimmingCharacters(in: .whitespaces) : message
        Terminal.writeError("twitchcheck: error: \(text)")
        Foundation.exit(2)
    }
}
