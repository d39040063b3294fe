import Foundation
import Testing

/// Every command's `--help` teaches: an overview and at least one example.
@Suite struct HelpTests {
    /// Every command path, found by walking the SUBCOMMANDS section of each help page from the root.
    static func commandPaths() throws -> [[String]] {
        var paths: [[String]] = []
        var queue: [[String]] = [[]]
        while let path = queue.first {
            queue.removeFirst()
            paths.append(path)
            let help = try CommandRunner.run(path + ["--help"]).stdout
            guard let section = help.range(of: "SUBCOMMANDS:") else { continue }
            for line in help[section.upperBound...].split(separator: "\n") {
                // A subcommand line starts with two spaces and a lowercase word; wrapped abstracts are indented further.
                guard line.hasPrefix("  "), !line.hasPrefix("   "), let word = line.split(separator: " ").first,
                      word.allSatisfy({ $0.isLowercase || $0 == "-" }), word != "help" else { continue }
                queue.append(path + [String(word)])
            }
        }
        return paths
    }

    @Test func everyCommandHasAnOverviewAndExamples() throws {
        let paths = try Self.commandPaths()
        for name in ["sql", "drug", "effect", "db", "check"] {
            #expect(paths.contains { $0.last == name }, "help does not list \(name)")
        }
        #expect(paths.contains(["db", "info"]) && paths.contains(["db", "check"]))
        for path in paths {
            let result = try CommandRunner.run(path + ["--help"])
            let name = (["twitchcheck"] + path).joined(separator: " ")
            #expect(result.status == 0, "\(name) --help")
            #expect(result.stdout.hasPrefix("OVERVIEW: "), "\(name) has no abstract")
            #expect(result.stdout.contains("Example"), "\(name) --help shows no example")
            #expect(result.stdout.contains("twitchcheck \(path.joined(separator: " "))".trimmingCharacters(in: .whitespaces)),
                    "\(name) --help shows no example of itself")
        }
    }

    @Test func completionScriptsAreGenerated() throws {
        for shell in ["bash", "zsh", "fish"] {
            let result = try CommandRunner.run(["--generate-completion-script", shell])
            #expect(result.status == 0)
            #expect(result.stdout.contains("effect") && result.stdout.contains("drug"), "\(shell) completion lacks commands")
        }
    }
}
