import CSodium

/// An Ed25519 public key that checks signatures on audit heads and exports.
public struct SigningPublicKey: Hashable, Sendable {
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) throws {
        let expected = Int(crypto_sign_publickeybytes())
        guard bytes.count == expected else {
            throw SealingError.invalidLength(what: "signing public key", expected: expected, actual: bytes.count)
        }
        self.bytes = bytes
    }

    /// True when `signature` is this key's signature over `message`.
    public func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        Sodium.ensureInitialised()
        guard signature.count == Int(crypto_sign_bytes()) else { return false }
        return crypto_sign_verify_detached(signature, message, UInt64(message.count), bytes) == 0
    }
}

/// The server's Ed25519 signing key, kept as its 32-byte seed in wiping memory.
public final class SigningKeyPair: Sendable {
    public let publicKey: SigningPublicKey
    private let secretKey: SecureBytes
    /// The seed the key pair is made from; this is what gets stored.
    public let seed: SecureBytes

    /// A fresh random signing key.
    public convenience init() {
        try! self.init(seed: SecureBytes(randomCount: Int(crypto_sign_seedbytes())))  // length is correct by construction
    }

    /// The signing key made from a stored seed.
    public init(seed: SecureBytes) throws {
        Sodium.ensureInitialised()
        let expected = Int(crypto_sign_seedbytes())
        guard seed.count == expected else {
            throw SealingError.invalidLength(what: "signing seed", expected: expected, actual: seed.count)
        }
        var publicBytes = [UInt8](repeating: 0, count: Int(crypto_sign_publickeybytes()))
        let secret = SecureBytes(count: Int(crypto_sign_secretkeybytes()))
        seed.withUnsafeBytes { seedBuffer in
            secret.withUnsafeMutableBytes { secretBuffer in
                _ = crypto_sign_seed_keypair(
                    &publicBytes, secretBuffer.bindMemory(to: UInt8.self).baseAddress!,
                    seedBuffer.bindMemory(to: UInt8.self).baseAddress!
                )
            }
        }
        self.publicKey = try SigningPublicKey(bytes: publicBytes)
        self.secretKey = secret
        self.seed = seed
    }

    /// A detached signature over `message`.
    public func sign(_ message: [UInt8]) -> [UInt8] {
        var signature = [UInt8](repeating: 0, count: Int(crypto_sign_bytes()))
        secretKey.withUnsafeBytes { secret in
            _ = crypto_sign_detached(
                &signature, nil, message, UInt64(message.count),
                secret.bindMemory(to: UInt8.self).baseAddress!
            )
        }
        return signature
    }
}
