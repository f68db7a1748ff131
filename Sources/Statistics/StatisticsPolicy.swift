/// `Policies/statistics.yaml`: the tables of a release, the disclosure rules for what the
/// Verband publishes, and the mode (exact counts with suppression, or differential privacy).
public struct StatisticsPolicy: Sendable {
    public enum Mode: String, Sendable { case exact, dp }

    public let version: String
    public let mode: Mode
    /// Published counts from 1 to `minimumCount - 1` are suppressed ("<5").
    public let minimumCount: Int
    /// Every suppressed count keeps a feasible interval at least this wide.
    public let protectionWidth: Int
    public let groupAttribute: Bool
    /// ε of one release and the yearly cap, as rational text ("1/2"), read by the noise step.
    public let epsilonPerRelease: String
    public let yearlyCap: String
    public let tables: [TableSpec]
    /// Global recoding before suppression (`recoding:`); `.none` when the policy has none.
    public internal(set) var recoding: RecodingRules = .none
    /// SHA-256 (hex) of the file as read: a release names the policy it was made under.
    public let digest: String
    /// How the taxonomy's top-level codes cover their subtypes, taken from the vocabulary the
    /// policy was checked against: disclosure control needs it to read `ground` and `ground_top`
    /// tables together as a reader would.
    public internal(set) var codeHierarchies: [CodeHierarchy] = []
    /// Every code each dimension of the policy's tables may take (by its key: `ground`,
    /// `area_top`, …), from the same vocabulary: the Verband's merge refuses a table keyed by
    /// anything else, since keys end up in published files and spreadsheets.
    public internal(set) var dimensionCodes: [String: Set<String>] = [:]

    public func table(_ name: String) -> TableSpec? { tables.first { $0.name == name } }

    /// The tables of one kind of report (`annual`, `quarterly`).
    public func tables(for report: String) -> [TableSpec] { tables.filter { $0.reports.contains(report) } }
}
