import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization
import Testing

/// The real `twitchcheck-serve` executable, started on a free port and stopped with a signal.
@Suite struct ShutdownTests {
    /// SIGINT and SIGTERM each stop a serving server promptly, with exit status 0 and a last log line.
    @Test(arguments: [SIGTERM, SIGINT])
    func aSignalStopsTheServerCleanly(signal: Int32) async throws {
        let server = try RunningServer()
        defer { server.kill() }
        let port = try await server.waitForPort()
        let (_, response) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/cds-services")!)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)

        kill(server.process.processIdentifier, signal)
        let stoppedIn = try await server.waitForExit(seconds: 10)
        #expect(server.process.terminationReason == .exit)
        #expect(server.process.terminationStatus == 0)
        #expect(stoppedIn < .seconds(5), "stopping took \(stoppedIn)")
        #expect(server.log.split(separator: "\n").last == "twitchcheck serve: stopped")
    }
}

/// `twitchcheck-serve --port 0` over the test knowledge base, its standard error collected.
private final class RunningServer: Sendable {
    let process = Process()
    private let stderr = Collected()

    /// Standard error as it arrives.
    private final class Collected: Sendable {
        let text = Mutex("")
    }

    struct NotListening: Error, CustomStringConvertible {
        let log: String
        var description: String { "the server did not say where it listens:\n\(log)" }
    }

    init() throws {
        process.executableURL = Self.executable
        process.arguments = ["--port", "0", "--db", ServerFixture.databasePath]
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = FileHandle.nullDevice
        pipe.fileHandleForReading.readabilityHandler = { [stderr] handle in
            let data = handle.availableData
            stderr.text.withLock { $0 += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
    }

    var log: String { stderr.text.withLock { $0 } }

    /// The port from the "listening on http://127.0.0.1:PORT" line.
    func waitForPort() async throws -> Int {
        for _ in 0..<600 {
            if let line = log.split(separator: "\n").first(where: { $0.contains("listening on http://") }),
               let address = line.split(separator: " ").first(where: { $0.hasPrefix("http://") }),
               let port = address.split(separator: ":").last.flatMap({ Int($0) }) {
                return port
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw NotListening(log: log)
    }

    /// Waits for the process to end; how long it took.
    func waitForExit(seconds: Int) async throws -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        while process.isRunning, clock.now - start < .seconds(seconds) {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(!process.isRunning, "the server still runs \(seconds) s after the signal")
        try await Task.sleep(for: .milliseconds(100))  // the last bytes of standard error
        return clock.now - start
    }

    func kill() {
        if process.isRunning { process.terminate() }
    }

    /// `twitchcheck-serve`, built beside the test binary (`swift test` builds every product).
    private static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            .appending(path: "twitchcheck-serve")
    }
}
