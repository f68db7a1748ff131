/// What the annual report's template (`Templates/reports/annual`) sees: the frame (language,
/// strings, stylesheet), the title and period, and the report's parts in order.
struct AnnualReportView {
    /// A counting unit and what it counts, for the method note.
    struct Unit {
        let unit: String
        let text: String
    }

    let lang: String
    let dir: String
    let t: [String: String]
    let stylesheet: String
    let title: String
    let year: String
    let periodText: String
    let generatedOn: String
    /// The key numbers, charts, tables and trend as the statistics page presents them.
    let keyNumbers: [StatisticsPresentation.KeyNumber]
    let charts: [StatisticsPresentation.Chart]
    let tables: [StatisticsPresentation.Table]
    let trend: StatisticsPresentation.Trend?
    let units: [Unit]
    let rules: [String]
    let marks: String
    /// A screen-only link back to the page the report was opened from; absent in a saved file.
    let backLink: String?
}
