/// The result of `DisclosureControl.protect`: the tables as they may be published, what it
/// took, and the verdict of the exact audit on exactly these tables.
public struct ProtectedRelease: Sendable {
    /// The input tables in the same order and shape, suppressed counts as `count: nil, suppressed: true`.
    public var tables: [StatTable]
    /// What the protection cost.
    public var summary: DisclosureSummary
    /// `.safe` except in the degenerate case where even suppressing everything did not satisfy
    /// the audit (nothing is printed then); callers publish only on `.safe`.
    public var verdict: DisclosureVerdict
    /// What readers lose, against the exact tables before recoding.
    public var loss: InformationLoss = InformationLoss()
    /// When recoding was tried, the loss of the choice not kept: suppression alone when the
    /// recoded tables were kept, the recoded tables when they would have hidden more.
    public var comparedLoss: InformationLoss?
    /// What recoding merged (empty when it was not used).
    public var recoding: RecodingMap = RecodingMap()

    /// Memberwise, for tests and stored releases.
    public init(tables: [StatTable], summary: DisclosureSummary, verdict: DisclosureVerdict) {
        self.tables = tables
        self.summary = summary
        self.verdict = verdict
    }
}
