/// A dense two-phase primal simplex over `Rational`, with Bland's rule (lowest-index entering
/// column, lowest-index leaving row on ties) so degenerate pivots cannot cycle. (Dantzig's
/// largest-coefficient rule was tried: on the count tables it took many more pivots through
/// fractional vertices.)
///
/// `start` runs phase 1 once; afterwards the tableau holds a feasible basis and each call of
/// `maximize` starts phase 2 from wherever the previous call left it. The audit asks one
/// tableau for the minimum and maximum of many counts in a row, and neighbouring optima are
/// usually a few pivots apart.
struct SimplexTableau: Sendable {
    /// Columns `0..<variableCount` are the program's variables, then one slack per inequality,
    /// then (during phase 1 only) the artificials; the last entry of each row is its right-hand side.
    private var rows: [[Rational]]
    private var basis: [Int]
    let variableCount: Int
    private var columnCount: Int
    /// Columns at or after this index are phase 1's artificial variables.
    private let structuralCount: Int

    /// A feasible tableau for `program`, or nil when no non-negative point satisfies it.
    static func start(_ program: LinearProgram) throws(ExactArithmeticError) -> SimplexTableau? {
        var tableau = try SimplexTableau(equalityFormOf: program)
        return try tableau.runPhaseOne() ? tableau : nil
    }

    /// The current basic solution, one value per program variable.
    var point: [Rational] {
        var values = [Rational](repeating: .zero, count: variableCount)
        for (row, column) in basis.enumerated() where column < variableCount {
            values[column] = rows[row][columnCount]
        }
        return values
    }

    /// Maximises `Σ coefficient × x[index]` from the current basis. With a `target`, it stops
    /// at the first basis whose value reaches it: enough to prove "at least this wide".
    mutating func maximize(_ objective: [(index: Int, coefficient: Rational)], target: Rational? = nil)
        throws(ExactArithmeticError) -> SimplexOutcome
    {
        var costs = [Rational](repeating: .zero, count: columnCount)
        for term in objective { costs[term.index] = try costs[term.index].adding(term.coefficient) }
        return try optimize(costs: costs, target: target)
    }

    // MARK: - Building the equality form

    private init(equalityFormOf program: LinearProgram) throws(ExactArithmeticError) {
        let slackCount = program.constraints.filter { $0.relation != .equal }.count
        let structural = program.variableCount + slackCount
        var built: [[Rational]] = []
        var basic: [Int?] = []
        var slack = program.variableCount
        for constraint in program.constraints {
            var row = [Rational](repeating: .zero, count: structural + 1)
            for term in constraint.terms { row[term.index] = try row[term.index].adding(term.coefficient) }
            var slackColumn: Int?
            switch constraint.relation {
            case .lessOrEqual:
                row[slack] = .one
                slackColumn = slack
                slack += 1
            case .greaterOrEqual:
                row[slack] = Rational(-1)
                slackColumn = slack
                slack += 1
            case .equal: break
            }
            row[structural] = constraint.bound
            if constraint.bound.isNegative { row = row.map { $0.negated() } }
            // A slack that ended up with +1 can start in the basis; otherwise the row needs an artificial.
            basic.append(slackColumn.flatMap { row[$0] == .one ? $0 : nil })
            built.append(row)
        }
        let artificialRows = basic.indices.filter { basic[$0] == nil }
        var widened = built.map { row in
            Array(row.dropLast()) + [Rational](repeating: .zero, count: artificialRows.count) + [row[structural]]
        }
        for (offset, row) in artificialRows.enumerated() {
            widened[row][structural + offset] = .one
            basic[row] = structural + offset
        }
        rows = widened
        basis = basic.map { $0 ?? 0 }
        variableCount = program.variableCount
        structuralCount = structural
        columnCount = structural + artificialRows.count
    }

    /// Phase 1: maximise minus the sum of the artificials. Zero means feasible; then the
    /// artificials still basic (at zero) are pivoted out, or their rows dropped as redundant,
    /// and the artificial columns removed.
    private mutating func runPhaseOne() throws(ExactArithmeticError) -> Bool {
        guard columnCount > structuralCount else { return true }
        var costs = [Rational](repeating: .zero, count: columnCount)
        for column in structuralCount..<columnCount { costs[column] = Rational(-1) }
        guard case .optimal(let value, _) = try optimize(costs: costs, target: nil), value.isZero else { return false }
        var unused = [Rational](repeating: .zero, count: columnCount + 1)
        var row = 0
        while row < rows.count {
            if basis[row] >= structuralCount {
                if let column = (0..<structuralCount).first(where: { !rows[row][$0].isZero }) {
                    try pivot(row: row, column: column, reduced: &unused)
                } else {
                    rows.remove(at: row)
                    basis.remove(at: row)
                    continue
                }
            }
            row += 1
        }
        rows = rows.map { row in Array(row.prefix(structuralCount)) + [row[columnCount]] }
        columnCount = structuralCount
        return true
    }

    // MARK: - Phase 2

    private mutating func optimize(costs: [Rational], target: Rational?) throws(ExactArithmeticError) -> SimplexOutcome {
        // Reduced costs of the current basis; the last entry holds minus the objective value.
        var reduced = costs + [Rational.zero]
        for (row, column) in basis.enumerated() where !costs[column].isZero {
            let factor = costs[column]
            for index in reduced.indices where !rows[row][index].isZero {
                reduced[index] = try reduced[index].subtracting(factor, times: rows[row][index])
            }
        }
        while true {
            let value = reduced[columnCount].negated()
            if let target, value >= target { return .reachedTarget(value: value, point: point) }
            guard let entering = (0..<columnCount).first(where: { reduced[$0].isPositive }) else {
                return .optimal(value: value, point: point)
            }
            guard let leaving = try leavingRow(for: entering) else { return .unbounded }
            try pivot(row: leaving, column: entering, reduced: &reduced)
        }
    }

    /// The minimum-ratio row; ties go to the row whose basic variable has the lowest index.
    private func leavingRow(for column: Int) throws(ExactArithmeticError) -> Int? {
        var best: (row: Int, ratio: Rational)?
        for row in rows.indices where rows[row][column].isPositive {
            let ratio = try rows[row][columnCount].divided(by: rows[row][column])
            if let current = best {
                if ratio < current.ratio || (ratio == current.ratio && basis[row] < basis[current.row]) {
                    best = (row, ratio)
                }
            } else {
                best = (row, ratio)
            }
        }
        return best?.row
    }

    /// Gauss–Jordan step on (`pivotRow`, `column`), applied to every row and the reduced costs.
    private mutating func pivot(row pivotRow: Int, column: Int, reduced: inout [Rational]) throws(ExactArithmeticError) {
        let element = rows[pivotRow][column]
        if element != .one {
            for index in rows[pivotRow].indices where !rows[pivotRow][index].isZero {
                rows[pivotRow][index] = try rows[pivotRow][index].divided(by: element)
            }
        }
        let source = rows[pivotRow]
        let nonZero = source.indices.filter { !source[$0].isZero }
        for row in rows.indices where row != pivotRow && !rows[row][column].isZero {
            let factor = rows[row][column]
            for index in nonZero {
                rows[row][index] = try rows[row][index].subtracting(factor, times: source[index])
            }
        }
        let factor = reduced[column]
        if !factor.isZero {
            for index in nonZero {
                reduced[index] = try reduced[index].subtracting(factor, times: source[index])
            }
        }
        basis[pivotRow] = column
    }
}
