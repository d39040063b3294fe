import Foundation
import TestScratch

/// Runs the built `twitchcheck` binary as a user would, with a private data directory.
struct CommandRunner {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// A data directory shared by the tests of one process, so the default database is built once.
    static let dataHome: String = {
        let url = TestScratch.root.appending(path: "twitchcheck-cli-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }()

    /// A command that exits before reading all its input must not kill the test process with SIGPIPE.
    private static let ignoresBrokenPipe: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// The `twitchcheck` executable beside the test bundle.
    static var executable: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appending(path: "twitchcheck")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL.appending(path: "twitchcheck")
    }

    /// A run that outlived its timeout and was killed.
    struct TimedOut: Error, CustomStringConvertible {
        let arguments: [String]
        let seconds: Double
        var description: String { "twitchcheck \(arguments.joined(separator: " ").prefix(200)) did not finish within \(seconds) s; it was killed" }
    }

    /// Runs `twitchcheck ARGUMENTS`, feeding `input` on standard input. With `timeout`, a run
    /// that takes longer is killed and the call throws ``TimedOut``, so a hang fails the test.
    ///
    /// With `redirections` (shell syntax such as `> /dev/full` or `2>&-`), the binary is started
    /// through `/bin/sh -c 'exec twitchcheck ARGUMENTS REDIRECTIONS'`, so it can be given a full or
    /// closed standard descriptor; whatever the redirections leave on the pipes is still read.
    ///
    /// With `launcher` (a command and its arguments, such as GNU time), the binary is started as
    /// `LAUNCHER twitchcheck ARGUMENTS`.
    static func run(_ arguments: [String], input: String? = nil, environment extra: [String: String] = [:],
                    timeout: Double? = nil, redirections: String? = nil, launcher: [String] = []) throws -> Result {
        _ = ignoresBrokenPipe
        let process = Process()
        if let command = launcher.first {
            process.executableURL = URL(fileURLWithPath: command)
            process.arguments = Array(launcher.dropFirst()) + [executable.path] + arguments
        } else if let redirections {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "exec \"$0\" \"$@\" \(redirections)", executable.path] + arguments
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_DATA_HOME"] = dataHome
        environment["TWITCHCHECK_DB"] = nil
        environment["NO_COLOR"] = nil
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let stdout = Pipe(), stderr = Pipe(), stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin
        try process.run()
        let killed = Flag()
        if let timeout {
            let pid = process.processIdentifier
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { [process] in
                if process.isRunning {
                    killed.set()
                    kill(pid, SIGKILL)
                }
            }
        }
        // Write standard input on its own thread: a large input must not wait for a reader of the output.
        let inputWriter = Thread {
            if let input { try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8)) }
            try? stdin.fileHandleForWriting.close()
        }
        inputWriter.start()
        // Read both pipes while the process runs, so a large output cannot fill a pipe and stall it.
        let errorData = DataBox()
        let errorReader = Thread { errorData.data = stderr.fileHandleForReading.readDataToEndOfFile() }
        errorReader.start()
        let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorReader.isFinished || !inputWriter.isFinished { usleep(1000) }
        if killed.isSet, let timeout { throw TimedOut(arguments: arguments, seconds: timeout) }
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outputData, as: UTF8.self),
                      stderr: String(decoding: errorData.data, as: UTF8.self))
    }
}

/// Holds what the standard-error reader thread read.
private final class DataBox: @unchecked Sendable {
    var data = Data()
}

/// A flag set from the timeout's queue and read by the test.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
