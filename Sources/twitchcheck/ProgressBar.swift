import Foundation

/// A one-line progress bar on stderr, redrawn at most ten times a second; only used on a terminal.
final class ProgressBar {
    private let total: Int
    private var lastDraw = Date.distantPast
    private let started = Date()

    init(total: Int) {
        self.total = total
    }

    func update(_ done: Int) {
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let fraction = min(1, Double(done) / Double(max(total, 1)))
        let width = 30
        let filled = Int(fraction * Double(width))
        let rate = Double(done) / max(now.timeIntervalSince(started), 0.001) / 1_048_576
        let line = String(format: "\r[%@%@] %3.0f%%  %.0f MB/s ", String(repeating: "#", count: filled),
                          String(repeating: " ", count: width - filled), fraction * 100, rate)
        Terminal.writeStandardError(line)
    }

    func finish() {
        Terminal.writeStandardError("\r\u{1B}[2K")
    }
}
