/// Enumerates every assignment of non-negative integers up to `cap` to the unknown counts
/// that satisfies every identity, and records each unknown's smallest and largest value. Any
/// width it reports is attained by real integer tables, so "at least 5" from it is a proof.
/// Gives up (nil) beyond `budget` search nodes, and the tests fall back to `OracleSimplex`.
struct BruteForceOracle {
    let system: OracleSystem
    let cap: Int
    let budget: Int

    struct Answer {
        var low: [Int: Int] = [:]
        var high: [Int: Int] = [:]
        /// Per (group, cell) pair of `OracleSystem.groupPairs`: the largest group − cell seen.
        var outsideGroup: [Int: Int] = [:]
    }

    private struct Search {
        let relations: [(terms: [(quantity: Int, coefficient: Int)], isEquality: Bool)]
        let order: [Int]
        let pairs: [(group: Int, cell: Int)]
        var low: [Int]
        var high: [Int]
        var outside: [Int]
        var found = false
        let cap: Int
        let budget: Int
        var nodes = 0
        var exhausted = false
    }

    func solve() -> Answer? {
        // -1 marks an unassigned count.
        var values = system.printed.map { $0 ?? -1 }
        let pairs = system.groupPairs
        var search = Search(
            relations: system.relations.map { ($0.terms, $0.isEquality) }, order: system.unknowns,
            pairs: pairs, low: Array(repeating: .max, count: system.count),
            high: Array(repeating: .min, count: system.count),
            outside: Array(repeating: .min, count: pairs.count), cap: cap, budget: budget)
        explore(&values, &search)
        // Nothing found in the box: no answer (the next tier decides).
        guard !search.exhausted, search.found else { return nil }
        var answer = Answer()
        for quantity in system.unknowns {
            answer.low[quantity] = search.low[quantity]
            answer.high[quantity] = search.high[quantity]
        }
        for offset in pairs.indices { answer.outsideGroup[offset] = search.outside[offset] }
        return answer
    }

    private func explore(_ values: inout [Int], _ search: inout Search) {
        search.nodes += 1
        if search.nodes > search.budget { search.exhausted = true }
        guard !search.exhausted else { return }
        var local = values
        guard propagate(&local, search) else { return }
        guard let next = search.order.first(where: { local[$0] < 0 }) else { return record(local, &search) }
        for value in 0...search.cap {
            local[next] = value
            explore(&local, &search)
            if search.exhausted { return }
        }
    }

    /// Fixes counts forced by an equality with one open term, and rejects a partial assignment
    /// no completion in 0…cap can satisfy; false on a contradiction.
    private func propagate(_ values: inout [Int], _ search: Search) -> Bool {
        var changed = true
        while changed {
            changed = false
            for relation in search.relations {
                var sum = 0
                var highest = 0
                var lowest = 0
                var open = 0
                var lastOpen = (quantity: 0, coefficient: 0)
                for term in relation.terms {
                    let value = values[term.quantity]
                    if value >= 0 {
                        sum += term.coefficient * value
                    } else {
                        open += 1
                        lastOpen = term
                        if term.coefficient > 0 {
                            highest += term.coefficient * search.cap
                        } else {
                            lowest += term.coefficient * search.cap
                        }
                    }
                }
                if sum + highest < 0 { return false }
                if relation.isEquality, sum + lowest > 0 { return false }
                if relation.isEquality, open == 1 {
                    guard (-sum) % lastOpen.coefficient == 0 else { return false }
                    let value = -sum / lastOpen.coefficient
                    guard (0...search.cap).contains(value) else { return false }
                    values[lastOpen.quantity] = value
                    changed = true
                }
            }
        }
        return true
    }

    private func record(_ values: [Int], _ search: inout Search) {
        search.found = true
        for quantity in search.order {
            search.low[quantity] = min(search.low[quantity], values[quantity])
            search.high[quantity] = max(search.high[quantity], values[quantity])
        }
        for (offset, pair) in search.pairs.enumerated() {
            search.outside[offset] = max(search.outside[offset], values[pair.group] - values[pair.cell])
        }
    }
}
