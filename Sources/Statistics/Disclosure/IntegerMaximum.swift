/// The largest value an integer-valued objective takes over the integer points of a program,
/// as far as branch and bound established it. Counts are whole numbers, so an attacker's real
/// interval is the integer one, which can be narrower than the rational relaxation's.
enum IntegerMaximum: Sendable, Equatable {
    /// No upper limit: the objective grows without bound.
    case unbounded
    /// An integer point attains `witness` (nil: none found within the node limit); no integer
    /// point exceeds `bound` (nil: the search stopped early at a target). Equal values mean exact.
    case bounded(witness: Int?, bound: Int?)
    /// No non-negative integer point satisfies the program.
    case infeasible

    /// The best value proven to be attained by an integer point.
    var witness: Int? {
        if case .bounded(let witness, _) = self { return witness }
        return nil
    }
}
