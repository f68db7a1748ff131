import CSodium

/// HMAC-SHA-512-256 (`crypto_auth`) under a key held only in memory: form tokens, and the
/// per-case authenticator under a key derived from the case key.
public final class MessageAuthenticator: Sendable {
    private let key: SecureBytes
    public static var tagLength: Int { Int(crypto_auth_bytes()) }

    /// A fresh random key; it dies with the process.
    public init() {
        Sodium.ensureInitialised()
        self.key = SecureBytes(randomCount: Int(crypto_auth_keybytes()))
    }

    /// A key derived with `crypto_kdf_derive_from_key` from a 32-byte master key (a case key)
    /// under its own eight-character context, so the master key itself never keys a MAC.
    public init(derivedFrom master: SecureBytes, id: UInt64, context: String) {
        Sodium.ensureInitialised()
        precondition(master.count == Int(crypto_kdf_keybytes()), "a kdf master key is 32 bytes")
        self.key = ReceiptKeys.derive(from: master, id: id, context: context, length: Int(crypto_auth_keybytes()))
    }

    public func tag(_ message: [UInt8]) -> [UInt8] {
        var tag = [UInt8](repeating: 0, count: Self.tagLength)
        key.withUnsafeBytes { keyBytes in
            _ = crypto_auth(&tag, message, UInt64(message.count), keyBytes.bindMemory(to: UInt8.self).baseAddress!)
        }
        return tag
    }

    /// Checks a tag in constant time.
    public func verify(_ tag: [UInt8], for message: [UInt8]) -> Bool {
        guard tag.count == Self.tagLength else { return false }
        return key.withUnsafeBytes { keyBytes in
            crypto_auth_verify(tag, message, UInt64(message.count), keyBytes.bindMemory(to: UInt8.self).baseAddress!) == 0
        }
    }
}
