/// What a batch input is, as `batch --layout` names it: a CSV in one of the ``BatchLayout``s, or
/// a FHIR Bulk Data export (NDJSON of MedicationRequest or MedicationStatement).
public enum BatchInputLayout: String, CaseIterable, Sendable {
    case long, wide
    /// A FHIR Bulk Data export: NDJSON of MedicationRequest or MedicationStatement.
    case fhir

    /// The CSV layout this names; nil for FHIR.
    public var csvLayout: BatchLayout? {
        switch self {
        case .long: .long
        case .wide: .wide
        case .fhir: nil
        }
    }

    /// Whether an input given this layout (nil: detect it) is read as FHIR: when asked, or when a
    /// file (not standard input, which cannot be read twice) starts like JSON.
    public static func isFHIR(_ layout: BatchInputLayout?, input: InputFile) -> Bool {
        layout == .fhir || (layout == nil && !input.isStandardInput && FHIRBulkBatch.looksLikeNDJSON(fileDescriptor: input.fileDescriptor))
    }
}
