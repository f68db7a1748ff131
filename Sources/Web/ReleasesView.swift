/// A lead's list of statistics releases, with the form that computes one.
struct ReleasesView {
    struct Release {
        let id: String
        let period: String
        let createdAt: String
        let createdAtISO: String
        let sentAt: String?
        let sentAtISO: String?
        let epsilon: String?
    }

    let title: String
    let notice: String?
    /// The period as typed, shown again with its problem or warning; empty on a fresh form.
    let period: String
    let problem: String?
    let warning: String?
    let suggestion: String
    let hasReleases: Bool
    let releases: [Release]
}
