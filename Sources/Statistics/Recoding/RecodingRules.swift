/// The `recoding:` section of `Policies/statistics.yaml`: which dimensions the Verband may
/// recode before suppression, and below which count a code is rare (docs/disclosure-control.md,
/// "Recoding"). Recoding merges rare codes into their parent or into "sonstige" in every table
/// of a publication alike (global recoding), so that fewer counts have to be suppressed.
public struct RecodingRules: Hashable, Sendable {
    /// Dimension keys as tables name them (`ground`, `ground_top`, `area_top`, …).
    public var dimensions: Set<String>
    /// A code counted 1…`below - 1` times in some table of the publication is rare.
    public var below: Int
    /// Codes never merged away however rare (the grounds of § 1 AGG, antisemitism, the main
    /// areas of life): a report must show them, with "<5" where they are small. Their rare
    /// subtypes may still join them ("… mit Untertypen").
    public var keep: Set<String>

    public init(dimensions: Set<String>, below: Int, keep: Set<String> = []) {
        self.dimensions = dimensions
        self.below = max(1, below)
        self.keep = keep
    }

    /// No recoding at all: what publications did before, and the comparison run.
    public static let none = RecodingRules(dimensions: [], below: 1)

    public var isEnabled: Bool { !dimensions.isEmpty && below > 1 }
}
