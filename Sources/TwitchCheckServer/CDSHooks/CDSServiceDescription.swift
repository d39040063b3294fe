/// One service in the CDS Hooks discovery document (`GET /cds-services`).
public struct CDSServiceDescription: Codable, Sendable, Equatable {
    public let hook: String
    public let title: String
    public let description: String
    public let id: String
    public let prefetch: [String: String]
    public let usageRequirements: String?

    /// The prefetch key for the patient's active medication orders.
    public static let medicationsKey = "medications"

    /// The services twitchcheck offers: one per hook, the same check behind each.
    public static let all: [CDSServiceDescription] = [
        service(hook: "order-select", title: "twitchcheck: movement-disorder and serotonin risks of the selected order"),
        service(hook: "order-sign", title: "twitchcheck: movement-disorder and serotonin risks before signing"),
    ]

    private static func service(hook: String, title: String) -> CDSServiceDescription {
        CDSServiceDescription(
            hook: hook, title: title,
            description: "Checks draft medication orders against the patient's active medications for serotonin syndrome, "
                + "tremor, twitching (myoclonus) and tardive dyskinesia risks, offline, with cited sources. "
                + "Unrecognised medications are reported as not checked.",
            id: "twitchcheck-\(hook)",
            prefetch: [medicationsKey: "MedicationRequest?patient={{context.patientId}}&status=active"],
            usageRequirements: "Send the prefetch, or fhirServer with fhirAuthorization so the service can fetch it.")
    }
}
