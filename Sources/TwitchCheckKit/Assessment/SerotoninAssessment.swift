/// The result of `assess`: the Hunter criteria for the signs given, with the list's own check.
///
/// Encodes as one JSON object: `hunter`, `serotonergic_drugs`, `signs`, `temperature_c`,
/// `caveat`, and every field of the list's ``CheckReport`` (`medications`, `findings`, `burden`...).
public struct SerotoninAssessment: Encodable, Sendable, Equatable {
    /// The Hunter criteria's outcome.
    public let hunter: HunterResult
    /// The serotonergic drugs in the list (class `serotonergic` or `weakly_serotonergic`), sorted.
    public let serotonergicDrugs: [String]
    /// The signs given, in the criteria's order.
    public let signs: [HunterSign]
    /// The temperature given, in °C.
    public let temperatureCelsius: Double?
    /// The list's findings, guidance and burden, exactly as `check` reports them.
    public let check: CheckReport

    public init(hunter: HunterResult, serotonergicDrugs: [String], signs: [HunterSign],
                temperatureCelsius: Double?, check: CheckReport) {
        self.hunter = hunter
        self.serotonergicDrugs = serotonergicDrugs
        self.signs = signs
        self.temperatureCelsius = temperatureCelsius
        self.check = check
    }

    enum CodingKeys: String, CodingKey {
        case hunter, signs, caveat
        case serotonergicDrugs = "serotonergic_drugs"
        case temperatureCelsius = "temperature_c"
    }

    public func encode(to encoder: Encoder) throws {
        try check.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(hunter, forKey: .hunter)
        try container.encode(serotonergicDrugs, forKey: .serotonergicDrugs)
        try container.encode(signs, forKey: .signs)
        try container.encode(temperatureCelsius, forKey: .temperatureCelsius)  // null when not given
        try container.encode(HunterCriteria.caveat, forKey: .caveat)
    }
}
