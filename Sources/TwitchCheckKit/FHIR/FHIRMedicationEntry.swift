/// One medication read from a FHIR `MedicationRequest` or `MedicationStatement`.
public struct FHIRMedicationEntry: Sendable, Equatable {
    /// `MedicationRequest` or `MedicationStatement`.
    public let resourceType: String
    /// How other resources point at it: the bundle entry's `fullUrl`, else `Type/id`; nil when it has neither.
    public let reference: String?
    /// `Type/id` when the resource has an id (to tell the same order apart in two lists).
    public let resourceID: String?
    /// The medication's name, from `text`, a coding's `display` or a known RxNorm code; nil when none is usable.
    public let name: String?
    /// `subject.reference` (the patient), when given.
    public let patient: String?
    /// The start of the period the medication covers, as the resource wrote it (a FHIR date or dateTime).
    public let start: String?
    /// The end of that period, when given.
    public let stop: String?

    public init(resourceType: String, reference: String?, name: String?, resourceID: String? = nil,
                patient: String? = nil, start: String? = nil, stop: String? = nil) {
        self.resourceType = resourceType
        self.reference = reference
        self.resourceID = resourceID
        self.name = name
        self.patient = patient
        self.start = start
        self.stop = stop
    }

    /// How a person is told which resource this was: its reference, else its type.
    public var label: String { reference ?? resourceType }

    /// What the report lists for a medication without a usable name.
    public var notCheckedInput: String {
        "\(label): no medication name (no text, display or known RxNorm code)"
    }
}
