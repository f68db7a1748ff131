/// Integer maximisation on top of `SimplexTableau`: solve the relaxation, and while the optimum
/// sits at a fractional point, split on its first fractional variable (x ≤ ⌊v⌋ or x ≥ ⌈v⌉).
///
/// The constraint matrices of additive tables are totally unimodular, so their optima are
/// already integral and the search ends at the root. The node limit keeps rare hard cases
/// bounded; the answer then reports only what was proven, and callers treat that
/// conservatively (a narrower interval than the truth, never a wider one).
enum BranchAndBound {
    static let nodeLimit = 64

    /// Maximises `objective` (integer coefficients) over the integer points of `program`.
    /// `root` is a feasible tableau of `program`, reused (and moved) for the first relaxation.
    /// With a `target`, it returns as soon as an integer point reaches it.
    static func maximize(
        _ objective: [(index: Int, coefficient: Rational)], program: LinearProgram,
        root: inout SimplexTableau, target: Int?
    ) throws(ExactArithmeticError) -> IntegerMaximum {
        let first = try root.maximize(objective, target: target.map(Rational.init))
        if case .reachedTarget(let value, let point) = first, point.allSatisfy(\.isInteger) {
            return .bounded(witness: value.floor, bound: nil)
        }
        let outcome = first.isTargetOnly ? try root.maximize(objective) : first
        guard case .optimal(let value, let point) = outcome else { return .unbounded }
        if point.allSatisfy(\.isInteger) { return .bounded(witness: value.floor, bound: value.floor) }
        return try search(objective, program: program, rootBound: value.floor, rootPoint: point, target: target)
    }

    private static func search(
        _ objective: [(index: Int, coefficient: Rational)], program: LinearProgram,
        rootBound: Int, rootPoint: [Rational], target: Int?
    ) throws(ExactArithmeticError) -> IntegerMaximum {
        var best: Int?
        var pending = branches(of: program, at: rootPoint)
        var nodes = 1
        while let node = pending.popLast() {
            nodes += 1
            guard nodes <= nodeLimit else { return .bounded(witness: best, bound: rootBound) }
            guard var tableau = try SimplexTableau.start(node) else { continue }
            guard case .optimal(let value, let point) = try tableau.maximize(objective) else { return .unbounded }
            if let best, value.floor <= best { continue }
            if point.allSatisfy(\.isInteger) {
                best = value.floor
                if let target, value.floor >= target { return .bounded(witness: value.floor, bound: nil) }
            } else {
                pending.append(contentsOf: branches(of: node, at: point))
            }
        }
        guard let best else { return .infeasible }
        return .bounded(witness: best, bound: best)
    }

    /// The two subprograms that cut off the first fractional coordinate of `point`.
    private static func branches(of program: LinearProgram, at point: [Rational]) -> [LinearProgram] {
        guard let index = point.firstIndex(where: { !$0.isInteger }) else { return [] }
        let value = point[index]
        return [
            program.adding(LinearConstraint([(index, .one)], .lessOrEqual, Rational(value.floor))),
            program.adding(LinearConstraint([(index, .one)], .greaterOrEqual, Rational(value.ceiling))),
        ]
    }
}
