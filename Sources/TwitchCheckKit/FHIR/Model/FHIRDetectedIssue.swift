/// A FHIR R4 `DetectedIssue`: one finding of a check.
public struct FHIRDetectedIssue: Codable, Sendable, Equatable {
    /// An `evidence` element: the sources a finding rests on.
    public struct Evidence: Codable, Sendable, Equatable {
        public var code: [FHIRCodeableConcept]?
        public var detail: [FHIRReference]?
    }

    /// A `mitigation` element: what to do about it.
    public struct Mitigation: Codable, Sendable, Equatable {
        public var action: FHIRCodeableConcept
    }

    public var resourceType = "DetectedIssue"
    public var id: String?
    /// Always `final`: the check is complete when it is reported.
    public var status = "final"
    public var code: FHIRCodeableConcept?
    /// `high`, `moderate` or `low`.
    public var severity: String?
    public var patient: FHIRReference?
    public var implicated: [FHIRReference]?
    public var evidence: [Evidence]?
    public var detail: String?
    /// The URL of the first source that has one.
    public var reference: String?
    public var mitigation: [Mitigation]?
}
