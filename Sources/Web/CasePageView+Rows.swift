extension CasePageView {
    /// The facts at the head of the case page.
    struct Summary {
        let id: String
        let reference: String
        let title: String
        let kind: String
        let step: String
        let stepCode: String
        let channel: String
        let receivedOn: String
        let outcome: String?
        let assignees: [Assignee]
        let persons: [Person]
    }

    struct Assignee {
        let username: String
        let role: String
    }

    struct Person {
        let label: String
        let minor: Bool
    }

    /// The newest message of the reporter while it is unread.
    struct NewestReporter {
        let messageText: String?
        let on: String
        let fileNote: String?
    }

    /// One way the policy allows from the case's step, asking only for what that way needs.
    struct Transition {
        let name: String
        let from: String
        let to: String
        let toLabel: String
        let shreds: Bool
        let reason: Bool
        let confirm: Bool
        let back: Bool
        let requesters: Choices?
        /// The reason a refused form of this way sent.
        let reasonText: String?
        let intervention: Choices?
        let outcomeChoices: Choices?
    }

    /// The options of one select (or radio group) of a transition form.
    struct Choices {
        let choices: [CaseFormChoice]
    }

    /// The case's legal fields as read, where they come from, and the form to set them.
    struct LegalFields {
        let read: String
        let always: String
        let source: String
        let unset: Bool
        let byHand: Bool
        let choices: [CaseFormChoice]
    }

    struct Deadline {
        let label: String
        let start: String?
        let due: String
        let dueText: String
        let state: String
        let stateCode: String
        let overridden: Bool
        /// A Wiedervorlage not met yet, which can be marked done.
        let manualID: String?
        let owner: String?
        /// The rule of an overdue legal deadline, which can be marked versäumt.
        let missable: String?
        let missedReason: String?
    }

    struct Event {
        let label: String
        let on: String
    }

    /// The report as the reporter sent it (also printed in the case file).
    struct Report {
        let narrative: String
        let incidentDate: String?
        let learnedDate: String?
        let submittedOn: String
        let language: String
        let grounds: String
        let area: String?
        let region: String?
        let role: String?
    }

    /// The counsellor's classification as read, and the form to change it.
    struct Classification {
        let present: Bool
        let month: String?
        let read: [FacetCodes]
        let readRegion: String?
        let facets: [Facet]
        let regions: [CaseFormChoice]
        let flags: [CaseFormChoice]
    }

    /// A facet and the codes chosen in it, as words (also printed in the case file).
    struct FacetCodes {
        let facet: String
        let codes: String
    }

    /// One facet of the classification form: radio buttons, or checkboxes where several apply.
    struct Facet {
        let key: String
        let label: String
        let multi: Bool
        let codes: [Code]
        let noneChecked: Bool
    }

    struct Code {
        let value: String
        let label: String
        let child: Bool
        let checked: Bool
    }

    struct Contact {
        let on: String
        let minutes: String
        let mode: String
        let with: String
        let interpreting: String
        let language: String?
        let note: String?
    }

    struct Party {
        let name: String
        let role: String
    }

    struct Document {
        let id: String
        let type: String
        let counterpart: String?
        let scope: String
        let signedOn: String
        let revokedOn: String?
        let inForce: Bool
        let file: FileLink?
    }

    /// A stored file to download: a document's scan or a reporter's evidence.
    struct FileLink {
        let url: String
        let type: String
        let size: String
        let hash: String
    }

    struct PostedDocument {
        let signedOn: String
        let note: String
    }

    struct Intervention {
        let label: String
        let counterpart: String?
        let on: String
    }

    struct Letter {
        let url: String
        let template: String
        let sentOn: String?
        /// The edit form of a draft.
        let edit: String?
        let at: String
    }

    struct Note {
        let at: String
        let actor: String
        let text: String
    }

    struct Message {
        let fromOffice: Bool
        let from: String
        let text: String
        let on: String
        let file: FileLink?
    }

    /// A member of the office with the roles they may have on the case.
    struct StaffMember {
        let username: String
        let roles: [CaseFormChoice]
    }

    struct PersonRow {
        let index: String
        let label: String
        let minor: Bool
    }

    /// An entry of the history (also printed in the case file); `message` marks the reporter
    /// conversation's.
    struct HistoryEntry {
        let at: String
        let actor: String
        let kind: String
        let text: String
        let message: Bool
    }
}
