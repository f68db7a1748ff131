import CSodium

/// `crypto_generichash` under a key: lookup ids, and rate-limit buckets that name no address.
public enum KeyedHash {
    public static func hash(_ message: [UInt8], key: SecureBytes, length: Int = 16) -> [UInt8] {
        Sodium.ensureInitialised()
        checkLengths(output: length, key: key.count)
        var output = [UInt8](repeating: 0, count: length)
        key.withUnsafeBytes { keyBytes in
            _ = crypto_generichash(
                &output, length, message, UInt64(message.count),
                keyBytes.bindMemory(to: UInt8.self).baseAddress!, keyBytes.count)
        }
        return output
    }

    /// Unkeyed BLAKE2b, for content fingerprints.
    public static func digest(_ message: [UInt8], length: Int = 32) -> [UInt8] {
        Sodium.ensureInitialised()
        checkLengths(output: length, key: nil)
        var output = [UInt8](repeating: 0, count: length)
        _ = crypto_generichash(&output, length, message, UInt64(message.count), nil, 0)
        return output
    }

    /// libsodium silently yields zeros for out-of-range lengths; a keyless lookup id would let
    /// anyone with a receipt compute it. Lengths are fixed in code, so this is a programming error.
    static func checkLengths(output: Int, key: Int?) {
        precondition(
            output >= Int(crypto_generichash_bytes_min()) && output <= Int(crypto_generichash_bytes_max()),
            "generichash output length out of range")
        if let key {
            precondition(
                key >= Int(crypto_generichash_keybytes_min()) && key <= Int(crypto_generichash_keybytes_max()),
                "generichash key length out of range")
        }
    }
}
