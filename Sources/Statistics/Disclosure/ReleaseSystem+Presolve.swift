/// Shrinking the linear programs before the simplex sees them.
extension ReleaseSystem {
    /// Drops single-count bounds that other constraints already imply: `x ≤ b` when an equality
    /// whose unknown terms all have one sign already caps x at b or less, and `x ≥ b` for b ≤ 0.
    /// A multi-valued total printed over suppressed cells gives one such row per cell; the
    /// feasible set does not change, the tableau gets much smaller.
    static func withoutImpliedBounds(_ constraints: [LinearConstraint], unknownCount: Int) -> [LinearConstraint] {
        var cap = [Rational?](repeating: nil, count: unknownCount)
        for constraint in constraints where constraint.relation == .equal {
            let positive = constraint.terms.allSatisfy(\.coefficient.isPositive)
            let negative = constraint.terms.allSatisfy(\.coefficient.isNegative)
            guard positive || negative else { continue }
            for term in constraint.terms {
                guard let limit = try? constraint.bound.divided(by: term.coefficient), !limit.isNegative else { continue }
                cap[term.index] = cap[term.index].map { min($0, limit) } ?? limit
            }
        }
        return constraints.filter { constraint in
            guard constraint.relation != .equal, constraint.terms.count == 1, let term = constraint.terms.first,
                let limit = try? constraint.bound.divided(by: term.coefficient)
            else { return true }
            // a·x ≥ b is x ≥ b/a for a > 0 and x ≤ b/a for a < 0 (and the reverse for ≤).
            let isUpperBound = (constraint.relation == .greaterOrEqual) == term.coefficient.isNegative
            if isUpperBound { return cap[term.index].map { $0 > limit } ?? true }
            return limit.isPositive
        }
    }
}
