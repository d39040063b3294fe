// FHIR R4 datatypes, only the elements twitchcheck writes; absent optionals are left out of the JSON.

/// A FHIR `Coding`: a code in a code system.
public struct FHIRCoding: Codable, Sendable, Equatable {
    public var system: String?
    public var code: String?
    public var display: String?

    public init(system: String?, code: String?, display: String? = nil) {
        self.system = system
        self.code = code
        self.display = display
    }
}

/// A FHIR `CodeableConcept`: codings and/or text.
public struct FHIRCodeableConcept: Codable, Sendable, Equatable {
    public var coding: [FHIRCoding]?
    public var text: String?

    public init(coding: [FHIRCoding]? = nil, text: String? = nil) {
        self.coding = coding
        self.text = text
    }
}

/// A FHIR `Identifier`.
public struct FHIRIdentifier: Codable, Sendable, Equatable {
    public var system: String?
    public var value: String?

    public init(system: String?, value: String?) {
        self.system = system
        self.value = value
    }
}

/// A FHIR `Reference`: a literal reference, an identifier, and/or a display text.
public struct FHIRReference: Codable, Sendable, Equatable {
    public var reference: String?
    public var identifier: FHIRIdentifier?
    public var display: String?

    public init(reference: String? = nil, identifier: FHIRIdentifier? = nil, display: String? = nil) {
        self.reference = reference
        self.identifier = identifier
        self.display = display
    }
}

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
