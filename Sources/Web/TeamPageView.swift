/// What `team.mustache` shows a lead: each member's open caseload and deadlines, the covers
/// (Vertretungen) in force, and the form to set one.
struct TeamPageView {
    struct Member {
        let username: String
        let role: String
        let open: String
        let overdue: String
        let soon: String
        let hasOverdue: Bool
        let coveredBy: String?
        let covering: String?
        /// The member whose cover can be ended.
        let endable: String?
    }

    let title: String
    let notice: String?
    let error: String?
    let members: [Member]
    let staff: [String]
    let today: String
}
