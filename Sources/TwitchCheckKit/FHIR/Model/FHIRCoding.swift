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
