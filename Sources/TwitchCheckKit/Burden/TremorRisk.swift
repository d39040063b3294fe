/// A drug's own tremor risk at its worst: the most severe statement and the highest stated frequency.
public struct TremorRisk: Sendable, Equatable {
    public let severity: Severity
    public let frequency: Frequency

    public init(severity: Severity, frequency: Frequency) {
        self.severity = severity
        self.frequency = frequency
    }
}
