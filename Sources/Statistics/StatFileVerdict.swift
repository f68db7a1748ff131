import Sealing

/// What checking a signed statistics file (or a CSV with its `.sig`) concludes: a result with its
/// reason rather than a thrown error, so the CLI and the Verband's import can say precisely why
/// a file is not accepted.
public enum StatFileVerdict: Sendable, Equatable {
    /// The signature verifies under `key` over exactly the content received. With no expected key
    /// given this only proves the content is intact and signed by *someone* holding `key`: the
    /// caller must still decide whether `key` is one it trusts.
    case valid(key: SigningPublicKey)
    /// The content carries no signature at all.
    case unsigned
    /// The signature names an algorithm other than `ed25519`.
    case wrongAlgorithm
    /// The signature is made with another key than the one expected.
    case keyMismatch
    /// The signature does not verify: the content was changed after signing (or the signature was).
    case badSignature
    /// The bytes are not a statistics file (or signature file) at all: not JSON this module
    /// accepts, a signature member of the wrong shape, or content that does not decode.
    case malformed(String)

    /// True only for `.valid`.
    public var isValid: Bool {
        if case .valid = self { return true }
        return false
    }
}
