import Statistics

/// Checks published tables against the rules with the independent oracle: enumeration of every
/// integer table when that is small enough, else the complete integer search, else the tests'
/// own LP (rational relaxation: a weaker but still independent check).
enum OracleCheck {
    enum Method { case bruteForce, integerSearch, linearProgram }

    struct Result {
        var problems: [String]
        var method: Method
    }

    /// `linkingQuarters` reads a year and its quarters together (`OracleSystem`); `cap` then
    /// bounds the search instead of the largest printed total, which a quarter's may be.
    static func check(
        _ output: [StatTable], truth input: [StatTable], width: Int = 5, minimum: Int = 5,
        groupAttribute: Bool = true, budget: Int = 3_000, linkingQuarters: Bool = false, cap given: Int? = nil
    ) -> Result {
        let system = OracleSystem(output, linkingQuarters: linkingQuarters)
        let truth = OracleSystem(input)
        var problems: [String] = []
        for table in output {
            for cell in table.cells + table.margins {
                if let count = cell.count, count >= 1, count < minimum { problems.append("\(table.name) \(cell.key) prints \(count)") }
                if cell.suppressed, cell.count != nil { problems.append("\(table.name) \(cell.key) is suppressed but printed") }
            }
        }
        for quantity in system.suppressed where system.printed[quantity] != nil {
            problems.append("\(system.names[quantity]) is suppressed in one table but printed in another")
        }
        // Every count of a unit is at most its grand total, and that at most the sum of any of
        // its tables' cells. A printed grand total bounds the search; else that sum plus twice
        // the width leaves room for the witnesses.
        let printedTotal = output.compactMap { table in table.margins.first { $0.key.isEmpty }?.count }.max()
        let cellSums = input.map { table in table.cells.reduce(0) { $0 + ($1.count ?? 0) } }
        // A merged count along a multi-valued dimension sums Nennungen: up to its members times
        // the total.
        let members = output.flatMap { $0.recoded.values.flatMap { $0.values.map(\.count) } }.max() ?? 1
        let cap = given ?? members * (printedTotal ?? (cellSums.max() ?? 0) + 2 * width)
        let pairs =
            groupAttribute ? system.groupPairs.indices.filter { wholeGroup(system.groupPairs[$0], truth: truth, output: system) } : []
        let tiers: [(Method, () -> BruteForceOracle.Answer?)] = [
            (.bruteForce, { BruteForceOracle(system: system, cap: cap, budget: budget / 8).solve() }),
            (.integerSearch, { IntegerSearchOracle(system: system, cap: cap, budget: budget, width: width).solve(pairs: pairs) }),
        ]
        for (method, solve) in tiers {
            guard let answer = solve() else { continue }
            for quantity in system.suppressed where system.printed[quantity] == nil {
                let (low, high) = (answer.low[quantity] ?? 0, answer.high[quantity] ?? 0)
                if high - low < width { problems.append("\(system.names[quantity]) lies in [\(low), \(high)]") }
            }
            // A merged-away count may be pinned to 0 (it names no one) or to a range of counts
            // that would be printed anyway; never to a narrow range of small ones.
            for quantity in system.merged where system.printed[quantity] == nil && !system.suppressed.contains(quantity) {
                let (low, high) = (answer.low[quantity] ?? 0, answer.high[quantity] ?? 0)
                let trueValue = truth.number(named: system.names[quantity]).flatMap { truth.printed[$0] }
                guard high - low < width, low < minimum, !(high == 0 && trueValue == 0) else { continue }
                problems.append("merged \(system.names[quantity]) (truly \(trueValue.map(String.init) ?? "?")) lies in [\(low), \(high)]")
            }
            for offset in pairs where (answer.outsideGroup[offset] ?? 0) < 1 {
                problems.append(
                    "\(system.names[system.groupPairs[offset].cell]) provably holds its whole group \(system.names[system.groupPairs[offset].group])"
                )
            }
            return Result(problems: problems, method: method)
        }
        guard let simplex = OracleSimplex(system) else {
            return Result(problems: problems + ["no non-negative table fits the published counts"], method: .linearProgram)
        }
        for quantity in system.suppressed.union(system.merged) where system.printed[quantity] == nil {
            guard let range = simplex.range(of: quantity) else {
                problems.append("\(system.names[quantity]): no range")
                continue
            }
            if system.merged.contains(quantity), !system.suppressed.contains(quantity) {
                let trueValue = truth.number(named: system.names[quantity]).flatMap { truth.printed[$0] }
                guard trueValue != 0, range.low < OracleFraction(minimum) else { continue }
            }
            if let high = range.high, high - range.low < OracleFraction(width) {
                problems.append("\(system.names[quantity]) lies in [\(range.low.top)/\(range.low.bottom), \(high.top)/\(high.bottom)]")
            }
        }
        return Result(problems: problems, method: .linearProgram)
    }

    /// Whether the true counts put the whole group into this cell: the cell is non-zero and
    /// either equals the group's count or is the only non-zero cell of its line.
    private static func wholeGroup(_ pair: (group: Int, cell: Int), truth: OracleSystem, output: OracleSystem) -> Bool {
        let cellName = output.names[pair.cell]
        let groupName = output.names[pair.group]
        guard let cell = truth.names.firstIndex(of: cellName), let group = truth.names.firstIndex(of: groupName),
            let value = truth.printed[cell], value > 0,
            let line = truth.groupLines.first(where: { $0.group == group && $0.cells.contains(cell) })
        else { return false }
        let othersEmpty = line.cells.allSatisfy { $0 == cell || truth.printed[$0] == 0 }
        return othersEmpty || truth.printed[group] == value
    }
}
