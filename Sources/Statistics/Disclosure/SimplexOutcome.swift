/// What one optimisation over a feasible tableau found.
enum SimplexOutcome: Sendable, Equatable {
    /// The optimum and a basic solution attaining it (values of the program's variables).
    case optimal(value: Rational, point: [Rational])
    /// The objective reached the caller's target at this basic solution; the optimum may be larger.
    case reachedTarget(value: Rational, point: [Rational])
    /// The objective grows without bound.
    case unbounded

    /// True when the optimisation stopped at a target rather than at the optimum.
    var isTargetOnly: Bool {
        if case .reachedTarget = self { return true }
        return false
    }
}
