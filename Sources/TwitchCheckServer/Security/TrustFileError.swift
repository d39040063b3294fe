import Foundation
import JWTKit

/// A `--trust` file that cannot be used.
public struct TrustFileError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "\(path): \(reason)" }
}
