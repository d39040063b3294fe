import TwitchCheckKit

/// What every request handler shares: the read-only checker and the optional feedback log and trust.
public struct ServerState: Sendable {
    public let checker: MedicationChecker
    public let hooks: CDSHookService
    public let feedbackLog: FeedbackLog?
    public let trust: TrustVerifier?
    /// The knowledge base version cards name in `source.label`.
    public let sourceLabel: String
    public let maxBodyBytes: Int

    /// Opens the knowledge base read-only, holding what checks read besides names in memory (so a
    /// request asks SQLite nothing once its names have been seen), and the feedback log and trust
    /// file, when configured.
    public init(configuration: ServerConfiguration, fetcher: FHIRFetcher = FHIRFetcher()) async throws {
        let knowledgeBase = try DatabaseLocator(option: configuration.databasePath).open(holdingInMemory: true)
        checker = try MedicationChecker(knowledgeBase: knowledgeBase)
        let digest = try knowledgeBase.buildInfo("seed_digest").map { String($0.prefix(12)) } ?? "unknown"
        sourceLabel = "twitchcheck knowledge base \(digest)"
        hooks = try CDSHookService(checker: checker, sourceLabel: sourceLabel, fetcher: fetcher)
        feedbackLog = try configuration.feedbackLogPath.map(FeedbackLog.init(path:))
        if let trustPath = configuration.trustPath {
            trust = try await TrustVerifier(path: trustPath)
        } else {
            trust = nil
        }
        maxBodyBytes = configuration.maxBodyBytes
    }
}
