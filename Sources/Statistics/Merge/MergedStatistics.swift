/// The Verband's statistics of one period, merged from the offices' releases and protected once.
public struct MergedStatistics: Sendable {
    /// `scope: verband`, unsigned: the caller signs it with the Verband's server key.
    public let file: StatFile
    /// The offices whose releases were merged, in the order the files were given.
    public let offices: [String]
    /// What disclosure control suppressed: the whole release under `mode: exact`, the exact
    /// funding-report totals only under `mode: dp`.
    public let disclosure: DisclosureSummary?

    /// What readers lose under `mode: exact` (nil under `mode: dp`): for the analyst, never
    /// published, since the share of cases hidden is a sum no table prints.
    public let loss: InformationLoss?
    /// The loss of the alternative when recoding was tried (see `ProtectedRelease.comparedLoss`).
    public let comparedLoss: InformationLoss?
    /// Whether rare codes were merged before suppression.
    public let recoded: Bool

    public init(
        file: StatFile, offices: [String], disclosure: DisclosureSummary?, loss: InformationLoss? = nil,
        comparedLoss: InformationLoss? = nil, recoded: Bool = false
    ) {
        self.file = file
        self.offices = offices
        self.disclosure = disclosure
        self.loss = loss
        self.comparedLoss = comparedLoss
        self.recoded = recoded
    }
}
