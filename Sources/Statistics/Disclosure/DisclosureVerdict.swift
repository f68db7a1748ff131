/// The audit's answer, returned rather than thrown so callers (the release preview, tests,
/// `protect` itself) can show the reason and the interval that made a table unsafe.
public enum DisclosureVerdict: Hashable, Sendable {
    /// Every printed count is 0 or at least the minimum, every suppressed count has a feasible
    /// interval at least `protectionWidth` wide, and no group's shared attribute can be proven.
    case safe
    /// The first problem found: the count, its feasible interval where one applies (for a
    /// count that is printed although it is too small there is none), and why.
    case unsafe(cell: CountReference, interval: FeasibleInterval?, reason: String)
    /// The tables cannot be audited: malformed, or their printed counts contradict each other.
    case unreadable(reason: String)

    /// True only for `.safe`: the release may be published.
    public var isSafe: Bool { self == .safe }
}
