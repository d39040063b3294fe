/// Each patient's medication ids, kept with the patient: one list per patient of chunks of seven
/// ids in one flat array (32 bytes a chunk, about 4.6 bytes a pair for a patient with seven
/// names), where a global set of every (patient, medication) pair cost about 28 bytes (issue 13).
/// JSON Lines lists every patient's medications; CSV only the names not recognised or with words
/// left over.
///
/// A chunk holds a patient's medications side by side, so adding one to a patient, or reading a
/// patient's list, touches one or two places in memory, not one per medication: in a file whose
/// rows come in random patient order each of those is a cache miss (a linked list of single ids
/// cost one per id). A pair already among the patient's latest ``checkedChunks`` chunks is not
/// added again; beyond that a duplicate may be kept (so a patient with thousands of names costs no
/// quadratic time), and ``medications(of:into:)`` removes it.
struct PatientMedicationLists {
    /// Int32s a chunk: the patient's previous chunk (or -1), then ``chunkIDs`` ids, unused ones -1.
    private static let chunkWidth = 8
    private static let chunkIDs = chunkWidth - 1
    static let checkedChunks = 3

    /// By patient id: the latest chunk, or -1.
    private var heads: [Int32] = []
    private var chunks: [Int32] = []

    /// The bytes the lists hold: every patient's head and every chunk.
    var byteCount: Int { (heads.count + chunks.count) * MemoryLayout<Int32>.stride }

    /// Adds a medication to a patient's list.
    @inline(__always)
    mutating func insert(patient: Int32, medication: Int32) {
        let index = Int(patient)
        if index >= heads.count { heads.append(contentsOf: repeatElement(-1, count: index + 1 - heads.count)) }
        let head = Int(heads[index])
        var chunk = head
        var checked = 0
        while chunk >= 0, checked < Self.checkedChunks {
            let base = chunk * Self.chunkWidth
            for slot in base + 1...base + Self.chunkIDs {
                if chunks[slot] == medication { return }
                if chunks[slot] < 0 {
                    // Only the latest chunk has free slots, and they come last.
                    chunks[slot] = medication
                    return
                }
            }
            chunk = Int(chunks[base])
            checked += 1
        }
        heads[index] = Int32(chunks.count / Self.chunkWidth)
        chunks.append(Int32(head))
        chunks.append(medication)
        chunks.append(contentsOf: repeatElement(-1, count: Self.chunkIDs - 1))
    }

    /// The patient's distinct medication ids, ascending, into `result` (emptied first).
    func medications(of patient: Int32, into result: inout [Int]) {
        result.removeAll(keepingCapacity: true)
        guard Int(patient) < heads.count else { return }
        forEach(of: Int(patient)) { result.append(Int($0)) }
        result.sort()
        var kept = 0
        for index in result.indices where index == 0 || result[index] != result[kept - 1] {
            result[kept] = result[index]
            kept += 1
        }
        result.removeLast(result.count - kept)
    }

    /// Each medication id kept for the patient, duplicates included, in no particular order.
    private func forEach(of patient: Int, _ body: (Int32) -> Void) {
        var chunk = Int(heads[patient])
        while chunk >= 0 {
            let base = chunk * Self.chunkWidth
            for slot in base + 1...base + Self.chunkIDs where chunks[slot] >= 0 { body(chunks[slot]) }
            chunk = Int(chunks[base])
        }
    }

    /// Adds another set of lists, its patients and medications renumbered by the maps; `other` is emptied.
    mutating func absorb(_ other: inout PatientMedicationLists, patientMap: [Int32], medicationMap: [Int]) {
        for patient in other.heads.indices {
            other.forEach(of: patient) { insert(patient: patientMap[patient], medication: Int32(medicationMap[Int($0)])) }
        }
        other = PatientMedicationLists()
    }
}
