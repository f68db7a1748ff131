/// Why a decrypted classification was refused. Only offsets and the format byte are named,
/// never a byte of the classification itself, so the error can be logged.
public enum FacetPlaintextError: Error, Equatable, Sendable {
    case empty
    /// The first byte names no known format (1 binary, `{` JSON).
    case unknownFormat(UInt8)
    /// A length, count, tag or string at this offset does not fit what is left, or is not UTF-8.
    case malformed(at: Int)
    /// A whole classification was read, and bytes are left from this offset on.
    case trailingBytes(at: Int)
    /// JSON that does not decode to a classification.
    case invalidJSON
}
