import Statistics

/// SplitMix64 with a fixed seed: statistically good, deterministic, so distribution tests cannot
/// flake. Uniform draws by rejection, like `SystemRandomSource`.
struct SeededRandomSource: RandomSource {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func uniform(below upperBound: UInt64) -> UInt64 {
        let threshold = (0 &- upperBound) % upperBound
        while true {
            let draw = next()
            if draw >= threshold { return draw % upperBound }
        }
    }
}
