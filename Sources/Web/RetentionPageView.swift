/// What `retention.mustache` shows a lead: what the retention policy deletes in the next weeks
/// and why, and the cases a legal hold keeps.
struct RetentionPageView {
    /// A case the policy deletes soon.
    struct Going {
        let id: String
        let reference: String
        let reason: String
        let day: String
        /// Due already: the next run deletes it.
        let overdue: Bool
        /// An unclassified report past its flag day.
        let flagged: Bool
    }

    /// A case a legal hold keeps; `reason` and `day` say when the policy would delete it.
    struct Held {
        let id: String
        let reference: String
        let reason: String?
        let day: String?
    }

    let title: String
    let intro: String
    let rules: [String]
    let going: [Going]
    let anyGoing: Bool
    let held: [Held]
    let anyHeld: Bool
    let flaggedCount: String?
}
