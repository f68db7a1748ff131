import CSodium

/// The keys a receipt opens: the reporter key (unwraps the mailbox key) and the lookup id
/// (finds the mailbox, keyed with a server secret so the database alone cannot test receipts).
public final class ReceiptKeys: Sendable {
    static let reporterContext = "SbReprtr"
    static let lookupContext = "SbLookup"
    public static let lookupIDLength = 16

    /// Unwraps the mailbox key stored for the reporter.
    public let reporterKey: SecureBytes
    private let lookupSeed: SecureBytes

    /// Derives both keys from the receipt's `crypto_generichash` with `crypto_kdf_derive_from_key`.
    public init(receipt: Receipt) {
        Sodium.ensureInitialised()
        let master = receipt.code.masterKey(length: Int(crypto_kdf_keybytes()))
        self.reporterKey = Self.derive(from: master, id: 1, context: Self.reporterContext, length: SecretBox.keyLength)
        self.lookupSeed = Self.derive(from: master, id: 2, context: Self.lookupContext, length: 32)
    }

    /// The mailbox's lookup id under the server's lookup key.
    public func lookupID(serverKey: SecureBytes) -> [UInt8] {
        KeyedHash.checkLengths(output: Self.lookupIDLength, key: serverKey.count)
        var output = [UInt8](repeating: 0, count: Self.lookupIDLength)
        lookupSeed.withUnsafeBytes { seed in
            serverKey.withUnsafeBytes { key in
                _ = crypto_generichash(
                    &output, output.count,
                    seed.bindMemory(to: UInt8.self).baseAddress!, UInt64(seed.count),
                    key.bindMemory(to: UInt8.self).baseAddress!, key.count
                )
            }
        }
        return output
    }

    static func derive(from master: SecureBytes, id: UInt64, context: String, length: Int) -> SecureBytes {
        let subkey = SecureBytes(count: length)
        let contextBytes = Array(context.utf8)
        precondition(contextBytes.count == Int(crypto_kdf_contextbytes()))
        subkey.withUnsafeMutableBytes { out in
            master.withUnsafeBytes { key in
                contextBytes.withUnsafeBufferPointer { ctx in
                    ctx.withMemoryRebound(to: CChar.self) { ctxChars in
                        _ = crypto_kdf_derive_from_key(
                            out.bindMemory(to: UInt8.self).baseAddress!, out.count, id,
                            ctxChars.baseAddress!, key.bindMemory(to: UInt8.self).baseAddress!
                        )
                    }
                }
            }
        }
        return subkey
    }
}
