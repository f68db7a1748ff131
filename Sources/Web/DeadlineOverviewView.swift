/// What `deadlines.mustache` shows: the legal deadlines and the Wiedervorlagen due soon or
/// overdue, each with its case and who is responsible.
struct DeadlineOverviewView {
    struct Row {
        let url: String
        let reference: String
        let title: String
        let step: String
        let label: String
        let due: String
        let dueText: String
        let overdue: Bool
        let badge: String
        let responsible: String
        /// The rule of an overdue legal deadline, which can be marked versäumt here.
        let missable: String?
        let action: String
        let formID: String
    }

    let title: String
    let warnDays: String
    let legal: [Row]
    let anyLegal: Bool
    let followUps: [Row]
    let anyFollowUps: Bool
    let overdueCount: String
    let followUpsOverdueCount: String
    /// Only the member's own (`?mine=1`).
    let mine: Bool
    let notice: String?
}
