/// What `statistics.mustache` shows an analyst: the published periods, and for the chosen one
/// its key numbers, charts, trend and tables; `none` before anything is published.
struct StatisticsPageView {
    struct Period {
        let period: String
        let url: String
        let current: Bool
    }

    /// What a suppression mark means.
    struct LegendEntry {
        let mark: String
        let text: String
    }

    let title: String
    /// The Verband's own page of received releases, where the server publishes.
    let receivedLink: Bool
    let periods: [Period]
    var none = false
    /// The chosen period; the rest belongs to it.
    var period: String?
    var publishedOn: String?
    var releaseCount: String?
    /// The offices that took part.
    var offices: String?
    var verband: String?
    var keyNumbers: [StatisticsPresentation.KeyNumber] = []
    var charts: [StatisticsPresentation.Chart] = []
    var tables: [StatisticsPresentation.Table] = []
    var legend: [LegendEntry] = []
    /// Differential privacy: the legend says the counts carry noise.
    var dp = false
    /// The annual report, for a whole year.
    var reportURL: String?
    var trend: StatisticsPresentation.Trend?
}
