/// The analysts' page of received releases: one row per period, and the confirmation asked for
/// when a period is to be published without every member office's release.
struct ReceivedView {
    struct Period {
        let period: String
        let releases: String
        /// The member offices that have sent nothing for the period, by name.
        let missing: String?
        let publishedAt: String?
        let publishedAtISO: String?
        let publishedFrom: String?
    }

    struct Confirmation {
        let period: String
        let text: String
    }

    let title: String
    let notice: String?
    let problem: String?
    let periods: [Period]
    let hasPeriods: Bool
    let confirm: Confirmation?
}
