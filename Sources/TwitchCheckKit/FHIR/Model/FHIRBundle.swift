/// A FHIR R4 `Bundle` of type `collection` holding twitchcheck's resources.
public struct FHIRBundle: Encodable, Sendable {
    /// A resource a bundle holds.
    public enum Resource: Encodable, Sendable {
        case detectedIssue(FHIRDetectedIssue)
        case operationOutcome(FHIROperationOutcome)

        public func encode(to encoder: Encoder) throws {
            switch self {
            case .detectedIssue(let issue): try issue.encode(to: encoder)
            case .operationOutcome(let outcome): try outcome.encode(to: encoder)
            }
        }
    }

    /// One `entry`.
    public struct Entry: Encodable, Sendable {
        public var fullUrl: String
        public var resource: Resource
    }

    public var resourceType = "Bundle"
    public var type = "collection"
    public var timestamp: String?
    /// Absent when empty: FHIR JSON never holds an empty array.
    public var entry: [Entry]?
}
