/// The values a suppressed count can take given everything a release publishes: every whole
/// number from `lower` to `upper` is attained by some table of non-negative counts consistent
/// with all printed cells, margins and linked tables. `upper` nil means no upper limit.
///
/// A narrow interval means the suppression hides little: [3, 3] is the count itself, and [2, 4]
/// tells a reader it is "about three". The rules demand a width of at least `protectionWidth`.
public struct FeasibleInterval: Hashable, Sendable, CustomStringConvertible {
    /// The smallest value a consistent table gives the count.
    public var lower: Int
    /// The largest, or nil when nothing published limits it.
    public var upper: Int?

    /// Memberwise.
    public init(lower: Int, upper: Int?) {
        self.lower = lower
        self.upper = upper
    }

    /// `upper - lower`, or nil when unbounded.
    public var width: Int? { upper.map { $0 - lower } }

    /// Whether the interval meets a required width (an unbounded one always does).
    public func isAtLeast(_ width: Int) -> Bool { self.width.map { $0 >= width } ?? true }

    /// "[3, 11]" or "[0, ∞)".
    public var description: String { upper.map { "[\(lower), \($0)]" } ?? "[\(lower), ∞)" }
}
