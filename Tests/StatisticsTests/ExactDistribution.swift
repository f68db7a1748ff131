import Statistics

/// The exact output distribution of a randomised procedure over uniform draws, by walking every
/// path of its probability tree (depth first), pruning paths less likely than `pruneBelow`.
enum ExactDistribution {
    static func of<Outcome: Hashable>(pruneBelow: Double, _ run: (inout PathRandomSource) -> Outcome)
        -> (probabilities: [Outcome: Double], pruned: Double)
    {
        var probabilities: [Outcome: Double] = [:]
        var pruned = 0.0
        var stack: [(prefix: [UInt64], weight: Double)] = [([], 1)]
        while let (prefix, weight) = stack.popLast() {
            var source = PathRandomSource(prefix: prefix)
            let outcome = run(&source)
            guard let bound = source.firstUnscriptedBound else {
                probabilities[outcome, default: 0] += weight
                continue
            }
            let childWeight = weight / Double(bound)
            if childWeight < pruneBelow {
                pruned += weight
                continue
            }
            for value in 0..<bound { stack.append((prefix + [value], childWeight)) }
        }
        return (probabilities, pruned)
    }
}
