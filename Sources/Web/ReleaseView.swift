/// The preview of one release: when it was made and sent, its policy, and its tables.
struct ReleaseView {
    let title: String
    let release: ReleaseSummaryView
    let policy: String
    let taxonomy: String
    let notice: String?
    /// The tables as the statistics page presents them.
    let tables: [StatTableView]
    /// In a quarter, the tables the policy keeps to the year, so their absence is not read as zero.
    let yearOnly: String?
}
