import Foundation

/// Reads the medications out of FHIR R4 JSON: a `Bundle`, a `MedicationRequest` or a
/// `MedicationStatement`, one medication per resource.
///
/// The name comes from `medicationCodeableConcept.text`, else a coding's `display` (an RxNorm
/// coding's first), else an RxNorm code the knowledge base knows; a `medicationReference` to a
/// `Medication` in the bundle (by `fullUrl` or `Medication/id`) or in `contained` (`#id`) is
/// followed, and its `code` read the same way; a reference's own `display` is the last resort.
/// Resources that are not medications are ignored; `entered-in-error` ones too, since they never
/// happened.
public struct FHIRMedicationReader: Sendable {
    /// The RxNorm system URI.
    public static let rxNormSystem = "http://www.nlm.nih.gov/research/umls/rxnorm"
    /// The resource types that carry one medication each.
    public static let medicationResourceTypes: Set<String> = ["MedicationRequest", "MedicationStatement"]

    /// Maps an RxNorm code to a name the resolver knows, or nil (only codes the knowledge base holds).
    private let rxNormName: @Sendable (String) -> String?

    public init(rxNormName: @escaping @Sendable (String) -> String? = { _ in nil }) {
        self.rxNormName = rxNormName
    }

    /// True when the data looks like JSON (its first non-space character is `{`), not a plain list.
    public static func looksLikeJSON(_ data: Data) -> Bool {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        return bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) } == UInt8(ascii: "{")
    }

    /// The medications in one FHIR JSON document.
    public func read(_ data: Data, origin: String) throws -> [FHIRMedicationEntry] {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw FHIRInputError.notJSON(origin: origin, reason: "the JSON does not parse")
        }
        guard let resource = object as? [String: Any] else {
            throw FHIRInputError.notJSON(origin: origin, reason: "the top level is not a JSON object")
        }
        return try read(resource: resource, origin: origin)
    }

    /// The medications in one parsed resource (a Bundle, MedicationRequest or MedicationStatement).
    public func read(resource: [String: Any], origin: String) throws -> [FHIRMedicationEntry] {
        guard let type = resource["resourceType"] as? String else { throw FHIRInputError.notAResource(origin: origin) }
        if type == "Bundle" { return readBundle(resource) }
        guard Self.medicationResourceTypes.contains(type) else {
            throw FHIRInputError.unsupportedResource(origin: origin, resourceType: type)
        }
        return entry(resource, fullUrl: nil, bundleMedications: [:]).map { [$0] } ?? []
    }

    private func readBundle(_ bundle: [String: Any]) -> [FHIRMedicationEntry] {
        let items = (bundle["entry"] as? [Any] ?? []).compactMap { $0 as? [String: Any] }
        var medications: [String: [String: Any]] = [:]
        for item in items {
            guard let resource = item["resource"] as? [String: Any], resource["resourceType"] as? String == "Medication" else { continue }
            if let fullUrl = item["fullUrl"] as? String { medications[fullUrl] = resource }
            if let id = resource["id"] as? String { medications["Medication/\(id)"] = resource }
        }
        return items.compactMap { item in
            guard let resource = item["resource"] as? [String: Any] else { return nil }
            if resource["resourceType"] as? String == "Bundle" { return nil }
            return entry(resource, fullUrl: item["fullUrl"] as? String, bundleMedications: medications)
        }
    }

    /// The entry for one resource, or nil when it is not a medication (or was entered in error).
    private func entry(_ resource: [String: Any], fullUrl: String?, bundleMedications: [String: [String: Any]]) -> FHIRMedicationEntry? {
        guard let type = resource["resourceType"] as? String, Self.medicationResourceTypes.contains(type),
              resource["status"] as? String != "entered-in-error" else { return nil }
        let resourceID = (resource["id"] as? String).map { "\(type)/\($0)" }
        let period = (resource["dispenseRequest"] as? [String: Any])?["validityPeriod"] as? [String: Any]
            ?? resource["effectivePeriod"] as? [String: Any]
        let start = period?["start"] as? String ?? resource["effectiveDateTime"] as? String ?? resource["authoredOn"] as? String
        return FHIRMedicationEntry(
            resourceType: type, reference: fullUrl ?? resourceID, name: medicationName(resource, bundleMedications: bundleMedications),
            resourceID: resourceID, patient: (resource["subject"] as? [String: Any])?["reference"] as? String,
            start: start, stop: period?["end"] as? String)
    }

    private func medicationName(_ resource: [String: Any], bundleMedications: [String: [String: Any]]) -> String? {
        if let concept = resource["medicationCodeableConcept"] as? [String: Any] {
            return name(of: concept)
        }
        guard let link = resource["medicationReference"] as? [String: Any] else { return nil }
        if let target = link["reference"] as? String {
            var medication: [String: Any]?
            if target.hasPrefix("#") {
                let id = String(target.dropFirst())
                medication = (resource["contained"] as? [Any] ?? []).compactMap { $0 as? [String: Any] }
                    .first { $0["resourceType"] as? String == "Medication" && $0["id"] as? String == id }
            } else {
                medication = bundleMedications[target]
            }
            if let code = medication?["code"] as? [String: Any], let found = name(of: code) { return found }
        }
        return Self.usable(link["display"] as? String)
    }

    /// A CodeableConcept's name: its text, else a coding's display (RxNorm first), else a known RxNorm code.
    private func name(of concept: [String: Any]) -> String? {
        if let text = Self.usable(concept["text"] as? String) { return text }
        let codings = (concept["coding"] as? [Any] ?? []).compactMap { $0 as? [String: Any] }
        let ordered = codings.filter { $0["system"] as? String == Self.rxNormSystem }
            + codings.filter { $0["system"] as? String != Self.rxNormSystem }
        if let display = ordered.lazy.compactMap({ Self.usable($0["display"] as? String) }).first { return display }
        for coding in ordered where coding["system"] as? String == Self.rxNormSystem {
            if let code = coding["code"] as? String, let known = rxNormName(code) { return known }
        }
        return nil
    }

    private static func usable(_ text: String?) -> String? {
        guard let text, MedicationListReader.problem(with: text) == nil else { return nil }
        return text
    }
}
