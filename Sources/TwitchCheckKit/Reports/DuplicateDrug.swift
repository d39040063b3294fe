/// A drug that reaches a medication list through more than one input ("Zoloft" and "sertraline",
/// or acetaminophen in both Percocet and Tylenol): a possible double dose.
public struct DuplicateDrug: Codable, Sendable, Equatable {
    /// The generic name.
    public let drug: String
    /// The inputs that carry it, in list order.
    public let inputs: [String]

    public init(drug: String, inputs: [String]) {
        self.drug = drug
        self.inputs = inputs
    }

    /// Every drug carried by two or more of these medications, in the order first seen.
    public static func find(in medications: [ResolvedMedication]) -> [DuplicateDrug] {
        var order: [String] = []
        var inputs: [String: [String]] = [:]
        for medication in medications {
            var seenHere: Set<String> = []
            for drug in medication.drugs where seenHere.insert(drug).inserted {
                if inputs[drug] == nil { order.append(drug) }
                inputs[drug, default: []].append(medication.input)
            }
        }
        return order.compactMap { drug in
            inputs[drug].flatMap { $0.count > 1 ? DuplicateDrug(drug: drug, inputs: $0) : nil }
        }
    }
}
