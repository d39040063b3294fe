/// Why a FHIR document could not be read as a medication list.
public enum FHIRInputError: Error, Equatable, CustomStringConvertible {
    /// Not JSON at all, or JSON that is not an object.
    case notJSON(origin: String, reason: String)
    /// A JSON object without a `resourceType`.
    case notAResource(origin: String)
    /// A resource that holds no medications (not a Bundle, MedicationRequest or MedicationStatement).
    case unsupportedResource(origin: String, resourceType: String)

    public var description: String {
        switch self {
        case .notJSON(let origin, let reason):
            "\(origin): not valid FHIR JSON (\(reason)); give a Bundle, MedicationRequest or MedicationStatement, or a plain list with one name per line"
        case .notAResource(let origin):
            "\(origin): the JSON object has no resourceType; give a FHIR Bundle, MedicationRequest or MedicationStatement"
        case .unsupportedResource(let origin, let resourceType):
            "\(origin): a \(resourceType) holds no medications; give a Bundle, MedicationRequest or MedicationStatement"
        }
    }
}
