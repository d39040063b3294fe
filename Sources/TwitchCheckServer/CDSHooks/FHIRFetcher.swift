import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Fetches a patient's active MedicationRequests from the EHR's FHIR server when the CDS
/// client sent no prefetch, with the bearer token the client gave in `fhirAuthorization`.
public struct FHIRFetcher: Sendable {
    /// Pages followed at most (a `next` link is followed only on the same server, so the token
    /// is never sent anywhere else).
    public static let maxPages = 20
    public let timeout: TimeInterval

    public init(timeout: TimeInterval = 10) {
        self.timeout = timeout
    }

    /// The search-set bundles for `MedicationRequest?patient=ID&status=active`.
    public func activeMedicationRequests(server: String, patient: String, accessToken: String?) async throws -> [[String: Any]] {
        let base = server.hasSuffix("/") ? String(server.dropLast()) : server
        var components = URLComponents(string: base + "/MedicationRequest")
        components?.queryItems = [URLQueryItem(name: "patient", value: patient), URLQueryItem(name: "status", value: "active")]
        guard var url = components?.url, let origin = URL(string: base), url.scheme?.hasPrefix("http") == true else {
            throw ServerError.invalid("fhirServer '\(server)' is not an http(s) URL")
        }
        var bundles: [[String: Any]] = []
        for _ in 0..<Self.maxPages {
            var request = URLRequest(url: url, timeoutInterval: timeout)
            request.setValue("application/fhir+json", forHTTPHeaderField: "Accept")
            if let accessToken { request.setValue("Bearer \(accessToken)", forHTTPHeaderField: "Authorization") }
            let (data, response) = try await fetch(request)
            guard let status = (response as? HTTPURLResponse)?.statusCode, (200..<300).contains(status) else {
                throw ServerError(.badGateway, code: "exception",
                                  "the FHIR server answered \((response as? HTTPURLResponse)?.statusCode ?? 0) to \(url.absoluteString); send the prefetch instead")
            }
            guard let bundle = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
                throw ServerError(.badGateway, code: "exception", "the FHIR server's answer to \(url.absoluteString) is not a FHIR JSON resource")
            }
            bundles.append(bundle)
            let next = (bundle["link"] as? [Any] ?? []).compactMap { $0 as? [String: Any] }
                .first { $0["relation"] as? String == "next" }?["url"] as? String
            guard let next, let nextURL = URL(string: next), nextURL.host == origin.host, nextURL.port == origin.port,
                  nextURL.scheme == origin.scheme else { break }
            url = nextURL
        }
        return bundles
    }

    private func fetch(_ request: URLRequest) async throws -> (Data, URLResponse) {
        do {
            return try await URLSession.shared.data(for: request)
        } catch {
            throw ServerError(.badGateway, code: "exception",
                              "could not reach the FHIR server at \(request.url?.absoluteString ?? "?"): \(error.localizedDescription); send the prefetch instead")
        }
    }
}
