/// When a reader of `batch` stops holding patients in memory and spills its rows to
/// ``PartitionFiles`` instead, and how many partitions it spills into.
struct SpillPolicy {
    /// The estimated bytes of patients, spans and pairs one reader may hold before it spills.
    var heldBytes = 24 << 20
    /// How many partitions (a power of two): each is checked on its own, so a partition holds
    /// about 1 / `partitions` of the patients.
    var partitions = 128
    /// Where the private temporary directory is made; nil: `$TMPDIR` or /tmp.
    var directory: String?

    /// What a reader holds, estimated: a patient's id and table slot, a span, and the patients'
    /// medication lists (``PatientMedicationLists/byteCount``).
    @inline(__always)
    static func estimatedBytes(patients: Int, spans: Int, medicationListBytes: Int) -> Int {
        patients &* 80 &+ spans &* 16 &+ medicationListBytes
    }
}
