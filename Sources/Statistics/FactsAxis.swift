/// One dimension of a count, resolved once: the codes tables list along it, and every case's
/// positions in that list, stored flat (case `i` holds `positions[starts[i]..<starts[i + 1]]`).
/// Each distinct code a case names is looked up in the taxonomy once per dimension, not once
/// per case, and no case allocates: a release over 100,000 cases reads them along a dozen
/// dimensions (docs/benchmark.md, issue 18).
struct FactsAxis: Sendable {
    let codes: [String]
    let starts: [Int32]
    let positions: [Int32]

    /// The same as reading `vocabulary.values(of:along:)` for each case and mapping the values
    /// to their first position in `codes`; `FactsAxisTests` holds them against each other.
    init(_ dimension: StatDimension, facts: ArraySlice<CaseFacts>, vocabulary: StatVocabulary) {
        let codes = vocabulary.codes(dimension)
        var firstPosition: [String: Int32] = [:]
        for (position, code) in codes.enumerated() where firstPosition[code] == nil { firstPosition[code] = Int32(position) }
        let missing = firstPosition[StatDimension.missing] ?? -1
        let multiValued = vocabulary.isMultiValued(dimension)
        let resolve = vocabulary.resolver(along: dimension)
        // Per named code: the value it counts under (an id per distinct value, for telling
        // repeats apart) and that value's position, -1 where `codes` does not list it;
        // nil where the vocabulary does not know the code.
        var resolved: [String: (value: Int32, position: Int32)?] = [:]
        var values: [String: Int32] = [:]
        var starts: [Int32] = [0]
        starts.reserveCapacity(facts.count + 1)
        var positions: [Int32] = []
        positions.reserveCapacity(facts.count + facts.count / 2)
        var seen: [Int32] = []
        /// One code a case names, in its order: resolved (once per distinct code), and its
        /// position kept unless the case already counts under the same value.
        func visit(_ code: String) {
            guard multiValued || seen.isEmpty else { return }
            let entry: (value: Int32, position: Int32)?
            if let known = resolved[code] {
                entry = known
            } else {
                entry = resolve(code).map { value in
                    let id: Int32
                    if let known = values[value] {
                        id = known
                    } else {
                        id = Int32(values.count)
                        values[value] = id
                    }
                    return (id, firstPosition[value] ?? -1)
                }
                resolved[code] = entry
            }
            guard let entry, !seen.contains(entry.value) else { return }
            seen.append(entry.value)
            if entry.position >= 0 { positions.append(entry.position) }
        }
        // Each field is read in place through the buffer, as `values(of:along:)` starts from it:
        // handing a classification on, or iterating the slice, would copy it (a retain per
        // field), which was most of the indexing time.
        facts.withUnsafeBufferPointer { facts in
            for index in facts.indices {
                seen.removeAll(keepingCapacity: true)
                switch dimension {
                case .facet(let key, _): facts[index].codes[key]?.forEach(visit)
                case .kind: visit(facts[index].kind)
                case .regierungsbezirk: facts[index].region.map(visit)
                case .outcome: facts[index].outcome.map(visit)
                case .intervention: facts[index].interventions.forEach(visit)
                case .flag: facts[index].flags.forEach(visit)
                }
                if seen.isEmpty && missing >= 0 { positions.append(missing) }
                starts.append(Int32(positions.count))
            }
        }
        self.codes = codes
        self.starts = starts
        self.positions = positions
    }

    init(codes: [String], starts: [Int32], positions: [Int32]) {
        self.codes = codes
        self.starts = starts
        self.positions = positions
    }

    /// The axes of consecutive runs of cases as one, in the runs' order.
    static func joining(_ parts: [FactsAxis], codes: [String]) -> FactsAxis {
        var starts: [Int32] = [0]
        starts.reserveCapacity(parts.reduce(1) { $0 + $1.starts.count - 1 })
        var positions: [Int32] = []
        positions.reserveCapacity(parts.reduce(0) { $0 + $1.positions.count })
        for part in parts {
            let offset = Int32(positions.count)
            starts.append(contentsOf: part.starts.dropFirst().lazy.map { $0 + offset })
            positions.append(contentsOf: part.positions)
        }
        return FactsAxis(codes: codes, starts: starts, positions: positions)
    }
}
