import Foundation
import JWTKit

/// The claims of the JWT a CDS Hooks client sends (CDS Hooks 2.0, "Trusting CDS Clients"):
/// `iss`, `aud` (the service's URL), `exp`, `iat`, and a unique `jti`.
struct CDSClientClaims: JWTPayload {
    let iss: IssuerClaim
    let aud: AudienceClaim
    let exp: ExpirationClaim
    let iat: IssuedAtClaim?
    let jti: IDClaim

    /// The signature is checked by the key collection; the time is checked here, the rest by ``TrustVerifier``.
    func verify(using algorithm: some JWTAlgorithm) async throws {
        try exp.verifyNotExpired()
    }
}
