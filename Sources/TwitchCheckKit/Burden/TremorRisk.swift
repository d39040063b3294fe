/// A drug's own tremor risk at its worst: the most severe statement and the highest stated frequency.
public struct TremorRisk: Sendable, Equatable {
    public let severity: Severity
    public let frequency: Frequency

    public init(severity: Severity, frequency: Frequency) {
        self.severity = severity
        self.frequency = frequency
    }

    /// Each drug's tremor risk at its worst, for the drugs some statement gives one: the strongest
    /// statement's severity (``StatementStrength``) and the highest stated frequency. Statements
    /// about other effects are passed over.
    public static func risks(from statements: [DrugEffect]) -> [String: TremorRisk] {
        Dictionary(grouping: statements.filter { $0.effect == .tremor }, by: \.drugID).compactMapValues { group in
            guard let strongest = StatementStrength.strongest(group, by: \.strength),
                  let frequency = group.map(\.frequency).max() else { return nil }
            return TremorRisk(severity: strongest.severity, frequency: frequency)
        }
    }
}
