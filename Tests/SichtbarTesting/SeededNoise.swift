import Statistics

/// A seeded generator (SplitMix64) so the noise of a dp release is reproducible in tests.
public struct SeededNoise: RandomSource {
    var generator: SplitMix64

    public init(state: UInt64) { generator = SplitMix64(seed: state) }

    public mutating func uniform(below upperBound: UInt64) -> UInt64 {
        while true {
            let z = generator.next()
            let limit = UInt64.max - UInt64.max % upperBound
            if z < limit { return z % upperBound }
        }
    }
}
