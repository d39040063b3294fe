import CFileSpace

/// Disk space reserved ahead of the writes to a report file that twitchcheck made itself (issue 13).
///
/// Without it, ext4 reserves each 4 KiB block as the write reaches it (delayed allocation), and on
/// 651 MB of JSON Lines that took the writer thread more time than copying the bytes: 105 ms of
/// kernel time against 64 ms with space reserved 64 MiB at a time (a C loop writing 1 MiB blocks to
/// a new file, medians of three). Space is reserved past the end without changing the file's size,
/// so whoever looks at the file sees only what is written; ``ReportFile`` cuts the file at its end
/// when the run succeeds, which gives back what was reserved and not used, and deletes it when it
/// fails. A file system that cannot reserve (or a full disk) turns it off: the writes then say
/// what is wrong, as before.
struct FileSpaceReservation {
    /// Reserved at a time.
    static let step = 64 << 20

    private let fileDescriptor: Int32
    /// Where the file's reserved space ends.
    private var reservedEnd = 0
    private var isOn = true

    /// Reserves space for the file at `fileDescriptor`, which is written from offset 0.
    init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
    }

    /// Makes sure the space up to `end` is reserved, reserving at least ``step`` more when it is not.
    mutating func reserve(upTo end: Int) {
        guard isOn, end > reservedEnd else { return }
        let length = max(Self.step, end - reservedEnd)
        if cfilespace_reserve(fileDescriptor, Int64(reservedEnd), Int64(length)) == 0 {
            reservedEnd += length
        } else {
            isOn = false
        }
    }
}
