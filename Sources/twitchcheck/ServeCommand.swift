import ArgumentParser
import Foundation

/// `twitchcheck serve`: hands over to the `twitchcheck-serve` executable beside this one (as git
/// does with its external commands), so that building `twitchcheck` never compiles the server.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve CDS Hooks and a JSON API for EHRs (runs twitchcheck-serve).",
        discussion: """
        Options: --host ADDRESS (127.0.0.1), --port N (8080), --db PATH, --feedback-log PATH, --trust PATH. 'twitchcheck serve --help' lists them in full.

        The server is a separate executable, twitchcheck-serve, found beside twitchcheck. Build it with 'swift build --product twitchcheck-serve' (add '-c release' for speed).
        """
    )

    @Argument(parsing: .captureForPassthrough, help: ArgumentHelp("Options for twitchcheck-serve.", valueName: "option"))
    var options: [String] = []

    /// The name of the server executable looked for beside `twitchcheck`.
    static let serverName = "twitchcheck-serve"

    func run() throws {
        let directory = URL(fileURLWithPath: Self.ownPath()).deletingLastPathComponent()
        let server = directory.appending(path: Self.serverName).path
        guard access(server, X_OK) == 0 else {
            throw CommandFailure("""
                \(server) is missing: 'twitchcheck serve' runs the server executable beside twitchcheck. \
                Build it with 'swift build --product twitchcheck-serve' (or 'swift build -c release --product twitchcheck-serve'), \
                in the same configuration as this twitchcheck
                """)
        }
        let arguments = [server] + options
        let argv = arguments.map { strdup($0) } + [nil]
        execv(server, argv)
        throw CommandFailure("cannot run \(server): \(String(cString: strerror(errno)))")
    }

    /// This executable's own path (Linux's /proc/self/exe, else argv[0]).
    private static func ownPath() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if count > 0 { return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        return CommandLine.arguments[0]
    }
}
