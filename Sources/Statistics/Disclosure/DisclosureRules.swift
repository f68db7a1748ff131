/// The disclosure rules of `Policies/statistics.yaml` for published tables (DESIGN.md,
/// "Classification and statistics"). Loading them from YAML happens elsewhere.
public struct DisclosureRules: Hashable, Sendable {
    /// Any published count in `1..<minimumCount` is suppressed ("<5"): a handful of cases can
    /// point at a person. Zero is published, since it names no one.
    public var minimumCount: Int
    /// Every suppressed count must keep a feasible interval at least this wide given all that
    /// is published, so that a suppression cannot be undone by arithmetic on the margins.
    public var protectionWidth: Int
    /// Also suppress a cell holding a whole non-empty row or column of a two-dimensional table
    /// (everyone in that group shares the attribute, whatever the count).
    public var groupAttribute: Bool

    /// Values below 1 (minimum count) and 0 (width) are raised to them.
    public init(minimumCount: Int = 5, protectionWidth: Int = 5, groupAttribute: Bool = true) {
        self.minimumCount = max(1, minimumCount)
        self.protectionWidth = max(0, protectionWidth)
        self.groupAttribute = groupAttribute
    }

    /// Whether a published count would break the minimum-count rule.
    public func isTooSmall(_ count: Int) -> Bool { count >= 1 && count < minimumCount }
}
