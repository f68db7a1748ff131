import CSodium

/// Encrypts case records with XChaCha20-Poly1305 under a case or mailbox key, padded with
/// `sodium_pad` so a ciphertext's length tells only its padding block.
public enum RecordCipher {
    public static var keyLength: Int { Int(crypto_aead_xchacha20poly1305_ietf_keybytes()) }
    static var nonceLength: Int { Int(crypto_aead_xchacha20poly1305_ietf_npubbytes()) }
    static var tagLength: Int { Int(crypto_aead_xchacha20poly1305_ietf_abytes()) }

    /// The default padding block: short texts all look alike.
    public static let defaultBlockSize = 256

    /// Returns nonce ‖ ciphertext of the padded plaintext.
    public static func seal(
        _ plaintext: [UInt8], key: SecureBytes, association: RecordAssociation,
        blockSize: Int = defaultBlockSize
    ) throws -> [UInt8] {
        Sodium.ensureInitialised()
        try checkKey(key)
        // Narrative plaintext is wiped on a best-effort basis (DESIGN.md): an ordinary buffer,
        // zeroed before release, rather than locked memory.
        var padded = plaintext + [UInt8](repeating: 0, count: blockSize)
        defer { Sodium.wipe(&padded) }
        var paddedLength = 0
        let padStatus = padded.withUnsafeMutableBufferPointer { buffer -> Int32 in
            sodium_pad(&paddedLength, buffer.baseAddress!, plaintext.count, blockSize, buffer.count)
        }
        guard padStatus == 0 else { throw SealingError.operationFailed("sodium_pad") }
        let nonce = Sodium.randomBytes(nonceLength)
        let associated = association.encoded
        var ciphertext = [UInt8](repeating: 0, count: paddedLength + tagLength)
        var ciphertextLength: UInt64 = 0
        padded.withUnsafeBufferPointer { message in
            key.withUnsafeBytes { keyBytes in
                _ = crypto_aead_xchacha20poly1305_ietf_encrypt(
                    &ciphertext, &ciphertextLength,
                    message.baseAddress!, UInt64(paddedLength),
                    associated, UInt64(associated.count),
                    nil, nonce,
                    keyBytes.bindMemory(to: UInt8.self).baseAddress!
                )
            }
        }
        return nonce + ciphertext.prefix(Int(ciphertextLength))
    }

    /// Opens a record; fails on a wrong key, a changed byte, or a different association.
    public static func open(_ sealed: [UInt8], key: SecureBytes, association: RecordAssociation) throws -> SecureBytes {
        let (padded, length) = try decrypt(sealed, key: key, association: association)
        return padded.slice(0..<length)
    }

    /// Opens a record and hands its plaintext to `body` where it was decrypted, in secret memory
    /// wiped afterwards: for records read by the thousand (a release opens every classification
    /// of an office), which need no second copy. The buffer must not escape `body`.
    public static func open<Result>(
        _ sealed: [UInt8], key: SecureBytes, association: RecordAssociation,
        reading body: (UnsafeRawBufferPointer) throws -> Result
    ) throws -> Result {
        let (padded, length) = try decrypt(sealed, key: key, association: association)
        return try padded.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[0..<length])) }
    }

    /// The padded plaintext in secret memory and the length of what it pads.
    private static func decrypt(_ sealed: [UInt8], key: SecureBytes, association: RecordAssociation) throws -> (SecureBytes, Int) {
        Sodium.ensureInitialised()
        try checkKey(key)
        guard sealed.count >= nonceLength + tagLength else {
            throw SealingError.invalidLength(what: "record", expected: nonceLength + tagLength, actual: sealed.count)
        }
        let associated = association.encoded
        let padded = SecureBytes(count: sealed.count - nonceLength - tagLength)
        var paddedLength: UInt64 = 0
        let status = sealed.withUnsafeBufferPointer { sealedBytes in
            padded.withUnsafeMutableBytes { out in
                key.withUnsafeBytes { keyBytes in
                    // The nonce leads; the ciphertext and its tag follow it.
                    crypto_aead_xchacha20poly1305_ietf_decrypt(
                        out.bindMemory(to: UInt8.self).baseAddress!, &paddedLength, nil,
                        sealedBytes.baseAddress! + nonceLength, UInt64(sealedBytes.count - nonceLength),
                        associated, UInt64(associated.count),
                        sealedBytes.baseAddress!, keyBytes.bindMemory(to: UInt8.self).baseAddress!
                    )
                }
            }
        }
        guard status == 0 else { throw SealingError.authenticationFailed }
        return (padded, try unpaddedLength(padded, length: Int(paddedLength)))
    }

    /// Finds the ISO/IEC 7816-4 marker (0x80 followed by zeros) from the end.
    private static func unpaddedLength(_ padded: SecureBytes, length: Int) throws -> Int {
        let end: Int? = padded.withUnsafeBytes { buffer in
            var index = length - 1
            while index >= 0 {
                let byte = buffer[index]
                if byte == 0x80 { return index }
                if byte != 0 { return nil }
                index -= 1
            }
            return nil
        }
        guard let end else { throw SealingError.invalidPadding }
        return end
    }

    private static func checkKey(_ key: SecureBytes) throws {
        guard key.count == keyLength else {
            throw SealingError.invalidLength(what: "record key", expected: keyLength, actual: key.count)
        }
    }
}
