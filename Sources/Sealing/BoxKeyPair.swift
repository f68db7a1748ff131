import CSodium

/// An X25519 public key: office, member, recovery and Verband keys are of this kind.
public struct BoxPublicKey: Hashable, Sendable {
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) throws {
        let expected = Int(crypto_box_publickeybytes())
        guard bytes.count == expected else {
            throw SealingError.invalidLength(what: "public key", expected: expected, actual: bytes.count)
        }
        self.bytes = bytes
    }
}

/// An X25519 key pair whose secret half lives in wiping memory.
public final class BoxKeyPair: Sendable {
    public let publicKey: BoxPublicKey
    public let secretKey: SecureBytes

    /// A fresh random key pair.
    public init() {
        Sodium.ensureInitialised()
        var publicBytes = [UInt8](repeating: 0, count: Int(crypto_box_publickeybytes()))
        let secret = SecureBytes(count: Int(crypto_box_secretkeybytes()))
        secret.withUnsafeMutableBytes { secretBuffer in
            _ = crypto_box_keypair(&publicBytes, secretBuffer.bindMemory(to: UInt8.self).baseAddress!)
        }
        // Length is fixed by libsodium, so this cannot fail.
        self.publicKey = (try? BoxPublicKey(bytes: publicBytes)) ?? BoxKeyPair.unreachableKey()
        self.secretKey = secret
    }

    /// The key pair whose secret half is `secretKey` (an unwrapped office or member key).
    public init(secretKey: SecureBytes) throws {
        Sodium.ensureInitialised()
        let expected = Int(crypto_box_secretkeybytes())
        guard secretKey.count == expected else {
            throw SealingError.invalidLength(what: "secret key", expected: expected, actual: secretKey.count)
        }
        var publicBytes = [UInt8](repeating: 0, count: Int(crypto_box_publickeybytes()))
        secretKey.withUnsafeBytes { secretBuffer in
            _ = crypto_scalarmult_base(&publicBytes, secretBuffer.bindMemory(to: UInt8.self).baseAddress!)
        }
        self.publicKey = try BoxPublicKey(bytes: publicBytes)
        self.secretKey = secretKey
    }

    /// A key pair derived deterministically from a 32-byte seed (the office recovery code).
    public init(seed: SecureBytes) throws {
        Sodium.ensureInitialised()
        let expected = Int(crypto_box_seedbytes())
        guard seed.count == expected else {
            throw SealingError.invalidLength(what: "seed", expected: expected, actual: seed.count)
        }
        var publicBytes = [UInt8](repeating: 0, count: Int(crypto_box_publickeybytes()))
        let secret = SecureBytes(count: Int(crypto_box_secretkeybytes()))
        seed.withUnsafeBytes { seedBuffer in
            secret.withUnsafeMutableBytes { secretBuffer in
                _ = crypto_box_seed_keypair(
                    &publicBytes,
                    secretBuffer.bindMemory(to: UInt8.self).baseAddress!,
                    seedBuffer.bindMemory(to: UInt8.self).baseAddress!
                )
            }
        }
        self.publicKey = try BoxPublicKey(bytes: publicBytes)
        self.secretKey = secret
    }

    private static func unreachableKey() -> BoxPublicKey {
        preconditionFailure("crypto_box_publickeybytes changed length")
    }
}
