/// Each patient's medication ids: JSON Lines lists every patient's medications, CSV only the names
/// not recognised or with words left over.
///
/// While a file is read, a pair is only appended to one flat array (8 bytes), in row order: in a
/// file whose rows come in random patient order, finding the patient's own list for every row
/// cost one or two cache misses a row, a third of the reading of such a file for JSON Lines
/// (issue 13). A pair equal to one of the last ``checkedPairs`` pairs appended, back to the first
/// of another patient, is not appended again, so a run of refills costs one pair; any other
/// duplicate is kept until the lists are grouped (a scattered file's rows cost 8 bytes each until
/// then, which the spill budget counts).
///
/// Grouped and ungrouped lists are not interchangeable, and a mix-up would lose medications from
/// the report, so each method checks which it has, in release builds too. Once reading ends, ``group(patientCount:)`` sorts the pairs by patient in two
/// passes (a count and a scatter, each a sequence of independent writes rather than a chain of
/// dependent reads), then sorts each list and drops its repeats: a patient's list is one slice.
struct PatientMedicationLists {
    /// How many of the latest pairs an insert compares with.
    static let checkedPairs = 8

    /// Pairs in the order read: the patient in the high 32 bits, the medication in the low.
    private var pairs: [UInt64] = []
    /// Another reader's pairs, renumbered, kept apart so that neither array is copied into the
    /// other (``absorb(_:patientMap:medicationMap:)``); grouped with `pairs`.
    private var laterPairs: [UInt64] = []
    /// After ``group(patientCount:)``: patient `p`'s ids are `ids[starts[p]..<starts[p + 1]]`.
    private var starts: [Int] = []
    private var ids: [Int32] = []
    private var isGrouped = false

    /// The bytes the lists hold.
    var byteCount: Int {
        (pairs.count + laterPairs.count) * MemoryLayout<UInt64>.stride + starts.count * MemoryLayout<Int>.stride + ids.count * MemoryLayout<Int32>.stride
    }

    /// Adds a medication to a patient's list; before ``group(patientCount:)`` only.
    @inline(__always)
    mutating func insert(patient: Int32, medication: Int32) {
        precondition(!isGrouped, "a medication added to lists already grouped")
        let pair = UInt64(UInt32(bitPattern: patient)) << 32 | UInt64(UInt32(bitPattern: medication))
        var index = pairs.count - 1
        let oldest = max(0, pairs.count - Self.checkedPairs)
        while index >= oldest, pairs[index] >> 32 == pair >> 32 {
            if pairs[index] == pair { return }
            index -= 1
        }
        pairs.append(pair)
    }

    /// Sorts the pairs into one list per patient, for patients `0..<patientCount`; a pair of a
    /// patient beyond that is a fault (the patient was never interned). Grouping again, with no
    /// pair added since, does nothing.
    mutating func group(patientCount: Int) {
        precondition(!isGrouped || pairs.isEmpty && laterPairs.isEmpty, "medication pairs added after the lists were grouped")
        guard !isGrouped else { return }
        isGrouped = true
        var starts = [Int](repeating: 0, count: patientCount + 1)
        for segment in [pairs, laterPairs] {
            segment.withUnsafeBufferPointer { pairs in
                starts.withUnsafeMutableBufferPointer { starts in
                    for pair in pairs {
                        let patient = Int(pair >> 32)
                        // Checked: the buffers below are written without bounds checks.
                        precondition(patient < patientCount, "a medication pair of a patient never interned")
                        starts[patient + 1] += 1
                    }
                }
            }
        }
        for patient in 0..<patientCount { starts[patient + 1] += starts[patient] }
        var ids = [Int32](repeating: 0, count: pairs.count + laterPairs.count)
        var next = starts
        for segment in [pairs, laterPairs] {
            segment.withUnsafeBufferPointer { pairs in
                ids.withUnsafeMutableBufferPointer { ids in
                    next.withUnsafeMutableBufferPointer { next in
                        for pair in pairs {
                            let patient = Int(pair >> 32)
                            ids[next[patient]] = Int32(truncatingIfNeeded: pair)
                            next[patient] += 1
                        }
                    }
                }
            }
        }
        (pairs, laterPairs) = ([], [])
        // Each list sorted and without repeats, in place, the lists moved up over the repeats removed.
        var kept = 0
        ids.withUnsafeMutableBufferPointer { ids in
            starts.withUnsafeMutableBufferPointer { starts in
                var start = 0
                for patient in 0..<patientCount {
                    let end = starts[patient + 1]
                    let list = UnsafeMutableBufferPointer(rebasing: ids[start..<end])
                    Self.sort(list)
                    starts[patient] = kept
                    for (position, id) in list.enumerated() where position == 0 || id != list[position - 1] {
                        ids[kept] = id
                        kept += 1
                    }
                    start = end
                }
                starts[patientCount] = kept
            }
        }
        ids.removeLast(ids.count - kept)
        self.starts = starts
        self.ids = ids
    }

    /// An insertion sort for a patient's few ids; the standard sort past sixteen.
    private static func sort(_ ids: UnsafeMutableBufferPointer<Int32>) {
        guard ids.count <= 16 else {
            var all = ids
            return all.sort()
        }
        for index in ids.indices.dropFirst() {
            let id = ids[index]
            var position = index
            while position > 0, ids[position - 1] > id {
                ids[position] = ids[position - 1]
                position -= 1
            }
            ids[position] = id
        }
    }

    /// The patient's distinct medication ids, ascending, into `result` (emptied first); after
    /// ``group(patientCount:)`` only.
    func medications(of patient: Int32, into result: inout [Int]) {
        precondition(isGrouped, "medication lists read before they were grouped")
        result.removeAll(keepingCapacity: true)
        let index = Int(patient)
        guard index + 1 < starts.count else { return }
        for position in starts[index]..<starts[index + 1] { result.append(Int(ids[position])) }
    }

    /// Adds another set of pairs, its patients and medications renumbered by the maps; `other` is
    /// emptied. Both must not be grouped yet. Its pairs are renumbered where they are and kept apart
    /// from these (appending them, which copied these into a larger array first, cost a JSON Lines
    /// run of a million rows 4 ms on one core); a pair that repeats one of ours is dropped when grouping.
    mutating func absorb(_ other: inout PatientMedicationLists, patientMap: [Int32], medicationMap: [Int]) {
        precondition(!isGrouped && !other.isGrouped, "medication lists joined after grouping")
        var taken = other.pairs
        if !other.laterPairs.isEmpty { taken += other.laterPairs }
        other = PatientMedicationLists()
        taken.withUnsafeMutableBufferPointer { taken in
            for index in taken.indices {
                let pair = taken[index]
                let patient = UInt64(UInt32(bitPattern: patientMap[Int(pair >> 32)]))
                let medication = UInt64(UInt32(truncatingIfNeeded: medicationMap[Int(UInt32(truncatingIfNeeded: pair))]))
                taken[index] = patient << 32 | medication
            }
        }
        if laterPairs.isEmpty { laterPairs = taken } else { laterPairs += taken }
    }
}
