/// The outcome of the Hunter criteria for one patient: met or not, the rule that fired, and why.
public struct HunterResult: Codable, Sendable, Equatable {
    /// Whether serotonin toxicity is present by the criteria (exposure and a rule that fired).
    public let met: Bool
    /// The first rule that fired; nil when the criteria are not met.
    public let rule: HunterRule?
    /// One or two sentences: what fired, or what was missing.
    public let explanation: String

    public init(met: Bool, rule: HunterRule?, explanation: String) {
        self.met = met
        self.rule = rule
        self.explanation = explanation
    }

    enum CodingKeys: String, CodingKey {
        case met, rule, explanation, criterion, source
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        met = try container.decode(Bool.self, forKey: .met)
        rule = try container.decodeIfPresent(HunterRule.self, forKey: .rule)
        explanation = try container.decode(String.self, forKey: .explanation)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(met, forKey: .met)
        try container.encode(rule, forKey: .rule)  // null when not met
        try container.encode(explanation, forKey: .explanation)
        try container.encode(rule?.statement, forKey: .criterion)
        try container.encode(HunterCriteria.sourceID, forKey: .source)
    }
}
