import CSodium

/// A secret wrapped under Argon2id of a passphrase: what is stored for each member.
public struct PassphraseWrap: Sendable, Codable, Equatable {
    public let salt: [UInt8]
    public let opsLimit: UInt64
    public let memLimit: Int
    /// nonce ‖ secretbox ciphertext of the wrapped secret.
    public let sealed: [UInt8]

    /// Argon2id cost: never below libsodium's interactive limits.
    public struct Cost: Sendable {
        public let opsLimit: UInt64
        public let memLimit: Int
        public static var interactive: Cost {
            Cost(opsLimit: UInt64(crypto_pwhash_opslimit_interactive()), memLimit: Int(crypto_pwhash_memlimit_interactive()))
        }
    }

    /// Wraps `secret` under a key derived from `passphrase`.
    public static func wrap(_ secret: SecureBytes, passphrase: SecureBytes, cost: Cost = .interactive) throws -> PassphraseWrap {
        let salt = Sodium.randomBytes(Int(crypto_pwhash_saltbytes()))
        let key = try deriveKey(passphrase: passphrase, salt: salt, opsLimit: cost.opsLimit, memLimit: cost.memLimit)
        return PassphraseWrap(
            salt: salt, opsLimit: cost.opsLimit, memLimit: cost.memLimit,
            sealed: try SecretBox.seal(secret, key: key))
    }

    /// Unwraps with `passphrase`; a wrong passphrase fails authentication.
    public func unwrap(passphrase: SecureBytes) throws -> SecureBytes {
        let key = try Self.deriveKey(passphrase: passphrase, salt: salt, opsLimit: opsLimit, memLimit: memLimit)
        return try SecretBox.open(sealed, key: key)
    }

    static func deriveKey(passphrase: SecureBytes, salt: [UInt8], opsLimit: UInt64, memLimit: Int) throws -> SecureBytes {
        Sodium.ensureInitialised()
        guard salt.count == Int(crypto_pwhash_saltbytes()) else {
            throw SealingError.invalidLength(what: "salt", expected: Int(crypto_pwhash_saltbytes()), actual: salt.count)
        }
        guard opsLimit >= UInt64(crypto_pwhash_opslimit_interactive()),
            memLimit >= Int(crypto_pwhash_memlimit_interactive())
        else {
            throw SealingError.operationFailed("Argon2id cost below the interactive limits")
        }
        let key = SecureBytes(count: SecretBox.keyLength)
        let status = key.withUnsafeMutableBytes { out in
            passphrase.withUnsafeBytes { pass in
                pass.withMemoryRebound(to: CChar.self) { chars in
                    crypto_pwhash(
                        out.bindMemory(to: UInt8.self).baseAddress!, UInt64(out.count),
                        chars.baseAddress!, UInt64(chars.count), salt,
                        opsLimit, memLimit, crypto_pwhash_alg_argon2id13()
                    )
                }
            }
        }
        guard status == 0 else { throw SealingError.passphraseHashFailed }
        return key
    }
}
