/// The audit page: the filter form, the events of one page (newest first), and the links to
/// the neighbouring pages.
struct AuditView {
    struct MemberChoice {
        let value: String
        let selected: Bool
    }

    /// A case subject as a link to the case under its reference; the rest of the subject after it.
    struct CaseLink {
        let url: String
        let reference: String
        let rest: String
    }

    struct Event {
        let sequence: String
        let at: String
        let atText: String
        let actor: String
        let action: String
        let code: String
        let subject: String
        let caseLink: CaseLink?
    }

    let title: String
    let memberChoices: [MemberChoice]
    let filterCase: String
    let filterDay: String
    let filtered: Bool
    let problems: [String]
    let events: [Event]
    /// The sequence numbers shown, on the unfiltered pages only (empty when there are none).
    let range: String?
    let older: String?
    let oldest: String?
    let newer: String?
}
