/// The code systems twitchcheck writes codes in.
public enum FHIRCodeSystem {
    /// HL7 v3 ActCode: `DRG` (drug interaction alert) marks a combination finding.
    public static let actCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
    /// twitchcheck's effect ids (DESIGN.md's vocabulary: `serotonin_syndrome`, `tremor`, ...).
    public static let effect = "urn:twitchcheck:effect"
    /// twitchcheck's finding kinds (`drug`, `combination`) and `not-checked`.
    public static let findingKind = "urn:twitchcheck:finding-kind"
    /// Ids of the knowledge base's `sources` table.
    public static let source = "urn:twitchcheck:source"
    /// Ids of the knowledge base's `interaction_rules` table.
    public static let rule = "urn:twitchcheck:rule"
}
