/// Where the noise of `mode: dp` gets its randomness: uniform integers only, so the sampler above
/// it is exact integer arithmetic. Production uses `SystemRandomSource` (libsodium); tests inject
/// scripted or seeded sources to check every step and the exact distribution.
public protocol RandomSource {
    /// A uniformly distributed integer in `0..<upperBound`; `upperBound` is at least 1.
    mutating func uniform(below upperBound: UInt64) -> UInt64
}
