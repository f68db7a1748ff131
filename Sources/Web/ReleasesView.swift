/// A lead's list of statistics releases, with the form that computes one.
struct ReleasesView {
    let title: String
    let notice: String?
    /// The period as typed, shown again with its problem or warning; nil on a fresh form, which
    /// then suggests the last closed year.
    let period: String?
    let problem: String?
    let warning: String?
    let suggestion: String
    let hasReleases: Bool
    let releases: [ReleaseSummaryView]
}
