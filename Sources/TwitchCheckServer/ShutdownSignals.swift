import Foundation

/// Makes SIGINT and SIGTERM reach the server's graceful shutdown however it was started.
///
/// A shell starts a background job with SIGINT ignored, and an ignored signal is discarded
/// before Swift Service Lifecycle's signal source can see it: `kill -INT` then did nothing.
/// Giving both signals their default action back first lets the source take them over.
public enum ShutdownSignals {
    public static let signals = [SIGINT, SIGTERM]

    /// Call first thing in `main`, before the server starts.
    public static func prepare() {
        for signal in signals { Foundation.signal(signal, SIG_DFL) }
    }
}
