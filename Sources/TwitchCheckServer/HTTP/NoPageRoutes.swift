import Hummingbird
import TwitchCheckKit

/// No page yet: `GET /` and `POST /check` answer 404.
public struct NoPageRoutes: PageRoutes {
    public init() {}
    public func addRoutes(to router: Router<BasicRequestContext>, checker: MedicationChecker) {}
}
