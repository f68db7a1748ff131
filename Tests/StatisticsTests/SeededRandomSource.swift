import Statistics

/// SplitMix64 with a fixed seed: statistically good, deterministic, so distribution tests cannot
/// flake. Uniform draws by rejection, like `SystemRandomSource`.
struct SeededRandomSource: RandomSource {
    private var generator: SplitMix64

    init(seed: UInt64) {
        generator = SplitMix64(seed: seed)
    }

    mutating func next() -> UInt64 { generator.next() }

    mutating func uniform(below upperBound: UInt64) -> UInt64 {
        let threshold = (0 &- upperBound) % upperBound
        while true {
            let draw = next()
            if draw >= threshold { return draw % upperBound }
        }
    }
}
