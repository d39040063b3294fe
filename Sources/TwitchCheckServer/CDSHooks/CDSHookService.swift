import Foundation
import TwitchCheckKit

/// Answers a CDS Hooks call (`order-select`, `order-sign`): the draft orders from
/// `context.draftOrders` (only those in `selections`, when given, get cards), the patient's
/// current medications from the prefetch or the FHIR server, and a card per finding that
/// involves a draft order. A finding among current medications only is left out, so it is not
/// repeated on every order.
public struct CDSHookService: Sendable {
    let checker: MedicationChecker
    let reader: FHIRMedicationReader
    let fetcher: FHIRFetcher
    let builder: CardBuilder

    /// A service citing the sources of `checker`'s knowledge base, named `sourceLabel` on every card.
    public init(checker: MedicationChecker, sourceLabel: String, fetcher: FHIRFetcher = FHIRFetcher()) throws {
        self.checker = checker
        self.reader = FHIRMedicationReader(knowledgeBase: checker.knowledgeBase)
        self.fetcher = fetcher
        self.builder = CardBuilder(sourceLabel: sourceLabel, sources: try checker.knowledgeBase.allSources())
    }

    /// The cards for one hook call to the service `service`.
    public func cards(for service: CDSServiceDescription, body: Data) async throws -> [CDSCard] {
        // Plain JSON takes the fast path; anything else, valid or not, is JSONSerialization's to judge.
        guard let request = (PlainJSONParser.parse(body) ?? (try? JSONSerialization.jsonObject(with: body))) as? [String: Any] else {
            throw ServerError.invalid("the body is not a JSON object; send a CDS Hooks request")
        }
        guard let hook = request["hook"] as? String, hook == service.hook else {
            throw ServerError.invalid("'hook' must be '\(service.hook)' for the service \(service.id)")
        }
        guard let context = request["context"] as? [String: Any] else {
            throw ServerError.invalid("the request has no 'context' object")
        }
        guard let draftOrders = context["draftOrders"] as? [String: Any] else {
            throw ServerError.invalid("context.draftOrders (a FHIR Bundle of the orders being written) is missing")
        }
        let drafts = try read(draftOrders, what: "context.draftOrders")
        let selections = Set((context["selections"] as? [Any] ?? []).compactMap { $0 as? String })
        let current = try await currentMedications(request, context: context)
            .filter { entry in entry.resourceID == nil || !drafts.contains { $0.resourceID == entry.resourceID } }

        // Cards show findings only: the list's burden is not worked out.
        let check = try FHIRCheck(entries: drafts + current, checker: checker, includingBurden: false)
        let isSelected: (Int) -> Bool = { index in
            index < drafts.count && (selections.isEmpty || drafts[index].resourceID.map(selections.contains) == true)
        }
        let report = check.report
        // A finding implicates a selected draft exactly when it names one of that draft's drugs.
        let selectedDrugs = check.drugs(ofEntries: isSelected)
        var cards = report.findings.filter { $0.drugs.contains(where: selectedDrugs.contains) }.map(builder.card(for:))
        let notChecked = zip(report.unrecognized, check.unrecognizedEntry)
        cards += notChecked.filter { isSelected($0.1) }.map { builder.notCheckedCard([$0.0.input], drafted: true) }
        let currentNotChecked = notChecked.filter { $0.1 >= drafts.count }.map(\.0.input)
        if !currentNotChecked.isEmpty, drafts.indices.contains(where: isSelected) {
            cards.append(builder.notCheckedCard(currentNotChecked, drafted: false))
        }
        return cards
    }

    /// The prefetched active medications, else those fetched from `fhirServer`; 412 when neither is possible.
    private func currentMedications(_ request: [String: Any], context: [String: Any]) async throws -> [FHIRMedicationEntry] {
        if let prefetched = (request["prefetch"] as? [String: Any])?[CDSServiceDescription.medicationsKey] as? [String: Any] {
            return try read(prefetched, what: "prefetch.medications")
        }
        guard let server = request["fhirServer"] as? String else {
            throw ServerError(.preconditionFailed, code: "required",
                              "the prefetch 'medications' (MedicationRequest?patient={{context.patientId}}&status=active) is missing "
                              + "and no fhirServer was given to fetch it from; send the prefetch, or fhirServer and fhirAuthorization")
        }
        guard let patient = context["patientId"] as? String, !patient.isEmpty else {
            throw ServerError.invalid("context.patientId is needed to fetch the patient's medications from fhirServer")
        }
        let token = (request["fhirAuthorization"] as? [String: Any])?["access_token"] as? String
        return try await fetcher.activeMedicationRequests(server: server, patient: patient, accessToken: token)
            .flatMap { try read($0, what: "the FHIR server's answer") }
    }

    private func read(_ resource: [String: Any], what: String) throws -> [FHIRMedicationEntry] {
        do {
            return try reader.read(resource: resource, origin: what)
        } catch {
            throw ServerError.invalid("\(error)")
        }
    }
}
