import CSodium

/// Symmetric authenticated encryption (`crypto_secretbox`) for wrapping one key under another:
/// the mailbox key under the reporter key, a member's secret under their passphrase.
public enum SecretBox {
    public static var keyLength: Int { Int(crypto_secretbox_keybytes()) }
    static var nonceLength: Int { Int(crypto_secretbox_noncebytes()) }
    static var macLength: Int { Int(crypto_secretbox_macbytes()) }

    /// Returns nonce ‖ ciphertext.
    public static func seal(_ plaintext: SecureBytes, key: SecureBytes) throws -> [UInt8] {
        Sodium.ensureInitialised()
        try checkKey(key)
        let nonce = Sodium.randomBytes(nonceLength)
        var ciphertext = [UInt8](repeating: 0, count: plaintext.count + macLength)
        plaintext.withUnsafeBytes { message in
            key.withUnsafeBytes { keyBytes in
                let base = message.bindMemory(to: UInt8.self).baseAddress ?? UnsafePointer(nonce)
                _ = crypto_secretbox_easy(
                    &ciphertext, base, UInt64(message.count), nonce,
                    keyBytes.bindMemory(to: UInt8.self).baseAddress!
                )
            }
        }
        return nonce + ciphertext
    }

    /// Opens nonce ‖ ciphertext into wiping memory.
    public static func open(_ sealed: [UInt8], key: SecureBytes) throws -> SecureBytes {
        Sodium.ensureInitialised()
        try checkKey(key)
        guard sealed.count >= nonceLength + macLength else {
            throw SealingError.invalidLength(what: "secret box", expected: nonceLength + macLength, actual: sealed.count)
        }
        let nonce = Array(sealed[0..<nonceLength])
        let ciphertext = Array(sealed[nonceLength...])
        let plaintext = SecureBytes(count: ciphertext.count - macLength)
        let status = plaintext.withUnsafeMutableBytes { out in
            key.withUnsafeBytes { keyBytes in
                crypto_secretbox_open_easy(
                    out.bindMemory(to: UInt8.self).baseAddress!,
                    ciphertext, UInt64(ciphertext.count), nonce,
                    keyBytes.bindMemory(to: UInt8.self).baseAddress!
                )
            }
        }
        guard status == 0 else { throw SealingError.authenticationFailed }
        return plaintext
    }

    private static func checkKey(_ key: SecureBytes) throws {
        guard key.count == keyLength else {
            throw SealingError.invalidLength(what: "secret box key", expected: keyLength, actual: key.count)
        }
    }
}
