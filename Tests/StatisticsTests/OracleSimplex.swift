/// The tests' own linear-programming oracle: the range of one unknown count over the rational
/// relaxation of `OracleSystem` (a superset of the integer range, so a width of at least 5 here
/// is implied by `protect`'s guarantee). Textbook two-phase simplex, one artificial per row,
/// minimisation with Bland's rule; written independently of the module's `SimplexTableau`.
struct OracleSimplex {
    private var rows: [[OracleFraction]]
    private var basis: [Int]
    private var columns: Int
    private var artificialStart: Int
    private let variables: [Int]

    /// nil when the system has no non-negative solution.
    init?(_ system: OracleSystem) {
        variables = system.unknowns
        let column = Dictionary(uniqueKeysWithValues: variables.enumerated().map { ($1, $0) })
        var built: [([OracleFraction], Bool, OracleFraction)] = []
        for relation in system.relations {
            var row = [OracleFraction](repeating: .zero, count: variables.count)
            var constant = 0
            for term in relation.terms {
                if let value = system.printed[term.quantity] {
                    constant += term.coefficient * value
                } else if let index = column[term.quantity] {
                    row[index] = row[index] + OracleFraction(term.coefficient)
                }
            }
            if row.allSatisfy(\.isZero) {
                if relation.isEquality ? constant != 0 : constant < 0 { return nil }
                continue
            }
            built.append((row, relation.isEquality, OracleFraction(-constant)))
        }
        let surplusCount = built.filter { !$0.1 }.count
        artificialStart = variables.count + surplusCount
        columns = artificialStart + built.count
        rows = []
        basis = []
        var surplus = variables.count
        for (offset, (coefficients, isEquality, bound)) in built.enumerated() {
            var row = coefficients + [OracleFraction](repeating: .zero, count: columns - variables.count + 1)
            if !isEquality {
                row[surplus] = OracleFraction(-1)
                surplus += 1
            }
            row[columns] = bound
            if bound < .zero { row = row.map { .zero - $0 } }
            row[artificialStart + offset] = OracleFraction(1)
            rows.append(row)
            basis.append(artificialStart + offset)
        }
        var phaseOne = [OracleFraction](repeating: .zero, count: columns)
        for index in artificialStart..<columns { phaseOne[index] = OracleFraction(1) }
        guard let cost = minimize(phaseOne, allowArtificial: true), cost.isZero else { return nil }
        removeArtificialsFromBasis()
    }

    /// (smallest, largest) value of the unknown quantity; largest nil when unbounded.
    func range(of quantity: Int) -> (low: OracleFraction, high: OracleFraction?)? {
        guard let index = variables.firstIndex(of: quantity) else { return nil }
        var forMinimum = self
        var forMaximum = self
        var cost = [OracleFraction](repeating: .zero, count: columns)
        cost[index] = OracleFraction(1)
        guard let low = forMinimum.minimize(cost, allowArtificial: false) else { return nil }
        cost[index] = OracleFraction(-1)
        let high = forMaximum.minimize(cost, allowArtificial: false).map { .zero - $0 }
        return (low, high)
    }

    /// Minimises cost·x from the current basis; nil when unbounded below.
    private mutating func minimize(_ cost: [OracleFraction], allowArtificial: Bool) -> OracleFraction? {
        let limit = allowArtificial ? columns : artificialStart
        while true {
            // Reduced cost of column j: c_j − Σ_i c_basis(i) · a_ij.
            var entering: Int?
            for candidate in 0..<limit where !basis.contains(candidate) {
                var reduced = cost[candidate]
                for (row, basic) in basis.enumerated() { reduced = reduced - cost[basic] * rows[row][candidate] }
                if reduced < .zero {
                    entering = candidate
                    break
                }
            }
            guard let entering else {
                return basis.enumerated().reduce(OracleFraction.zero) { $0 + cost[$1.element] * rows[$1.offset][columns] }
            }
            var leaving: Int?
            for row in rows.indices where OracleFraction.zero < rows[row][entering] {
                guard let current = leaving else {
                    leaving = row
                    continue
                }
                let ratio = rows[row][columns] / rows[row][entering]
                let best = rows[current][columns] / rows[current][entering]
                if ratio < best || (ratio == best && basis[row] < basis[current]) { leaving = row }
            }
            guard let leaving else { return nil }
            pivot(leaving, entering)
        }
    }

    private mutating func pivot(_ row: Int, _ column: Int) {
        let element = rows[row][column]
        rows[row] = rows[row].map { $0 / element }
        for other in rows.indices where other != row && !rows[other][column].isZero {
            let factor = rows[other][column]
            for index in rows[other].indices { rows[other][index] = rows[other][index] - factor * rows[row][index] }
        }
        basis[row] = column
    }

    private mutating func removeArtificialsFromBasis() {
        var row = 0
        while row < rows.count {
            if basis[row] >= artificialStart {
                if let column = (0..<artificialStart).first(where: { !rows[row][$0].isZero }) {
                    pivot(row, column)
                } else {
                    rows.remove(at: row)
                    basis.remove(at: row)
                    continue
                }
            }
            row += 1
        }
    }
}
