import Foundation
import TwitchCheckKit

/// Facts about where output goes, for choosing colour and progress display, and the one way to write to stderr.
enum Terminal {
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Columns for wrapped text on standard output: `COLUMNS`, else the terminal's width, else 80.
    static var outputWidth: Int {
        var size = winsize()
        let terminalWidth = stdoutIsTerminal && ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 ? Int(size.ws_col) : nil
        return TextWrapper.width(environment: ProcessInfo.processInfo.environment, terminalWidth: terminalWidth)
    }

    static func style(for color: ColorChoice) -> TerminalStyle {
        switch color {
        case .always: TerminalStyle(enabled: true)
        case .never: TerminalStyle(enabled: false)
        case .auto: .automatic(isTerminal: stdoutIsTerminal, environment: ProcessInfo.processInfo.environment)
        }
    }

    /// Writes a line to standard error.
    static func writeError(_ message: String) {
        writeStandardError(message + "\n")
    }

    /// Writes to standard error as it is. A closed or full standard error is ignored: there is
    /// nowhere left to say so, and the exit status still tells.
    static func writeStandardError(_ text: String) {
        try? FileDescriptorWriter(fileDescriptor: STDERR_FILENO, destination: "standard error").write(text)
    }
}
