import Foundation

/// What a medication list file holds, told apart by content: FHIR JSON when its first
/// non-space character is `{`, else a plain list with one name per line.
public enum MedicationDocument: Sendable {
    case names([String])
    case fhir([FHIRMedicationEntry])

    /// Reads the data as FHIR or as a plain list.
    public static func read(_ data: Data, origin: String, fhirReader: FHIRMedicationReader) throws -> MedicationDocument {
        if FHIRMedicationReader.looksLikeJSON(data) {
            return .fhir(try fhirReader.read(data, origin: origin))
        }
        return .names(try MedicationListReader.read(data, origin: origin))
    }
}

extension FHIRMedicationReader {
    /// A reader that maps RxNorm codes through the knowledge base's recorded RxCUIs.
    public init(knowledgeBase: KnowledgeBase) {
        self.init(rxNormName: { code in try? knowledgeBase.drugID(rxcui: code) })
    }
}
