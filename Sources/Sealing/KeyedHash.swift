import CSodium

/// `crypto_generichash` under a key: lookup ids, and rate-limit buckets that name no address.
public enum KeyedHash {
    public static func hash(_ message: [UInt8], key: SecureBytes, length: Int = 16) -> [UInt8] {
        Sodium.ensureInitialised()
        var output = [UInt8](repeating: 0, count: length)
        key.withUnsafeBytes { keyBytes in
            _ = crypto_generichash(&output, length, message, UInt64(message.count),
                                   keyBytes.bindMemory(to: UInt8.self).baseAddress!, keyBytes.count)
        }
        return output
    }

    /// Unkeyed BLAKE2b, for content fingerprints.
    public static func digest(_ message: [UInt8], length: Int = 32) -> [UInt8] {
        Sodium.ensureInitialised()
        var output = [UInt8](repeating: 0, count: length)
        _ = crypto_generichash(&output, length, message, UInt64(message.count), nil, 0)
        return output
    }
}
