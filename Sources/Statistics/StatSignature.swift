import Foundation
import Sealing

/// The `signature` member of a statistics file, and the whole content of a CSV's `.sig` file:
/// `{"alg": "ed25519", "key": BASE64, "value": BASE64}`. `key` is the 32-byte Ed25519 public key
/// and `value` the 64-byte detached signature, both in *standard* base64 with padding (RFC 4648
/// §4, the alphabet with `+` and `/`), as CONTRACT.md writes "BASE64" — not the unpadded
/// base64url the server uses for tokens. Carrying the key lets a reader say which key signed;
/// trusting that key is the reader's decision (`verdict(for:expecting:)`).
public struct StatSignature: Codable, Sendable, Equatable {
    /// The only algorithm written or accepted.
    public static let ed25519 = "ed25519"

    public var alg: String
    public var key: String
    public var value: String

    public init(alg: String, key: String, value: String) {
        self.alg = alg
        self.key = key
        self.value = value
    }

    /// Signs `message` (canonical JSON or a CSV's exact bytes) with `keyPair`.
    public init(signing message: [UInt8], with keyPair: SigningKeyPair) {
        self.init(
            alg: Self.ed25519,
            key: Data(keyPair.publicKey.bytes).base64EncodedString(),
            value: Data(keyPair.sign(message)).base64EncodedString())
    }

    /// The standard base64 of a public key, as `key` carries it (for printing and comparing).
    public static func encode(_ key: SigningPublicKey) -> String {
        Data(key.bytes).base64EncodedString()
    }

    /// Strict standard base64: only the canonical encoding of its bytes (padding included) is
    /// accepted, so one signature has one spelling.
    public static func decodeBase64(_ text: String) -> [UInt8]? {
        guard let data = Data(base64Encoded: text), data.base64EncodedString() == text else { return nil }
        return [UInt8](data)
    }
}
