/// A small seeded generator (SplitMix64): the same seed draws the same numbers on every run and
/// machine, for synthetic populations (benchmarks, the demo) and reproducible tests. Never for
/// keys, ids or noise that protects anyone: those come from libsodium.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// An index drawn with probability proportional to `weights`.
    mutating func pick(_ weights: [Int]) -> Int {
        var remaining = Int.random(in: 0..<max(1, weights.reduce(0, +)), using: &self)
        for (index, weight) in weights.enumerated() {
            if remaining < weight { return index }
            remaining -= weight
        }
        return weights.count - 1
    }
}
