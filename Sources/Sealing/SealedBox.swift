import CSodium

/// Anonymous public-key encryption (`crypto_box_seal`): intake seals a case's keys to the
/// office public key without holding any secret itself.
public enum SealedBox {
    /// The overhead a sealed box adds to its plaintext.
    public static var overhead: Int { Int(crypto_box_sealbytes()) }

    /// Seals secret bytes to `recipient`.
    public static func seal(_ plaintext: SecureBytes, to recipient: BoxPublicKey) -> [UInt8] {
        Sodium.ensureInitialised()
        var ciphertext = [UInt8](repeating: 0, count: plaintext.count + overhead)
        plaintext.withUnsafeBytes { message in
            let base = message.bindMemory(to: UInt8.self).baseAddress ?? UnsafePointer(ciphertext)
            _ = crypto_box_seal(&ciphertext, base, UInt64(message.count), recipient.bytes)
        }
        return ciphertext
    }

    /// Opens a sealed box with the recipient's key pair.
    public static func open(_ ciphertext: [UInt8], with keyPair: BoxKeyPair) throws -> SecureBytes {
        Sodium.ensureInitialised()
        guard ciphertext.count >= overhead else {
            throw SealingError.invalidLength(what: "sealed box", expected: overhead, actual: ciphertext.count)
        }
        let plaintext = SecureBytes(count: ciphertext.count - overhead)
        let status = plaintext.withUnsafeMutableBytes { out in
            keyPair.secretKey.withUnsafeBytes { secret in
                crypto_box_seal_open(
                    out.bindMemory(to: UInt8.self).baseAddress!,
                    ciphertext, UInt64(ciphertext.count),
                    keyPair.publicKey.bytes,
                    secret.bindMemory(to: UInt8.self).baseAddress!
                )
            }
        }
        guard status == 0 else { throw SealingError.authenticationFailed }
        return plaintext
    }
}
