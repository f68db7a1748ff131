import CSodium

/// Unkeyed BLAKE2b over parts fed one after another, without first joining them into one
/// array: `audit verify` hashes a million chain entries straight from SQLite's row buffers.
/// The hash state lives on the stack for the duration of `KeyedHash.digest(into:_:)`; its C type
/// is 64-byte aligned and imports only as an opaque pointer.
public struct DigestStream: ~Copyable {
    private let state: OpaquePointer

    fileprivate init(state: OpaquePointer) {
        self.state = state
    }

    public func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        _ = crypto_generichash_update(state, base.assumingMemoryBound(to: UInt8.self), UInt64(bytes.count))
    }

    public func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Eight bytes, most significant first: how the chain encodes sequence numbers and lengths.
    public func update(bigEndian value: UInt64) {
        withUnsafeBytes(of: value.bigEndian) { update($0) }
    }

    /// A length-prefixed field, so that no two different field lists hash the same bytes.
    public func update(field bytes: UnsafeRawBufferPointer) {
        update(bigEndian: UInt64(bytes.count))
        update(bytes)
    }
}

extension KeyedHash {
    /// Streams the parts `feed` gives into an unkeyed BLAKE2b digest of `output.count` bytes,
    /// written to `output`. Equal to `digest(_:length:)` over the concatenated parts.
    public static func digest(into output: UnsafeMutableRawBufferPointer, _ feed: (borrowing DigestStream) -> Void) {
        Sodium.ensureInitialised()
        checkLengths(output: output.count, key: nil)
        let stateSize = crypto_generichash_statebytes()
        withUnsafeTemporaryAllocation(byteCount: stateSize, alignment: 64) { raw in
            // Non-empty by construction: `stateSize` is libsodium's state size.
            let state = OpaquePointer(raw.baseAddress.unsafelyUnwrapped)
            _ = crypto_generichash_init(state, nil, 0, output.count)
            let stream = DigestStream(state: state)
            feed(stream)
            _ = crypto_generichash_final(state, output.baseAddress.unsafelyUnwrapped.assumingMemoryBound(to: UInt8.self), output.count)
            sodium_memzero(raw.baseAddress.unsafelyUnwrapped, stateSize)
        }
    }
}
