/// The Verband's statistics of one period, merged from the offices' releases and protected once.
public struct MergedStatistics: Sendable {
    /// `scope: verband`, unsigned: the caller signs it with the Verband's server key.
    public let file: StatFile
    /// The offices whose releases were merged, in the order the files were given.
    public let offices: [String]
    /// What disclosure control suppressed: the whole release under `mode: exact`, the exact
    /// funding-report totals only under `mode: dp`.
    public let disclosure: DisclosureSummary?

    public init(file: StatFile, offices: [String], disclosure: DisclosureSummary?) {
        self.file = file
        self.offices = offices
        self.disclosure = disclosure
    }
}
