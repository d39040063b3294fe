/// A list item the user marked as stopped ("fluoxetine stopped 2026-11-01"): not taken now, so it
/// makes no ongoing-combination finding, but checked against the current drugs for washout intervals.
public struct StoppedMedication: Encodable, Sendable, Equatable {
    /// The name as recognised; its `input` is the whole item as the user gave it.
    public let medication: ResolvedMedication
    /// The stop date, `YYYY-MM-DD`, as written.
    public let stopped: String
    /// Days from the stop date to the day of the check (negative for a stop still to come,
    /// when the drug is still taken and counts as current).
    public let daysSinceStop: Int

    public init(medication: ResolvedMedication, stopped: String, daysSinceStop: Int) {
        self.medication = medication
        self.stopped = stopped
        self.daysSinceStop = daysSinceStop
    }

    enum CodingKeys: String, CodingKey {
        case input, drugs, stopped
        case matchedBy = "matched_by"
        case unmatchedWords = "unmatched_words"
        case daysSinceStop = "days_since_stop"
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(medication.input, forKey: .input)
        try container.encode(medication.drugs, forKey: .drugs)
        try container.encode(medication.matchedBy, forKey: .matchedBy)
        try container.encode(medication.unmatchedWords, forKey: .unmatchedWords)
        try container.encode(stopped, forKey: .stopped)
        try container.encode(daysSinceStop, forKey: .daysSinceStop)
    }
}
