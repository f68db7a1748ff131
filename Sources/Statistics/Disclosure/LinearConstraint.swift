/// One linear constraint `Σ coefficient × x[index]  (≤ | = | ≥)  bound` over non-negative
/// variables. Sparse, because a published relation touches only a line of a table.
struct LinearConstraint: Sendable, Equatable {
    enum Relation: Sendable, Equatable { case lessOrEqual, equal, greaterOrEqual }

    var terms: [(index: Int, coefficient: Rational)]
    var relation: Relation
    var bound: Rational

    init(_ terms: [(index: Int, coefficient: Rational)], _ relation: Relation, _ bound: Rational) {
        self.terms = terms
        self.relation = relation
        self.bound = bound
    }

    static func == (lhs: LinearConstraint, rhs: LinearConstraint) -> Bool {
        lhs.relation == rhs.relation && lhs.bound == rhs.bound
            && lhs.terms.map(\.index) == rhs.terms.map(\.index)
            && lhs.terms.map(\.coefficient) == rhs.terms.map(\.coefficient)
    }
}
