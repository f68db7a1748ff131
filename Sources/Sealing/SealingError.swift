/// Why a cryptographic operation refused its input.
public enum SealingError: Error, Equatable, Sendable {
    /// Authentication failed: wrong key, tampered, moved or swapped ciphertext.
    case authenticationFailed
    /// A key, nonce or ciphertext has the wrong length.
    case invalidLength(what: String, expected: Int, actual: Int)
    /// Padding is malformed after decryption.
    case invalidPadding
    /// The passphrase hash could not be computed (out of memory).
    case passphraseHashFailed
    /// libsodium refused the operation.
    case operationFailed(String)
}
