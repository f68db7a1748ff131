/// A system of linear constraints over `variableCount` non-negative variables: what an
/// attacker knows about the suppressed counts of a release. The audit asks it for the smallest
/// and largest value of one count (or of a difference of counts) via `SimplexTableau`.
struct LinearProgram: Sendable, Equatable {
    var variableCount: Int
    var constraints: [LinearConstraint]

    init(variableCount: Int, constraints: [LinearConstraint] = []) {
        self.variableCount = variableCount
        self.constraints = constraints
    }

    /// The same program with one more constraint (a branch of branch and bound).
    func adding(_ constraint: LinearConstraint) -> LinearProgram {
        var copy = self
        copy.constraints.append(constraint)
        return copy
    }
}
