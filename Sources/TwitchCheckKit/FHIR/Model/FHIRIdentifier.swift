/// A FHIR `Identifier`.
public struct FHIRIdentifier: Codable, Sendable, Equatable {
    public var system: String?
    public var value: String?

    public init(system: String?, value: String?) {
        self.system = system
        self.value = value
    }
}
