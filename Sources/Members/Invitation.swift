import Foundation
import Sealing

/// A one-time invitation: a random token shown once, stored only as its hash, carrying the
/// office secrets wrapped under a key derived from the token, so the invited member can receive
/// them at enrolment without anyone else present.
public struct Invitation: Sendable {
    public static let validity: TimeInterval = 72 * 3600

    /// What the invited person is given (base64url, 43 characters).
    public let token: String
    public let tokenHash: [UInt8]
    public let expiresAt: Date
    /// secretbox of the secrets (office secret ‖ statistics key) under the token-derived key.
    public let wrappedSecrets: [UInt8]

    public static func issue(secrets: SecureBytes, now: Date = Date()) throws -> Invitation {
        var tokenBytes = SecureBytes(randomCount: 32)
        var token = tokenBytes.withUnsafeBytes { Base64URL.encode(Array($0)) }
        // A token starting with "-" reads as an option on the command line (`--invitation -x…`):
        // draw again. This excludes one first symbol of 64, about 0.02 bits of 256.
        while token.hasPrefix("-") {
            tokenBytes = SecureBytes(randomCount: 32)
            token = tokenBytes.withUnsafeBytes { Base64URL.encode(Array($0)) }
        }
        return Invitation(
            token: token, tokenHash: hash(tokenBytes), expiresAt: now.addingTimeInterval(validity),
            wrappedSecrets: try SecretBox.seal(secrets, key: key(tokenBytes)))
    }

    static func hash(_ token: SecureBytes) -> [UInt8] {
        token.withUnsafeBytes { KeyedHash.digest(Array($0), length: 32) }
    }

    static func key(_ token: SecureBytes) -> SecureBytes {
        let key = SecureBytes(count: SecretBox.keyLength)
        key.withUnsafeMutableBytes { out in
            var derived = token.withUnsafeBytes { KeyedHash.digest(Array("SbInvite".utf8) + Array($0), length: 32) }
            defer { Sodium.wipe(&derived) }
            for index in 0..<out.count { out[index] = derived[index] }
        }
        return key
    }
}
