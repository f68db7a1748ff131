import CSodium

/// Secret bytes in `sodium_malloc` memory: guarded, locked where the system allows, and wiped
/// when the last reference goes. Every key, passphrase and receipt lives in one of these.
public final class SecureBytes: @unchecked Sendable {
    private let pointer: UnsafeMutableRawPointer
    /// The pool whose slot holds the bytes, or nil for their own allocation.
    private let pool: SecureMemoryPool?
    /// The number of secret bytes.
    public let count: Int

    /// Zero-filled secret memory of `count` bytes.
    public init(count: Int) {
        Sodium.ensureInitialised()
        let pool = SecureMemoryPool.pool(for: count)
        if let pool, let slot = pool.allocate(count) {
            self.pointer = slot
            self.pool = pool
        } else {
            let size = max(count, 1)
            guard let memory = sodium_malloc(size) else {
                fatalError("sodium_malloc failed: out of memory for secrets")
            }
            sodium_memzero(memory, size)
            self.pointer = memory
            self.pool = nil
        }
        self.count = count
    }

    /// Fresh random secret bytes (keys).
    public convenience init(randomCount count: Int) {
        self.init(count: count)
        if count > 0 { randombytes_buf(pointer, count) }
    }

    /// Copies `bytes` into secret memory. The caller wipes its own copy where it can.
    public convenience init(copying bytes: some Collection<UInt8>) {
        self.init(count: bytes.count)
        var index = 0
        for byte in bytes {
            pointer.storeBytes(of: byte, toByteOffset: index, as: UInt8.self)
            index += 1
        }
    }

    /// Copies the UTF-8 of a string (a passphrase) into secret memory.
    public convenience init(utf8 string: String) {
        self.init(copying: string.utf8)
    }

    deinit {
        if let pool {
            pool.release(pointer)
        } else {
            sodium_free(pointer)
        }
    }

    /// Read access; the buffer must not escape the closure.
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(start: pointer, count: count))
    }

    /// Write access, for filling freshly made secret memory.
    public func withUnsafeMutableBytes<Result>(_ body: (UnsafeMutableRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeMutableRawBufferPointer(start: pointer, count: count))
    }

    /// A plain copy, for the few places that must hand bytes on (sealing them to a key).
    /// The caller wipes it with `Sodium.wipe` when done.
    public func copyBytes() -> [UInt8] {
        [UInt8](UnsafeRawBufferPointer(start: pointer, count: count))
    }

    /// A slice of these bytes as new secret memory.
    public func slice(_ range: Range<Int>) -> SecureBytes {
        precondition(range.lowerBound >= 0 && range.upperBound <= count)
        let result = SecureBytes(count: range.count)
        result.withUnsafeMutableBytes { target in
            if let base = target.baseAddress, range.count > 0 {
                base.copyMemory(from: pointer + range.lowerBound, byteCount: range.count)
            }
        }
        return result
    }

    /// Constant-time comparison.
    public func constantTimeEquals(_ other: SecureBytes) -> Bool {
        guard count == other.count else { return false }
        return other.withUnsafeBytes { other in
            guard let otherBase = other.baseAddress else { return count == 0 }
            return sodium_memcmp(UnsafeRawPointer(pointer), otherBase, count) == 0
        }
    }

    /// Concatenates secrets without leaving a plain copy behind.
    public static func concatenating(_ parts: [SecureBytes]) -> SecureBytes {
        let total = parts.reduce(0) { $0 + $1.count }
        let result = SecureBytes(count: total)
        result.withUnsafeMutableBytes { target in
            var offset = 0
            for part in parts {
                part.withUnsafeBytes { source in
                    if let base = source.baseAddress, source.count > 0, let targetBase = target.baseAddress {
                        (targetBase + offset).copyMemory(from: base, byteCount: source.count)
                    }
                }
                offset += part.count
            }
        }
        return result
    }
}
