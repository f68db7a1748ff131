import Statistics

/// Replays given draws in order and records every bound asked for, so a test can follow the
/// sampler step by step. A draw outside its bound, or one more draw than scripted, is recorded
/// as a problem (and answered with the bound's largest value, which ends every loop).
struct ScriptedRandomSource: RandomSource {
    private(set) var values: [UInt64]
    private(set) var bounds: [UInt64] = []
    private(set) var problems: [String] = []

    init(_ values: [UInt64]) {
        self.values = values
    }

    var exhausted: Bool { bounds.count >= values.count }

    mutating func uniform(below upperBound: UInt64) -> UInt64 {
        defer { bounds.append(upperBound) }
        guard bounds.count < values.count else {
            problems.append("draw \(bounds.count + 1) below \(upperBound) was not scripted")
            return upperBound - 1
        }
        let value = values[bounds.count]
        guard value < upperBound else {
            problems.append("draw \(bounds.count + 1): \(value) is not below \(upperBound)")
            return upperBound - 1
        }
        return value
    }
}
