/// The second tier of the integer oracle, for releases too large to enumerate point by point:
/// a complete depth-first search over the same integer box (0…cap per unknown) with bound
/// propagation on the identities, asked yes/no questions ("is there a consistent table with
/// x ≤ m?"). Binary search on m gives each suppressed count's exact smallest value in the box;
/// one more question asks for a table with x ≥ smallest + width. Every table found is kept as
/// a witness for all counts, which answers most questions before they are asked. Every answer
/// is backed by a found table or an exhausted search, never by a heuristic.
struct IntegerSearchOracle {
    let system: OracleSystem
    let cap: Int
    /// Nodes per yes/no question.
    let budget: Int
    let width: Int

    private enum Outcome {
        case found([Int])
        case none, exhausted
    }

    /// Flat relations: terms `starts[r]..<starts[r + 1]`, the last slot of a box is the constant 1.
    private struct Flat {
        var starts: [Int] = [0]
        var quantities: [Int] = []
        var coefficients: [Int] = []
        var isEquality: [Bool] = []

        mutating func add(_ terms: [(quantity: Int, coefficient: Int)], equality: Bool) {
            for term in terms {
                quantities.append(term.quantity)
                coefficients.append(term.coefficient)
            }
            starts.append(quantities.count)
            isEquality.append(equality)
        }
    }

    /// nil when a question exceeded the budget; `pairs` are the `groupPairs` offsets to decide.
    /// `low`/`high` of the answer are exact for the smallest value and a witness (at least
    /// smallest + width when one exists) for the largest.
    func solve(pairs: [Int]) -> BruteForceOracle.Answer? {
        var flat = Flat()
        for relation in system.relations { flat.add(relation.terms, equality: relation.isEquality) }
        let constant = system.count
        let lower = system.printed.map { $0 ?? 0 } + [1]
        let upper = system.printed.map { $0 ?? cap } + [1]
        var answer = BruteForceOracle.Answer()
        var seenLow = [Int](repeating: .max, count: system.count)
        var seenHigh = [Int](repeating: .min, count: system.count)
        func ask(_ low: [Int], _ high: [Int], _ relations: Flat) -> Outcome {
            var nodes = 0
            let outcome = search(low, high, relations, &nodes)
            if case .found(let table) = outcome {
                for index in 0..<system.count {
                    seenLow[index] = min(seenLow[index], table[index])
                    seenHigh[index] = max(seenHigh[index], table[index])
                }
            }
            return outcome
        }
        guard case .found = ask(lower, upper, flat) else { return nil }
        for quantity in system.checked {
            var (low, high) = (0, seenLow[quantity])
            while low < high {
                let middle = (low + high) / 2
                var bound = upper
                bound[quantity] = middle
                switch ask(lower, bound, flat) {
                case .found(let table): high = table[quantity]
                case .none: low = middle + 1
                case .exhausted: return nil
                }
            }
            answer.low[quantity] = low
            if seenHigh[quantity] < low + width {
                var bound = lower
                bound[quantity] = low + width
                if case .exhausted = ask(bound, upper, flat) { return nil }
            }
            answer.high[quantity] = seenHigh[quantity]
        }
        let allPairs = system.groupPairs
        for offset in pairs {
            let pair = allPairs[offset]
            var relations = flat
            relations.add([(pair.group, 1), (pair.cell, -1), (constant, -1)], equality: false)
            switch ask(lower, upper, relations) {
            case .found: answer.outsideGroup[offset] = 1
            case .none: answer.outsideGroup[offset] = 0
            case .exhausted: return nil
            }
        }
        return answer
    }

    private func search(_ lower: [Int], _ upper: [Int], _ relations: Flat, _ nodes: inout Int) -> Outcome {
        nodes += 1
        guard nodes <= budget else { return .exhausted }
        var (low, high) = (lower, upper)
        guard tighten(&low, &high, relations) else { return .none }
        var split = -1
        for index in low.indices where low[index] < high[index] {
            if split < 0 || high[index] - low[index] < high[split] - low[split] { split = index }
        }
        guard split >= 0 else { return .found(low) }
        let middle = (low[split] + high[split]) / 2
        var left = high
        left[split] = middle
        let first = search(low, left, relations, &nodes)
        guard case .none = first else { return first }
        var right = low
        right[split] = middle + 1
        return search(right, high, relations, &nodes)
    }

    /// Bound propagation for Σ c·x ≥ 0 (and ≤ 0 for equalities), coefficients ±1, to a fixpoint.
    private func tighten(_ low: inout [Int], _ high: inout [Int], _ relations: Flat) -> Bool {
        var changed = true
        while changed {
            changed = false
            for relation in 0..<relations.isEquality.count {
                let range = relations.starts[relation]..<relations.starts[relation + 1]
                var most = 0
                var least = 0
                for term in range {
                    let (quantity, coefficient) = (relations.quantities[term], relations.coefficients[term])
                    if coefficient > 0 {
                        most += high[quantity]
                        least += low[quantity]
                    } else {
                        most -= low[quantity]
                        least -= high[quantity]
                    }
                }
                let equality = relations.isEquality[relation]
                if most < 0 || (equality && least > 0) { return false }
                for term in range {
                    let quantity = relations.quantities[term]
                    let (ownLow, ownHigh) = (low[quantity], high[quantity])
                    var (from, to) = (ownLow, ownHigh)
                    if relations.coefficients[term] > 0 {
                        // x + others ≥ 0: x ≥ −(most of the others); equalities also x ≤ −(least of the others).
                        from = ownHigh - most
                        if equality { to = ownLow - least }
                    } else {
                        // −x + others ≥ 0: x ≤ most of the others; equalities also x ≥ least of the others.
                        to = most + ownLow
                        if equality { from = least + ownHigh }
                    }
                    if from > ownLow {
                        low[quantity] = from
                        changed = true
                    }
                    if to < ownHigh {
                        high[quantity] = to
                        changed = true
                    }
                    if low[quantity] > high[quantity] { return false }
                }
            }
        }
        return true
    }
}
