/// Bytes taken from an ``OutputBuffer`` on their way to the output: owned, read-only, freed when the
/// last reference goes (after the background writer has written them). Sendable: nothing in it
/// changes after it is made.
final class OutputBlock: @unchecked Sendable {
    private let start: UnsafeMutablePointer<UInt8>
    let count: Int

    /// Takes `start` (allocated, its first `count` bytes initialised): the block frees it.
    init(start: UnsafeMutablePointer<UInt8>, count: Int) {
        self.start = start
        self.count = count
    }

    deinit {
        start.deallocate()
    }

    /// The bytes, valid while the block lives.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: start, count: count) }
}
