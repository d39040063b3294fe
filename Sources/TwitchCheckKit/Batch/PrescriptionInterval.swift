/// A span of days during which a patient took one drug that matters to the rules.
struct PrescriptionInterval {
    var patient: Int32
    var drug: Int32
    /// Day numbers (see ``DayNumber``); `Int32.min` and `Int32.max` mean unknown start and ongoing.
    var start: Int32
    var stop: Int32

    static let openStart = Int32.min
    static let ongoing = Int32.max

    /// The first day both spans cover, if they overlap (a same-day switch counts as overlap).
    @inline(__always)
    func overlapStart(with other: PrescriptionInterval) -> Int32? {
        let first = max(start, other.start)
        return first <= min(stop, other.stop) ? first : nil
    }
}
