/// What protection cost, for the release preview and the method note: distinct counts
/// suppressed (a count shared by linked tables counts once), audit rounds, and any fallback.
public struct DisclosureSummary: Hashable, Sendable {
    /// Suppressed for themselves: a count in 1..<minimumCount, or a cell holding its whole group.
    public var primary: Int
    /// Suppressed only so that the primary ones cannot be worked out.
    public var secondary: Int
    /// How many times the exact audit ran (the last one passed unless `fallback` is `.everything`).
    public var auditRounds: Int
    /// Whether and how far `protect` had to fall back (see `DisclosureFallback`).
    public var fallback: DisclosureFallback

    /// Memberwise, for tests and callers that report a summary they stored.
    public init(primary: Int, secondary: Int, auditRounds: Int, fallback: DisclosureFallback) {
        self.primary = primary
        self.secondary = secondary
        self.auditRounds = auditRounds
        self.fallback = fallback
    }
}
