import ArgumentParser
import Foundation
import Hummingbird
import NIOCore
import NIOPosix
import TwitchCheckKit
import TwitchCheckServer

/// `twitchcheck-serve` (run as `twitchcheck serve`): the CDS Hooks service and JSON API.
@main
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "twitchcheck serve",
        abstract: "Serve CDS Hooks (order-select, order-sign) and a JSON API for EHRs, from the local knowledge base.",
        discussion: """
        Endpoints: GET / (a page to check a list by hand), GET /cds-services (discovery), POST /cds-services/{id} (cards), POST /cds-services/{id}/feedback, POST /api/check ({"medications": [...]}, answered in the shape of 'check --format json').

        Listens on loopback unless --host says otherwise. Request bodies over 1 MiB get 413; bad JSON or FHIR gets 400 with a FHIR OperationOutcome. A line per request goes to stderr (method, path, status, time; never the body). Stops cleanly on SIGINT and SIGTERM.

        Examples:
          twitchcheck serve
          twitchcheck serve --port 9000 --feedback-log feedback.jsonl --trust trust.json
        """
    )

    @Option(help: "The address to listen on (loopback by default; 0.0.0.0 for every interface).")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @Option(help: ArgumentHelp("Use this knowledge base file (else $TWITCHCHECK_DB, else the per-user default).", valueName: "path"))
    var db: String?

    @Option(help: ArgumentHelp("Append CDS Hooks feedback (accepted/overridden, with reasons) to this JSON Lines file.", valueName: "path"))
    var feedbackLog: String?

    @Option(help: ArgumentHelp("A JSON file of trusted issuers and their keys ({\"issuers\": [{\"iss\": ..., \"jwks\": {...}}]}); CDS calls then need a valid JWT.", valueName: "path"))
    var trust: String?

    /// Lets SIGINT and SIGTERM reach the graceful shutdown even when the parent ignored them (see ``ShutdownSignals``).
    /// Request handlers run on NIO's event loops (one thread per core) instead of hopping from the
    /// loop that read the request to Swift's global pool and back for every request.
    static func main() async {
        ShutdownSignals.prepare()
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        await main(nil)
    }

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port takes 0 to 65535") }
    }

    func run() async throws {
        var configuration = ServerConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.databasePath = db
        configuration.feedbackLogPath = feedbackLog
        configuration.trustPath = trust
        let state: ServerState
        do {
            state = try await ServerState(configuration: configuration)
        } catch {
            FileHandle.standardError.write(Data("twitchcheck serve: error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let app = buildApplication(
            configuration: configuration, state: state, page: CheckPageRoutes(maxBodyBytes: state.maxBodyBytes),
            onListening: { [host] port in
                Self.log("listening on http://\(host):\(port) (\(state.sourceLabel)); Ctrl-C stops")
            })
        // SIGINT and SIGTERM end runService: it stops accepting, finishes the requests under way, then returns.
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
        Self.log("stopped")
    }

    private static func log(_ message: String) {
        FileHandle.standardError.write(Data("twitchcheck serve: \(message)\n".utf8))
    }
}
