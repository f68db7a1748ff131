import CSodium

/// `crypto_secretstream_xchacha20poly1305`: a long message in authenticated chunks, for backups.
/// Chunks cannot be reordered, dropped or cut off unnoticed: the last one carries the final tag,
/// and a stream that ends without it is refused. The state lives in wiping memory.
public final class SecretStreamSealer: @unchecked Sendable {
    /// The stream's header: goes before the first chunk.
    public let header: [UInt8]
    private let state: SecureBytes

    public static var keyCount: Int { Int(crypto_secretstream_xchacha20poly1305_keybytes()) }
    public static var headerCount: Int { Int(crypto_secretstream_xchacha20poly1305_headerbytes()) }
    /// What each chunk adds to its plaintext.
    public static var overhead: Int { Int(crypto_secretstream_xchacha20poly1305_abytes()) }

    public init(key: SecureBytes) throws {
        Sodium.ensureInitialised()
        guard key.count == Self.keyCount else {
            throw SealingError.invalidLength(what: "stream key", expected: Self.keyCount, actual: key.count)
        }
        state = SecureBytes(count: Int(crypto_secretstream_xchacha20poly1305_statebytes()))
        var header = [UInt8](repeating: 0, count: Self.headerCount)
        let status = state.withUnsafeMutableBytes { stateBuffer in
            key.withUnsafeBytes { keyBuffer in
                crypto_secretstream_xchacha20poly1305_init_push(
                    stateBuffer.baseAddress!.assumingMemoryBound(to: crypto_secretstream_xchacha20poly1305_state.self), &header,
                    keyBuffer.bindMemory(to: UInt8.self).baseAddress!)
            }
        }
        guard status == 0 else { throw SealingError.operationFailed("crypto_secretstream init_push") }
        self.header = header
    }

    /// Encrypts one chunk; `final` marks the last one.
    public func seal(_ chunk: UnsafeRawBufferPointer, final: Bool) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: chunk.count + Self.overhead)
        let tag = final ? crypto_secretstream_xchacha20poly1305_tag_final() : crypto_secretstream_xchacha20poly1305_tag_message()
        state.withUnsafeMutableBytes { stateBuffer in
            _ = crypto_secretstream_xchacha20poly1305_push(
                stateBuffer.baseAddress!.assumingMemoryBound(to: crypto_secretstream_xchacha20poly1305_state.self), &out, nil,
                chunk.bindMemory(to: UInt8.self).baseAddress, UInt64(chunk.count), nil, 0, tag)
        }
        return out
    }
}

/// The reading side of `SecretStreamSealer`.
public final class SecretStreamOpener: @unchecked Sendable {
    private let state: SecureBytes
    /// The final chunk was read: anything after it is refused, and a stream without it is cut off.
    public private(set) var finished = false

    public init(key: SecureBytes, header: [UInt8]) throws {
        Sodium.ensureInitialised()
        guard key.count == SecretStreamSealer.keyCount else {
            throw SealingError.invalidLength(what: "stream key", expected: SecretStreamSealer.keyCount, actual: key.count)
        }
        guard header.count == SecretStreamSealer.headerCount else {
            throw SealingError.invalidLength(what: "stream header", expected: SecretStreamSealer.headerCount, actual: header.count)
        }
        state = SecureBytes(count: Int(crypto_secretstream_xchacha20poly1305_statebytes()))
        let status = state.withUnsafeMutableBytes { stateBuffer in
            key.withUnsafeBytes { keyBuffer in
                crypto_secretstream_xchacha20poly1305_init_pull(
                    stateBuffer.baseAddress!.assumingMemoryBound(to: crypto_secretstream_xchacha20poly1305_state.self), header,
                    keyBuffer.bindMemory(to: UInt8.self).baseAddress!)
            }
        }
        guard status == 0 else { throw SealingError.authenticationFailed }
    }

    /// Decrypts one chunk into wiping memory; throws when it was changed, moved, or comes after the final one.
    public func open(_ chunk: [UInt8]) throws -> SecureBytes {
        guard !finished else { throw SealingError.operationFailed("data after the end of the stream") }
        guard chunk.count >= SecretStreamSealer.overhead else {
            throw SealingError.invalidLength(what: "stream chunk", expected: SecretStreamSealer.overhead, actual: chunk.count)
        }
        let plain = SecureBytes(count: chunk.count - SecretStreamSealer.overhead)
        var tag: UInt8 = 0
        let status = plain.withUnsafeMutableBytes { out in
            state.withUnsafeMutableBytes { stateBuffer in
                crypto_secretstream_xchacha20poly1305_pull(
                    stateBuffer.baseAddress!.assumingMemoryBound(to: crypto_secretstream_xchacha20poly1305_state.self),
                    out.bindMemory(to: UInt8.self).baseAddress ?? UnsafeMutablePointer(mutating: chunk), nil, &tag,
                    chunk, UInt64(chunk.count), nil, 0)
            }
        }
        guard status == 0 else { throw SealingError.authenticationFailed }
        if tag == crypto_secretstream_xchacha20poly1305_tag_final() { finished = true }
        return plain
    }
}
