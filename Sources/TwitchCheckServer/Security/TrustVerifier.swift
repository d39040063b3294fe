import Foundation
import JWTKit

/// Verifies the bearer JWT of CDS Hooks calls against the issuers named in a `--trust` file.
///
/// The file is JSON: `{"issuers": [{"iss": "https://ehr.example.org", "jwks": {"keys": [...]}}]}`,
/// each issuer with its public keys as a JWK Set. A token passes when its signature verifies
/// with a key of the issuer it names, `aud` is the URL of the service called, it has not
/// expired, and its `jti` has not been seen before (replays are refused).
public actor TrustVerifier {
    /// The `--trust` file's shape.
    struct TrustFile: Decodable {
        struct Issuer: Decodable {
            let iss: String
            let jwks: JWKS
        }
        let issuers: [Issuer]
    }

    private let keysByIssuer: [String: JWTKeyCollection]
    /// Seen `jti`s with their expiry, forgotten once expired.
    private var seen: [String: Date] = [:]

    /// Reads the trust file; fails with a message naming the file when it is not of the documented shape.
    public init(path: String) async throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw TrustFileError(path: path, reason: "cannot read it (\(error.localizedDescription))")
        }
        let file: TrustFile
        do {
            file = try JSONDecoder().decode(TrustFile.self, from: data)
        } catch {
            throw TrustFileError(path: path, reason: "expected {\"issuers\": [{\"iss\": URL, \"jwks\": {\"keys\": [...]}}]} (\(error))")
        }
        var keys: [String: JWTKeyCollection] = [:]
        for issuer in file.issuers {
            let collection = keys[issuer.iss] ?? JWTKeyCollection()
            do {
                try await collection.add(jwks: issuer.jwks)
            } catch {
                throw TrustFileError(path: path, reason: "the keys of \(issuer.iss) are not usable JWKs (\(error))")
            }
            keys[issuer.iss] = collection
        }
        keysByIssuer = keys
    }

    /// Checks the `Authorization` header's bearer token for a call to `serviceURLs` (the URLs the
    /// service may be known by); throws ``ServerError`` 401 with the reason otherwise.
    public func verify(authorization: String?, serviceURLs: [String], now: Date = Date()) async throws {
        guard let authorization, authorization.lowercased().hasPrefix("bearer ") else {
            throw Self.refusal("no bearer token; a CDS client must send 'Authorization: Bearer JWT'")
        }
        let token = String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        guard let issuer = Self.unverifiedIssuer(token), let keys = keysByIssuer[issuer] else {
            throw Self.refusal("the token's issuer is not in the trust file")
        }
        let claims: CDSClientClaims
        do {
            claims = try await keys.verify(token, as: CDSClientClaims.self)
        } catch {
            throw Self.refusal("the token did not verify: signature, expiry or claims (\(error))")
        }
        guard claims.iss.value == issuer else { throw Self.refusal("the token's issuer is not in the trust file") }
        guard claims.aud.value.contains(where: serviceURLs.contains) else {
            throw Self.refusal("the token's aud is not this service's URL (\(serviceURLs.first ?? ""))")
        }
        seen = seen.filter { $0.value > now }
        guard seen[claims.jti.value] == nil else { throw Self.refusal("the token's jti was already used (a replay)") }
        seen[claims.jti.value] = claims.exp.value
    }

    private static func refusal(_ reason: String) -> ServerError {
        ServerError(.unauthorized, code: "security", reason)
    }

    /// The `iss` claim read before verifying, only to choose the issuer's keys.
    private static func unverifiedIssuer(_ token: String) -> String? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        var base64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64),
              let payload = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return nil }
        return payload["iss"] as? String
    }
}
