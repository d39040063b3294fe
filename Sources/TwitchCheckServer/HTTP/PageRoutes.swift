import Hummingbird
import TwitchCheckKit

/// Where a page for people plugs in: `GET /` and `POST /check` (issue 15). The server calls
/// ``addRoutes(to:checker:)`` once while building its router; routes not added answer 404.
public protocol PageRoutes: Sendable {
    /// Adds the page's routes; `checker` is the server's read-only checker.
    func addRoutes(to router: Router<BasicRequestContext>, checker: MedicationChecker)
}
