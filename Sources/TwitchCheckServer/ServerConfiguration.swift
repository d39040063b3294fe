/// How `twitchcheck serve` runs: where it listens, which knowledge base it reads, where feedback
/// goes and whom it trusts.
public struct ServerConfiguration: Sendable {
    /// The address to listen on; loopback unless told otherwise.
    public var host = "127.0.0.1"
    public var port = 8080
    /// The knowledge base file; nil for the default (`$TWITCHCHECK_DB`, then the per-user file).
    public var databasePath: String?
    /// Where CDS Hooks feedback is appended as JSON Lines; nil keeps none.
    public var feedbackLogPath: String?
    /// A JSON file naming the CDS clients' issuers and their keys; nil accepts requests without a JWT.
    public var trustPath: String?
    /// The largest request body accepted; larger ones get 413.
    public var maxBodyBytes = 1 << 20

    public init() {}
}
