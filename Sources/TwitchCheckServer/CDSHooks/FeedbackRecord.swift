import Foundation
import TwitchCheckKit

/// One line of the feedback log: a card's outcome, when it was received and for which service.
struct FeedbackRecord: Encodable {
    let received: String
    let service: String
    let card: String
    let outcome: String
    let overrideReason: CDSFeedback.Item.OverrideReason?
    let outcomeTimestamp: String?

    /// The log lines for a feedback body.
    static func lines(_ feedback: CDSFeedback, service: String, received: Date) throws -> [String] {
        let stamp = ISO8601DateFormatter().string(from: received)
        return try feedback.feedback.map { item in
            try ReportEncoding.jsonLine(FeedbackRecord(received: stamp, service: service, card: item.card, outcome: item.outcome,
                                                       overrideReason: item.overrideReason, outcomeTimestamp: item.outcomeTimestamp))
        }
    }
}
