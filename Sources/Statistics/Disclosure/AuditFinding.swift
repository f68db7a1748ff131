/// One problem the audit found, with the quantity it concerns so `protect` can act on it.
struct AuditFinding: Sendable {
    enum Kind: Sendable, Equatable {
        /// A printed count in 1..<minimumCount.
        case tooSmall
        /// A count suppressed in one place but readable (printed) in another.
        case readableElsewhere
        /// A suppressed count whose feasible interval is narrower than the rule.
        case narrow
        /// A cell that can be proven to hold its whole group (`group` is the line's margin).
        case wholeGroup(group: QuantityKey)
        /// The checker could not decide (overflow, node limit): unsafe until proven otherwise.
        case undecided
    }

    var kind: Kind
    var quantity: QuantityKey
    var reference: CountReference
    var interval: FeasibleInterval?
    var reason: String

    var verdict: DisclosureVerdict { .unsafe(cell: reference, interval: interval, reason: reason) }

    /// The same problem as `other`, no worse: a too narrow count with the same interval, or the
    /// same cell holding the same whole group. Printed small counts and undecided checks never are.
    func isSameProblem(as other: AuditFinding) -> Bool {
        guard quantity == other.quantity else { return false }
        switch (kind, other.kind) {
        case (.narrow, .narrow): return interval != nil && interval == other.interval
        case (.wholeGroup(let group), .wholeGroup(let otherGroup)): return group == otherGroup
        default: return false
        }
    }
}
