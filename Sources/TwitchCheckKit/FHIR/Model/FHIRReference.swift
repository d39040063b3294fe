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
