/// The member header of every member page: which page is current (for the navigation), the
/// logout form's CSRF token, and who is logged in with the pages their role reaches.
struct MemberHeader {
    struct Member {
        let username: String
        let managesMembers: Bool
        let isLead: Bool
        let worksCases: Bool
        let readsStatistics: Bool
    }

    let current: [String: Bool]
    let csrf: String?
    let member: Member?
}
