/// Each patient's medication ids, kept with the patient: one linked list per patient in flat
/// arrays (4 bytes a patient, 8 a pair), where a global set of every (patient, medication) pair
/// cost about 28 bytes (issue 13). JSON Lines lists every patient's medications; CSV only the
/// names not recognised or with words left over.
///
/// A pair already among the patient's latest ``checkedLinks`` is not added again; beyond that
/// a duplicate may be kept (so a patient with thousands of names costs no quadratic time), and
/// ``medications(of:into:)`` removes it.
struct PatientMedicationLists {
    private struct Link {
        let medication: Int32
        let next: Int32
    }

    /// By patient id: the latest link, or -1.
    private var heads: [Int32] = []
    private var links: [Link] = []
    static let checkedLinks = 16

    /// How many (patient, medication) pairs are held, duplicates included.
    var pairCount: Int { links.count }

    /// Adds a medication to a patient's list.
    @inline(__always)
    mutating func insert(patient: Int32, medication: Int32) {
        let index = Int(patient)
        if index >= heads.count { heads.append(contentsOf: repeatElement(-1, count: index + 1 - heads.count)) }
        var link = heads[index]
        var checked = 0
        while link >= 0, checked < Self.checkedLinks {
            if links[Int(link)].medication == medication { return }
            link = links[Int(link)].next
            checked += 1
        }
        links.append(Link(medication: medication, next: heads[index]))
        heads[index] = Int32(links.count - 1)
    }

    /// The patient's distinct medication ids, ascending, into `result` (emptied first).
    func medications(of patient: Int32, into result: inout [Int]) {
        result.removeAll(keepingCapacity: true)
        guard Int(patient) < heads.count else { return }
        var link = heads[Int(patient)]
        while link >= 0 {
            result.append(Int(links[Int(link)].medication))
            link = links[Int(link)].next
        }
        result.sort()
        var kept = 0
        for index in result.indices where index == 0 || result[index] != result[kept - 1] {
            result[kept] = result[index]
            kept += 1
        }
        result.removeLast(result.count - kept)
    }

    /// Adds another set of lists, its patients and medications renumbered by the maps; `other` is emptied.
    mutating func absorb(_ other: inout PatientMedicationLists, patientMap: [Int32], medicationMap: [Int]) {
        for patient in other.heads.indices {
            var link = other.heads[patient]
            while link >= 0 {
                insert(patient: patientMap[patient], medication: Int32(medicationMap[Int(other.links[Int(link)].medication)]))
                link = other.links[Int(link)].next
            }
        }
        other = PatientMedicationLists()
    }
}
