import CSodium

/// One place that initialises libsodium before any other call touches it.
public enum Sodium {
    private static let initialised: Bool = sodium_init() >= 0

    /// Call before using libsodium; cheap after the first time.
    @discardableResult
    public static func ensureInitialised() -> Bool {
        precondition(initialised, "libsodium failed to initialise")
        return initialised
    }

    /// Fills `count` bytes from the operating system's random source.
    public static func randomBytes(_ count: Int) -> [UInt8] {
        ensureInitialised()
        var bytes = [UInt8](repeating: 0, count: count)
        bytes.withUnsafeMutableBytes { buffer in
            if let base = buffer.baseAddress { randombytes_buf(base, buffer.count) }
        }
        return bytes
    }

    /// A uniformly distributed integer below `upperBound`.
    public static func randomUniform(_ upperBound: UInt32) -> UInt32 {
        ensureInitialised()
        return randombytes_uniform(upperBound)
    }

    /// 64 uniformly random bits, for samplers that need integers beyond `randomUniform`'s 32-bit
    /// bound (the differential-privacy noise of statistics) without allocating an array per draw.
    public static func randomUInt64() -> UInt64 {
        ensureInitialised()
        var value: UInt64 = 0
        withUnsafeMutableBytes(of: &value) { buffer in
            if let base = buffer.baseAddress { randombytes_buf(base, buffer.count) }
        }
        return value
    }

    /// The constant-time comparison below over borrowed bytes, for hashes read straight from a database row.
    public static func constantTimeEqual(_ lhs: UnsafeRawBufferPointer, _ rhs: UnsafeRawBufferPointer) -> Bool {
        guard lhs.count == rhs.count else { return false }
        guard let left = lhs.baseAddress, let right = rhs.baseAddress else { return true }
        return sodium_memcmp(left, right, lhs.count) == 0
    }

    /// Compares in constant time, so a comparison of secrets leaks nothing through timing.
    public static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        if lhs.isEmpty { return true }
        return lhs.withUnsafeBytes { left in
            rhs.withUnsafeBytes { right in
                sodium_memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0
            }
        }
    }

    /// Overwrites an array's bytes before it is released.
    public static func wipe(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBytes { buffer in
            if let base = buffer.baseAddress { sodium_memzero(base, buffer.count) }
        }
    }
}
