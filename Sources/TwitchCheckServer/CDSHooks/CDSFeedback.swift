/// The body of `POST /cds-services/{id}/feedback`: what the clinician did with each card.
public struct CDSFeedback: Codable, Sendable {
    /// One card's outcome.
    public struct Item: Codable, Sendable {
        /// An `overrideReason`: the reason chosen and the clinician's comment.
        public struct OverrideReason: Codable, Sendable {
            public let reason: CDSCard.Coding?
            public let userComment: String?
        }

        public let card: String
        /// `accepted` or `overridden`.
        public let outcome: String
        public let overrideReason: OverrideReason?
        public let outcomeTimestamp: String?
    }

    public let feedback: [Item]
}
