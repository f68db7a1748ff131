/// What `cases.mustache` shows: the filters with their choices, one row per case of this page
/// of the list, the link to the next page, and the Kontakt ohne Akte form's choices.
struct CaseListView {
    /// One case of the list: reference, title, kind, step, assignees and the worst deadline badge.
    struct Row {
        let url: String
        let reference: String
        let title: String
        let kind: String
        let step: String
        let receivedOn: String
        let channel: String
        let assignees: String
        let nextDue: NextDue?
        let unreadBadge: String?
        let badge: Badge?
    }

    /// The case's next pending deadline.
    struct NextDue {
        let due: String
        let dueText: String
        let label: String
    }

    /// "überfällig" or "bald fällig"; `class` is the CSS class.
    struct Badge {
        let `class`: String
        let text: String
    }

    /// Unread reporter messages: all the member sees, and their own.
    struct Unread {
        let all: String
        let mine: String
        let any: Bool
    }

    let title: String
    let cases: [Row]
    let anyCases: Bool
    let steps: [CaseFormChoice]
    let assignedChoices: [CaseFormChoice]
    let sortChoices: [CaseFormChoice]
    let unreadOnly: Bool
    let unread: Unread
    let dueChoices: [CaseFormChoice]
    let query: String
    let filtered: Bool
    let channels: [CaseFormChoice]
    let grounds: [CaseFormChoice]
    let warnDays: String
    /// What the search box was read as.
    var searchedAs: String?
    var next: String?
    var notice: String?
}
