/// How good a set of new suppressions is: wide enough beats not wide enough; among wide enough
/// ones the cheaper, among the others the wider (then the cheaper) wins.
struct CycleScore: Comparable, Sendable {
    var cost: Int
    var width: Int
    var required: Int

    var isWideEnough: Bool { width >= required }

    static func < (lhs: CycleScore, rhs: CycleScore) -> Bool {
        if lhs.isWideEnough != rhs.isWideEnough { return lhs.isWideEnough }
        if lhs.isWideEnough { return (lhs.cost, -lhs.width) < (rhs.cost, -rhs.width) }
        return (-lhs.width, lhs.cost) < (-rhs.width, rhs.cost)
    }
}
