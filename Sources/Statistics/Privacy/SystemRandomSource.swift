import Sealing

/// The operating system's randomness through libsodium: `randombytes_uniform` (unbiased) for
/// bounds that fit 32 bits, and rejection sampling over `randombytes_buf` above that.
public struct SystemRandomSource: RandomSource, Sendable {
    public init() {}

    public mutating func uniform(below upperBound: UInt64) -> UInt64 {
        precondition(upperBound > 0, "a uniform draw needs at least one value")
        if upperBound <= UInt64(UInt32.max) {
            return UInt64(Sodium.randomUniform(UInt32(upperBound)))
        }
        // Reject the lowest 2^64 mod upperBound values so the remaining ones split evenly.
        let threshold = (0 &- upperBound) % upperBound
        while true {
            let draw = Sodium.randomUInt64()
            if draw >= threshold { return draw % upperBound }
        }
    }
}
