import CSodium

/// SHA-256 of a whole file: the fingerprint a counsellor can check with `sha256sum` against a
/// scan they keep elsewhere, and the hash a Content-Security-Policy names an inline stylesheet by.
/// BLAKE2b (`KeyedHash.digest`) stays the hash of everything only this server compares.
public enum FileDigest {
    public static let sha256Length = Int(crypto_hash_sha256_bytes())

    public static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        Sodium.ensureInitialised()
        var output = [UInt8](repeating: 0, count: sha256Length)
        _ = crypto_hash_sha256(&output, bytes, UInt64(bytes.count))
        return output
    }
}
