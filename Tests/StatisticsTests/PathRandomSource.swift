import Statistics

/// Follows one path of a probability tree: the given draws first, then (to let the run finish)
/// the largest value of each further bound, remembering the first bound it had to answer so.
/// `ExactDistribution` uses it to enumerate every path.
struct PathRandomSource: RandomSource {
    let prefix: [UInt64]
    private var position = 0
    private(set) var firstUnscriptedBound: UInt64?

    init(prefix: [UInt64]) {
        self.prefix = prefix
    }

    mutating func uniform(below upperBound: UInt64) -> UInt64 {
        defer { position += 1 }
        if position < prefix.count { return prefix[position] }
        if firstUnscriptedBound == nil { firstUnscriptedBound = upperBound }
        return upperBound - 1
    }
}
