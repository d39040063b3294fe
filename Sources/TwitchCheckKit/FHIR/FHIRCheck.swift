/// A medication list read from FHIR, checked, with each reported medication traced back to
/// the resource it came from (for `implicated` references and CDS Hooks cards).
public struct FHIRCheck: Sendable {
    /// The check, in the same shape as for a typed list; a resource without a usable name is
    /// listed under `unrecognized` as not checked.
    public let report: CheckReport
    /// The resources read, in order.
    public let entries: [FHIRMedicationEntry]
    /// For each of `report.medications`, the index in `entries` it came from.
    public let medicationEntry: [Int]
    /// For each of `report.unrecognized`, the index in `entries` it came from.
    public let unrecognizedEntry: [Int]

    /// Checks the named entries and lists the nameless ones as not checked; `includingBurden` as
    /// for ``MedicationChecker/check(_:today:includingBurden:)``.
    public init(entries: [FHIRMedicationEntry], checker: MedicationChecker, includingBurden: Bool = true) throws {
        let named = entries.indices.filter { entries[$0].name != nil }
        let checked = try checker.check(named.map { entries[$0].name! }, includingBurden: includingBurden)
        // check() keeps input order within each list, and a name always resolves the same way.
        var medicationEntry: [Int] = []
        var unrecognizedEntry: [Int] = []
        var cursor = 0
        for index in named {
            if cursor < checked.medications.count, checked.medications[cursor].input == entries[index].name {
                medicationEntry.append(index)
                cursor += 1
            } else {
                unrecognizedEntry.append(index)
            }
        }
        let nameless = entries.indices.filter { entries[$0].name == nil }
        unrecognizedEntry += nameless
        self.entries = entries
        self.medicationEntry = medicationEntry
        self.unrecognizedEntry = unrecognizedEntry
        self.report = CheckReport(
            medications: checked.medications,
            unrecognized: checked.unrecognized + nameless.map { UnrecognizedMedication(input: entries[$0].notCheckedInput, suggestions: []) },
            findings: checked.findings, guidance: checked.guidance, burden: checked.burden, duplicates: checked.duplicates)
    }

    /// The entries (indices into `entries`) whose drugs take part in a finding.
    public func entriesImplicated(by finding: Finding) -> [Int] {
        let drugs = finding.drugs  // one or two: a linear search beats hashing
        return zip(report.medications, medicationEntry).compactMap { medication, entry in
            medication.drugs.contains(where: drugs.contains) ? entry : nil
        }
    }

    /// The drugs of the recognised entries that `included` accepts (given an index into `entries`):
    /// a finding implicates one of those entries exactly when it names one of these drugs.
    public func drugs(ofEntries included: (Int) -> Bool) -> Set<String> {
        var drugs: Set<String> = []
        for (medication, entry) in zip(report.medications, medicationEntry) where included(entry) {
            drugs.formUnion(medication.drugs)
        }
        return drugs
    }
}
