/// What the server sends for a page request: a status and an HTML document.
public struct PageResponse: Sendable, Equatable {
    /// The HTTP status: 200, or 400 when the list needs fixing.
    public let status: Int
    /// The whole HTML document.
    public let html: String

    public init(status: Int, html: String) {
        self.status = status
        self.html = html
    }
}
